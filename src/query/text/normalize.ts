/**
 * One normal form for questions and names: full-width → half-width (NFKC), Traditional → Simplified,
 * lower case, no whitespace. Agency aliases in the index are stored in this same form.
 */
import * as OpenCC from 'opencc-js';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
// Traditional forms opencc's 't' table leaves alone or that reports use as variants.
const EXTRA: Record<string, string> = { 檔: '档', 複: '复', 區: '区', 〇: '〇', 濬: '浚' };
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');

// Pure ASCII / already-simplified fast path: skip the converter when no character could change.
const NEEDS_CONVERSION = /[^\u0000-\u007f]/;

export function normalizeText(input: string): string {
  let s = input.normalize('NFKC');
  if (NEEDS_CONVERSION.test(s)) s = toSimplified(s).replace(EXTRA_RE, (c: string) => EXTRA[c] ?? c);
  return s.toLowerCase().replace(/\s+/g, '');
}
