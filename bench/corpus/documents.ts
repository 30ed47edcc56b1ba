/**
 * Some of a generated corpus's web-page reports rewritten as the files agencies actually publish: a PDF
 * (the page printed by headless Chromium, as a browser's "save as PDF" does) and a Word .docx (the page
 * converted by LibreOffice, merged cells as Word merges). The report's truth stays what it was — the same
 * figures — with its `file` and `layout` changed; the manifest follows. So the accuracy benchmark covers
 * PDF and Word input. Needs /usr/bin/chromium, a Chinese font (Debian fonts-noto-cjk) and soffice: a
 * benchmark option, never used by tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

export interface DocumentShares {
  /** Share of all reports written as PDF (taken from the web-page reports). */
  pdf: number;
  /** Share written as .docx. */
  docx: number;
}

/**
 * Without a Chinese font Chromium prints every CJK character as a missing glyph, and the PDFs measure a
 * broken font instead of our reader: refuse, naming the package, rather than measure that.
 */
function requireChineseFont(): void {
  let found = '';
  try {
    found = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  } catch {
    // No fontconfig at all: no font either.
  }
  if (!found) throw new Error('printing PDFs needs a Chinese font for Chromium: install Debian fonts-noto-cjk (apt-get install fonts-noto-cjk)');
}

export const DEFAULT_DOCUMENT_SHARES: DocumentShares = { pdf: 0.02, docx: 0.02 };

interface Row {
  cells: string[];
}

/** Rewrite the chosen reports of the corpus in `dir`; returns how many of each were written. */
export async function writeDocuments(dir: string, shares: DocumentShares, log: (s: string) => void = () => {}): Promise<{ pdf: number; docx: number }> {
  const manifestPath = join(dir, 'manifest.tsv');
  const [header, ...lines] = readFileSync(manifestPath, 'utf8').trim().split('\n');
  const rows: Row[] = lines.map((l) => ({ cells: l.split('\t') }));
  const col = Object.fromEntries(header.split('\t').map((h, i) => [h, i]));
  const pages = rows.filter((r) => r.cells[col.layout] === 'html');
  const want = { pdf: Math.round(rows.length * shares.pdf), docx: Math.round(rows.length * shares.docx) };
  // Spread over the corpus (every agency's years, every format): alternate kinds, evenly strided.
  const total = Math.min(pages.length, want.pdf + want.docx);
  const chosen: { row: Row; kind: 'pdf' | 'docx' }[] = [];
  const made = { pdf: 0, docx: 0 };
  for (let k = 0; k < total; k++) {
    const row = pages[Math.floor((k * pages.length) / total)];
    const kind = (k % 2 === 0 && made.pdf < want.pdf) || made.docx >= want.docx ? 'pdf' : 'docx';
    made[kind]++;
    chosen.push({ row, kind });
  }

  const pdfs = chosen.filter((c) => c.kind === 'pdf');
  if (pdfs.length) {
    requireChineseFont();
    log(`printing ${pdfs.length} reports to PDF (chromium)…`);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    try {
      const page = await browser.newPage();
      for (const c of pdfs) {
        const html = join(dir, c.row.cells[col.report]);
        await page.goto(`file://${html}`);
        await page.pdf({ path: html.replace(/\.html?$/u, '.pdf'), format: 'A4', margin: { top: '20mm', bottom: '20mm', left: '18mm', right: '18mm' } });
      }
    } finally {
      await browser.close();
    }
  }

  const docxs = chosen.filter((c) => c.kind === 'docx');
  if (docxs.length) {
    log(`converting ${docxs.length} reports to .docx (LibreOffice)…`);
    const profile = mkdtempSync(join(tmpdir(), 'gongkai-soffice-'));
    try {
      // One soffice run per folder (it writes into --outdir): start-up is most of its cost.
      const byDir = new Map<string, string[]>();
      for (const c of docxs) {
        const html = join(dir, c.row.cells[col.report]);
        byDir.set(dirname(html), [...(byDir.get(dirname(html)) ?? []), html]);
      }
      for (const [outDir, files] of byDir) {
        execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${profile}`, '--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...files], { stdio: 'ignore' });
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }

  for (const c of chosen) {
    const rel = c.row.cells[col.report];
    const next = rel.replace(/\.html?$/u, `.${c.kind}`);
    const truthPath = join(dir, c.row.cells[col.truth]);
    const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { file: string; layout: string };
    writeFileSync(truthPath, JSON.stringify({ ...truth, file: next, layout: c.kind }));
    unlinkSync(join(dir, rel));
    c.row.cells[col.report] = next;
    c.row.cells[col.layout] = c.kind;
  }
  writeFileSync(manifestPath, [header, ...rows.map((r) => r.cells.join('\t'))].join('\n') + '\n');
  return made;
}
