/**
 * Traditional → Simplified, the one way ingest (report lines) and query (questions, names) do it, so a
 * name written either way in either place meets the same form. OpenCC's t→cn tables, plus the variants
 * reports and users write that those tables leave alone.
 */
import * as OpenCC from 'opencc-js';
import { RADICAL_EQUIVALENTS } from './radicals.ts';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Characters without which OpenCC's Traditional → Simplified conversion cannot change a text: for every
 * dictionary entry that changes its key, one character of the key that the replacement does not keep
 * (a key must occur whole to match, so a text lacking that character never matches it). Almost all
 * lines of almost all reports hold none, and the conversion — the largest single cost of parsing —
 * is then skipped. Null (always convert) if opencc-js ever stops exposing its dictionaries this way.
 */
const OPENCC_TRIGGER: { bmp: Uint8Array; astral: Set<number>; lowest: number } | null = (() => {
  const dicts: string[][][] = [];
  const walk = (x: unknown): void => {
    if (typeof x === 'string') dicts.push(x.split('|').map((e) => e.split(' ')));
    else if (Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string' && !x[0].includes('|')) dicts.push([x as string[]]);
    else if (Array.isArray(x)) x.forEach(walk);
  };
  const config = (OpenCC as unknown as { Locale?: { configs?: Record<string, unknown> } }).Locale?.configs?.t2s;
  if (!config || typeof config !== 'object') return null;
  Object.values(config).forEach(walk);
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  let count = 0;
  let lowest = 0x10ffff;
  const add = (ch: string) => {
    const cp = ch.codePointAt(0)!;
    lowest = Math.min(lowest, cp);
    if (cp < 0x10000) bmp[cp] = 1;
    else astral.add(cp);
    count++;
  };
  for (const dict of dicts) {
    for (const [key, value] of dict) {
      if (key === undefined || value === undefined || key === value) continue;
      const k = [...key];
      const v = [...value];
      const i = k.length === v.length ? k.findIndex((ch, j) => ch !== v[j]) : -1;
      if (i >= 0) add(k[i]!);
      else k.forEach(add);
    }
  }
  return count < 1000 ? null : { bmp, astral, lowest };
})();

/** True when OpenCC might change s (see OPENCC_TRIGGER); a table lookup per UTF-16 unit, no allocation. */
export function mayNeedOpenCC(s: string): boolean {
  if (!OPENCC_TRIGGER) return true;
  const { bmp, astral, lowest } = OPENCC_TRIGGER;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Below every trigger (ASCII, digits, punctuation): the common case, one comparison.
    if (c < lowest && c < 0xd800) continue;
    if (c >= 0xd800 && c < 0xdc00) {
      if (astral.has(s.codePointAt(i)!)) return true;
      i++;
    } else if (bmp[c] === 1) return true;
  }
  return false;
}

// Traditional forms and variants opencc's 't' tables leave alone but reports and users write.
const EXTRA: Record<string, string> = { 檔: '档', 複: '复', 區: '区', 濬: '浚' };
const EXTRA_RE = new RegExp(`[${Object.keys(EXTRA).join('')}]`, 'g');

// Radicals first: ⻑ (U+2ED1) is the Traditional 長, which OpenCC then simplifies.
const RADICAL_RE = /[\u2e80-\u2eff]/g;

/**
 * Traditional → Simplified, CJK radicals → the ideographs they stand for (radicals.ts); text with no
 * character that could change is returned as is, unconverted.
 */
export function toSimplified(input: string): string {
  const s = input.replace(RADICAL_RE, (c: string) => RADICAL_EQUIVALENTS[c] ?? c);
  const converted = mayNeedOpenCC(s) ? convert(s) : s;
  return converted.replace(EXTRA_RE, (c: string) => EXTRA[c] ?? c);
}
