/**
 * Table text → a stream of label text and value tokens, each token remembering its line.
 *
 * Tables reach us tab-separated, pipe-separated, space-separated or with the whitespace squeezed out,
 * their labels broken across lines and their numbers on the label's line or the next. So we do not
 * trust lines or columns: we glue all label text of a table region into one string (whitespace
 * removed) and place every value token at the offset of the text that precedes it. Row labels found
 * in that string ("anchors") then own the tokens between them and the next anchor.
 */
import type { ReportDocument } from '../text/document.ts';
import { isPlaceholderHeaderRow } from '../../catalogue/converter-damage.ts';

export type TokenKind = 'number' | 'dash' | 'blank';

export interface Token {
  kind: TokenKind;
  /** The cell as printed ("减 253", "415 件", "—"); '' for a blank tab cell. */
  raw: string;
  /** Signed value for numbers; null for dash and blank. */
  value: number | null;
  /** Pure digit run as printed (no sign, unit or decimal point): may be several fused cells. */
  digits: string | null;
  /** Unit printed with the value ("件", "元", "万元"). */
  unit: string | null;
  /** 0-based index into doc.lines. */
  line: number;
  /** Offset in the region's label text at which this token sits. */
  pos: number;
  /** The token came from a tab/pipe cell of its own (so an empty neighbour is a real blank). */
  celled: boolean;
  /**
   * A lone "-" squeezed between two digits in a signed column ("88-720"): a dash cell or the minus of
   * the next number — the text cannot tell.
   */
  fusedMinus?: boolean;
  /**
   * This "—" and the next token's "—" were adjacent in the printed text ("——————"): a squeezed "——"
   * (the usual printed dash) may be one cell, which the row's cell count decides (fused.ts).
   */
  joinsNext?: boolean;
}

export interface Region {
  /** All label text of the region, whitespace removed; digits of label ordinals ("1.") included. */
  text: string;
  /** textLine[k] = 0-based doc line of text[k]. */
  textLine: number[];
  /** In text order: pos never decreases (anchors.ts relies on it). */
  tokens: Token[];
  /** Region bounds, 0-based doc lines [start, end). */
  start: number;
  end: number;
}

/** Page numbers and ruler rows that PDF/Word converters leave inside tables. */
const NOISE_LINE = [
  /^\s*[-—]\s*\d{1,3}\s*[-—]\s*$/u, // "-3-"
  /^\s*第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?\s*$/u,
  /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/u,
  /^[\s|:]*-{3,}[\s|:\-]*$/u, // "--------\t---", Markdown "|---|---|"
  // Runs of 3+ dashes separated by blanks. (Was /^(\s*-{3,}\s*)+$/u: the same lines, but a long dash run
  // could be split into groups of three in exponentially many ways, and a line of 60 dashes and one
  // other character took a minute to reject.)
  /^\s*-{3,}(?:\s+-{3,})*\s*$/u,
];

/** The page-number forms of NOISE_LINE ("-3-", "第3页 共8页"). */
const PAGE_NUMBER_CELL = NOISE_LINE.slice(0, 2);

/** A cell holding one of PAGE_NUMBER_CELL (each needs a dash or 第: most cells are spared the regexes). */
function isPageNumberCell(cell: string): boolean {
  return /[-—第]/u.test(cell) && PAGE_NUMBER_CELL.some((re) => re.test(cell));
}

export function isNoiseLine(norm: string): boolean {
  // Each form needs a dash, a 第 or a slash: most lines are spared the five regexes.
  return /[-—第/]/u.test(norm) && NOISE_LINE.some((re) => re.test(norm));
}

const DASH_RE = /^(?:[—–\-－/／─]|——|--)$/u;
// A cell value: optional 增/减 or sign, digits, optional decimals, optional unit.
// Digits may carry thousands separators ("3,985,758").
const VALUE_RE = /(?:(增|减)\s*)?([+\-]?)(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(\.\d+)?(?:\s*(万元|元|件|个|项|条))?/uy;
const UNSIGNED_VALUE_RE = /(?:(增|减)\s*)?()(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(\.\d+)?(?:\s*(万元|元|件|个|项|条))?/uy;
const DASH_RUN_RE = /^[—\-－/／─]{2,}$/u;
const EM_DASH = '—';
// The scan below looks at every character of a table region, so its per-character tests are code-unit
// comparisons rather than regular expressions (a regex call per character was most of parsing a table).
/** [—\-－/／─]: a dash character. */
const isDashChar = (c: number) => c === 0x2d || c === 0x2f || c === 0x2014 || c === 0x2500 || c === 0xff0d || c === 0xff0f;
/** \d (ASCII digits only, as in a regex). NaN (out of range) is not a digit. */
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** [\d—\-－/／─]: what a fused dash cell stands next to. */
const isFusedNeighbour = (c: number) => isDigit(c) || isDashChar(c);
/** [.、．] anywhere: a label ordinal's mark. */
const ORDINAL_MARK = /[.、．]/u;
/** A word of ASCII digits only. */
function isDigitRun(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isDigit(w.charCodeAt(i))) return false;
  return w.length > 0;
}
/** [.、．]: what ends a label ordinal's digit. */
const isOrdinalMark = (c: number) => c === 0x2e || c === 0x3001 || c === 0xff0e;
const ZENG = 0x589e; // 增
const JIAN = 0x51cf; // 减
// A label ordinal "1." / "2、" directly before label text (possibly fused to the digits before it).
const ORDINAL_RE = /\d[.、．]\s*(?=[\u3400-\u9fff“"《（(])/uy;
const PAREN_ORDINAL_RE = /\(\d{1,2}\)(?=[\u3400-\u9fff“"《])/uy;

// OCR prints a 0 as the letter O/o (or 〇), a 5 as S and an 8 as B: in a table, a cell of only O/o/〇, or
// a run of those letters mixed with digits and not part of a Latin word ("3o5o", "数量123OOO116", "S3",
// "12BB"), is digits. A lone "S"/"B" stays text (the row is then undecided): it could be a letter.
const OCR_ZERO_CELL = /^[Oo〇]+$/u;
const OCR_DIGIT_RUN = /(?<![A-Za-z])[\dOo〇SB]*\d[\dOo〇SB]*(?![A-Za-z])/gu;
const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', 〇: '0', S: '5', B: '8' };

/** A character OCR prints for a digit: text without one has nothing for ocrZeros to do. */
const OCR_CHAR = /[Oo〇SB]/u;

function ocrZeros(w: string): string {
  if (OCR_ZERO_CELL.test(w)) return '0'.repeat(w.length);
  if (!OCR_CHAR.test(w)) return w;
  return w.replace(OCR_DIGIT_RUN, (run) =>
    // "B2B" is a word: S/B are read as digits only in runs with at least as many real digits.
    (run.match(/[SB]/gu)?.length ?? 0) > (run.match(/\d/gu)?.length ?? 0) ? run : run.replace(/[Oo〇SB]/gu, (c) => OCR_DIGIT[c]),
  );
}

/** A line with OCR digits read as digits, word by word: what the tokens' `raw` text is made of. */
export function withOcrZeros(norm: string): string {
  return OCR_CHAR.test(norm) ? norm.replace(/[^ \t]+/gu, ocrZeros) : norm;
}

/** Split one line into cells: tab or pipe separated when the line has them, else one cell. */
function cellsOf(norm: string): { cells: string[]; celled: boolean } {
  if (norm.includes('\t')) return { cells: norm.split('\t'), celled: true };
  if (/^\s*\|.*\|\s*$/u.test(norm)) return { cells: norm.trim().replace(/^\||\|$/gu, '').split('|'), celled: true };
  return { cells: [norm], celled: false };
}

/**
 * A region being scanned: its label text in pieces, the line of each of its characters (so
 * textLine.length is the text's length so far, where the next token sits), and the tokens.
 */
interface Scan {
  text: string[];
  textLine: number[];
  tokens: Token[];
}

/**
 * Scan one cell's text: label characters go to `text`, values become tokens. A space-separated cell
 * may hold many values. A dash is a cell when it stands alone or sits between values ("72///110").
 */
function scanCell(s: string, line: number, celled: boolean, signed: boolean, out: Scan): void {
  // Most cells are one bare digit run ("0", "198"): one word, the token below, nothing else to do.
  if (isDigitRun(s)) {
    out.tokens.push({ kind: 'number', raw: s, value: Number(s), digits: s, unit: null, line, pos: out.textLine.length, celled });
    return;
  }
  // "1. 属于国家秘密": keep a label ordinal joined to its label so it is not read as a value.
  // (This runs once per cell, hundreds of times a table: the replace and split, costly calls even when
  // they change nothing, are made only when the cell has what they act on.)
  const joined = ORDINAL_MARK.test(s) ? s.replace(/(\d)([.、．])\s+(?=[\u3400-\u9fff“"])/gu, '$1$2') : s;
  const split = /[ \t]/u.test(joined) ? joined.split(/[ \t]+/u).filter((w) => w.length > 0) : joined.length > 0 ? [joined] : [];
  const words = OCR_CHAR.test(joined) ? split.map(ocrZeros) : split;
  for (let wi = 0; wi < words.length; wi++) {
    const w = words[wi];
    // The commonest word by far, a bare digit run ("0", "198"): the token the scan below makes of it,
    // without the half-dozen regular expressions it would run to get there.
    if (isDigitRun(w)) {
      out.tokens.push({ kind: 'number', raw: w, value: Number(w), digits: w, unit: null, line, pos: out.textLine.length, celled });
      continue;
    }
    if (DASH_RE.test(w)) {
      pushDash(w, line, celled, out);
      continue;
    }
    // Dashes squeezed together ("///////"): one cell each, unless the row's count says "——" pairs.
    if (DASH_RUN_RE.test(w)) {
      for (let k = 0; k < w.length; k++) {
        pushDash(w[k], line, celled, out);
        if (w[k] === EM_DASH && w[k + 1] === EM_DASH) out.tokens[out.tokens.length - 1].joinsNext = true;
      }
      continue;
    }
    // Accounting negatives in a signed column: "(3)", "(-3)" (NFKC of "（3）") is −3.
    const paren = signed ? /^\(-?(\d+)\)$/u.exec(w) : null;
    if (paren) {
      pushValue(`-${paren[1]}`, line, celled, out);
      out.tokens[out.tokens.length - 1].raw = w;
      continue;
    }
    // "增" / "减" as a word of its own followed by a number word ("增 3418").
    if ((w === '增' || w === '减') && wi + 1 < words.length && /^\d/u.test(words[wi + 1])) {
      words[wi + 1] = `${w} ${words[wi + 1]}`;
      continue;
    }
    // A unit as a word of its own after a number ("415 件").
    if (/^(万元|元|件|个|项|条)$/u.test(w) && out.tokens.length > 0) {
      const last = out.tokens[out.tokens.length - 1];
      if (last.kind === 'number' && last.line === line && last.pos === out.textLine.length && last.unit === null) {
        last.unit = w;
        last.raw = `${last.raw} ${w}`;
        continue;
      }
    }
    // Label characters are added to out.text a run at a time: w[run, i) are label text not added yet.
    let run = 0;
    let i = 0;
    while (i < w.length) {
      const c = w.charCodeAt(i);
      // "（1）属于国家秘密": a bracketed label ordinal is label text, not a cell.
      if (c === 0x28 /* ( */) {
        PAREN_ORDINAL_RE.lastIndex = i;
        const paren = PAREN_ORDINAL_RE.exec(w);
        if (paren) {
          i += paren[0].length;
          continue;
        }
      }
      // A dash fused between values ("72///110") is a cell; between label characters ("增/减") it is text.
      if (isDashChar(c) && (isFusedNeighbour(w.charCodeAt(i - 1)) || isFusedNeighbour(w.charCodeAt(i + 1)))) {
        const sign = c === 0x2d; // "-" ("+" is not a dash character)
        if (!(signed && sign && isDigit(w.charCodeAt(i + 1)) && !isDigit(w.charCodeAt(i - 1)))) {
          pushText(w, run, i, line, out);
          // "3——5": the "—" before this one, pushed just now, is its pair.
          const prev = out.tokens[out.tokens.length - 1];
          if (w[i] === EM_DASH && w[i - 1] === EM_DASH && run === i && prev?.kind === 'dash') prev.joinsNext = true;
          pushDash(w[i], line, celled, out);
          if (signed && sign && isDigit(w.charCodeAt(i - 1)) && isDigit(w.charCodeAt(i + 1))) out.tokens[out.tokens.length - 1].fusedMinus = true;
          run = ++i;
          continue;
        }
      }
      if (isDigit(c) || c === ZENG || c === JIAN || (signed && (c === 0x2b || c === 0x2d))) {
        // Digits that end in a label ordinal: the last digit is the ordinal, any before it a value
        // fused to it ("…政府信息7730003832.没有现成信息…").
        if (isDigit(c)) {
          let after = i + 1;
          while (isDigit(w.charCodeAt(after))) after++;
          ORDINAL_RE.lastIndex = after - 1;
          if (isOrdinalMark(w.charCodeAt(after)) && ORDINAL_RE.test(w)) {
            pushText(w, run, i, line, out);
            if (after - i > 1) pushValue(w.slice(i, after - 1), line, celled, out);
            const ordEnd = ORDINAL_RE.lastIndex;
            for (let k = after - 1; k < ordEnd; k++) if (!/\s/u.test(w[k])) pushText(w, k, k + 1, line, out);
            run = i = ordEnd;
            continue;
          }
        }
        const re = signed ? VALUE_RE : UNSIGNED_VALUE_RE;
        re.lastIndex = i;
        const m = re.exec(w);
        if (m && m.index === i) {
          pushText(w, run, i, line, out);
          pushValue(m[0], line, celled, out);
          run = i += m[0].length;
          continue;
        }
      }
      i++; // a label character
    }
    pushText(w, run, w.length, line, out);
  }
}

export function parseValue(raw: string): { value: number; digits: string | null; unit: string | null } | null {
  const m = /^(?:(增|减)\s*)?([+\-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(万元|元|件|个|项|条))?$/u.exec(raw.trim());
  if (!m) return null;
  const int = m[3].replace(/,/gu, '');
  const n = Number(int + (m[4] ?? ''));
  const negative = m[1] === '减' || m[2] === '-';
  return {
    value: negative ? -n : n,
    // Only a bare digit run may be several fused cells.
    digits: m[1] || m[2] || m[4] || m[3].includes(',') ? null : int,
    unit: m[5] ?? null,
  };
}

/** Label text w[from, to) of `line`, in order. */
function pushText(w: string, from: number, to: number, line: number, out: Scan): void {
  if (to <= from) return;
  out.text.push(w.slice(from, to));
  for (let k = from; k < to; k++) out.textLine.push(line);
}

// A module-level function, not a closure in scanCell: the TypeScript loader names every local arrow
// function with a defineProperty call each time it is created, and scanCell runs once per cell.
function pushDash(raw: string, line: number, celled: boolean, out: Scan): void {
  out.tokens.push({ kind: 'dash', raw, value: null, digits: null, unit: null, line, pos: out.textLine.length, celled });
}

function pushValue(raw: string, line: number, celled: boolean, out: Scan): void {
  const v = parseValue(raw);
  if (!v) return;
  out.tokens.push({
    kind: 'number',
    raw,
    value: v.value,
    digits: v.digits,
    unit: v.unit,
    line,
    pos: out.textLine.length,
    celled,
  });
}

/** Normalizing trims trailing whitespace; a row's trailing empty tab cells are cells, so restore them. */
function withTrailingTabs(norm: string, verbatim: string): string {
  // The tabs of the verbatim line's trailing run of tabs and spaces (what /\t[\t ]*$/ matches, spaces
  // dropped), counted from the end rather than by a regex tried at every tab of the row.
  let tabs = 0;
  for (let k = verbatim.length - 1; k >= 0 && (verbatim[k] === '\t' || verbatim[k] === ' '); k--) if (verbatim[k] === '\t') tabs++;
  return norm + '\t'.repeat(tabs);
}

const NUMBER_CELL = /^[\dOo〇SB,]*\d[\dOo〇SB,]*$/u;
/** A Map, not an object: `in` on an object also finds "constructor", "toString" … (a cell may read so). */
const LONE_OCR_DIGIT = new Map([['S', '5'], ['B', '8']]);

/** Only "S" or "B" in the cell, spaces aside. */
function isLoneOcrKey(cell: string): boolean {
  return LONE_OCR_DIGIT.has(cell.trim());
}

/**
 * A cell of its own holding only "S" or "B" is OCR's 5 or 8 when it sits among number cells: no
 * Latin word next to it and a number cell on at least one side (the other may be the row label).
 */
function loneOcrDigits(cells: string[]): void {
  if (!cells.some(isLoneOcrKey)) return; // almost every row
  const trimmed = cells.map((c) => c.trim());
  const neighbour = (k: number, step: number) => {
    for (let j = k + step; j >= 0 && j < trimmed.length; j += step) if (trimmed[j] !== '') return trimmed[j];
    return '';
  };
  trimmed.forEach((c, k) => {
    const digit = LONE_OCR_DIGIT.get(c);
    if (digit === undefined) return;
    const sides = [neighbour(k, -1), neighbour(k, 1)];
    if (sides.some((n) => /[A-Za-z]/u.test(n) && !NUMBER_CELL.test(n) && !LONE_OCR_DIGIT.has(n))) return;
    if (sides.some((n) => NUMBER_CELL.test(n))) cells[k] = digit;
  });
}

/** Scan doc lines [start, end) into one region. */
export function scanRegion(
  doc: ReportDocument,
  start: number,
  end: number,
  keepLine: (norm: string) => boolean = () => true,
  /** Values may carry a sign ("+10", "-185"): table 二's 本年增/减. Elsewhere "-" is a dash. */
  signed = false,
): Region {
  const out: Scan = { text: [], textLine: [], tokens: [] };
  for (let i = start; i < end; i++) {
    const norm = doc.norm[i];
    // A converter's placeholder header row ("| 申请人情况 | 数据1 | 数据2 | …"), even one invented mid-table.
    if (isNoiseLine(norm) || !keepLine(norm) || (norm.includes('数据') || /col|列|字段|field/iu.test(norm) ? isPlaceholderHeaderRow(norm) : false)) continue;
    const { cells, celled } = cellsOf(doc.lines[i].includes('\t') ? withTrailingTabs(norm, doc.lines[i]) : norm);
    if (celled) loneOcrDigits(cells);
    for (const cell of cells) {
      // A page number the converter put in a cell of a row ("…\t1362\t\t— 5 —") is not a value.
      if (celled && isPageNumberCell(cell)) continue;
      if (celled && cell.trim() === '') {
        out.tokens.push({ kind: 'blank', raw: '', value: null, digits: null, unit: null, line: i, pos: out.textLine.length, celled });
        continue;
      }
      scanCell(cell, i, celled, signed, out);
    }
  }
  return { text: out.text.join(''), textLine: out.textLine, tokens: out.tokens, start, end };
}
