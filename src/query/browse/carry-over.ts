/**
 * A check across years: what a report says it carried over from last year (上年结转政府信息公开申请数量)
 * must be what last year's report said it carried forward (结转下年度继续办理). Neither report alone can
 * see the mismatch; both lines are cited.
 */
import type { AgencyRow } from '../../store/schema.ts';
import { fmt, type FigureStore } from '../lookup/figures.ts';

export interface CarryOverCheck {
  code: 'years.carry_over';
  agencyId: number;
  agency: string;
  year: number;
  message: string;
  /** This year's 上年结转 and last year's 结转下年度, each with its report and line. */
  carriedOver: { reportId: number; line: number; value: number };
  carriedForward: { reportId: number; line: number; value: number };
}

export function carryOverChecks(store: FigureStore, agencies: AgencyRow[], onlyYear?: number): CarryOverCheck[] {
  const out: CarryOverCheck[] = [];
  for (const a of agencies) {
    const years = store.years(a.id);
    for (const year of years) {
      if (onlyYear !== undefined && year !== onlyYear) continue;
      if (!years.includes(year - 1)) continue;
      const now = store.report(a.id, year)!;
      const before = store.report(a.id, year - 1)!;
      const over = store.resolve(now.id, 'requests.carried_over');
      const forward = store.resolve(before.id, 'requests.carried_forward');
      // Only figures both reports print: a blank, dash-less or undecided cell is not a contradiction.
      if (over.value === null || forward.value === null || over.cell === 'computed' || forward.cell === 'computed') continue;
      if (over.value === forward.value) continue;
      const lineNow = over.cells[0]!.line;
      const lineBefore = forward.cells[0]!.line;
      out.push({
        code: 'years.carry_over',
        agencyId: a.id,
        agency: a.name,
        year,
        message: `${year}年报告的上年结转 ${fmt(over.value)} 件（第${lineNow}行）≠ ${year - 1}年报告的结转下年度继续办理 ${fmt(forward.value)} 件（第${lineBefore}行）`,
        carriedOver: { reportId: now.id, line: lineNow, value: over.value },
        carriedForward: { reportId: before.id, line: lineBefore, value: forward.value },
      });
    }
  }
  return out;
}
