/**
 * npm run bench -- --only real -- FOLDER… [--gold DIR…]
 *
 * The product on real reports: every report in the folders read as ingest reads it and compared with
 * the figures people read from it by hand (gold files of the same stem, default FOLDER/gold): per
 * report agency and year right or wrong, gold figures exact / absent with a warning / absent / wrong.
 * Other people's reports are never part of the project: the folders are given, not bundled.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { processFile } from '../src/ingest/process-file.ts';
import type { Figure } from '../src/ingest/model.ts';
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

interface TwinCheck {
  pairs: number;
  agree: number;
  disagree: string[];
  /** Decided in one input only (the other undecided or absent). */
  oneSide: number;
}

/**
 * The same report in two inputs (a crawl's squeezed page.txt and its page.html): every table cell both
 * decide must agree — the HTML's intact cells check the squeezed text's decoding, gold or not.
 */
function twins(files: readonly string[]): TwinCheck {
  const byStem = new Map<string, string[]>();
  for (const f of files) byStem.set(basename(f, extname(f)), [...(byStem.get(basename(f, extname(f))) ?? []), f]);
  const out: TwinCheck = { pairs: 0, agree: 0, disagree: [], oneSide: 0 };
  const key = (f: Figure) => `${f.metric}|${f.applicant}|${f.cumulative}`;
  for (const [stem, group] of byStem) {
    const txt = group.find((f) => f.endsWith('.txt'));
    const html = group.find((f) => /\.html?$/u.test(f));
    if (!txt || !html) continue;
    const a = processFile(txt, readFileSync(txt));
    const b = processFile(html, readFileSync(html));
    if (!a.ok || !b.ok) continue;
    out.pairs++;
    const other = new Map(b.report.figures.filter((f) => f.origin === 'table').map((f) => [key(f), f]));
    for (const f of a.report.figures.filter((x) => x.origin === 'table')) {
      const g = other.get(key(f));
      const decided = (x: Figure | undefined) => x !== undefined && x.cell !== 'undecided';
      if (!decided(f) || !decided(g)) {
        if (decided(f) !== decided(g)) out.oneSide++;
        continue;
      }
      if (f.value === g!.value) out.agree++;
      else out.disagree.push(`${stem} ${key(f)}: txt ${f.value} / html ${g!.value}`);
    }
  }
  return out;
}

export async function benchReal(ctx: BenchContext): Promise<Section> {
  const { reports, gold } = folders(process.argv);
  if (reports.length === 0 || gold.length === 0) {
    throw new Error('real: give report folders after --, e.g. npm run bench -- --only real -- ../shared/real ../shared/samples/pdf (gold: FOLDER/gold or --gold DIR)');
  }
  const started = performance.now();
  const run = await runEval(reports, gold);
  const seconds = (performance.now() - started) / 1000;
  const t = totalsOf(run.evals);
  const twin = twins(run.evals.map((e) => e.file));
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
    `Squeezed text against its original page (${twin.pairs} reports in both .txt and .html): ${twin.agree} table cells decided in both agree, **${twin.disagree.length} disagree**${twin.disagree.length ? ` (${twin.disagree.slice(0, 5).join('; ')})` : ''}; ${twin.oneSide} decided in one input only (mostly undecided in the squeezed text).`,
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
