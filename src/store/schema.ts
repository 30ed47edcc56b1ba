/**
 * The index: one SQLite file, written by ingest, opened read-only by query and the server.
 * Documented in README ("Data model"). Bump SCHEMA_VERSION on any change: ingest rebuilds an index
 * whose version differs instead of mixing layouts.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- One row per agency, by full official name.
CREATE TABLE IF NOT EXISTS agencies (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,     -- 温州市鹿城区人民政府
  province      TEXT,                     -- 浙江省
  city          TEXT,                     -- 温州市
  county        TEXT,                     -- 鹿城区
  division_code TEXT                      -- GB/T 2260 code of the most specific place
);

-- Every name a user may type for an agency, normalized (Simplified, no spaces), derived by rule.
CREATE TABLE IF NOT EXISTS agency_aliases (
  alias     TEXT NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,                -- full | short | abbrev | city_prefixed …
  PRIMARY KEY (alias, agency_id)
);
CREATE INDEX IF NOT EXISTS agency_aliases_agency ON agency_aliases(agency_id);

CREATE TABLE IF NOT EXISTS reports (
  id          INTEGER PRIMARY KEY,
  file        TEXT NOT NULL UNIQUE,       -- path as given to ingest
  sha256      TEXT NOT NULL,
  agency_id   INTEGER NOT NULL REFERENCES agencies(id),
  year        INTEGER NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('2019','2021','pre-2019','narrative')),
  title       TEXT NOT NULL,
  website     TEXT,
  published   TEXT,                       -- YYYY-MM-DD
  line_count  INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports(agency_id, year);

CREATE TABLE IF NOT EXISTS figures (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  metric      TEXT NOT NULL,              -- catalogue key: requests.new, review.total …
  applicant   TEXT,                       -- table 三 column key; NULL elsewhere
  cumulative  INTEGER NOT NULL DEFAULT 0, -- Fujian pre-2019 历年累计 column
  row_label   TEXT NOT NULL,
  col_label   TEXT NOT NULL,
  value       REAL,                       -- NULL when cell is dash, blank or undecided
  cell        TEXT NOT NULL CHECK (cell IN ('number','dash','blank','undecided')),
  raw         TEXT NOT NULL,              -- the cell as printed
  unit        TEXT NOT NULL,
  approximate INTEGER NOT NULL DEFAULT 0,
  computed    INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL CHECK (origin IN ('table','prose')),
  line        INTEGER NOT NULL,
  section     TEXT,
  quote       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS figures_report_metric ON figures(report_id, metric, applicant);
CREATE INDEX IF NOT EXISTS figures_metric ON figures(metric, applicant);

CREATE TABLE IF NOT EXISTS warnings (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  code      TEXT NOT NULL,
  message   TEXT NOT NULL,
  line      INTEGER,
  line2     INTEGER,
  metric    TEXT
);
CREATE INDEX IF NOT EXISTS warnings_report ON warnings(report_id);
`;

/** Row shapes as read back by query. */
export interface AgencyRow {
  id: number;
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  division_code: string | null;
}
export interface ReportRow {
  id: number;
  file: string;
  sha256: string;
  agency_id: number;
  year: number;
  format: '2019' | '2021' | 'pre-2019' | 'narrative';
  title: string;
  website: string | null;
  published: string | null;
  line_count: number;
  ingested_at: string;
}
export interface FigureRow {
  id: number;
  report_id: number;
  metric: string;
  applicant: string | null;
  cumulative: number;
  row_label: string;
  col_label: string;
  value: number | null;
  cell: 'number' | 'dash' | 'blank' | 'undecided';
  raw: string;
  unit: string;
  approximate: number;
  computed: number;
  origin: 'table' | 'prose';
  line: number;
  section: string | null;
  quote: string;
}
export interface WarningRow {
  id: number;
  report_id: number;
  code: string;
  message: string;
  line: number | null;
  line2: number | null;
  metric: string | null;
}
