/** The text-only font path of pdf.js's worker (pdf-worker.ts): applied to the pinned pdf.js, or not at all. */
import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { textOnlyWorkerSource } from '../../src/ingest/text/pdf-worker.ts';

const GUARD = 'if (!file || file.isEmpty) {\n      if (file) {';
const VERTICAL = 'if (this.missingFile && this.vertical && fontChar.length === 1) {';

describe('pdf.js worker, text-only fonts', () => {
  test('every edit applies to the installed pdfjs-dist (an upgrade that moves the lines fails here, not silently slower)', () => {
    const path = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const patched = textOnlyWorkerSource(readFileSync(path, 'utf8'));
    expect(patched).not.toBeNull();
    expect(patched!.includes('this.textOnlyFont = !!file && !file.isEmpty;')).toBe(true);
    expect(patched!.includes('this.missingFile && !this.textOnlyFont && this.vertical')).toBe(true);
  });

  test('a line missing or printed twice: no edit at all', () => {
    expect(textOnlyWorkerSource(`${GUARD}\n`)).toBeNull();
    expect(textOnlyWorkerSource(`${VERTICAL}\n`)).toBeNull();
    expect(textOnlyWorkerSource(`${GUARD}\n${GUARD}\n${VERTICAL}\n`)).toBeNull();
    expect(textOnlyWorkerSource(`a ${GUARD} b ${VERTICAL} c`)).toBe(
      'a if (!file || file.isEmpty || (properties.composite && properties.hasIncludedToUnicodeMap && properties.type === "CIDFontType2")) {\n' +
        '      this.textOnlyFont = !!file && !file.isEmpty;\n      if (file && file.isEmpty) { b ' +
        'if (this.missingFile && !this.textOnlyFont && this.vertical && fontChar.length === 1) { c',
    );
  });
});
