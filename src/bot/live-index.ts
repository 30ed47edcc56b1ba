/**
 * The index as the server sees it while it may change underneath: a new file renamed into place (a rebuild,
 * or `mv new.db gongkai.db`) or reports committed into the same file by `gongkai ingest`. Each request
 * runs against one generation — one connection, one read transaction, an asker and catalog built from
 * that same snapshot — so no request sees half of one index and half of the next, and the alias map in
 * memory never disagrees with the figures on disk (a new report listed by /healthz but not_found in
 * /api/ask was exactly that).
 *
 * How a change is noticed, between requests and cheaply:
 * - a swapped file: the path's inode differs from the one opened (stat, at most every CHECK_MS);
 * - a commit into the open file: SQLite's PRAGMA data_version, read at the start of each read transaction.
 * The new generation is opened read-only and built before it replaces the old one; if it cannot be opened
 * (another schema, damaged) the server logs it and keeps answering from the generation it has.
 */
import { statSync } from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { AskFn } from '../query/answer.ts';
import { createAsker } from '../query/index.ts';
import { openIndex, type Db } from '../store/open.ts';
import { countedOnce, createCatalog, type Catalog } from './catalog.ts';

/**
 * The statements every request runs (a read transaction, data_version), prepared once per connection:
 * preparing them per request was ≈ 6% of a computed answer's CPU at 100,000 reports.
 */
interface SnapshotStatements {
  begin: Statement;
  firstRead: Statement;
  commit: Statement;
  dataVersion: Statement;
}
const SNAPSHOT_STATEMENTS = new WeakMap<Db, SnapshotStatements>();
function statements(db: Db): SnapshotStatements {
  let st = SNAPSHOT_STATEMENTS.get(db);
  if (!st) {
    st = {
      begin: db.prepare('BEGIN'),
      firstRead: db.prepare('SELECT 1 FROM meta LIMIT 1'),
      commit: db.prepare('COMMIT'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
    SNAPSHOT_STATEMENTS.set(db, st);
  }
  return st;
}

/** How often the file's identity is looked at (a stat): a swap is served within this, plus one request. */
export const CHECK_MS = 200;

interface Generation<B> {
  n: number;
  db: Db;
  ino: number;
  dataVersion: number;
  ask: AskFn;
  catalog: Catalog;
  browser: B;
}

export interface LiveIndexLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LiveIndex<B extends object = Record<string, never>> {
  /** Answers and listings, each run in one snapshot of the current generation. */
  readonly ask: AskFn;
  readonly catalog: Catalog;
  /** What `browse` built (the web pages' reader), each method call run the same way. */
  readonly browser: B;
  /** The generation number, switching first when the index changed: caches keyed on it stay right. */
  generation(): number;
  /** The file and commit now served ("inode:data_version"): the same in every thread serving that state. */
  identity(): string;
  close(): void;
}

export interface LiveIndexOptions<B extends object> {
  /** More readers over each generation's connection (the web pages' browser): an object of methods. */
  browse?: (db: Db) => B;
  clock?: () => number;
}

export function openLiveIndex<B extends object = Record<string, never>>(path: string, log: LiveIndexLog, options: LiveIndexOptions<B> = {}): LiveIndex<B> {
  const clock = options.clock ?? Date.now;
  const browse = options.browse ?? (() => ({}) as B);
  const dataVersion = (db: Db) => statements(db).dataVersion.get() as number;
  const build = (n: number, db: Db, ino: number): Generation<B> => ({
    n,
    db,
    ino,
    dataVersion: dataVersion(db),
    ask: createAsker(db),
    catalog: countedOnce(createCatalog(db)),
    browser: browse(db),
  });
  const first = openIndex(path);
  let gen = build(1, first, statSync(path).ino);
  let checkedAt = clock();

  const counts = (g: Generation<B>) => {
    const c = g.catalog.counts();
    return { generation: g.n, reports: c.reports, figures: c.figures, agencies: c.agencies };
  };

  /** At most every CHECK_MS (a cached answer needs no more): has the file or its content changed? */
  function due(): boolean {
    const now = clock();
    if (now - checkedAt < CHECK_MS) return false;
    checkedAt = now;
    return true;
  }

  /** A file renamed over the path: open it, and switch only once it is usable. */
  function checkFile(): void {
    let ino: number;
    try {
      ino = statSync(path).ino;
    } catch {
      return; // removed for a moment (or for good): keep serving what is open
    }
    if (ino === gen.ino) return;
    let next: Generation<B>;
    try {
      const db = openIndex(path);
      try {
        next = inSnapshot(db, () => build(gen.n + 1, db, ino));
      } catch (err) {
        db.close();
        throw err;
      }
    } catch (err) {
      // Retried at the next check; until then the old generation answers.
      log.error({ err, db: path }, '新索引无法打开，继续使用当前索引');
      return;
    }
    const old = gen;
    gen = next;
    old.db.close();
    log.info({ ...counts(gen), db: path, reason: 'file replaced' }, '索引已更新：已切换到新索引');
  }

  function inSnapshot<T>(db: Db, fn: () => T): T {
    const st = statements(db);
    st.begin.run();
    try {
      // The first read starts the snapshot; data_version is then that snapshot's.
      st.firstRead.get();
      return fn();
    } finally {
      st.commit.run();
    }
  }

  /** Run fn in one read transaction of the current generation, rebuilt first if that file has new commits. */
  function run<T>(fn: (g: Generation<B>) => T): T {
    if (due()) checkFile();
    const g = gen;
    return inSnapshot(g.db, () => {
      const v = dataVersion(g.db);
      if (v !== g.dataVersion) {
        gen = build(g.n + 1, g.db, g.ino);
        log.info({ ...counts(gen), db: path, reason: 'reports committed' }, '索引已更新：已切换到新的一代');
      }
      return fn(gen);
    });
  }

  const catalog: Catalog = {
    counts: () => run((g) => g.catalog.counts()),
    reports: (page) => run((g) => g.catalog.reports(page)),
    agencies: (page) => run((g) => g.catalog.agencies(page)),
    years: () => run((g) => g.catalog.years()),
  };

  // Every method of the current generation's browser, called inside one snapshot of it.
  const browser = new Proxy({} as B, {
    get: (_target, method) => (...args: unknown[]) => run((g) => (g.browser as Record<PropertyKey, (...a: unknown[]) => unknown>)[method]!(...args)),
  });

  return {
    ask: (question, askOptions) => run((g) => g.ask(question, askOptions)),
    catalog,
    browser,
    generation() {
      if (due()) {
        checkFile();
        // data_version outside a transaction: a commit into the open file since the last look shows here.
        if (dataVersion(gen.db) !== gen.dataVersion) run(() => undefined);
      }
      return gen.n;
    },
    identity: () => `${gen.ino}:${gen.dataVersion}`,
    close: () => gen.db.close(),
  };
}
