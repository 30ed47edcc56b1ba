/**
 * The one catalogue of figures. Ingest writes these keys; query reads them; gold files list them.
 *
 * A metric key names one row-like figure ("requests.new", "review.total"). Table 三 figures carry an
 * additional applicant column (see APPLICANTS); every other figure has applicant = null.
 *
 * Parent/child rule: a key whose children ("requests.result.withheld.*") are stored but which is not
 * stored itself is derived as the sum of its direct children. The catalogue marks such parents
 * `derived: true` so query knows to sum and to cite every child.
 */

export type Unit = '件' | '条' | '元' | '万元' | '人次' | '人' | '个' | '次' | '篇' | '项';

export interface MetricDef {
  key: string;
  /** Canonical Chinese label used in answers ("行政复议 总计"). */
  label: string;
  unit: Unit;
  /** Table 三 rows: the value is split by applicant column. */
  byApplicant?: boolean;
  /** Not stored by ingest: the sum of the stored children (direct sub-keys). */
  derived?: boolean;
  /** Words people use for this figure, beyond the label; query matches these. */
  words?: string[];
}

export const APPLICANTS = [
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业' },
  { key: 'research', label: '科研机构' },
  { key: 'nonprofit', label: '社会公益组织' },
  { key: 'legal', label: '法律服务机构' },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计' },
] as const;
export type ApplicantKey = (typeof APPLICANTS)[number]['key'];
/** 法人或其他组织 has no column of its own: it is the sum of these five. */
export const LEGAL_PERSON_COLUMNS: ApplicantKey[] = ['commercial', 'research', 'nonprofit', 'legal', 'other'];
export const APPLICANT_KEYS: ApplicantKey[] = APPLICANTS.map((a) => a.key);

/** The Chinese label of an applicant column, including the derived 法人或其他组织 ('legal_person'). */
export function applicantLabel(key: string): string {
  return key === 'legal_person' ? '法人或其他组织' : (APPLICANTS.find((a) => a.key === key)?.label ?? key);
}

const m = (key: string, label: string, unit: Unit, extra: Partial<MetricDef> = {}): MetricDef => ({
  key,
  label,
  unit,
  ...extra,
});
const req = (key: string, label: string, extra: Partial<MetricDef> = {}) =>
  m(key, label, '件', { byApplicant: true, ...extra });

/** Table 二 (第二十条): one entry per row × column. 2019 and 2021 formats share row keys. */
export const TABLE2_METRICS: MetricDef[] = [
  // 第（一）项, 2019 columns
  m('regulations.made', '规章 本年新制作数量', '件', { words: ['新制作规章', '制作规章'] }),
  m('regulations.published', '规章 本年新公开数量', '件', { words: ['新公开规章'] }),
  m('regulations.public_total', '规章 对外公开总数量', '件', { words: ['规章总数', '公开规章总数'] }),
  m('normative_docs.made', '规范性文件 本年新制作数量', '件', { words: ['新制作规范性文件', '制作规范性文件'] }),
  m('normative_docs.published', '规范性文件 本年新公开数量', '件', { words: ['新公开规范性文件'] }),
  m('normative_docs.public_total', '规范性文件 对外公开总数量', '件', { words: ['规范性文件总数'] }),
  // 第（一）项, 2021 columns
  m('regulations.issued', '规章 本年制发件数', '件', { words: ['制发规章'] }),
  m('regulations.repealed', '规章 本年废止件数', '件', { words: ['废止规章'] }),
  m('regulations.in_force', '规章 现行有效件数', '件', { words: ['现行有效规章'] }),
  m('normative_docs.issued', '行政规范性文件 本年制发件数', '件', { words: ['制发规范性文件'] }),
  m('normative_docs.repealed', '行政规范性文件 本年废止件数', '件', { words: ['废止规范性文件'] }),
  m('normative_docs.in_force', '行政规范性文件 现行有效件数', '件', { words: ['现行有效规范性文件'] }),
  // 第（五）项 (2019: three columns; 2021: 处理决定数量 only)
  m('licensing.prev_items', '行政许可 上一年项目数量', '项'),
  m('licensing.change', '行政许可 本年增/减', '项'),
  m('licensing.decisions', '行政许可 处理决定数量', '件', { words: ['行政许可', '许可'] }),
  m('other_services.prev_items', '其他对外管理服务事项 上一年项目数量', '项'),
  m('other_services.change', '其他对外管理服务事项 本年增/减', '项'),
  m('other_services.decisions', '其他对外管理服务事项 处理决定数量', '件', { words: ['其他对外管理服务事项'] }),
  // 第（六）项
  m('penalty.prev_items', '行政处罚 上一年项目数量', '项'),
  m('penalty.change', '行政处罚 本年增/减', '项'),
  m('penalty.decisions', '行政处罚 处理决定数量', '件', { words: ['行政处罚', '处罚'] }),
  m('coercion.prev_items', '行政强制 上一年项目数量', '项'),
  m('coercion.change', '行政强制 本年增/减', '项'),
  m('coercion.decisions', '行政强制 处理决定数量', '件', { words: ['行政强制', '强制'] }),
  // 第（八）项
  m('fees.prev_items', '行政事业性收费 上一年项目数量', '项', { words: ['行政事业性收费', '收费项目'] }),
  m('fees.change', '行政事业性收费 本年增/减', '项'),
  m('fees.amount', '行政事业性收费 本年收费金额', '万元', { words: ['收费金额'] }),
  // 第（九）项 (2019 only)
  m('procurement.projects', '政府集中采购 采购项目数量', '个', { words: ['政府集中采购', '采购项目', '集中采购'] }),
  m('procurement.amount', '政府集中采购 采购总金额', '元', { words: ['采购金额', '采购总金额'] }),
];

/** Table 三 rows. The stored applicant column defaults to 'total' in answers. */
export const TABLE3_METRICS: MetricDef[] = [
  req('requests.new', '本年新收政府信息公开申请数量', { words: ['新收', '收到申请', '申请数', '依申请公开', '信息公开申请'] }),
  req('requests.carried_over', '上年结转政府信息公开申请数量', { words: ['上年结转'] }),
  req('requests.result.disclosed', '予以公开', {}),
  req('requests.result.partial', '部分公开', {}),
  req('requests.result.withheld', '不予公开', { derived: true }),
  req('requests.result.withheld.state_secret', '不予公开 属于国家秘密'),
  req('requests.result.withheld.law_prohibited', '不予公开 其他法律行政法规禁止公开'),
  req('requests.result.withheld.three_safety', '不予公开 危及“三安全一稳定”'),
  req('requests.result.withheld.third_party', '不予公开 保护第三方合法权益'),
  req('requests.result.withheld.internal_affairs', '不予公开 属于三类内部事务信息'),
  req('requests.result.withheld.process_info', '不予公开 属于四类过程性信息'),
  req('requests.result.withheld.enforcement_file', '不予公开 属于行政执法案卷'),
  req('requests.result.withheld.inquiry', '不予公开 属于行政查询事项'),
  req('requests.result.unavailable', '无法提供', { derived: true }),
  req('requests.result.unavailable.not_held', '无法提供 本机关不掌握相关政府信息'),
  req('requests.result.unavailable.needs_creation', '无法提供 没有现成信息需要另行制作'),
  req('requests.result.unavailable.unclear', '无法提供 补正后申请内容仍不明确'),
  req('requests.result.not_processed', '不予处理', { derived: true }),
  req('requests.result.not_processed.petition', '不予处理 信访举报投诉类申请'),
  req('requests.result.not_processed.repeated', '不予处理 重复申请'),
  req('requests.result.not_processed.publication', '不予处理 要求提供公开出版物'),
  req('requests.result.not_processed.mass_repeated', '不予处理 无正当理由大量反复申请'),
  req('requests.result.not_processed.confirmation', '不予处理 要求行政机关确认或重新出具已获取信息'),
  // 2019: one stored row. 2021: three stored sub-rows, and this key is derived from them.
  req('requests.result.other_handling', '其他处理'),
  req('requests.result.other_handling.no_correction', '其他处理 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
  req('requests.result.other_handling.no_fee', '其他处理 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
  req('requests.result.other_handling.other', '其他处理 其他'),
  req('requests.result.total', '本年度办理结果 总计', { words: ['办理结果总计', '办结', '办理'] }),
  req('requests.carried_forward', '结转下年度继续办理', { words: ['结转下年度', '结转下年'] }),
];

/** Table 四: 15 cells in one row; also the pre-2019 table's 行政复议/行政诉讼 rows. */
const OUTCOMES = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
  ['total', '总计'],
] as const;
export const TABLE4_GROUPS = [
  { prefix: 'review', label: '行政复议' },
  { prefix: 'litigation.direct', label: '行政诉讼 未经复议直接起诉' },
  { prefix: 'litigation.after_review', label: '行政诉讼 复议后起诉' },
] as const;
export const TABLE4_METRICS: MetricDef[] = [
  ...TABLE4_GROUPS.flatMap((g) => OUTCOMES.map(([k, l]) => m(`${g.prefix}.${k}`, `${g.label} ${l}`, '件'))),
  // Derived for 2019+ (直接起诉总计 + 复议后起诉总计); stored directly by pre-2019 tables and prose.
  m('litigation.total', '行政诉讼 总计', '件', { words: ['行政诉讼', '诉讼', '被起诉'] }),
  m('litigation.upheld', '行政诉讼 结果维持', '件'),
  m('litigation.corrected', '行政诉讼 结果纠正', '件'),
  m('litigation.other', '行政诉讼 其他结果', '件'),
  m('litigation.pending', '行政诉讼 尚未审结', '件'),
];

/** Before 2019: 政府信息公开情况统计表 (national form; Fujian's variant maps onto the same keys). */
export const PRE2019_METRICS: MetricDef[] = [
  m('proactive.total', '主动公开政府信息数', '条', { words: ['主动公开', '公开信息'] }),
  m('proactive.normative_docs', '主动公开规范性文件数', '条'),
  m('normative_docs.issued_total', '制发规范性文件总数', '件'),
  m('proactive.gazette', '政府公报公开政府信息数', '条', { words: ['政府公报'] }),
  m('proactive.website', '政府网站公开政府信息数', '条', { words: ['网站公开', '门户网站'] }),
  m('proactive.weibo', '政务微博公开政府信息数', '条', { words: ['微博'] }),
  m('proactive.wechat', '政务微信公开政府信息数', '条', { words: ['微信', '公众号'] }),
  m('proactive.other', '其他方式公开政府信息数', '条'),
  m('response.hotspots', '回应公众关注热点或重大舆情数', '次'),
  m('response.press_conferences', '参加或举办新闻发布会总次数', '次', { words: ['新闻发布会'] }),
  m('response.press_conferences_by_head', '主要负责同志参加新闻发布会次数', '次'),
  m('response.interviews', '政府网站在线访谈次数', '次', { words: ['在线访谈'] }),
  m('response.interviews_by_head', '主要负责同志参加政府网站在线访谈次数', '次'),
  m('response.interpretations', '政策解读稿件发布数', '篇', { words: ['政策解读'] }),
  m('response.weibo_wechat', '微博微信回应事件数', '次'),
  m('response.other', '其他方式回应事件数', '次'),
  // 收到申请数 is stored as requests.new (applicant 'total') so one question works across all years.
  m('requests.new.in_person', '当面申请数', '件'),
  m('requests.new.fax', '传真申请数', '件'),
  m('requests.new.online', '网络申请数', '件'),
  m('requests.new.letter', '信函申请数', '件'),
  // Fujian's table before 2019 also counts applications by e-mail.
  m('requests.new.email', '电子邮件申请数', '件', { words: ['电子邮件申请', '邮件申请'] }),
  m('requests.new.letter_fax', '信函、传真申请数', '件'),
  m('requests.closed', '申请办结数', '件', { words: ['办结'] }),
  m('requests.closed.on_time', '按时办结数', '件'),
  m('requests.closed.extended', '延期办结数', '件'),
  m('requests.answered', '申请答复数', '件', { words: ['答复'] }),
  m('requests.answered.already_public', '属于已主动公开范围数', '件'),
  m('requests.answered.agreed', '同意公开答复数', '件'),
  m('requests.answered.partially_agreed', '同意部分公开答复数', '件'),
  m('requests.answered.refused', '不同意公开答复数', '件'),
  m('requests.answered.refused.state_secret', '涉及国家秘密', '件'),
  m('requests.answered.refused.commercial_secret', '涉及商业秘密', '件'),
  m('requests.answered.refused.privacy', '涉及个人隐私', '件'),
  m('requests.answered.refused.security', '危及国家安全、公共安全、经济安全和社会稳定', '件'),
  m('requests.answered.refused.not_gov_info', '不是《条例》所指政府信息', '件'),
  m('requests.answered.refused.other_law', '法律法规规定的其他情形', '件'),
  m('requests.answered.not_this_agency', '不属于本行政机关公开数', '件'),
  m('requests.answered.not_exist', '申请信息不存在数', '件'),
  m('requests.answered.asked_to_amend', '告知作出更改补充数', '件'),
  m('requests.answered.other_channel', '告知通过其他途径办理数', '件'),
  m('requests.answered.other', '其他类型答复数', '件'),
  m('complaints.total', '举报投诉数量', '件', { words: ['举报投诉', '投诉'] }),
  m('fees.collected', '依申请公开信息收取的费用', '万元'),
  m('fees.waived', '政府信息公开收费减免金额', '万元'),
  m('org.units', '政府信息公开工作专门机构数', '个', { words: ['专门机构'] }),
  m('org.reading_points', '设置政府信息公开查阅点数', '个', { words: ['查阅点'] }),
  m('org.staff', '从事政府信息公开工作人员数', '人', { words: ['工作人员'] }),
  m('org.staff_fulltime', '专职人员数', '人', { words: ['专职'] }),
  m('org.staff_parttime', '兼职人员数', '人', { words: ['兼职'] }),
  m('org.budget', '政府信息公开专项经费', '万元', { words: ['专项经费', '经费'] }),
  m('meetings.count', '召开政府信息公开工作会议或专题会议数', '次', { words: ['会议'] }),
  m('training.sessions', '举办各类培训班数', '次', { words: ['培训班'] }),
  m('training.attendees', '接受培训人员数', '人次', { words: ['培训人次', '培训人员'] }),
];

/**
 * Figures that appear only in prose (report-format.md §F) and have no table row of their own.
 * Prose figures that restate a table row reuse the table's key (requests.new, review.total …).
 */
export const PROSE_METRICS: MetricDef[] = [
  m('proactive.app', '移动客户端公开政府信息数', '条', { words: ['APP', '客户端'] }),
  m('proactive.media', '新闻媒体公开政府信息数', '条', { words: ['媒体'] }),
  m('proactive.douyin', '抖音公开政府信息数', '条', { words: ['抖音'] }),
  m('proactive.website.overview', '门户网站 概况类信息', '条'),
  m('proactive.website.news', '门户网站 政务动态信息', '条'),
  m('proactive.website.catalogue', '门户网站 信息公开目录信息', '条'),
  // "共受理申请 223 件" may include last year's carried-over requests: not requests.new.
  m('requests.accepted', '受理政府信息公开申请数', '件', { words: ['受理'] }),
];

export const METRICS: MetricDef[] = [
  ...TABLE2_METRICS,
  ...TABLE3_METRICS,
  ...TABLE4_METRICS,
  ...PRE2019_METRICS,
  ...PROSE_METRICS,
];

/**
 * Figures computed from stored cells by an explicit formula (beyond the parent = sum of children rule).
 * 2019+ reports have no single 行政诉讼 cell: it is the two 总计s added; pre-2019 tables and prose store
 * litigation.* directly, and a stored figure always wins over a formula.
 */
export const FORMULAS: Record<string, string[]> = Object.fromEntries(
  OUTCOMES.map(([k]) => [`litigation.${k}`, [`litigation.direct.${k}`, `litigation.after_review.${k}`]]),
);

export const METRIC_BY_KEY: ReadonlyMap<string, MetricDef> = new Map(METRICS.map((d) => [d.key, d]));

export function metricDef(key: string): MetricDef | undefined {
  return METRIC_BY_KEY.get(key);
}

/** Direct children of a key among the catalogue ("requests.result.withheld" → its eight reasons). */
export function childrenOf(key: string): MetricDef[] {
  const prefix = key + '.';
  return METRICS.filter((d) => d.key.startsWith(prefix) && !d.key.slice(prefix.length).includes('.'));
}
