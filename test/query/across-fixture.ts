/** The small index the tests of questions across agencies read: who holds which value, in which cell state. */
import type { ReportSpec } from '../helpers/figures-index.ts';

const ZJ = '浙江省';
const gov = (city: string, county: string | null) => ({ name: `${city}${county ?? ''}人民政府`, province: ZJ, city, county });
const dept = (city: string, body: string) => ({ name: `${city}${body}`, province: ZJ, city, county: null });
const requests = (total: number, natural: number, commercial: number, legal: number) => [
  { metric: 'requests.new', applicant: 'total', value: total },
  { metric: 'requests.new', applicant: 'natural', value: natural },
  { metric: 'requests.new', applicant: 'commercial', value: commercial },
  { metric: 'requests.new', applicant: 'research', value: 0 },
  { metric: 'requests.new', applicant: 'nonprofit', value: 0 },
  { metric: 'requests.new', applicant: 'legal', value: legal },
  { metric: 'requests.new', applicant: 'other', value: 0 },
];
const litigation = (direct: number, after: number) => [
  { metric: 'litigation.direct.total', value: direct },
  { metric: 'litigation.after_review.total', value: after },
];

export const WZ = '温州市人民政府';
export const LC = '温州市鹿城区人民政府';
export const LW = '温州市龙湾区人民政府';
export const OH = '温州市瓯海区人民政府';
export const TJ = '温州市统计局';
export const SW = '温州市商务局';
export const WM = '温州市鹿城区五马街道办事处';
export const HZ = '杭州市人民政府';
export const XH = '杭州市西湖区人民政府';
export const MZ = '温州市民政局';

/** 2021: every agency; 2020: four of them. Agencies are written (and numbered) in this order. */
export const ACROSS_REPORTS: ReportSpec[] = [
  { ...gov('温州市', null), year: 2021, cells: [{ metric: 'review.total', value: 30 }, ...litigation(3, 2), ...requests(100, 60, 30, 10)] },
  { ...gov('温州市', '鹿城区'), year: 2021, cells: [{ metric: 'review.total', value: 12 }, ...litigation(4, 0), ...requests(50, 50, 0, 0)] },
  { ...gov('温州市', '龙湾区'), year: 2021, cells: [{ metric: 'review.total', value: 12 }] },
  { ...gov('温州市', '瓯海区'), year: 2021, cells: [{ metric: 'review.total', value: '' }] },
  { ...dept('温州市', '统计局'), year: 2021, cells: [{ metric: 'review.total', value: '—' }] },
  { ...dept('温州市', '商务局'), year: 2021, cells: [{ metric: 'review.total', value: 0 }] },
  { name: WM, province: ZJ, city: '温州市', county: '鹿城区', year: 2021, cells: [{ metric: 'review.total', value: '?' }] },
  { name: HZ, province: ZJ, city: '杭州市', county: null, year: 2021, cells: [{ metric: 'review.total', value: 50 }, ...requests(80, 20, 60, 0)] },
  { name: XH, province: ZJ, city: '杭州市', county: '西湖区', year: 2021, cells: [{ metric: 'requests.new', applicant: 'total', value: 9 }] },
  { ...gov('温州市', null), year: 2020, cells: [{ metric: 'review.total', value: 8 }] },
  { ...gov('温州市', '鹿城区'), year: 2020, cells: [{ metric: 'review.total', value: 0 }] },
  { ...dept('温州市', '统计局'), year: 2020, cells: [{ metric: 'review.total', value: 3 }] },
  { ...dept('温州市', '民政局'), year: 2020, cells: [{ metric: 'review.total', value: 0 }] },
];
