/**
 * npm run gen:corpus -- --agencies N --years 2015-2025 --out DIR [--seed S] [--limit R] [--pdf SHARE] [--docx SHARE]
 *
 * Writes realistic reports for N agencies over those years (report-format.md: the format each year
 * calls for, realistic names, figures satisfying the identities, extraction damage in realistic
 * proportions), each beside its `<name>.truth.json` sidecar (bench/corpus/truth.ts), sharded in
 * folders of 100 agencies. Also DIR/manifest.tsv (report, sidecar, agency, year, format, layout, encoding)
 * and DIR/corpus.json (options and counts). Deterministic for a given seed. --pdf / --docx (e.g. 0.02): that share
 * of all reports is taken from the web-page ones and rewritten as PDF / .docx (corpus/documents.ts; needs chromium
 * and LibreOffice).
 */
import { mkdirSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pickAgencies } from './corpus/agencies.ts';
import { createRng } from './corpus/prng.ts';
import { agencyScale, generateReport } from './corpus/report.ts';
import { serializeTruth } from './corpus/truth.ts';
import { writeDocuments, type DocumentShares } from './corpus/documents.ts';

export interface CorpusOptions {
  agencies: number;
  from: number;
  to: number;
  out: string;
  seed: number;
  /** Stop after this many reports (a 10,000-report corpus from ceil(10000 / years) agencies). */
  limit?: number;
  /** Shares of reports rewritten as PDF and .docx after generation (CLI only: writeDocuments is asynchronous). */
  documents?: DocumentShares;
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusSummary {
  reports: number;
  bytes: number;
  ms: number;
  /** Report paths, relative to `out`, in generation order. */
  files: string[];
  byFormat: Record<string, number>;
}

export function generateCorpus(o: CorpusOptions): CorpusSummary {
  const started = performance.now();
  const root = createRng(o.seed);
  const agencies = pickAgencies(o.agencies, root.fork('agencies'));
  const years = o.to - o.from + 1;
  const total = Math.min(o.limit ?? Infinity, agencies.length * years);
  mkdirSync(o.out, { recursive: true });
  const manifest = openSync(join(o.out, 'manifest.tsv'), 'w');
  writeSync(manifest, 'report\ttruth\tagency\tyear\tformat\tlayout\tencoding\n');
  const files: string[] = [];
  const byFormat: Record<string, number> = {};
  let bytes = 0;
  let madeShard = -1;
  outer: for (let a = 0; a < agencies.length; a++) {
    const agency = agencies[a];
    const agencyRng = root.fork(`agency:${agency.name}`);
    const scale = agencyScale(agencyRng, agency);
    const shard = Math.floor(a / 100);
    const dir = join(o.out, String(shard).padStart(4, '0'));
    if (shard !== madeShard) {
      mkdirSync(dir, { recursive: true });
      madeShard = shard;
    }
    for (let year = o.from; year <= o.to; year++) {
      if (files.length >= total) break outer;
      // Caseloads drift year to year, and grew after the 2019 regulation.
      const yearScale = scale * (year >= 2019 ? 1.5 : 1) * (0.7 + 0.6 * agencyRng.next());
      const report = generateReport(agencyRng.fork(year), agency, year, yearScale);
      const base = `${String(a).padStart(6, '0')}_${year}`;
      const file = join(dir, `${base}.${report.ext}`);
      const truthFile = join(dir, `${base}.truth.json`);
      const rel = relative(o.out, file);
      writeFileSync(file, report.bytes);
      writeFileSync(truthFile, serializeTruth({ file: rel, ...report.truth }));
      writeSync(manifest, `${rel}\t${relative(o.out, truthFile)}\t${agency.name}\t${year}\t${report.truth.format}\t${report.truth.layout}\t${report.truth.encoding}\n`);
      files.push(rel);
      bytes += report.bytes.length;
      byFormat[report.truth.format] = (byFormat[report.truth.format] ?? 0) + 1;
      if (o.onProgress && files.length % 1000 === 0) o.onProgress(files.length, total);
    }
  }
  closeSync(manifest);
  const summary: CorpusSummary = { reports: files.length, bytes, ms: performance.now() - started, files, byFormat };
  writeFileSync(
    join(o.out, 'corpus.json'),
    JSON.stringify({ seed: o.seed, agencies: o.agencies, years: `${o.from}-${o.to}`, limit: o.limit ?? null, reports: files.length, bytes, byFormat }, null, 2) + '\n',
  );
  return summary;
}

export function parseArgs(argv: string[]): CorpusOptions {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const agencies = Number(get('agencies') ?? 100);
  const [from, to] = (get('years') ?? '2015-2025').split('-').map(Number);
  const out = get('out');
  if (!out) throw new Error('用法: npm run gen:corpus -- --agencies N --years 2015-2025 --out DIR [--seed S] [--limit R]');
  if (!Number.isInteger(agencies) || agencies < 1) throw new Error(`--agencies must be a positive integer, got ${get('agencies')}`);
  if (!(from <= to)) throw new Error(`--years must look like 2015-2025, got ${get('years')}`);
  const limit = get('limit');
  const share = (name: string) => {
    const v = Number(get(name) ?? 0);
    if (!(v >= 0 && v <= 1)) throw new Error(`--${name} must be a share between 0 and 1, got ${get(name)}`);
    return v;
  };
  const pdf = share('pdf');
  const docx = share('docx');
  return {
    agencies,
    from,
    to: to ?? from,
    out,
    seed: Number(get('seed') ?? 1),
    limit: limit ? Number(limit) : undefined,
    ...(pdf || docx ? { documents: { pdf, docx } } : {}),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let options: CorpusOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const s = generateCorpus({
    ...options,
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total} reports`),
  });
  process.stderr.write('\n');
  if (options.documents) {
    const made = await writeDocuments(options.out, options.documents, (m) => process.stderr.write(`${m}\n`));
    console.log(`rewritten as documents: ${made.pdf} PDF, ${made.docx} .docx`);
  }
  console.log(
    `${s.reports} reports (${Object.entries(s.byFormat).map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
      `${(s.bytes / 1e6).toFixed(1)} MB, ${(s.ms / 1000).toFixed(1)} s (${Math.round(s.reports / (s.ms / 1000))} reports/s) → ${options.out}`,
  );
}
