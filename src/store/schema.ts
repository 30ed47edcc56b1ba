/**
 * The index: one SQLite file, written by ingest, opened read-only by query and the server.
 * Documented in README ("Data model"). Bump SCHEMA_VERSION on any change: ingest rebuilds an index
 * whose version differs instead of mixing layouts.
 */
export const SCHEMA_VERSION = 8;

/**
 * PRAGMA application_id of every gongkai index (the bytes "gkai" at offset 68 of the file's header), with
 * PRAGMA user_version = SCHEMA_VERSION beside it. Both sit in the header, readable even when the rest of
 * the file is damaged: a file that does not carry this id is never written over (src/store/target.ts).
 */
export const APPLICATION_ID = 0x676b6169;

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
-- A year's reports in agency order: the side a list across agencies subtracts those giving a figure from
-- (EXCEPT, merged in order), to name the agencies whose report does not give it.
CREATE INDEX IF NOT EXISTS reports_year ON reports(year, agency_id);

-- Where in a report figures are printed: one row per distinct (line, section, row label, quote). The
-- seven cells of a table row cite one line, so each quote is stored once, not once per cell. Clustered
-- by report (WITHOUT ROWID): a report's rows are read and deleted together, with no secondary index.
-- No CHECK constraints on these two: the writer's input is typed by the zod schemas of src/ingest/model.ts,
-- and the CHECKs cost a third of the insert time (bench: 0.52 → 0.34 ms per report of 137 figures).
CREATE TABLE IF NOT EXISTS sources (
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL,           -- numbered from 0 within the report
  line        INTEGER NOT NULL,           -- 1-based line of the file (HTML: of the row's element)
  section     TEXT,                       -- 二、主动公开政府信息情况 …
  row_label   TEXT NOT NULL,              -- the row or sentence label as printed
  quote       TEXT NOT NULL,              -- the line verbatim (HTML: the row's text)
  col         INTEGER,                    -- 1-based column in the printed line where quote starts (squeezed text, minified HTML)
  page        INTEGER,                    -- 1-based PDF page
  PRIMARY KEY (report_id, n)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS figures (
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL,           -- order within the report, as parsed
  metric      TEXT NOT NULL,              -- catalogue key: requests.new, review.total …
  applicant   TEXT,                       -- table 三 column key; NULL elsewhere
  cumulative  INTEGER NOT NULL DEFAULT 0, -- Fujian pre-2019 历年累计 column
  col_label   TEXT NOT NULL,
  value       REAL,                       -- NULL when cell is dash, blank or undecided
  cell        TEXT NOT NULL,              -- number | dash | blank | undecided (CellKindSchema)
  raw         TEXT NOT NULL,              -- the cell as printed
  unit        TEXT NOT NULL,
  approximate INTEGER NOT NULL DEFAULT 0,
  computed    INTEGER NOT NULL DEFAULT 0,
  origin      TEXT NOT NULL,              -- table | prose
  source      INTEGER NOT NULL,           -- sources.n of the same report
  -- Clustered by report, then metric: an answer reads a few metrics of a report (a figure and the parts it
  -- is computed from) as one seek each, not a scan of the report's ≈ 200 rows (bench: 30 → 17 µs per read).
  PRIMARY KEY (report_id, metric, n)
) WITHOUT ROWID;

-- Each figure with its citation: what query, the tests and ad-hoc SQL read.
CREATE VIEW IF NOT EXISTS cited_figures AS
  SELECT f.report_id, f.n, f.metric, f.applicant, f.cumulative, s.row_label, f.col_label, f.value, f.cell, f.raw,
         f.unit, f.approximate, f.computed, f.origin, s.line, s.section, s.quote, s.col, s.page
  FROM figures f JOIN sources s ON s.report_id = f.report_id AND s.n = f.source;

-- Metric keys as small integers: figure_values holds ≈ 170 rows per report.
CREATE TABLE IF NOT EXISTS metric_keys (
  id  INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE                -- catalogue key: review.total …
);

-- Every catalogue figure a report gives, in every column it can be asked in, with the value query resolves
-- for it (src/query/lookup/resolve.ts: stored, or computed from its parts): what rankings, totals and lists
-- across agencies read — by SQL over its two covering indexes, never by loading reports. Citations are read
-- from figures/sources only for the rows an answer shows. A figure the report does not give has no row.
CREATE TABLE IF NOT EXISTS figure_values (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  metric    INTEGER NOT NULL,             -- metric_keys.id
  col       INTEGER NOT NULL,             -- VALUE_COLUMNS index: 0 总计 (or no column), 1–6 applicants, 7 法人或其他组织
  year      INTEGER NOT NULL,             -- reports.year and reports.agency_id, so that one index answers
  agency_id INTEGER NOT NULL,             --   "in this year, among these agencies"
  value     REAL,                         -- NULL unless a number; a dash is 0, as answers read it
  state     INTEGER NOT NULL,             -- VALUE_STATES index: number computed dash blank undecided
  PRIMARY KEY (report_id, metric, col)
) WITHOUT ROWID;
-- A year's values in value order, ties in agency order: a national ranking is the first rows of a range
-- (ORDER BY value, agency_id LIMIT), places and ties are range counts, "为 0" is one range in agency order.
CREATE INDEX IF NOT EXISTS figure_values_rank ON figure_values(metric, col, year, value, agency_id, state);
-- A year's values in agency order: the agencies of a place are probed one by one (agency_id IN …), lists are
-- read in agency order, and the agencies giving a figure are merged against the year's reports (EXCEPT).
CREATE INDEX IF NOT EXISTS figure_values_agency ON figure_values(metric, col, year, agency_id, report_id, value, state);

-- The report's own details as printed (联系电话, 地址, 发布日期 …: catalogue/report-details.ts), cited.
CREATE TABLE IF NOT EXISTS details (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  field     TEXT NOT NULL,
  value     TEXT NOT NULL,
  line      INTEGER NOT NULL,
  col       INTEGER,
  page      INTEGER,
  section   TEXT,
  quote     TEXT NOT NULL,
  PRIMARY KEY (report_id, field)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS warnings (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  code      TEXT NOT NULL,
  message   TEXT NOT NULL,
  line      INTEGER,
  line2     INTEGER,               -- the other side: in this report, or (report2_id set) in that one
  metric    TEXT,
  report2_id INTEGER REFERENCES reports(id) ON DELETE CASCADE  -- checks across reports (code cross.*)
);
CREATE INDEX IF NOT EXISTS warnings_report ON warnings(report_id);
CREATE INDEX IF NOT EXISTS warnings_report2 ON warnings(report2_id) WHERE report2_id IS NOT NULL;

-- Every path a report was ingested from: the same content (sha256) under several names is one report
-- (reports.file is the first of them, the one cited). A path belongs to one report at a time.
CREATE TABLE IF NOT EXISTS report_files (
  file      TEXT PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS report_files_report ON report_files(report_id);
CREATE INDEX IF NOT EXISTS reports_sha256 ON reports(sha256);
`;

/** figure_values.col: the column a figure is asked in (catalogue APPLICANTS, then the derived 法人或其他组织). */
export const VALUE_COLUMNS = ['total', 'natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'legal_person'] as const;
/** figure_values.state: how the value was found (a figure the report lacks has no row). */
export const VALUE_STATES = ['number', 'computed', 'dash', 'blank', 'undecided'] as const;
export type ValueState = (typeof VALUE_STATES)[number];

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
/** A row of the cited_figures view. */
export interface FigureRow {
  report_id: number;
  n: number;
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
  col: number | null;
  page: number | null;
}
export interface WarningRow {
  id: number;
  report_id: number;
  code: string;
  message: string;
  line: number | null;
  line2: number | null;
  metric: string | null;
  report2_id: number | null;
}
