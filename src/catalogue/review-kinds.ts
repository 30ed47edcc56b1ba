/**
 * How the review page groups the reports' warnings (src/ingest warning codes → kind of problem an office
 * fixes), and the agency levels its filters offer. Data: a new warning code is sorted here, not in a page.
 */
export const REVIEW_KINDS = [
  { key: 'identity', label: '表格算术关系不符', hint: '表格的总计与各项之和、收到与办结结转之间的勾稽关系不成立' },
  { key: 'prose', label: '正文与表格不符', hint: '正文里的数字与统计表里的同一项不一致' },
  { key: 'undecided', label: '无法确定的格', hint: '表格中数字粘连、缺格或顺序不明，无法确定属于哪一格' },
  { key: 'years', label: '跨年度核对', hint: '本年“上年结转”与上一年报告的“结转下年度继续办理”不一致' },
  { key: 'other', label: '其他问题', hint: '缺表、文件被截断、年度或单位名称经推断等' },
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number]['key'];

/** Warning code → kind; a code not listed (and not matched by a prefix below) is 'other'. */
const BY_CODE: Record<string, ReviewKind> = {
  prose_table_mismatch: 'prose',
  'fused.ambiguous': 'undecided',
  'cells.missing': 'undecided',
  'table.row_unreadable': 'undecided',
  'table.order_uncertain': 'undecided',
  'years.carry_over': 'years',
};
const BY_PREFIX: Array<[string, ReviewKind]> = [['identity.', 'identity']];

export function reviewKind(code: string): ReviewKind {
  return BY_CODE[code] ?? BY_PREFIX.find(([p]) => code.startsWith(p))?.[1] ?? 'other';
}

/** Codes of one kind (for filtering warnings in SQL by kind). */
export function codesOf(kind: ReviewKind): { codes: string[]; prefixes: string[] } {
  return {
    codes: Object.entries(BY_CODE).filter(([, k]) => k === kind).map(([c]) => c),
    prefixes: BY_PREFIX.filter(([, k]) => k === kind).map(([p]) => p),
  };
}

/** Agency levels, from which place fields the agency has (agencies table: province, city, county). */
export const AGENCY_LEVELS = [
  { key: 'central', label: '中央' },
  { key: 'province', label: '省级' },
  { key: 'city', label: '市级' },
  { key: 'county', label: '县级' },
] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number]['key'];

export function agencyLevel(a: { province: string | null; city: string | null; county: string | null }): AgencyLevel {
  return a.county ? 'county' : a.city ? 'city' : a.province ? 'province' : 'central';
}
