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
}

export interface Region {
  /** All label text of the region, whitespace removed; digits of label ordinals ("1.") included. */
  text: string;
  /** textLine[k] = 0-based doc line of text[k]. */
  textLine: number[];
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
  /^(\s*-{3,}\s*)+$/u,
];

/** The page-number forms of NOISE_LINE ("-3-", "第3页 共8页"). */
const PAGE_NUMBER_CELL = NOISE_LINE.slice(0, 2);

export function isNoiseLine(norm: string): boolean {
  return NOISE_LINE.some((re) => re.test(norm));
}

const DASH_RE = /^(?:[—–\-－/／─]|——|--)$/u;
// A cell value: optional 增/减 or sign, digits, optional decimals, optional unit.
// Digits may carry thousands separators ("3,985,758").
const VALUE_RE = /(?:(增|减)\s*)?([+\-]?)(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(\.\d+)?(?:\s*(万元|元|件|个|项|条))?/uy;
const UNSIGNED_VALUE_RE = /(?:(增|减)\s*)?()(\d{1,3}(?:,\d{3})+(?![\d,])|\d+)(\.\d+)?(?:\s*(万元|元|件|个|项|条))?/uy;
const DASH_RUN_RE = /^[—\-－/／─]{2,}$/u;
const DASH_CHAR_RE = /[—\-－/／─]/u;
const FUSED_NEIGHBOUR_RE = /[\d—\-－/／─]/u;
// A label ordinal "1." / "2、" directly before label text (possibly fused to the digits before it).
const ORDINAL_RE = /\d[.、．]\s*(?=[\u3400-\u9fff“"《（(])/uy;
const PAREN_ORDINAL_RE = /\(\d{1,2}\)(?=[\u3400-\u9fff“"《])/uy;

// OCR prints a 0 as the letter O/o (or 〇), a 5 as S and an 8 as B: in a table, a cell of only O/o/〇, or
// a run of those letters mixed with digits and not part of a Latin word ("3o5o", "数量123OOO116", "S3",
// "12BB"), is digits. A lone "S"/"B" stays text (the row is then undecided): it could be a letter.
const OCR_ZERO_CELL = /^[Oo〇]+$/u;
const OCR_DIGIT_RUN = /(?<![A-Za-z])[\dOo〇SB]*\d[\dOo〇SB]*(?![A-Za-z])/gu;
const OCR_DIGIT: Record<string, string> = { O: '0', o: '0', 〇: '0', S: '5', B: '8' };

function ocrZeros(w: string): string {
  if (OCR_ZERO_CELL.test(w)) return '0'.repeat(w.length);
  if (!/[Oo〇SB]/u.test(w)) return w;
  return w.replace(OCR_DIGIT_RUN, (run) =>
    // "B2B" is a word: S/B are read as digits only in runs with at least as many real digits.
    (run.match(/[SB]/gu)?.length ?? 0) > (run.match(/\d/gu)?.length ?? 0) ? run : run.replace(/[Oo〇SB]/gu, (c) => OCR_DIGIT[c]),
  );
}

/** A line with OCR digits read as digits, word by word: what the tokens' `raw` text is made of. */
export function withOcrZeros(norm: string): string {
  return /[Oo〇SB]/u.test(norm) ? norm.replace(/[^ \t]+/gu, ocrZeros) : norm;
}

/** Split one line into cells: tab or pipe separated when the line has them, else one cell. */
function cellsOf(norm: string): { cells: string[]; celled: boolean } {
  if (/\t/.test(norm)) return { cells: norm.split('\t'), celled: true };
  if (/^\s*\|.*\|\s*$/u.test(norm)) return { cells: norm.trim().replace(/^\||\|$/gu, '').split('|'), celled: true };
  return { cells: [norm], celled: false };
}

/**
 * Scan one cell's text: label characters go to `text`, values become tokens. A space-separated cell
 * may hold many values. A dash is a cell when it stands alone or sits between values ("72///110").
 */
function scanCell(
  s: string,
  line: number,
  celled: boolean,
  signed: boolean,
  out: { text: string[]; textLine: number[]; tokens: Token[] },
): void {
  const dash = (raw: string) =>
    out.tokens.push({ kind: 'dash', raw, value: null, digits: null, unit: null, line, pos: out.text.length, celled });
  // "1. 属于国家秘密": keep a label ordinal joined to its label so it is not read as a value.
  const joined = s.replace(/(\d)([.、．])\s+(?=[\u3400-\u9fff“"])/gu, '$1$2');
  const words = joined.split(/[ \t]+/u).filter((w) => w.length > 0).map(ocrZeros);
  for (let wi = 0; wi < words.length; wi++) {
    const w = words[wi];
    if (DASH_RE.test(w)) {
      dash(w);
      continue;
    }
    // Dashes squeezed together ("///////"): one cell each.
    if (DASH_RUN_RE.test(w)) {
      for (const ch of w) dash(ch);
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
      if (last.kind === 'number' && last.line === line && last.pos === out.text.length && last.unit === null) {
        last.unit = w;
        last.raw = `${last.raw} ${w}`;
        continue;
      }
    }
    let i = 0;
    while (i < w.length) {
      // "（1）属于国家秘密": a bracketed label ordinal is label text, not a cell.
      PAREN_ORDINAL_RE.lastIndex = i;
      const paren = PAREN_ORDINAL_RE.exec(w);
      if (paren) {
        for (const c of paren[0]) {
          out.text.push(c);
          out.textLine.push(line);
        }
        i += paren[0].length;
        continue;
      }
      ORDINAL_RE.lastIndex = i;
      VALUE_RE.lastIndex = i;
      const ch = w[i];
      // A dash fused between values ("72///110") is a cell; between label characters ("增/减") it is text.
      if (DASH_CHAR_RE.test(ch) && (FUSED_NEIGHBOUR_RE.test(w[i - 1] ?? '') || FUSED_NEIGHBOUR_RE.test(w[i + 1] ?? ''))) {
        if (!(signed && /[+\-]/u.test(ch) && /\d/u.test(w[i + 1] ?? '') && !/\d/u.test(w[i - 1] ?? ''))) {
          dash(ch);
          i++;
          continue;
        }
      }
      if (/\d|[增减]/u.test(ch) || (signed && /[+\-]/u.test(ch))) {
        // Digits that end in a label ordinal: the last digit is the ordinal, any before it a value
        // fused to it ("…政府信息7730003832.没有现成信息…").
        const run = /^\d+/u.exec(w.slice(i));
        if (run) {
          const after = i + run[0].length;
          ORDINAL_RE.lastIndex = after - 1;
          if (ORDINAL_RE.test(w)) {
            if (run[0].length > 1) pushValue(w.slice(i, after - 1), line, celled, out);
            const ordEnd = ORDINAL_RE.lastIndex;
            for (let k = after - 1; k < ordEnd; k++) {
              if (!/\s/u.test(w[k])) {
                out.text.push(w[k]);
                out.textLine.push(line);
              }
            }
            i = ordEnd;
            continue;
          }
        }
        const re = signed ? VALUE_RE : UNSIGNED_VALUE_RE;
        re.lastIndex = i;
        const m = re.exec(w);
        if (m && m.index === i) {
          pushValue(m[0], line, celled, out);
          i += m[0].length;
          continue;
        }
      }
      out.text.push(ch);
      out.textLine.push(line);
      i++;
    }
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

function pushValue(raw: string, line: number, celled: boolean, out: { text: string[]; tokens: Token[] }): void {
  const v = parseValue(raw);
  if (!v) return;
  out.tokens.push({
    kind: 'number',
    raw,
    value: v.value,
    digits: v.digits,
    unit: v.unit,
    line,
    pos: out.text.length,
    celled,
  });
}

/** Normalizing trims trailing whitespace; a row's trailing empty tab cells are cells, so restore them. */
function withTrailingTabs(norm: string, verbatim: string): string {
  const trailing = /\t[\t ]*$/u.exec(verbatim)?.[0].replace(/ /gu, '') ?? '';
  return norm + trailing;
}

const NUMBER_CELL = /^[\dOo〇SB,]*\d[\dOo〇SB,]*$/u;
const LONE_OCR_DIGIT: Record<string, string> = { S: '5', B: '8' };

/**
 * A cell of its own holding only "S" or "B" is OCR's 5 or 8 when it sits among number cells: no
 * Latin word next to it and a number cell on at least one side (the other may be the row label).
 */
function loneOcrDigits(cells: string[]): void {
  const trimmed = cells.map((c) => c.trim());
  const neighbour = (k: number, step: number) => {
    for (let j = k + step; j >= 0 && j < trimmed.length; j += step) if (trimmed[j] !== '') return trimmed[j];
    return '';
  };
  trimmed.forEach((c, k) => {
    if (!(c in LONE_OCR_DIGIT)) return;
    const sides = [neighbour(k, -1), neighbour(k, 1)];
    if (sides.some((n) => /[A-Za-z]/u.test(n) && !NUMBER_CELL.test(n) && !(n in LONE_OCR_DIGIT))) return;
    if (sides.some((n) => NUMBER_CELL.test(n))) cells[k] = LONE_OCR_DIGIT[c];
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
  const out = { text: [] as string[], textLine: [] as number[], tokens: [] as Token[] };
  for (let i = start; i < end; i++) {
    const norm = doc.norm[i];
    if (isNoiseLine(norm) || !keepLine(norm)) continue;
    const { cells, celled } = cellsOf(/\t/.test(doc.lines[i]) ? withTrailingTabs(norm, doc.lines[i]) : norm);
    if (celled) loneOcrDigits(cells);
    for (const cell of cells) {
      // A page number the converter put in a cell of a row ("…\t1362\t\t— 5 —") is not a value.
      if (celled && PAGE_NUMBER_CELL.some((re) => re.test(cell))) continue;
      if (celled && cell.trim() === '') {
        out.tokens.push({ kind: 'blank', raw: '', value: null, digits: null, unit: null, line: i, pos: out.text.length, celled });
        continue;
      }
      scanCell(cell, i, celled, signed, out);
    }
  }
  return { text: out.text.join(''), textLine: out.textLine, tokens: out.tokens, start, end };
}
