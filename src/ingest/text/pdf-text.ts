/**
 * PDF bytes → positioned text runs per page, read by pdf.js (pdfjs-dist, legacy build for Node). The
 * only place that talks to pdf.js; the layout of runs into lines is pdf-layout.ts (pure). Chinese
 * reports use CID fonts (GBK-EUC-H, UniGB-UCS2-H, Identity-H with ToUnicode): the bundled CMaps and
 * standard fonts are passed so they decode without any system file.
 */
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { IngestError } from '../model.ts';
import type { PdfPage, PdfRun } from './pdf-layout.ts';
import { loadPdfWorker } from './pdf-worker.ts';

export type PdfTextResult = { ok: true; pages: PdfPage[] } | { ok: false; error: IngestError };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<{ pdfjs: PdfJs; root: string }> | null = null;

/**
 * Load pdf.js once per thread, with its worker code in this same thread: a report is parsed inside
 * an ingest worker already (pool.ts), so a second thread per document would only cost a start-up.
 * pdf.js uses `globalThis.pdfjsWorker` as its in-thread worker when it is set: ours is pdf-worker.ts's,
 * which skips repairing font programs that text extraction does not use.
 */
function pdfJs(): Promise<{ pdfjs: PdfJs; root: string }> {
  loaded ??= (async () => {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await loadPdfWorker();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    return { pdfjs, root };
  })();
  return loaded;
}

const fail = (code: IngestError['code'], message: string): PdfTextResult => ({ ok: false, error: { code, message } });

/** Read every page's text runs. Never throws: encrypted and damaged files are error values. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfTextResult> {
  const { pdfjs, root } = await pdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = pdfjs.getDocument({
    data,
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    // Report text never needs compiled font programs or system fonts; no eval of file content.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    // Errors only: pdf.js warns on every slightly irregular font, which says nothing to a user.
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'PasswordException') {
        return fail('encrypted', `PDF 文件已加密，需要密码才能打开，无法读取 / encrypted PDF`);
      }
      return fail('damaged', `PDF 文件已损坏或不完整，无法读取（${reason(err)}） / damaged PDF`);
    }
    const pages: PdfPage[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // disableNormalization: quotes keep the characters as printed; matching normalizes on its own (NFKC).
      const content = await page.getTextContent({ disableNormalization: true });
      const runs: PdfRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        runs.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || Math.hypot(a, b), upright: Math.abs(b) < 1e-3 && Math.abs(c) < 1e-3 });
      }
      pages.push({ number: p, runs });
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (err) {
    return fail('damaged', `PDF 文件无法读取（${reason(err)}） / unreadable PDF`);
  } finally {
    await task.destroy();
  }
}

function reason(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 120);
}
