/**
 * PDF benchmark (npm run bench -- --only pdf [--pdf-dir DIR]): our PDF ingest (pdf.js + layout + the
 * parsers) against `pdftotext -layout` (poppler-utils, benchmark only) on the same files in the same run.
 *
 * Figures: each PDF is parsed twice — by our reader, and as pdftotext -layout's text through the text
 * path — and the two figure lists are compared metric by metric (value and cell kind), with agency and
 * year. Speed: CPU per report for our whole parse (in this process, warm) and for the pdftotext process
 * (its user+system time from /usr/bin/time), reports/s per core = 1000 / CPU ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { processFile, processReportFile } from '../src/ingest/process-file.ts';
import { readPdfText } from '../src/ingest/text/pdf-text.ts';
import { layoutPdfPages } from '../src/ingest/text/pdf-layout.ts';
import type { Figure, ParseResult } from '../src/ingest/model.ts';
import type { BenchContext } from './lib/context.ts';
import type { Section } from './lib/doc.ts';

/** ../shared/samples/pdf next to the checkout (from where npm run bench is started), when there. */
const DEFAULT_DIR = resolve('..', 'shared', 'samples', 'pdf');

/** The PDF folder to measure on: --pdf-dir DIR, else the default when present, else none. */
export function pdfDir(): string | null {
  const argv = process.argv;
  const i = argv.indexOf('--pdf-dir');
  if (i >= 0 && argv[i + 1]) return resolve(argv[i + 1]);
  return existsSync(DEFAULT_DIR) ? DEFAULT_DIR : null;
}

const key = (f: Figure) => `${f.metric}|${f.applicant ?? ''}`;
const shown = (f: Figure | undefined) => (!f ? 'absent' : f.cell === 'number' ? String(f.value) : f.cell);

interface Compared {
  file: string;
  ours: ParseResult;
  theirs: ParseResult;
  same: number;
  diffs: string[];
}

function compare(file: string, ours: ParseResult, theirs: ParseResult): Compared {
  if (!ours.ok || !theirs.ok) return { file, ours, theirs, same: 0, diffs: [] };
  // A metric may be stated more than once (table and prose): the n-th statement against the n-th.
  const keyed = (figures: Figure[]) => {
    const seen = new Map<string, number>();
    return new Map(figures.map((f) => {
      const n = (seen.get(key(f)) ?? 0) + 1;
      seen.set(key(f), n);
      return [n > 1 ? `${key(f)}#${n}` : key(f), f] as const;
    }));
  };
  const a = keyed(ours.report.figures);
  const b = keyed(theirs.report.figures);
  let same = 0;
  const diffs: string[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k);
    const y = b.get(k);
    if (x && y && x.cell === y.cell && x.value === y.value) same++;
    else diffs.push(`${k}: ours ${shown(x)}, pdftotext ${shown(y)}`);
  }
  return { file, ours, theirs, same, diffs };
}

function pdftotext(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}

/**
 * pdftotext -layout run `times` times on one file, in one shell loop under /usr/bin/time (its clock
 * ticks are 10 ms: one run is below them): CPU and wall milliseconds per run.
 */
function timePdftotext(file: string, times: number): { cpuMs: number; wallMs: number } {
  const loop = `i=0; while [ $i -lt ${times} ]; do pdftotext -layout "$0" - >/dev/null || exit 1; i=$((i+1)); done`;
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'sh', '-c', loop, file]);
  if (r.status !== 0) throw new Error(`pdftotext failed on ${file}: ${r.stderr.toString()}`);
  const [user, sys, wall] = r.stderr.toString().trim().split('\n').pop()!.split(' ').map(Number);
  return { cpuMs: ((user + sys) * 1000) / times, wallMs: (wall * 1000) / times };
}

async function cpuOf(run: () => Promise<unknown>, wall?: number[]): Promise<number> {
  const c = process.cpuUsage();
  const t = performance.now();
  await run();
  wall?.push(performance.now() - t);
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function benchPdf(ctx: BenchContext): Promise<Section> {
  const dir = pdfDir();
  if (!dir) throw new Error(`no PDF folder: pass --pdf-dir DIR (default ${DEFAULT_DIR} is missing)`);
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(dir, f));
  if (files.length === 0) throw new Error(`no .pdf file in ${dir}`);
  const bytes = files.map((f) => readFileSync(f));

  // Figures: ours against pdftotext's text through the text path.
  const compared: Compared[] = [];
  for (let i = 0; i < files.length; i++) {
    const ours = await processReportFile(files[i], bytes[i]);
    const theirs = processFile(files[i].replace(/\.pdf$/iu, '.txt'), Buffer.from(pdftotext(files[i]), 'utf8'));
    compared.push(compare(files[i], ours, theirs));
  }

  // Speed: warm (pdf.js loaded, one round thrown away), then rounds over every file.
  const rounds = ctx.quick ? 3 : 10;
  for (let i = 0; i < files.length; i++) await processReportFile(files[i], bytes[i]);
  const ourCpu: number[][] = files.map(() => []);
  const readCpu: number[][] = files.map(() => []);
  const layoutCpu: number[][] = files.map(() => []);
  const ourWall: number[][] = files.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < files.length; i++) {
      ourCpu[i].push(await cpuOf(() => processReportFile(files[i], bytes[i]), ourWall[i]));
      let pages: Awaited<ReturnType<typeof readPdfText>> | null = null;
      readCpu[i].push(await cpuOf(async () => (pages = await readPdfText(bytes[i]))));
      layoutCpu[i].push(await cpuOf(async () => pages!.ok && layoutPdfPages(pages!.pages)));
    }
    ctx.log(`round ${r + 1}/${rounds}`);
  }
  const poppler = files.map((f) => timePdftotext(f, rounds * 2));
  const per = (xs: number[][]) => xs.map(median);
  const ours = per(ourCpu);
  const read = per(readCpu);
  const layout = per(layoutCpu);
  const oursWall = per(ourWall);
  const popplerCpu = poppler.map((p) => p.cpuMs);
  const popplerWall = poppler.map((p) => p.wallMs);
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const ratio = total(ours) / total(popplerCpu);
  const wallRatio = total(oursWall) / total(popplerWall);

  const lines = [
    '## PDF',
    '',
    `Method: \`npm run bench -- --only pdf${ctx.quick ? ' --quick' : ''} [--pdf-dir DIR]\` on ${files.length} real PDF reports (${basename(dir)}/, not in the repository).`,
    'Figures: each PDF is parsed by our reader (`processReportFile`: pdf.js 5.4.624 text + `pdf-layout.ts` lines + the parsers) and,',
    'separately, as `pdftotext -layout` output through the text path (`processFile`); the two figure lists are compared by',
    'metric and applicant (value and cell kind). Speed: CPU time per report on one thread — ours in this process, warm (pdf.js',
    `loaded), median of ${rounds} rounds (\`process.cpuUsage\`); pdftotext as its own process, ${rounds * 2} runs per file in one shell loop`,
    'under `/usr/bin/time` (user+system; process start included — what a user running it pays). Reports/s per core =',
    '1000 / CPU ms. Wall times are shown too; on a loaded machine they include waiting for a core.',
    '',
    '| file | last page with a figure | agency (ours / pdftotext) | year | figures (ours / pdftotext) | equal | differ |',
    '|---|---|---|---|---|---|---|',
    ...compared.map((c) => {
      const o = c.ours.ok ? c.ours.report : null;
      const t = c.theirs.ok ? c.theirs.report : null;
      const agency = o && t ? (o.agency.name === t.agency.name ? `${o.agency.name} (same)` : `**${o.agency.name} / ${t.agency.name}**`) : `**${c.ours.ok ? 'ok' : c.ours.error.code} / ${c.theirs.ok ? 'ok' : c.theirs.error.code}**`;
      const year = o && t ? (o.year === t.year ? `${o.year} (same)` : `**${o.year} / ${t.year}**`) : '—';
      const pages = o ? Math.max(...o.figures.map((f) => f.source.page ?? 0)) : 0;
      return `| ${basename(c.file)} | ${pages} | ${agency} | ${year} | ${o?.figures.length ?? 0} / ${t?.figures.length ?? 0} | ${c.same} | ${c.diffs.length} |`;
    }),
    ...compared.flatMap((c) => (c.diffs.length ? ['', `Differences in ${basename(c.file)}:`, ...c.diffs.map((d) => `- ${d}`)] : [])),
    '',
    '| file | ours: whole parse, CPU | of which pdf.js text | of which layout | pdftotext -layout, CPU | CPU ratio | wall: ours / pdftotext |',
    '|---|---|---|---|---|---|---|',
    ...files.map(
      (f, i) =>
        `| ${basename(f)} | ${ours[i].toFixed(0)} ms | ${read[i].toFixed(0)} ms | ${layout[i].toFixed(1)} ms | ${popplerCpu[i].toFixed(1)} ms | ${(ours[i] / popplerCpu[i]).toFixed(1)}× | ${oursWall[i].toFixed(0)} / ${popplerWall[i].toFixed(0)} ms |`,
    ),
    `| all | ${total(ours).toFixed(0)} ms (**${(1000 / (total(ours) / files.length)).toFixed(1)} reports/s per core**) | ${total(read).toFixed(0)} ms | ${total(layout).toFixed(1)} ms | ${total(popplerCpu).toFixed(0)} ms (${(1000 / (total(popplerCpu) / files.length)).toFixed(1)} reports/s per core) | **${ratio.toFixed(1)}×** | ${total(oursWall).toFixed(0)} / ${total(popplerWall).toFixed(0)} ms (${wallRatio.toFixed(1)}×) |`,
    '',
    `Target: the whole PDF ingest within 5× of pdftotext — by CPU ${ratio <= 5 ? 'met' : '**missed**'} (${ratio.toFixed(1)}×), by wall time ${wallRatio <= 5 ? 'met' : '**missed**'} (${wallRatio.toFixed(1)}×); what is ours on top of pdf.js (layout and parsers) costs ${total(ours) - total(read) > 0 ? `${(total(ours) - total(read)).toFixed(0)} ms` : 'less than the two measurements\' noise'} against pdf.js's ${total(read).toFixed(0)} ms (the layout alone: ${total(layout).toFixed(1)} ms). Same figures as from pdftotext's text — ${compared.every((c) => c.diffs.length === 0 && c.ours.ok && c.theirs.ok) ? 'met' : '**not everywhere** (listed above)'}.`,
  ];
  return { id: 'pdf', body: lines.join('\n') };
}
