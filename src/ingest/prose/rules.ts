/**
 * The prose rules (report-format.md §F): one regular expression per way of saying a figure, with `#`
 * where a number is printed and the catalogue key each `#` fills, in order. Rules run in this order
 * and a number used by an earlier rule is never reused, so specific wordings come before general ones
 * ("门户网站主动公开政府信息共计 509 条" is the website's figure, not the total).
 *
 * Matched against joined, normalized prose (see join.ts): NFKC, so "，；：（" are ",;:(", and no spaces
 * between Chinese characters and numbers.
 */

import { CASE_COUNTERS, ISSUE_VERBS, SPLIT_BY_MODE, WHOLE_KINDS, YEAR_SCOPES } from '../../catalogue/prose-wordings.ts';

/** Within one clause. */
const C = '[^。;!?,、]';

export interface ProseRule {
  /** Regex source; `#` marks a printed number. */
  pattern: string;
  /** Catalogue key for each `#`, in order. */
  keys: string[];
  /** Skip the match when the text right after it (to the sentence end) matches: the sentence claims something else. */
  unlessAfter?: RegExp;
  /** Skip the match when the sentence so far matches: an earlier subject makes it a channel's figure. */
  unlessBefore?: RegExp;
  /** Under a section heading matching this, `unlessBefore` does not apply (the section says what the sentence is about). */
  exceptUnder?: RegExp;
}

/**
 * "我局网站更新政务动态信息525条，主动公开政府信息47条" is the website's count under the sentence's
 * subject 网站 (which already gave a count), not the agency's total; "通过局网、微信公众号等途径主动公开
 * 620余条" and "通过网站、微信等共主动公开…" still are the total.
 */
const CHANNEL_SUBJECT = /(?:网站|微信|微博|公众号|客户端|APP)(?!.*(?:共|合计|总计|累计|全年))[^。;!?]*\d余?条[^。;!?]*$/;

/**
 * "截至2016年底，累计主动公开政府信息12万余条", "网站开通以来共发布…": a running total since some date, not
 * the year's figure. ("全年累计主动公开…" and "截至12月31日，共主动公开…" are the year's.)
 */
const CUMULATIVE = /(?:(?:截至|截止|(?<!今年|本年|年初)以来)[^。;!?]*累计|历年|累计至今|(?:建成|开通|上线|运行|创办|成立)以来)[^。;!?]*$/;

/** "收到申请 223 件（含上年结转 15 件）" counts last year's requests too: not requests.new. */
const INCLUDES_CARRIED_OVER = /^[^。;]{0,4}\(?(?:含|包括|包含)[^。;]{0,6}结转/;

/** The outcomes that may follow a 复议/诉讼 count, each optional, in the tables' order. */
const OUTCOMES = [
  `(?:,(?:其中)?(?:结果)?维持(?:原行政行为)?#件)?`,
  `(?:,(?:其中)?(?:结果|被)?(?:依法)?纠(?:正|错)#件)?`,
  `(?:,(?:其中)?其他结果#件)?`,
  `(?:,(?:其中)?尚未审结#件)?`,
].join('');
const OUTCOME_KEYS = (prefix: string) => ['upheld', 'corrected', 'other', 'pending'].map((k) => `${prefix}.${k}`);

const CUMULATIVE_OR_CHANNEL = new RegExp(`${CUMULATIVE.source}|${CHANNEL_SUBJECT.source}`);

/**
 * "微信公众号全年公开信息80条": a channel named in the clause before a bare 公开 is that channel's count.
 * ("通过门户网站公开，全年公开政府信息152条": a channel in an earlier clause says where, not what.)
 */
const CHANNEL_IN_CLAUSE = /(?:网站|微信|微博|公众号|客户端|APP|抖音|专栏|栏目|公报|媒体|报刊|电视|广播)[^。;!?,]*$/;
const CUMULATIVE_OR_ANY_CHANNEL = new RegExp(`${CUMULATIVE_OR_CHANNEL.source}|${CHANNEL_IN_CLAUSE.source}`);

/** The clause ends right after the number: a count label ("信息数") printed without its unit. */
const CLAUSE_END = '(?=[,;。!?]|$)';

/**
 * The subject of a 收到/受理…申请 clause: not another kind of application ("收到行政复议申请36件",
 * "受理行政许可申请…").
 */
const REQ = `(?:(?!复议|诉讼|仲裁|许可|援助|调解|登记|审批|补助|举报|投诉|信访|来信|来访)${C}){0,12}?`;

/**
 * A 复议/诉讼 count in a clause about the agency's own business, not about information disclosure
 * ("代理行政诉讼案件12件", "我区行政复议机关共办理行政复议案件86件") — unless the sentence or its
 * section says it is about disclosure.
 */
const NOT_DISCLOSURE_CASES = /^(?![^。;!?]*信息公开)[^。;!?]*(?:代理|承办|审理|应诉|办理|受理|复议机关)[^。;!?,]*$/;
const CASES_SECTION = /行政复议|行政诉讼/;

/**
 * What may stand between 主动公开 and 信息 in the year's total: only words for "all kinds of"
 * ("主动公开各类政府信息"); "主动公开人事任免信息15条", "规划计划类信息36条" count one kind.
 */
const ANY_KIND = `(?:${WHOLE_KINDS.join('|')})?(?:的)?(?:政府|政务)?`;
/** A website count of one kind of information ("在政府网站上主动公开财政预决算信息12条"). */
const NOT_CATEGORY = `(?!${C}{0,8}?(?:(?<!各)类|预决算|财政|人事|任免|规划|计划|招投标|招标|采购|项目|解读|政策)${C}{0,6}?信息)`;

export const PROSE_RULES: ProseRule[] = [
  // —— 主动公开, by channel (before the total, which would otherwise take these numbers)
  { pattern: `(?:门户网站|政府网站|网站)(?:平台|专栏)?(?:上)?(?:全年|本年度?)?(?:主动)?(?:公开|发布)${NOT_CATEGORY}${C}{0,8}?(?:信息)?(?:共计|合计|总计|共)?#条`, keys: ['proactive.website'], unlessBefore: CUMULATIVE },
  // "全年政府信息主动公开64条"
  { pattern: `(?:政府|政务)信息主动公开(?:共计|合计|总计|共|达)?#条`, keys: ['proactive.total'], unlessBefore: CUMULATIVE_OR_CHANNEL },
  { pattern: `概况类?信息(?:更新)?#条`, keys: ['proactive.website.overview'], unlessBefore: CUMULATIVE },
  { pattern: `政务动态类?信息(?:更新)?#条`, keys: ['proactive.website.news'], unlessBefore: CUMULATIVE },
  { pattern: `信息公开目录信息(?:更新)?#条`, keys: ['proactive.website.catalogue'], unlessBefore: CUMULATIVE },
  { pattern: `微信(?:公众号|公众平台|号)?(?:上)?(?:主动)?(?:公开|发布|推送)${C}{0,6}?(?:信息)?(?:共计|共)?#条`, keys: ['proactive.wechat'], unlessBefore: CUMULATIVE },
  { pattern: `微博(?:上)?(?:主动)?(?:公开|发布)${C}{0,6}?(?:信息)?(?:共计|共)?#条`, keys: ['proactive.weibo'], unlessBefore: CUMULATIVE },
  { pattern: `抖音(?:号)?(?:上)?(?:公开|发布)${C}{0,6}?(?:信息)?#条`, keys: ['proactive.douyin'], unlessBefore: CUMULATIVE },
  { pattern: `(?:APP|客户端)(?:上)?(?:公开|发布)${C}{0,6}?(?:信息)?#条`, keys: ['proactive.app'], unlessBefore: CUMULATIVE },
  { pattern: `公报(?:上)?(?:公开|发布|刊登|刊发)${C}{0,6}?(?:信息)?#条`, keys: ['proactive.gazette'], unlessBefore: CUMULATIVE },
  { pattern: `媒体(?:上)?(?:公开|发布)${C}{0,6}?(?:信息)?#条`, keys: ['proactive.media'], unlessBefore: CUMULATIVE },
  // "其他应主动公开的政府信息7条" is a category (the last of a list), not the total.
  // "主动公开信息数86条"; "主动公开公安政府信息179条" (the agency's sector before 政府信息, not a kind: no 类).
  // Never "(其他)应(当)主动公开的(其他)政府信息N条": a category closing a list.
  { pattern: `(?<![应当])主动公开(?:${ANY_KIND}|(?:(?![类的]|其他)${C}){1,4}?政府)信息(?:数)?(?:共计|合计|总计|共|达)?#条`, keys: ['proactive.total'], unlessBefore: CUMULATIVE_OR_CHANNEL },
  // "其中主动公开信息数130，依申请公开信息数363条": a count label whose unit was left off.
  { pattern: `(?<![应当])主动公开${ANY_KIND}信息数(?:共计|合计|总计|共|为|达)?#${CLAUSE_END}`, keys: ['proactive.total'], unlessBefore: CUMULATIVE_OR_CHANNEL },
  // "全年公开公文类政府信息共263条": a bare 公开 of the year's information — unless the sentence splits it
  // into 主动 and 依申请 (then it counts both), or a channel in the clause makes it that channel's.
  { pattern: `(?:${YEAR_SCOPES.join('|')})(?:共计|共|累计)?公开${ANY_KIND}信息(?:共计|合计|总计|共|达)?#条`, keys: ['proactive.total'], unlessBefore: CUMULATIVE_OR_ANY_CHANNEL, unlessAfter: SPLIT_BY_MODE },

  // —— 规范性文件 ("废止规范性文件6件，制定规范性文件15件"): the table 二 row's cells, stated in a sentence.
  { pattern: `(?:${ISSUE_VERBS.join('|')})(?:了)?(?:行政)?规范性文件(?:共计|共)?#件`, keys: ['normative_docs.issued'], unlessBefore: CUMULATIVE },
  { pattern: `废止(?:了)?(?:行政)?规范性文件(?:共计|共)?#件`, keys: ['normative_docs.repealed'], unlessBefore: CUMULATIVE },
  { pattern: `现行有效(?:的)?(?:行政)?规范性文件(?:共计|共|为)?#件`, keys: ['normative_docs.in_force'] },

  // —— 依申请公开
  { pattern: `新收(?:到)?${REQ}申请(?:件)?(?:共计|共)?#件`, keys: ['requests.new'], unlessAfter: INCLUDES_CARRIED_OVER },
  { pattern: `(?:收到|接到|接收)${REQ}(?:依申请公开|申请)(?:件|信息)?(?:共计|共)?#件`, keys: ['requests.new'], unlessAfter: INCLUDES_CARRIED_OVER },
  // What is left of 受理/收到 (it may count carried-over requests) is its own prose figure.
  { pattern: `(?:受理|收到)${REQ}(?:依申请公开|申请)(?:件|信息)?(?:共计|共)?#件`, keys: ['requests.accepted'] },
  { pattern: `办结(?:${C}{0,8}?申请)?(?:件)?#件`, keys: ['requests.closed'] },
  { pattern: `(?:含|包括|包含)上年(?:度)?结转(?:申请)?(?:件)?#件`, keys: ['requests.carried_over'] },
  { pattern: `结转(?:至)?下(?:一)?年(?:度)?(?:继续办理)?#件`, keys: ['requests.carried_forward'] },
  { pattern: `予以公开#件`, keys: ['requests.result.disclosed'] },
  { pattern: `部分公开#件`, keys: ['requests.result.partial'] },
  { pattern: `不予公开#件`, keys: ['requests.result.withheld'] },
  { pattern: `无法提供#件`, keys: ['requests.result.unavailable'] },
  { pattern: `不予处理#件`, keys: ['requests.result.not_processed'] },
  { pattern: `其他处理#件`, keys: ['requests.result.other_handling'] },

  // —— 行政复议 / 行政诉讼 ("行政复议件 23 件，被纠正 8件；诉讼件 18 件，被纠正 2件")
  // "…行政复议 351 件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚未审结 37 件"
  // "引发行政复议1起": 起 counts cases as 件 does.
  { pattern: `行政复议(?:案件|案)?(?:件)?(?:共计|共)?#(?:件|起)${OUTCOMES}`, keys: ['review.total', ...OUTCOME_KEYS('review')], unlessBefore: NOT_DISCLOSURE_CASES, exceptUnder: CASES_SECTION },
  { pattern: `诉讼(?:案件|案)?(?:件)?(?:共计|共)?#(?:件|起)${OUTCOMES}`, keys: ['litigation.total', ...OUTCOME_KEYS('litigation')], unlessBefore: NOT_DISCLOSURE_CASES, exceptUnder: CASES_SECTION },
  // "收到1份有关政府信息公开行政复议申请": the count before its noun, which must say it is about disclosure.
  { pattern: `(?:收到|接到|受理|发生|引发)#(?:${CASE_COUNTERS.join('|')})(?:有关|关于|涉及|因)?(?:政府)?信息公开(?:方面)?(?:而)?(?:引起|引发|提起)?(?:的)?行政复议`, keys: ['review.total'] },
  { pattern: `(?:收到|接到|受理|发生|引发)#(?:${CASE_COUNTERS.join('|')})(?:有关|关于|涉及|因)?(?:政府)?信息公开(?:方面)?(?:而)?(?:引起|引发|提起)?(?:的)?行政诉讼`, keys: ['litigation.total'] },

  // —— 工作机构与经费 ("没有全职人员，兼职人员1人"; "产生的政府信息公开费用1万元")
  { pattern: `兼职(?:工作)?人员(?:共|为)?#(?:人|名)`, keys: ['org.staff_parttime'] },
  { pattern: `(?:专职|全职)(?:工作)?人员(?:共|为)?#(?:人|名)`, keys: ['org.staff_fulltime'] },
  { pattern: `(?<!收取|收取的|减免)政府信息公开(?:工作)?(?:专项)?(?:经费|费用)(?:共|为)?#万元`, keys: ['org.budget'] },
];

/**
 * "未发生…行政复议案、行政诉讼案", "无因信息公开申请提起的行政复议和行政诉讼案件": a clause that denies
 * any case states 0 for each kind it names. The figure cites the line of the denial word.
 */
export const NO_CASES = new RegExp(
  `(?<neg>未发生|没有发生|未出现|未有|未收到|未接到|未因|未被|无(?![法论需偿]))(?<rest>[^。;!?,]{0,60})`,
  'gu',
);
export const NO_CASE_KINDS: { word: RegExp; key: string }[] = [
  { word: /复议/, key: 'review.total' },
  { word: /诉讼/, key: 'litigation.total' },
];
/**
 * "本年度未收到政府信息公开申请", "无依申请公开事项": the whole denied clause is the applications (not
 * "未收到…申请的答复" or "无需…"), so the year's new applications are 0.
 */
export const NO_REQUESTS =
  /^(?:任何)?(?:有关)?(?:公民、法人(?:或者?|和)其他组织)?(?:提出的|的)?(?:政府)?(?:信息公开(?:的)?申请|依申请公开(?:的)?(?:申请|事项|政府信息)?|申请公开政府信息(?:的)?(?:情况)?)$/;

/** The denial must be about cases, not e.g. "未发生泄密事件…行政复议 2 件". */
// "…引发的行政复议、行政诉讼。": the clause may also end on the kind itself.
// "…提出的行政复议、行政诉讼的申请": or on the application for one.
export const NO_CASES_END = /(?:案件|案|事项|情况|情形|事件)|(?:复议|诉讼)(?:的?申请)?$/;

/** A printed number with the approximate markers around it; never the tail of a longer number ("1,234"). */
export const NUMBER_SLOT =
  '(?<!\\d|\\d[.,])(?:近|约|超过|逾|超)?(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:万)?(?:余|多)?';
