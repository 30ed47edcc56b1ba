import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import { processFile } from '../../src/ingest/process-file.ts';
import { openIndex } from '../../src/store/open.ts';
import type { ParsedReport } from '../../src/ingest/model.ts';

const SEED = 'data/reports/002_ebc6c56e4ff49493.txt';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./killed-writer.child.ts', import.meta.url));
let parsed: ParsedReport | null = null;
/** A fresh copy of the seed's parsed report (parsed once). */
const seedReport = (): ParsedReport => {
  if (!parsed) {
    const r = processFile(SEED, readFileSync(new URL(`../../${SEED}`, import.meta.url)));
    if (!r.ok) throw new Error(r.error.message);
    parsed = r.report;
  }
  return structuredClone(parsed);
};

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
  db = join(dir, 'gongkai.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const rows = (sql: string, ...args: unknown[]) => {
  const d = openIndex(db);
  try {
    return d.prepare(sql).all(...args) as Record<string, unknown>[];
  } finally {
    d.close();
  }
};

describe('index writer', () => {
  test('a new index is built aside and appears only on commit', () => {
    const w = openIndexWriter(db);
    expect(w.writePath).toBe(`${db}.tmp-${process.pid}`);
    w.writeReport(SEED, 'sha-1', seedReport());
    expect(existsSync(db)).toBe(false);
    expect(w.commit()).toMatchObject({ reports: 1, figures: seedReport().figures.length });
    expect(readdirSync(dir)).toEqual(['gongkai.db']);
    const [r] = rows('SELECT r.file, r.sha256, r.year, a.name FROM reports r JOIN agencies a ON a.id = r.agency_id');
    expect(r).toEqual({ file: SEED, sha256: 'sha-1', year: 2020, name: '温州市鹿城区人民政府' });
    expect(rows('SELECT alias FROM agency_aliases').map((x) => x.alias)).toContain('温州市鹿城区人民政府');
  });

  test('an aborted first run leaves no index and no temporary file', () => {
    const w = openIndexWriter(db);
    w.writeReport(SEED, 'sha-1', seedReport());
    w.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  test('a build left behind by a killed run is cleared; a live one is not touched', () => {
    writeFileSync(`${db}.tmp-999999999`, 'half-built');
    writeFileSync(`${db}.tmp-${process.ppid}`, 'another run in progress');
    openIndexWriter(db).commit();
    expect(readdirSync(dir).sort()).toEqual(['gongkai.db', `gongkai.db.tmp-${process.ppid}`]);
  });

  test.each([
    ['a first build', false],
    ['a rebuild of an index of another version', true],
  ])('%s killed midway leaves the previous state; the next run clears its leftovers', async (_name, existing) => {
    if (existing) {
      const w0 = openIndexWriter(db);
      w0.writeReport(SEED, 'sha-old', seedReport());
      w0.commit();
      const raw = new Database(db);
      raw.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
      raw.close();
    }
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db, SEED], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const ready = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) done(out.trim());
      });
      child.on('exit', (code) => fail(new Error(`child exited ${code} before it was ready`)));
    });
    expect(ready).toBe(`ready ${db}.tmp-${child.pid}`);
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));

    if (existing) {
      const raw = new Database(db, { readonly: true });
      expect(raw.prepare('SELECT sha256 FROM reports').all()).toEqual([{ sha256: 'sha-old' }]);
      raw.close();
    } else {
      expect(existsSync(db)).toBe(false);
    }
    expect(readdirSync(dir)).toContain(`gongkai.db.tmp-${child.pid}`);
    const next = openIndexWriter(db);
    next.writeReport(SEED, 'sha-new', seedReport());
    next.commit();
    expect(readdirSync(dir)).toEqual(['gongkai.db']);
    expect(rows('SELECT sha256 FROM reports')).toEqual([{ sha256: 'sha-new' }]);
  });

  test('unchanged files are recognised by sha; a changed file replaces its rows', () => {
    const first = openIndexWriter(db);
    first.writeReport(SEED, 'sha-1', seedReport());
    first.commit();

    const w = openIndexWriter(db);
    expect(w.writePath).toBe(db);
    expect(w.isUnchanged(SEED, 'sha-1')).toBe(true);
    expect(w.isUnchanged(SEED, 'sha-2')).toBe(false);
    const changed = { ...seedReport(), figures: seedReport().figures.slice(0, 3) };
    w.writeReport(SEED, 'sha-2', changed);
    w.commit();
    expect(rows('SELECT sha256 FROM reports')).toEqual([{ sha256: 'sha-2' }]);
    expect(rows('SELECT count(*) AS n FROM figures')).toEqual([{ n: 3 }]);
  });

  test('an error inside a report’s transaction leaves that report’s previous rows', () => {
    const first = openIndexWriter(db);
    first.writeReport(SEED, 'sha-1', seedReport());
    const before = first.commit();

    const w = openIndexWriter(db);
    const broken = seedReport();
    // The schema's NOT NULL rejects this figure after the old rows were deleted and some new inserted.
    broken.figures = [...broken.figures, { ...broken.figures[0], metric: null as never }];
    expect(() => w.writeReport(SEED, 'sha-2', broken)).toThrow();
    w.commit();
    expect(rows('SELECT sha256 FROM reports')).toEqual([{ sha256: 'sha-1' }]);
    expect(rows('SELECT count(*) AS n FROM figures')).toEqual([{ n: before.figures }]);
  });

  test('an index of another schema version is rebuilt, not mixed', () => {
    const w0 = openIndexWriter(db);
    w0.commit();
    const raw = new Database(db);
    raw.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    raw.close();
    const w = openIndexWriter(db);
    expect(w.writePath).not.toBe(db);
    w.writeReport(SEED, 'sha-1', seedReport());
    w.commit();
    expect(rows('SELECT count(*) AS n FROM reports')).toEqual([{ n: 1 }]);
  });

  test('agencies no report points to are dropped with their aliases', () => {
    const first = openIndexWriter(db);
    first.writeReport(SEED, 'sha-1', seedReport());
    first.commit();
    const renamed = seedReport();
    renamed.agency = { ...renamed.agency, name: '温州市鹿城区人民政府办公室' };
    const w = openIndexWriter(db);
    w.writeReport(SEED, 'sha-2', renamed);
    w.commit();
    expect(rows('SELECT name FROM agencies')).toEqual([{ name: '温州市鹿城区人民政府办公室' }]);
    expect(rows('SELECT DISTINCT agency_id FROM agency_aliases')).toHaveLength(1);
  });
});

describe('a schema version change never drops reports silently', () => {
  test('the rebuild reads again the reports the old index held, and names those gone from disk', async () => {
    const { ingestPaths } = await import('../../src/ingest/ingest.ts');
    const { cpSync, mkdirSync } = await import('node:fs');
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    const seeds = readdirSync(join(ROOT, 'data/reports')).sort();
    for (const f of seeds.slice(0, 3)) cpSync(join(ROOT, 'data/reports', f), join(a, f));
    for (const f of seeds.slice(3)) cpSync(join(ROOT, 'data/reports', f), join(b, f));
    await ingestPaths([a], { db });
    await ingestPaths([b], { db });
    expect(rows('SELECT count(*) AS n FROM reports')).toEqual([{ n: 5 }]);
    const raw = new Database(db);
    raw.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    raw.close();
    rmSync(join(a, seeds[0]!));

    const summary = await ingestPaths([b], { db });
    expect(summary.ingested).toBe(4);
    expect(summary.files.filter((f) => f.status === 'failed')).toEqual([
      { file: join(a, seeds[0]!), status: 'failed', code: 'io', message: '旧版本索引中的这份报告文件已不存在，未能迁入重建的索引' },
    ]);
    expect(rows('SELECT file FROM reports ORDER BY file').map((r) => (r as { file: string }).file)).toEqual(
      [...seeds.slice(1, 3).map((f) => join(a, f)), ...seeds.slice(3).map((f) => join(b, f))],
    );
  });
});
