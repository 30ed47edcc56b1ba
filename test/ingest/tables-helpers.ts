/** Shared by the tables/fused/checks tests: load a text file as a ReportDocument and index its figures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocument, splitLines, type ReportDocument } from '../../src/ingest/text/document.ts';
import type { Figure } from '../../src/ingest/model.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function loadDoc(path: string): ReportDocument {
  return buildDocument(splitLines(readFileSync(ROOT + path, 'utf8')));
}

export function docOf(text: string): ReportDocument {
  return buildDocument(splitLines(text));
}

export const SEED = {
  '000': 'data/reports/000_3035c731dff6020a.txt',
  '001': 'data/reports/001_0057fa3dafb4cac1.txt',
  '002': 'data/reports/002_ebc6c56e4ff49493.txt',
  '003': 'data/reports/003_9ca5b3fc5e07fc94.txt',
  '004': 'data/reports/004_8d900a062941073b.txt',
} as const;

export const REAL = (name: string) => `test/fixtures/pdftotext/${name}.txt`;

/** Cell value as a short string: number, "—" for dash, "_" for blank, "?" for undecided. */
export function shown(f: Figure | undefined): string {
  if (!f) return 'none';
  if (f.cell === 'number') return String(f.value);
  return f.cell === 'dash' ? '—' : f.cell === 'blank' ? '_' : '?';
}

export const APPLICANT_ORDER = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'total'];

export function indexFigures(figures: Figure[]) {
  const by = new Map(figures.map((f) => [`${f.metric}|${f.applicant}`, f]));
  return {
    get: (metric: string, applicant: string | null = null) => by.get(`${metric}|${applicant}`),
    /** A table 三 row as "a b c d e f total". */
    row: (metric: string) => APPLICANT_ORDER.map((a) => shown(by.get(`${metric}|${a}`))).join(' '),
    /** Table 四's 15 cells. */
    table4: () =>
      ['review', 'litigation.direct', 'litigation.after_review']
        .flatMap((p) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => shown(by.get(`${p}.${k}|null`))))
        .join(' '),
    lineOf: (metric: string, applicant: string | null = null) => by.get(`${metric}|${applicant}`)?.source.line,
  };
}
