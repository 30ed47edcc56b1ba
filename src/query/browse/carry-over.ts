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
import { fmt } from '../lookup/figures.ts';

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

/** Mismatches read at most (an export); a page asks for fewer and says when there are more. */
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
  LIMIT @limit`;

// The line a report prints one figure on (a leaf of table 三: no computing needed), from its own rows only.
const LINE_SQL = `
  SELECT s.line FROM figures f JOIN sources s ON s.report_id = f.report_id AND s.n = f.source
  WHERE f.report_id = ? AND f.metric = ? AND (f.applicant = 'total' OR f.applicant IS NULL) AND f.cumulative = 0
  ORDER BY f.origin = 'table' DESC, f.n LIMIT 1`;

export function createCarryOverCheck(db: Database) {
  const metricId = db.prepare('SELECT id FROM metric_keys WHERE key = ?').pluck();
  const mismatches = db.prepare(CARRY_OVER_SQL);
  const lineOf = db.prepare(LINE_SQL).pluck();
  return (filter: { province?: string; city?: string; year?: number }, limit = MAX_CARRY_OVER): { items: CarryOverCheck[]; more: boolean } => {
    const over = metricId.get('requests.carried_over') as number | undefined;
    const forward = metricId.get('requests.carried_forward') as number | undefined;
    if (over === undefined || forward === undefined) return { items: [], more: false };
    const rows = mismatches.all({
      over,
      forward,
      printed: JSON.stringify(PRINTED),
      province: filter.province ?? null,
      city: filter.city ?? null,
      year: filter.year ?? null,
      limit: Math.min(limit, MAX_CARRY_OVER) + 1,
    }) as Array<{ agency_id: number; agency: string; year: number; now_id: number; before_id: number; over: number; forward: number }>;
    const items = rows.slice(0, Math.min(limit, MAX_CARRY_OVER)).map((r): CarryOverCheck => {
      const lineNow = (lineOf.get(r.now_id, 'requests.carried_over') as number | undefined) ?? 0;
      const lineBefore = (lineOf.get(r.before_id, 'requests.carried_forward') as number | undefined) ?? 0;
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
    return { items, more: rows.length > items.length };
  };
}
