/**
 * npm run bench -- --only real -- FOLDER… [--gold DIR…]
 *
 * The product on real reports: every report in the folders read as ingest reads it and compared with
 * the figures people read from it by hand (gold files of the same stem, default FOLDER/gold): per
 * report agency and year right or wrong, gold figures exact / absent with a warning / absent / wrong.
 * Other people's reports are never part of the project: the folders are given, not bundled.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { totalsOf, type EvalTotals } from '../src/eval/evaluate.ts';
import { runEval } from '../src/eval/run.ts';
import { evalTable } from '../src/cli/commands/eval.ts';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';

function folders(argv: readonly string[]): { reports: string[]; gold: string[] } {
  const sep = argv.indexOf('--');
  const rest = sep >= 0 ? argv.slice(sep + 1) : (process.env.GONGKAI_REAL_REPORTS ?? '').split(':').filter(Boolean);
  const reports: string[] = [];
  const gold: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--gold') gold.push(rest[++i]);
    else reports.push(rest[i]);
  }
  if (gold.length === 0) for (const r of reports) if (existsSync(join(r, 'gold')) && statSync(join(r, 'gold')).isDirectory()) gold.push(join(r, 'gold'));
  return { reports, gold };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

function totalsRow(label: string, t: EvalTotals): string {
  const c = t.counts;
  return `| ${label} | ${t.reports} (${t.refused} refused) | ${t.agencyRight}/${t.reports} | ${t.yearRight}/${t.reports} | ${t.catalogued} | ${c.exact} (${pct(c.exact, t.catalogued)}) | ${c.absent_due} | ${c.absent_warned} | ${c.absent} | ${c.guessed} | **${c.wrong}** | ${c.uncatalogued} |`;
}

export async function benchReal(ctx: BenchContext): Promise<Section> {
  const { reports, gold } = folders(process.argv);
  if (reports.length === 0 || gold.length === 0) {
    throw new Error('real: give report folders after --, e.g. npm run bench -- --only real -- ../shared/real ../shared/samples/pdf (gold: FOLDER/gold or --gold DIR)');
  }
  const started = performance.now();
  const run = runEval(reports, gold);
  const seconds = (performance.now() - started) / 1000;
  const t = totalsOf(run.evals);
  ctx.log(`${run.evals.length} reports judged in ${seconds.toFixed(1)} s; ${run.unmatched.length} files without gold`);
  const byKind = new Map<string, typeof run.evals>();
  for (const e of run.evals) {
    const kind = e.file.replace(/^.*\./u, '.');
    byKind.set(kind, [...(byKind.get(kind) ?? []), e]);
  }
  const body = [
    '## Real reports (gold figures read by hand)',
    '',
    `\`npm run bench -- --only real -- ${reports.join(' ')}\` (same as \`gongkai eval\`): each report read as ingest reads it, no index; gold files ${gold.join(', ')}.`,
    'Exact = stored value equals the gold; due = the gold says the text cannot decide (or does not state it) and nothing was stored;',
    'warned = not stored, with a warning; absent = not stored, no warning; guessed = stored where the gold says the text cannot decide;',
    '**wrong** = a stored value differing from the gold; not in catalogue = gold figures with no catalogue key (src/catalogue/gold-hints.ts).',
    '',
    '| input | reports | agency right | year right | gold figures | exact | due | warned | absent | guessed | wrong | not in catalogue |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    totalsRow('all', t),
    ...[...byKind].map(([kind, evals]) => totalsRow(kind, totalsOf(evals))),
    '',
    `Read right (exact + due) ${pct(t.counts.exact + t.counts.absent_due, t.catalogued)} of catalogued gold figures. ${run.unmatched.length} files had no gold file and were not judged.`,
    '',
    '<details><summary>Per report</summary>',
    '',
    '```',
    evalTable(run.evals),
    '```',
    '',
    '</details>',
  ].join('\n');
  return { id: 'real', body };
}
