/**
 * Questions of every kind people ask, drawn from a generated corpus' sidecars (real agency names, their
 * places and years): one figure, several, a comparison, a ranking, a total, a filter (zero-list), a trend,
 * a yes/no — across agencies with and without a place or kind of agency. Each kind is a list of distinct
 * questions (different agencies, places, years and figures), so no benchmark measures one cached answer.
 */
import { createRng } from '../corpus/prng.ts';
import type { Truth } from '../corpus/truth.ts';

export const KINDS = ['figure', 'figures', 'compare', 'ranking', 'total', 'filter', 'trend', 'yesno'] as const;
export type BenchKind = (typeof KINDS)[number];

export const KIND_LABELS: Record<BenchKind, string> = {
  figure: 'single figure',
  figures: 'several figures',
  compare: 'compare',
  ranking: 'rank',
  total: 'total',
  filter: 'zero-list / filter',
  trend: 'trend',
  yesno: 'yes/no',
};

/** The query kind each bench kind must be understood as (several figures is a 'figure' query). */
export const EXPECTED_KIND: Record<BenchKind, string> = {
  figure: 'figure', figures: 'figure', compare: 'compare', ranking: 'ranking', total: 'total', filter: 'filter', trend: 'trend', yesno: 'yesno',
};

const FIGURES = ['行政复议', '行政诉讼', '收到申请', '予以公开', '不予公开', '行政处罚', '主动公开'];
const RANKED = ['行政复议', '行政诉讼', '收到申请', '予以公开', '不予公开', '自然人申请', '法人或其他组织申请', '行政处罚'];
const FILTERED = ['没有被复议过', '没有被起诉过', '没有收到申请'];
const COUNTED = ['被起诉', '被复议'];

export function kindQuestions(truths: Truth[], perKind: number, years: { from: number; to: number }, seed = 31): Record<BenchKind, string[]> {
  const rng = createRng(seed);
  const year = () => rng.int(years.from, years.to);
  const t = () => rng.pick(truths);
  const place = () => {
    const a = t().agency;
    return rng.int(0, 2) === 0 ? { where: a.province, level: rng.pick(['各地市', '各区县', '各部门']) } : { where: a.city ?? a.province, level: rng.pick(['各区县', '各部门', '各单位', '各乡镇街道']) };
  };
  const out = Object.fromEntries(KINDS.map((k) => [k, new Set<string>()])) as Record<BenchKind, Set<string>>;
  const make: Record<BenchKind, () => string> = {
    figure: () => `${t().agency.name}${year()}年${rng.pick(FIGURES)}多少件？`,
    figures: () => `${t().agency.name}${year()}年${rng.pick(FIGURES)}和${rng.pick(FIGURES)}各多少？`,
    compare: () => `${t().agency.name}和${t().agency.name}${year()}年${rng.pick(FIGURES)}各多少`,
    ranking: () => {
      const p = place();
      return rng.int(0, 2) === 0
        ? `${year()}年哪个单位${rng.pick(RANKED)}最多`
        : `${year()}年${p.where}${p.level}${rng.pick(RANKED)}${rng.pick(['排名', '最多的前三个', '最少的是哪个'])}`;
    },
    total: () => {
      const p = place();
      return rng.int(0, 3) === 0 ? `${year()}年各单位${rng.pick(RANKED)}合计` : `${year()}年${p.where}${p.level}${rng.pick(RANKED)}一共多少`;
    },
    filter: () => {
      const p = place();
      const when = rng.int(0, 3) === 0 ? '' : `${year()}年`;
      return rng.int(0, 1) === 0 ? `${when}${p.where}哪些单位${rng.pick(FILTERED)}` : `${when}${p.where}有几个单位${rng.pick(COUNTED)}`;
    },
    trend: () => `${t().agency.name}${rng.pick(['近三年', `${years.from}—${years.to}年`, '历年'])}${rng.pick(FIGURES)}变化`,
    yesno: () => `${t().agency.name}${year()}年${rng.pick(['被起诉过吗', '有没有行政复议', '有没有被申请行政复议'])}`,
  };
  for (const k of KINDS) for (let tries = 0; out[k].size < perKind && tries < perKind * 20; tries++) out[k].add(make[k]());
  return Object.fromEntries(KINDS.map((k) => [k, [...out[k]]])) as Record<BenchKind, string[]>;
}
