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
import { acquireWriteLock, type LockOptions } from '../../store/lock.ts';
import { deriveAliases } from '../../catalogue/names.ts';
import type { Figure, ParsedReport } from '../model.ts';
import { checkAcrossReports, YEAR_TO_YEAR_METRICS, type CheckedFigure, type CheckedReport } from '../checks/across-reports.ts';
import { checkUnitsSum, type UnitReport } from '../checks/units-sum.ts';
import { countClaimedUnits } from '../prose/units-summed.ts';
import { SUMMED_METRICS, UNITS_SUMMED_FIELD } from '../../catalogue/units-summed.ts';
import { agencyLevel } from '../../catalogue/agency-levels.ts';

/** What writing one file did: a new report, a new version of a known file, or one more path of a known report. */
export type WriteOutcome = { kind: 'new' } | { kind: 'replaced' } | { kind: 'duplicate'; of: string };

export interface IndexTotals {
  reports: number;
  figures: number;
  warnings: number;
}

export interface IndexWriter {
  /** Path being written (the temporary file while building a new index). */
  readonly writePath: string;
  /** True when a new index is being built aside (nothing usable at the path yet, or another version). */
  readonly rebuilding: boolean;
  /** Report files of the index being replaced because its schema version differs: to be read again. */
  readonly previousFiles: readonly string[];
  /** True when the index holds some version of this file. */
  isKnown(file: string): boolean;
  /** True when this exact content of this file is already in the index. */
  isUnchanged(file: string, sha256: string): boolean;
  /** The file of a report with this content already in the index (the same report under another name), or null. */
  sameContent(sha256: string): string | null;
  /** Insert (or replace) one report and everything it holds, in one transaction. */
  writeReport(file: string, sha256: string, report: ParsedReport): WriteOutcome;
  /** This file holds the content of a report already in the index: record it as one more of its paths. */
  addPath(file: string, sha256: string): WriteOutcome;
  /** Indexed paths no longer on disk (relative ones against the working directory). */
  missingFiles(): string[];
  /** Forget one path; a report left with no path is removed with everything it holds. */
  removeFile(file: string): void;
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
      // Every path, where the old index records several per report (report_files, from schema 6).
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      previousFiles = db
        .prepare(tables.includes('report_files') ? 'SELECT file FROM report_files ORDER BY report_id, file' : 'SELECT file FROM reports ORDER BY id')
        .pluck()
        .all() as string[];
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

/**
 * Why writing into the index failed, for the one line per report: SQLite's codes in words. A full disk and
 * a file-size limit (ulimit -f: EFBIG) both surface as SQLITE_FULL or SQLITE_IOERR_WRITE.
 */
export function writeFailureReason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return message;
  if (code === 'SQLITE_FULL') return `磁盘空间不足 (${code})`;
  if (code.startsWith('SQLITE_IOERR')) return `读写索引文件出错：磁盘已满、超出文件大小限制或设备故障 (${code})`;
  if (code.startsWith('SQLITE_READONLY')) return `索引文件只读 (${code})`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return `索引被另一个进程锁定 (${code})`;
  return `${message} (${code})`;
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

/**
 * Open the index for writing: checks the target, then holds its write lock (src/store/lock.ts) until
 * commit or abort — everything below decides about the index as it is under that lock.
 */
export function openIndexWriter(dbPath: string, lockOptions: LockOptions = {}): IndexWriter {
  // A rebuild renames over dbPath: never over a file that is not an index (src/store/target.ts).
  assertIndexTarget(dbPath);
  const lock = acquireWriteLock(dbPath, lockOptions);
  try {
    // Checked again under the lock: the holder we waited for may have just created the file.
    assertIndexTarget(dbPath);
    return openLocked(dbPath, lock.release);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function openLocked(dbPath: string, unlock: () => void): IndexWriter {
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

  // Every indexed path → its report's content, and each content → its report: kept in memory so that a
  // rebuild (secondary indexes dropped until the end) never scans reports per file.
  const known = new Map<string, string>();
  const bySha = new Map<string, { id: number; file: string; agency: number }>();
  for (const r of db
    .prepare('SELECT p.file AS path, r.id, r.file, r.sha256, r.agency_id FROM report_files p JOIN reports r ON r.id = p.report_id')
    .all() as { path: string; id: number; file: string; sha256: string; agency_id: number }[]) {
    known.set(r.path, r.sha256);
    bySha.set(r.sha256, { id: r.id, file: r.file, agency: r.agency_id });
  }
  /** Agencies whose reports changed: their checks across reports are run again. */
  const touched = new Set<number>();
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
    deleteReport: db.prepare('DELETE FROM reports WHERE id = ?'),
    reportOfFile: db.prepare('SELECT report_id FROM report_files WHERE file = ?').pluck(),
    deleteFile: db.prepare('DELETE FROM report_files WHERE file = ?'),
    insertFile: db.prepare('INSERT INTO report_files (file, report_id) VALUES (?, ?)'),
    otherFile: db.prepare('SELECT file FROM report_files WHERE report_id = ? ORDER BY file LIMIT 1').pluck(),
    setReportFile: db.prepare('UPDATE reports SET file = ? WHERE id = ?'),
    reportRow: db.prepare('SELECT sha256, agency_id FROM reports WHERE id = ?'),
    agencyReports: db.prepare('SELECT id, year, file, title, format FROM reports WHERE agency_id = ?'),
    // Only what the year-to-year checks read (a few rows per report), and everything of the reports that
    // share a year with another (json_each of their ids): the checks cost little beside the writes.
    agencyFigures: db.prepare(
      `SELECT f.report_id, f.metric, f.applicant, f.cumulative, f.value, f.cell, s.line
       FROM reports r JOIN figures f ON f.report_id = r.id JOIN sources s ON s.report_id = f.report_id AND s.n = f.source
       WHERE r.agency_id = ? AND (f.metric IN (${YEAR_TO_YEAR_METRICS.map((m) => `'${m}'`).join(', ')}) OR f.cumulative = 1
         OR r.id IN (SELECT value FROM json_each(?)))
       ORDER BY f.report_id, f.n`,
    ),
    cumulativeAnnual: db.prepare(
      `SELECT f.report_id, f.metric, f.applicant, f.cumulative, f.value, f.cell, s.line
       FROM reports r JOIN figures f ON f.report_id = r.id JOIN sources s ON s.report_id = f.report_id AND s.n = f.source
       WHERE r.agency_id = ? AND r.format = 'pre-2019' AND f.cumulative = 0
         AND f.metric IN (SELECT metric FROM figures c WHERE c.report_id = r.id AND c.cumulative = 1)
       ORDER BY f.report_id, f.n`,
    ),
    // cross.units_sum is the place's (a government against its units): rechecked by recheckUnits.
    deleteCross: db.prepare("DELETE FROM warnings WHERE code LIKE 'cross.%' AND code <> 'cross.units_sum' AND report_id IN (SELECT id FROM reports WHERE agency_id = ?)"),
    agencyRow: db.prepare('SELECT id, name, province, city, county FROM agencies WHERE id = ?'),
    placeAgencies: db.prepare('SELECT id, name, province, city, county FROM agencies WHERE province IS ? AND city IS ? AND county IS ?'),
    unitClaims: db.prepare(
      `SELECT r.id, r.year, r.file, r.title, r.format, d.value AS phrase, d.line FROM reports r
       JOIN details d ON d.report_id = r.id AND d.field = ? WHERE r.agency_id = ?`,
    ),
    unitReports: db.prepare('SELECT id, year, file, title, format, agency_id FROM reports WHERE year = ? AND agency_id IN (SELECT value FROM json_each(?))'),
    summedFigures: db.prepare(
      `SELECT f.report_id, f.metric, f.applicant, f.cumulative, f.value, f.cell, s.line
       FROM figures f JOIN sources s ON s.report_id = f.report_id AND s.n = f.source
       WHERE f.report_id IN (SELECT value FROM json_each(?)) AND f.metric IN (${SUMMED_METRICS.map((m) => `'${m}'`).join(', ')})
       ORDER BY f.report_id, f.n`,
    ),
    deleteUnitsSum: db.prepare("DELETE FROM warnings WHERE code = 'cross.units_sum' AND report_id = ?"),
    insertCross: db.prepare('INSERT INTO warnings (report_id, code, message, line, line2, metric, report2_id) VALUES (?, ?, ?, ?, ?, ?, ?)'),
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

  /** Take a path away from its report; the report goes when it has no path left. Returns the report's agency. */
  function detach(file: string): number | undefined {
    const id = stmt.reportOfFile.get(file) as number | undefined;
    known.delete(file);
    if (id === undefined) return undefined;
    stmt.deleteFile.run(file);
    const row = stmt.reportRow.get(id) as { sha256: string; agency_id: number };
    touched.add(row.agency_id);
    const other = stmt.otherFile.get(id) as string | undefined;
    if (other === undefined) {
      stmt.deleteReport.run(id);
      bySha.delete(row.sha256);
    } else {
      stmt.setReportFile.run(other, id);
      bySha.set(row.sha256, { id, file: other, agency: row.agency_id });
    }
    return row.agency_id;
  }

  type AgencyPlaceRow = { id: number; name: string; province: string | null; city: string | null; county: string | null };
  /**
   * The check of each government report of this agency's place that says it sums its units' reports,
   * against the units' reports of its year (the place's agencies that are no government).
   */
  function recheckUnits(agency: number): void {
    const a = stmt.agencyRow.get(agency) as AgencyPlaceRow | undefined;
    if (!a) return;
    const inPlace = stmt.placeAgencies.all(a.province, a.city, a.county) as AgencyPlaceRow[];
    const units = inPlace.filter((x) => ['department', 'township'].includes(agencyLevel(x))).map((x) => x.id);
    for (const gov of inPlace) {
      if (['department', 'township'].includes(agencyLevel(gov))) continue;
      for (const claim of stmt.unitClaims.all(UNITS_SUMMED_FIELD, gov.id) as (CheckedReport & { phrase: string; line: number })[]) {
        stmt.deleteUnitsSum.run(claim.id);
        const reports = stmt.unitReports.all(claim.year, JSON.stringify(units)) as UnitReport[];
        if (reports.length === 0) continue;
        const figures = stmt.summedFigures.all(JSON.stringify([claim.id, ...reports.map((r) => r.id)])) as CheckedFigure[];
        const found = checkUnitsSum(claim, { phrase: claim.phrase, units: countClaimedUnits(claim.phrase), line: claim.line }, reports, figures);
        for (const w of found) stmt.insertCross.run(w.reportId, w.code, w.message, w.line, w.line2, w.metric, w.report2Id);
      }
    }
  }

  /** The checks across one agency's reports, stored as warnings on the reports they concern. */
  function recheck(agency: number): void {
    stmt.deleteCross.run(agency);
    const reports = stmt.agencyReports.all(agency) as CheckedReport[];
    if (reports.length < 2) return;
    const perYear = new Map<number, number[]>();
    for (const r of reports) perYear.set(r.year, [...(perYear.get(r.year) ?? []), r.id]);
    const sharing = [...perYear.values()].filter((ids) => ids.length > 1).flat();
    const figures = [
      ...(stmt.agencyFigures.all(agency, JSON.stringify(sharing)) as CheckedFigure[]),
      ...(stmt.cumulativeAnnual.all(agency) as CheckedFigure[]),
    ];
    for (const w of checkAcrossReports(reports, figures)) stmt.insertCross.run(w.reportId, w.code, w.message, w.line, w.line2, w.metric, w.report2Id);
  }

  const addPath = db.transaction((file: string, sha256: string): WriteOutcome => {
    const target = bySha.get(sha256)!;
    if (known.has(file)) detach(file);
    stmt.insertFile.run(file, target.id);
    known.set(file, sha256);
    return { kind: 'duplicate', of: target.file };
  });

  const write = db.transaction((file: string, sha256: string, report: ParsedReport) => {
    const before = detach(file);
    const agency = agencyId(report);
    touched.add(agency);
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
    if (report.unitsSummed) {
      const { phrase, source: s } = report.unitsSummed;
      stmt.insertDetail.run(reportId, UNITS_SUMMED_FIELD, phrase, s.line, s.column ?? null, s.page ?? null, s.section, s.quote);
    }
    stmt.insertFile.run(file, reportId);
    known.set(file, sha256);
    bySha.set(sha256, { id: reportId, file, agency });
    // Updating a served index in place: each commit is whole, its checks across reports included.
    // A rebuild runs them once at the end instead (nobody reads the file before the rename).
    if (!rebuild) {
      recheck(agency);
      recheckUnits(agency);
      if (before !== undefined && before !== agency) recheckUnits(before);
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
    rebuilding: rebuild,
    previousFiles,
    isKnown: (file) => known.has(file),
    isUnchanged: (file, sha256) => known.get(file) === sha256,
    sameContent: (sha256) => bySha.get(sha256)?.file ?? null,
    addPath: (file, sha256) => addPath(file, sha256),
    missingFiles: () => [...known.keys()].filter((f) => !existsSync(f)),
    removeFile: db.transaction((file: string) => {
      const agency = bySha.get(known.get(file) ?? '')?.agency;
      detach(file);
      if (!rebuild && agency !== undefined) {
        recheck(agency);
        recheckUnits(agency);
      }
    }),
    writeReport(file, sha256, report) {
      const wasKnown = known.has(file);
      if (bySha.has(sha256) && bySha.get(sha256)!.file !== file) return addPath(file, sha256);
      try {
        write(file, sha256, report);
        return wasKnown ? { kind: 'replaced' } : { kind: 'new' };
      } catch (err) {
        // A rolled-back transaction may have cached an agency or metric id it never committed.
        agencyIds.clear();
        metricIds.clear();
        for (const [key, id] of db.prepare('SELECT key, id FROM metric_keys').raw().all() as [string, number][]) metricIds.set(key, id);
        throw err;
      }
    },
    commit() {
      try {
        return finish();
      } catch (err) {
        try {
          close();
        } catch {
          // the first error is the one to report
        }
        if (rebuild) removeWithSideFiles(writePath);
        throw err;
      } finally {
        unlock();
      }
    },
    abort() {
      try {
        close();
        if (rebuild) removeWithSideFiles(writePath);
      } finally {
        unlock();
      }
    },
  };

  function finish(): IndexTotals {
      stmt.pruneAgencies.run();
      if (db.inTransaction) db.exec('COMMIT');
      if (rebuild) {
        // Recreate what the build dropped (the schema's CREATE INDEX IF NOT EXISTS statements), then run
        // the checks across reports once per agency, with the indexes they read by.
        db.exec(SCHEMA_SQL);
        db.transaction(() => {
          for (const agency of touched) recheck(agency);
          // Once per place: every agency of a place rechecks the same governments.
          const places = new Map<string, number>();
          for (const agency of touched) {
            const a = stmt.agencyRow.get(agency) as AgencyPlaceRow | undefined;
            if (a) places.set(JSON.stringify([a.province, a.city, a.county]), agency);
          }
          for (const agency of places.values()) recheckUnits(agency);
        })();
      }
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      const totals = { reports: count('reports'), figures: count('figures'), warnings: count('warnings') };
      close();
      if (rebuild) {
        for (const suffix of SIDE_FILES) rmSync(dbPath + suffix, { force: true });
        renameSync(writePath, dbPath);
      }
      return totals;
  }
}
