/**
 * pdf.js's worker code, loaded once per thread with a change for text extraction: an embedded
 * TrueType program of a CID font that carries its own ToUnicode map is not sanitized.
 *
 * Why: pdf.js rebuilds and repairs every embedded TrueType font (`Font#checkAndRepair`) so that a
 * browser can draw it — ≈ 40% of the CPU of reading a Word-exported Chinese PDF, whose fonts are
 * Identity-H CID TrueType subsets. Text extraction needs none of it when the font maps its codes to
 * Unicode itself (ToUnicode) and the PDF gives the glyph widths (/W): pdf.js then takes the path it
 * takes for a font whose program is missing, with the same text, widths and positions. Fonts without
 * ToUnicode, simple fonts and CFF fonts are read as before. pdf.js has no option for this.
 *
 * The change is a source edit of the pinned pdfjs-dist (package.json); if the edited line is not found
 * (another pdf.js version) the worker is loaded unchanged — slower, never different.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The edits, each of a line that occurs exactly once: the guard of pdf.js's `Font` constructor that sends a
 * font without a program to the fallback path (marking the fonts sent there only by us), and the
 * fallback's vertical presentation forms ("︑" for "、"), which a font with its program does not get.
 */
const EDITS: readonly (readonly [find: string, replace: string])[] = [
  [
    'if (!file || file.isEmpty) {\n      if (file) {',
    'if (!file || file.isEmpty || (properties.composite && properties.hasIncludedToUnicodeMap && properties.type === "CIDFontType2")) {\n' +
      '      this.textOnlyFont = !!file && !file.isEmpty;\n      if (file && file.isEmpty) {',
  ],
  ['if (this.missingFile && this.vertical && fontChar.length === 1) {', 'if (this.missingFile && !this.textOnlyFont && this.vertical && fontChar.length === 1) {'],
];

/** The worker source with the text-only font path, or null when this pdf.js does not have every edited line once. */
export function textOnlyWorkerSource(source: string): string | null {
  let out = source;
  for (const [find, replace] of EDITS) {
    const at = out.indexOf(find);
    if (at < 0 || out.indexOf(find, at + 1) >= 0) return null;
    out = out.slice(0, at) + replace + out.slice(at + find.length);
  }
  return out;
}

/** The worker module: with the text-only font path, or as published when the edits do not apply. */
export async function loadPdfWorker(): Promise<unknown> {
  const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
  const patched = textOnlyWorkerSource(readFileSync(path, 'utf8'));
  if (patched === null) return import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  // A data: URL keeps the edit in memory (node_modules may be read-only). The worker needs its own
  // URL only to find image decoders' wasm files, which text extraction never loads.
  return import(`data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`);
}
