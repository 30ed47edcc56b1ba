/** The report's own details as stored at ingest (details table), read one report at a time. */
import type { Database, Statement } from 'better-sqlite3';

export interface DetailRow {
  field: string;
  value: string;
  line: number;
  col: number | null;
  page: number | null;
  section: string | null;
  quote: string;
}

export const DETAILS_SQL = 'SELECT field, value, line, col, page, section, quote FROM details WHERE report_id = ? AND field = ?';

export class ReportDetails {
  private readonly stmt: Statement;
  constructor(db: Database) {
    this.stmt = db.prepare(DETAILS_SQL);
  }

  /** One field of one report, or null when the report does not print it. */
  get(reportId: number, field: string): DetailRow | null {
    return (this.stmt.get(reportId, field) as DetailRow | undefined) ?? null;
  }
}
