/**
 * Writing parsed reports into the index. Atomic either way a run ends:
 * - a new index (or one of another schema version) is built in `<db>.tmp-<pid>` and renamed over the
 *   target only when the run completes, so a killed run leaves nothing half-built;
 * - an existing index is updated one transaction per report (delete that file's old rows, insert the
 *   new ones), so a failure inside a report leaves its previous rows in place.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { openIndexForWrite, readSchemaVersion, type Db } from '../../store/open.ts';
import { SCHEMA_SQL, SCHEMA_VERSION } from '../../store/schema.ts';
import { valueRows } from './figure-values.ts';
import { assertIndexTarget } from '../../store/target.ts';
import { deriveAliases } from '../../catalogue/names.ts';
import type { Figure, ParsedReport } from '../model.ts';

export interface IndexTotals {
  reports: number;
  figures: number;
  warnings: number;
}

export interface IndexWriter {
  /** Path being written (the temporary file while building a new index). */
  readonly writePath: string;
  /** Report files of the index being replaced because its schema version differs: to be read again. */
  readonly previousFiles: readonly string[];
  /** True when the index holds some version of this file. */
  isKnown(file: string): boolean;
  /** True when this exact content of this file is already in the index. */
  isUnchanged(file: string, sha256: string): boolean;
  /** Insert (or replace) one report and everything it holds, in one transaction. */
  writeReport(file: string, sha256: string, report: ParsedReport): void;
  /** Finish: drop agencies no report points to any more, close, and (new index) move into place. */
  commit(): IndexTotals;
  /** Give up: close, and (new index) delete the temporary file. The previous index is untouched. */
  abort(): void;
}

const SOURCE_INSERT = 'INSERT INTO sources (report_id, n, line, section, row_label, quote, col, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const FIGURE_INSERT = `INSERT INTO figures (report_id, n, metric, applicant, cumulative, col_label, value, cell, raw, unit,
  approximate, computed, origin, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function figureParams(reportId: number, n: number, f: Figure, source: number): unknown[] {
  return [
    reportId,
    n,
    f.metric,
    f.applicant,
    f.cumulative ? 1 : 0,
    f.colLabel,
    f.value,
    f.cell,
    f.raw,
    f.unit,
    f.approximate ? 1 : 0,
    f.computed ? 1 : 0,
    f.origin,
    source,
  ];
}

function secondaryIndexes(db: Db): { name: string }[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as { name: string }[];
}

/**
 * Whether the index at `path` must be built anew, and the report files an index of another schema version
 * holds: the rebuild reads them again, so a version change never drops reports silently.
 */
function inspectTarget(path: string): { rebuild: boolean; previousFiles: string[] } {
  if (!existsSync(path)) return { rebuild: true, previousFiles: [] };
  let db: Db | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (readSchemaVersion(db) === SCHEMA_VERSION) return { rebuild: false, previousFiles: [] };
    let previousFiles: string[] = [];
    try {
      // Every schema so far has reports(file).
      previousFiles = db.prepare('SELECT file FROM reports ORDER BY id').pluck().all() as string[];
    } catch {
      previousFiles = [];
    }
    return { rebuild: true, previousFiles };
  } catch {
    // A damaged index (assertIndexTarget has turned away files that are not indexes): rebuild it.
    return { rebuild: true, previousFiles: [] };
  } finally {
    db?.close();
  }
}

/** SQLite's companions of an index file. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'];

/** The index file and its companions, absolute: never to be read as reports. */
export function indexFiles(db: string): Set<string> {
  const abs = resolve(db);
  return new Set(['', ...SIDE_FILES].map((suffix) => abs + suffix));
}
const removeWithSideFiles = (path: string) => {
  for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true });
};

/** A killed build leaves `<db>.tmp-<pid>` behind; remove those whose process is gone. */
function removeStaleBuilds(dbPath: string): void {
  const dir = dirname(dbPath);
  const prefix = `${basename(dbPath)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)$/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') removeWithSideFiles(join(dir, name));
    }
  }
}

export function openIndexWriter(dbPath: string): IndexWriter {
  // A rebuild renames over dbPath: never over a file that is not an index (src/store/target.ts).
  assertIndexTarget(dbPath);
  removeStaleBuilds(dbPath);
  const { rebuild, previousFiles } = inspectTarget(dbPath);
  const writePath = rebuild ? `${dbPath}.tmp-${process.pid}` : dbPath;
  if (rebuild) removeWithSideFiles(writePath);
  const db = openIndexForWrite(writePath);
  // A temporary file needs no crash safety of its own: the rename is the commit.
  // The whole build is one outer transaction (each report a savepoint inside it): far fewer page writes.
  if (rebuild) {
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    // Secondary indexes are built once at the end (a sort) instead of row by row.
    for (const name of secondaryIndexes(db)) db.exec(`DROP INDEX ${name.name}`);
    db.exec('BEGIN');
  } else {
    db.pragma('synchronous = NORMAL');
  }

  const known = new Map<string, string>(
    (db.prepare('SELECT file, sha256 FROM reports').all() as { file: string; sha256: string }[]).map((r) => [r.file, r.sha256]),
  );
  const agencyIds = new Map<string, number>();
  const metricIds = new Map<string, number>(
    (db.prepare('SELECT key, id FROM metric_keys').raw().all() as [string, number][]),
  );
  const metricId = (key: string): number => {
    let id = metricIds.get(key);
    if (id === undefined) metricIds.set(key, (id = (stmt.insertMetricKey.get(key) as { id: number }).id));
    return id;
  };

  const stmt = {
    deleteReport: db.prepare('DELETE FROM reports WHERE file = ?'),
    upsertAgency: db.prepare(
      `INSERT INTO agencies (name, province, city, county, division_code) VALUES (@name, @province, @city, @county, @divisionCode)
       ON CONFLICT(name) DO UPDATE SET
         province = coalesce(excluded.province, province), city = coalesce(excluded.city, city),
         county = coalesce(excluded.county, county), division_code = coalesce(excluded.division_code, division_code)
       RETURNING id`,
    ),
    insertAlias: db.prepare('INSERT OR IGNORE INTO agency_aliases (alias, agency_id, kind) VALUES (?, ?, ?)'),
    insertReport: db.prepare(
      `INSERT INTO reports (file, sha256, agency_id, year, format, title, website, published, line_count, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSource: db.prepare(SOURCE_INSERT),
    insertFigure: db.prepare(FIGURE_INSERT),
    insertValue: db.prepare('INSERT INTO figure_values (report_id, metric, col, year, agency_id, value, state) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertMetricKey: db.prepare('INSERT INTO metric_keys (key) VALUES (?) RETURNING id'),
    insertWarning: db.prepare('INSERT INTO warnings (report_id, code, message, line, line2, metric) VALUES (?, ?, ?, ?, ?, ?)'),
    insertDetail: db.prepare('INSERT OR IGNORE INTO details (report_id, field, value, line, col, page, section, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    pruneAgencies: db.prepare('DELETE FROM agencies WHERE id NOT IN (SELECT agency_id FROM reports)'),
  };

  function agencyId(report: ParsedReport): number {
    const a = report.agency;
    const cached = agencyIds.get(a.name);
    if (cached !== undefined) return cached;
    const { id } = stmt.upsertAgency.get(a) as { id: number };
    for (const alias of deriveAliases(a)) stmt.insertAlias.run(alias.alias, id, alias.kind);
    agencyIds.set(a.name, id);
    return id;
  }

  const write = db.transaction((file: string, sha256: string, report: ParsedReport) => {
    stmt.deleteReport.run(file);
    const agency = agencyId(report);
    const reportId = Number(
      stmt.insertReport.run(
        file,
        sha256,
        agency,
        report.year,
        report.format,
        report.title,
        report.website,
        report.published,
        report.lineCount,
        new Date().toISOString(),
      ).lastInsertRowid,
    );
    // Cells citing the same printed place share one sources row.
    const sources = new Map<string, number>();
    report.figures.forEach((f, n) => {
      const { line, section, quote } = f.source;
      const column = f.source.column ?? null;
      const page = f.source.page ?? null;
      const key = `${line}\u0000${column ?? ''}\u0000${section ?? "\u0002"}\u0000${f.rowLabel}\u0000${quote}`;
      let source = sources.get(key);
      if (source === undefined) {
        source = sources.size;
        sources.set(key, source);
        stmt.insertSource.run(reportId, source, line, section, f.rowLabel, quote, column, page);
      }
      stmt.insertFigure.run(figureParams(reportId, n, f, source));
    });
    for (const v of valueRows(report.figures)) stmt.insertValue.run(reportId, metricId(v.key), v.col, report.year, agency, v.value, v.state);
    for (const w of report.warnings) stmt.insertWarning.run(reportId, w.code, w.message, w.line, w.line2 ?? null, w.metric ?? null);
    for (const d of report.details ?? []) {
      const s = d.source;
      stmt.insertDetail.run(reportId, d.field, d.value, s.line, s.column ?? null, s.page ?? null, s.section, s.quote);
    }
  });

  let open = true;
  const close = () => {
    if (open && db.inTransaction) db.exec('ROLLBACK');
    if (open) db.close();
    open = false;
  };

  return {
    writePath,
    previousFiles,
    isKnown: (file) => known.has(file),
    isUnchanged: (file, sha256) => known.get(file) === sha256,
    writeReport(file, sha256, report) {
      try {
        write(file, sha256, report);
      } catch (err) {
        // A rolled-back transaction may have cached an agency or metric id it never committed.
        agencyIds.clear();
        metricIds.clear();
        for (const [key, id] of db.prepare('SELECT key, id FROM metric_keys').raw().all() as [string, number][]) metricIds.set(key, id);
        throw err;
      }
      known.set(file, sha256);
    },
    commit() {
      stmt.pruneAgencies.run();
      if (db.inTransaction) db.exec('COMMIT');
      // Recreate what the build dropped (the schema's CREATE INDEX IF NOT EXISTS statements).
      if (rebuild) db.exec(SCHEMA_SQL);
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const totals = { reports: count('reports'), figures: count('figures'), warnings: count('warnings') };
      close();
      if (rebuild) {
        for (const suffix of SIDE_FILES) rmSync(dbPath + suffix, { force: true });
        renameSync(writePath, dbPath);
      }
      return totals;
    },
    abort() {
      close();
      if (rebuild) removeWithSideFiles(writePath);
    },
  };
}
