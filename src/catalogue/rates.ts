/**
 * Rates and shares people ask for, as data. The reports print counts only; a rate is always computed
 * from the report's own cells, said with both counts, its formula and a written definition.
 *
 * Definitions follow how the field computes them (政务公开 evaluations, 司法部's 行政复议 statistics):
 *   公开率       = (予以公开 + 部分公开) ÷ 本年度办理结果总计
 *   予以公开率   = 予以公开 ÷ 本年度办理结果总计
 *   不予公开率   = 不予公开 ÷ 本年度办理结果总计
 *   办结率       = 本年度办理结果总计 ÷ (本年新收 + 上年结转)
 *   复议纠错率   = 行政复议结果纠正 ÷ 已审结的行政复议 (总计 − 尚未审结)
 *   诉讼纠错率   = 行政诉讼结果纠正 ÷ 已审结的行政诉讼 (总计 − 尚未审结)   (= 败诉率)
 *   复议维持率 / 诉讼维持率 likewise with 结果维持.
 * Any other "X占比 / X比例" is a share: an applicant column of a table 三 row over that row's 总计, an
 * outcome over 办理结果总计, a reason over its parent, an outcome of 复议/诉讼 over its 总计.
 */

/** One side of a rate: stored or derived catalogue keys added up, minus others. */
export interface RateSide {
  plus: string[];
  minus?: string[];
  /** How the side is named in the formula ("办理结果总计"). */
  label: string;
}

export interface RateDef {
  key: string;
  /** As said in answers: 公开率. */
  label: string;
  /** What people type for it (normalized, simplified). Longest match wins. */
  words: string[];
  numerator: RateSide;
  denominator: RateSide;
  definition: string;
}

const RESULT = 'requests.result';
const HANDLED: RateSide = { plus: [`${RESULT}.total`], label: '本年度办理结果总计' };
const settled = (prefix: string, label: string): RateSide => ({ plus: [`${prefix}.total`], minus: [`${prefix}.pending`], label: `已审结的${label}（总计 − 尚未审结）` });

export const NAMED_RATES: RateDef[] = [
  {
    key: 'rate.disclosure',
    label: '公开率',
    words: ['公开率', '信息公开率', '申请公开率', '依申请公开率', '公开比例', '公开的比例', '公开比率'],
    numerator: { plus: [`${RESULT}.disclosed`, `${RESULT}.partial`], label: '予以公开 + 部分公开' },
    denominator: HANDLED,
    definition: '公开率 = （予以公开 + 部分公开）÷ 本年度办理结果总计',
  },
  {
    key: 'rate.disclosed',
    label: '予以公开率',
    words: ['予以公开率', '予以公开占比', '予以公开比例', '予以公开的比例', '予以公开的占比', '全部公开率', '同意公开率'],
    numerator: { plus: [`${RESULT}.disclosed`], label: '予以公开' },
    denominator: HANDLED,
    definition: '予以公开率 = 予以公开 ÷ 本年度办理结果总计',
  },
  {
    key: 'rate.withheld',
    label: '不予公开率',
    words: ['不予公开率', '不予公开占比', '不予公开比例', '不公开率', '不公开比例', '拒绝公开率', '拒绝率'],
    numerator: { plus: [`${RESULT}.withheld`], label: '不予公开' },
    denominator: HANDLED,
    definition: '不予公开率 = 不予公开 ÷ 本年度办理结果总计',
  },
  {
    key: 'rate.closed',
    label: '办结率',
    words: ['办结率', '办理率', '完成率', '答复率'],
    numerator: { plus: [`${RESULT}.total`], label: '本年度办理结果总计' },
    denominator: { plus: ['requests.new', 'requests.carried_over'], label: '本年新收 + 上年结转' },
    definition: '办结率 = 本年度办理结果总计 ÷ （本年新收申请 + 上年结转申请）',
  },
  {
    key: 'rate.review.corrected',
    label: '行政复议纠错率',
    words: ['行政复议纠错率', '复议纠错率', '行政复议纠正率', '复议纠正率', '复议被纠错率', '复议被纠正率'],
    numerator: { plus: ['review.corrected'], label: '行政复议结果纠正' },
    denominator: settled('review', '行政复议'),
    definition: '行政复议纠错率 = 结果纠正 ÷ 已审结的行政复议（总计 − 尚未审结）',
  },
  {
    key: 'rate.review.upheld',
    label: '行政复议维持率',
    words: ['行政复议维持率', '复议维持率'],
    numerator: { plus: ['review.upheld'], label: '行政复议结果维持' },
    denominator: settled('review', '行政复议'),
    definition: '行政复议维持率 = 结果维持 ÷ 已审结的行政复议（总计 − 尚未审结）',
  },
  {
    key: 'rate.litigation.corrected',
    label: '行政诉讼纠错率',
    words: ['行政诉讼纠错率', '诉讼纠错率', '行政诉讼纠正率', '诉讼纠正率', '败诉率', '行政诉讼败诉率', '诉讼败诉率'],
    numerator: { plus: ['litigation.corrected'], label: '行政诉讼结果纠正' },
    denominator: settled('litigation', '行政诉讼'),
    definition: '行政诉讼纠错率（败诉率）= 结果纠正 ÷ 已审结的行政诉讼（总计 − 尚未审结）',
  },
  {
    key: 'rate.litigation.upheld',
    label: '行政诉讼维持率',
    words: ['行政诉讼维持率', '诉讼维持率', '胜诉率', '行政诉讼胜诉率'],
    numerator: { plus: ['litigation.upheld'], label: '行政诉讼结果维持' },
    denominator: settled('litigation', '行政诉讼'),
    definition: '行政诉讼维持率（胜诉率）= 结果维持 ÷ 已审结的行政诉讼（总计 − 尚未审结）',
  },
];

/** Words that turn a figure into "its share of the whole" ("自然人申请占比", "予以公开的比例"). */
export const SHARE_WORDS = ['占比', '比例', '比率', '百分比', '百分之几', '占多少', '占几成', '几成', '比重', '份额'];

/**
 * The whole a figure is a share of, when it is not a named rate: an outcome of table 三 → 办理结果总计;
 * a reason → its parent; 复议/诉讼 outcomes → their 总计. Null: no whole the report states.
 */
export function shareWhole(key: string): RateSide | null {
  if (key === `${RESULT}.total`) return null;
  const reason = /^(requests\.result\.(?:withheld|unavailable|not_processed|other_handling))\.[a-z_]+$/.exec(key);
  if (reason) return { plus: [reason[1]!], label: '' };
  if (key.startsWith(`${RESULT}.`)) return HANDLED;
  const outcome = /^(review|litigation(?:\.direct|\.after_review)?)\.(upheld|corrected|other|pending)$/.exec(key);
  if (outcome) return { plus: [`${outcome[1]}.total`], label: '' };
  return null;
}
