/**
 * Reading report folders and gold folders for an evaluation: I/O at the edge, judging is evaluate.ts.
 * A report file is paired with the gold file of the same stem, up to the first dot (001_x.txt, 001_x.html,
 * 001_x.pdf, 001_x.layout.txt ↔ 001_x.json); report files without one are counted, not judged.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { processReportFile } from '../ingest/process-file.ts';
import { evaluateReport, GoldFileSchema, type GoldFile, type ReportEval } from './evaluate.ts';

export interface EvalRun {
  evals: ReportEval[];
  /** Report files with no gold file of the same stem. */
  unmatched: string[];
  /** Gold files that could not be read (path: reason). */
  badGold: string[];
  /** Gold files no report file matched. */
  missingReports: string[];
}

/** A file's stem up to its first dot: report.pdf, report.layout.txt and report.json pair up. */
const stem = (p: string) => basename(p).replace(/\..*$/u, '');

function walk(path: string, out: string[], skipDirs: Set<string>): void {
  const st = statSync(path);
  if (!st.isDirectory()) {
    out.push(path);
    return;
  }
  if (skipDirs.has(path)) return;
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.')) continue;
    const p = join(path, e.name);
    if (e.isDirectory()) walk(p, out, skipDirs);
    else if (e.isFile()) out.push(p);
  }
}

export function readGold(dirs: readonly string[]): { gold: Map<string, GoldFile>; bad: string[] } {
  const gold = new Map<string, GoldFile>();
  const bad: string[] = [];
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const p = join(dir, name);
      try {
        const parsed = GoldFileSchema.safeParse(JSON.parse(readFileSync(p, 'utf8')));
        if (!parsed.success) bad.push(`${p}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
        else gold.set(stem(name), parsed.data);
      } catch (err) {
        bad.push(`${p}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return { gold, bad };
}

export async function runEval(reportPaths: readonly string[], goldDirs: readonly string[]): Promise<EvalRun> {
  const { gold, bad } = readGold(goldDirs);
  const files: string[] = [];
  const skip = new Set(goldDirs);
  for (const p of reportPaths) walk(p, files, skip);
  const evals: ReportEval[] = [];
  const unmatched: string[] = [];
  const used = new Set<string>();
  for (const file of files) {
    const g = gold.get(stem(file));
    if (!g) {
      if (!file.endsWith('.json') && !/readme|sources/i.test(basename(file))) unmatched.push(file);
      continue;
    }
    used.add(stem(file));
    // As ingest reads it: PDF and Word files too.
    const result = await processReportFile(file, readFileSync(file));
    evals.push({ ...evaluateReport(result, g), file });
  }
  const missingReports = [...gold.keys()].filter((k) => !used.has(k));
  return { evals, unmatched, badGold: bad, missingReports };
}
