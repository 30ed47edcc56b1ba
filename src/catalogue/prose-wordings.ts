/**
 * Words of the prose rules (src/ingest/prose/rules.ts) that name what a sentence counts. Data only:
 * the rules put them into their patterns.
 */

/**
 * Kinds of information that cover everything the agency published, not one category: "主动公开公文类
 * 政府信息共263条" counts all its documents (the category lists after "其中" split it further). A
 * word here must never name one of the categories of 条例 第二十条 ("规划类", "政策类" stay out).
 */
export const WHOLE_KINDS: readonly string[] = ['各类', '各项', '全部', '所有', '相关', '有关', '公文类'];

/**
 * Words that make a bare 公开 ("全年公开政府信息共152条") the year's own publication: without one,
 * "公开…信息N条" may be one channel's or one occasion's.
 */
export const YEAR_SCOPES: readonly string[] = ['全年', '本年度', '本年', '年内', '今年'];

/**
 * "共公开政府信息300条，其中主动公开280条，依申请公开20条": a bare 公开 whose sentence goes on to split it
 * into 主动 and 依申请 counts more than the proactive total. (A category closing the list after "其中",
 * "其他应主动公开的政府信息68条", splits nothing.)
 */
export const SPLIT_BY_MODE = /(?<![应当])主动公开[^,;。、]{0,6}?\d|依申请/u;

/** Counters of a 复议/诉讼 count printed before its noun ("收到1份行政复议申请", "引发2起行政诉讼"). */
export const CASE_COUNTERS: readonly string[] = ['份', '件', '起'];

/**
 * Verbs that say the agency itself made a normative document this year ("制定规范性文件15件"): the
 * table's 本年制发件数. Not 公开/发布 (publishing one made earlier) nor 清理/审查/备案 (reviewing).
 */
export const ISSUE_VERBS: readonly string[] = ['制定', '制发', '出台', '印发'];
