/**
 * A government's report that says its figures sum its units' reports ("本报告由区人民政府办公室汇总区政府
 * 28 个部门和 14 个街镇政府信息公开年度报告编制而成"): the words that state it, and the figures checked
 * against the units' own reports (src/ingest/checks/units-sum.ts). Data only; the reader is
 * src/ingest/prose/units-summed.ts.
 */

/** Verbs that say the report sums others' figures. */
// Not 综合: it is in place names (平潭综合实验区) and in 综合执法 and the like.
export const SUM_VERBS: readonly string[] = ['汇总', '汇编'];

/** Kinds of unit counted in the claim ("28 个部门", "14 个街镇"), longest first where one contains another. */
export const UNIT_KINDS: readonly string[] = [
  '县（市、区）',
  '县(市、区)',
  '街道办事处',
  '部门单位',
  '县市区',
  '街镇',
  '镇街',
  '街道',
  '乡镇',
  '县区',
  '区县',
  '部门',
  '单位',
  '镇',
  '乡',
];

/** Counters between the number and the kind ("28 个部门", "12 家单位"). */
export const UNIT_COUNTERS = '个家';

/** A claim without counts: the report says it was compiled by summing ("本报告由…汇总…编制而成"). */
export const COMPILED_FROM = /(?:本年度|本|年度)报告[^。；]{0,30}?由[^。；]{0,40}?(?:汇总|汇编)[^。；]{0,80}?(?:编制|编写|形成|制作|整理)/u;

/** A claim without counts: the figures include the units ("本报告数据含区政府所属部门和街道"). */
export const INCLUDES_UNITS = /(?:报告|数据)[^。；，,]{0,15}?(?:含|包含|包括)([^。；，,]{0,20}?(?:所属|各)(?:部门|单位|乡镇|街道|街镇|镇街)[^。；，,]{0,12}?)(?=[。；，,的]|$)/u;

/**
 * The headline figures a government's report and its units' reports are compared on (stored keys; the
 * table 三 ones in their 总计 column). 2019-format reports print 行政诉讼 as two 总计 cells, each compared.
 */
export const SUMMED_METRICS: readonly string[] = [
  'requests.new',
  'review.total',
  'litigation.total',
  'litigation.direct.total',
  'litigation.after_review.total',
];

/** Detail field the claim is stored under (details table), value the phrase as read ("28个部门和14个街镇"). */
export const UNITS_SUMMED_FIELD = 'units_summed';
