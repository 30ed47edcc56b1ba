/**
 * A check across years: what a report says it carried over from last year (上年结转政府信息公开申请数量)
 * must be what last year's report said it carried forward (结转下年度继续办理). Neither report alone can
 * see the mismatch; both lines are cited.
 *
 * Found by SQL over figure_values (each report's resolved 总计 column, written by ingest), so the whole
 * index is checked without reading a report; only the mismatches are read back for their lines.
 */
import type { Database } from 'better-sqlite3';
import { VALUE_STATES } from '../../store/schema.ts';
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

/** Mismatches listed at most (the page says when there are more). */
export const MAX_CARRY_OVER = 1000;

/** Only cells both reports print (a number, or "—" read as 0): a blank, computed or undecided cell is no contradiction. */
const PRINTED = [VALUE_STATES.indexOf('number'), VALUE_STATES.indexOf('dash')];

// One report per agency and year, the last ingested (as answers read it: FigureStore.report).
const CARRY_OVER_SQL = `
  SELECT a.agency_id, ag.name AS agency, a.year, a.report_id AS now_id, rb.id AS before_id, a.value AS over, b.value AS forward
  FROM figure_values a
  JOIN agencies ag ON ag.id = a.agency_id
  JOIN reports rb ON rb.id = (SELECT max(id) FROM reports WHERE agency_id = a.agency_id AND year = a.year - 1)
  JOIN figure_values b ON b.report_id = rb.id AND b.metric = @forward AND b.col = 0
  WHERE a.metric = @over AND a.col = 0
    AND a.state IN (SELECT value FROM json_each(@printed)) AND b.state IN (SELECT value FROM json_each(@printed))
    AND a.value <> b.value
    AND a.report_id = (SELECT max(id) FROM reports WHERE agency_id = a.agency_id AND year = a.year)
    AND (@province IS NULL OR ag.province = @province) AND (@city IS NULL OR ag.city = @city)
    AND (@year IS NULL OR a.year = @year)
  ORDER BY ag.name, a.year
  LIMIT ${MAX_CARRY_OVER}`;

export function createCarryOverCheck(db: Database, store: FigureStore) {
  const metricId = db.prepare('SELECT id FROM metric_keys WHERE key = ?').pluck();
  const mismatches = db.prepare(CARRY_OVER_SQL);
  return (filter: { province?: string; city?: string; year?: number }): CarryOverCheck[] => {
    const over = metricId.get('requests.carried_over') as number | undefined;
    const forward = metricId.get('requests.carried_forward') as number | undefined;
    if (over === undefined || forward === undefined) return [];
    const rows = mismatches.all({
      over,
      forward,
      printed: JSON.stringify(PRINTED),
      province: filter.province ?? null,
      city: filter.city ?? null,
      year: filter.year ?? null,
    }) as Array<{ agency_id: number; agency: string; year: number; now_id: number; before_id: number; over: number; forward: number }>;
    return rows.map((r) => {
      const lineNow = store.resolve(r.now_id, 'requests.carried_over').cells[0]?.line ?? 0;
      const lineBefore = store.resolve(r.before_id, 'requests.carried_forward').cells[0]?.line ?? 0;
      return {
        code: 'years.carry_over',
        agencyId: r.agency_id,
        agency: r.agency,
        year: r.year,
        message: `${r.year}年报告的上年结转 ${fmt(r.over)} 件（第${lineNow}行）≠ ${r.year - 1}年报告的结转下年度继续办理 ${fmt(r.forward)} 件（第${lineBefore}行）`,
        carriedOver: { reportId: r.now_id, line: lineNow, value: r.over },
        carriedForward: { reportId: r.before_id, line: lineBefore, value: r.forward },
      };
    });
  };
}
