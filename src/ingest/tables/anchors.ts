/**
 * Row labels as anchors in a region's label text: each row owns the value tokens that sit after its
 * label and up to the next row's label. Labels may be broken across lines and cells, interleaved
 * with fragments of a merged group label ("三、本年度办理结果" one character per line), or misspelt,
 * so each row is found by a short distinctive key rather than its full text.
 */
import type { Region, Token } from './cells.ts';

export interface RowSpec {
  key: string;
  /** Canonical Chinese label (rowLabel of its figures). */
  label: string;
  /** Matched against the region's whitespace-free label text. */
  match: RegExp;
  /** Look for this label only after the label of the first of these rows found (for short keys). */
  after?: string[];
}

export interface AnchoredRow<S extends RowSpec = RowSpec> {
  spec: S;
  /** Offset of the label in region.text. */
  pos: number;
  /** 0-based doc line of the label. */
  line: number;
  tokens: Token[];
  /** Tokens before trimming the empty tab cells at either end. */
  untrimmed: Token[];
}

const searchers = new WeakMap<RegExp, RegExp>();

/** A global copy of a row's pattern, to search from an offset: made once per pattern, not per table. */
function searcher(match: RegExp): RegExp {
  let re = searchers.get(match);
  if (!re) {
    re = new RegExp(match.source, match.flags.replace('g', '') + 'g');
    searchers.set(match, re);
  }
  return re;
}

/**
 * Find each spec's first match at or after `from`, order the anchors by position and hand out the
 * tokens. The last row takes only the tokens printed before any further text: what follows the table
 * (notes, the next section) is not its cells.
 */
export function anchorRows<S extends RowSpec>(region: Region, specs: S[], from = 0): AnchoredRow<S>[] {
  const found: { spec: S; pos: number }[] = [];
  let unbracketed: { text: string; at: number[] } | null = null;
  const find = (spec: S, start: number) => {
    const re = searcher(spec.match);
    re.lastIndex = start;
    const m = re.exec(region.text);
    if (m) {
      found.push({ spec, pos: m.index });
      return;
    }
    // A group's "(五)" printed in the middle of a row's broken label ("3.要求提供公开出(五)版物").
    unbracketed ??= withoutGroupOrdinals(region.text);
    if (unbracketed.text.length === region.text.length) return;
    const from = unbracketed.at.findIndex((k) => k >= start);
    if (from < 0) return;
    re.lastIndex = from;
    const u = re.exec(unbracketed.text);
    if (u) found.push({ spec, pos: unbracketed.at[u.index] });
  };
  for (const spec of specs) if (!spec.after) find(spec, from);
  for (const spec of specs) {
    if (!spec.after) continue;
    const ref = spec.after.map((k) => found.find((f) => f.spec.key === k)).find((f) => f !== undefined);
    if (ref && !found.some((f) => f.spec.key === spec.key)) find(spec, ref.pos + 1);
  }
  found.sort((a, b) => a.pos - b.pos);
  const lineOf = (pos: number) => region.textLine[pos] ?? region.start;
  backToOrdinals(region, found, lineOf);
  const byLine = tokensByLine(region.tokens);
  if (valuesFirst(byLine, found.map((a) => ({ pos: a.pos, line: lineOf(a.pos) })))) {
    return found.map((a, i) => {
      const line = lineOf(a.pos);
      const prev = found[i - 1]?.pos ?? -1;
      const tokens = (byLine.get(line) ?? []).filter((t) => t.pos > prev && t.pos <= a.pos);
      return { spec: a.spec, pos: a.pos, line, tokens: trimBlanks(tokens), untrimmed: tokens };
    });
  }
  return found.map((a, i) => {
    const next = found[i + 1]?.pos ?? Number.POSITIVE_INFINITY;
    let tokens = tokensIn(region.tokens, a.pos, next);
    if (!Number.isFinite(next) && tokens.length > 0) {
      const firstPos = tokens[0].pos;
      tokens = tokens.filter((t) => t.pos === firstPos);
    }
    return { spec: a.spec, pos: a.pos, line: region.textLine[a.pos] ?? region.start, tokens: trimBlanks(tokens), untrimmed: tokens };
  });
}

/** A group's ordinal "(一)" … "(十)" (NFKC has made the brackets ASCII). */
const GROUP_ORDINAL = String.raw`\([一二三四五六七八九十]{1,3}\)`;
const GROUP_ORDINAL_RE = new RegExp(GROUP_ORDINAL, 'gu');

/** The text without "(一)" … "(十)", and for each of its characters the offset it had in `text`. */
function withoutGroupOrdinals(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  let last = 0;
  const keep = (to: number) => {
    for (let k = last; k < to; k++) at.push(k);
    out += text.slice(last, to);
  };
  for (const m of text.matchAll(GROUP_ORDINAL_RE)) {
    keep(m.index);
    last = m.index + m[0].length;
  }
  keep(text.length);
  return { text: out, at };
}

/** A row's own ordinal ("1.", "3、", "(六)"), where its label starts. */
const ORDINAL = new RegExp(String.raw`(?<!第)(?:\d{1,2}[.、]|${GROUP_ORDINAL})`, 'gu');

/**
 * A label broken over several lines with its values on the first ("1.申请人无正当理  0 0 0 …" /
 * "由逾期不补正、行…"): the key is found after the values, which would go to the row above. The anchor
 * moves back to the row's ordinal when the values between them sit on the ordinal's own line. ("第…（八）项"
 * cites an article, not a row.)
 */
function backToOrdinals(region: Region, found: { pos: number }[], lineOf: (pos: number) => number): void {
  for (let i = 0; i < found.length; i++) {
    const lo = i > 0 ? found[i - 1].pos + 1 : 0;
    const gap = region.text.slice(lo, found[i].pos);
    let at = -1;
    for (const m of gap.matchAll(ORDINAL)) at = lo + m.index;
    if (at < 0) continue;
    const line = lineOf(at);
    if (lineOf(found[i].pos) === line) continue;
    // Values, not a header line's empty cells ("第二十条第（八）项\t\t\t").
    const between = tokensIn(region.tokens, at, found[i].pos - 1).filter((t) => t.kind !== 'blank');
    if (between.length > 0 && between.every((t) => t.line === line)) found[i].pos = at;
  }
}

/**
 * Some converters print each row's cells before its label on the same line ("34 0 0 0 0 0 34 二、上年结转…").
 * Read that way only when it is the whole table's layout: at least three rows, at least three in four
 * rows with numbers on the label's line before the label, and no row with a number after its label on
 * that line (squeezed text with several rows on one line has both, and is read label-first).
 */
function valuesFirst(byLine: Map<number, Token[]>, anchors: { pos: number; line: number }[]): boolean {
  if (anchors.length < 3) return false;
  let before = 0;
  for (const a of anchors) {
    const own = (byLine.get(a.line) ?? []).filter((t) => t.kind === 'number');
    if (own.some((t) => t.pos > a.pos)) return false;
    if (own.some((t) => t.pos <= a.pos)) before++;
  }
  return before * 4 >= anchors.length * 3;
}

/** A region's tokens grouped by line, each group in token order (a table has a few hundred tokens: one pass, not one per row). */
function tokensByLine(tokens: Token[]): Map<number, Token[]> {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const group = byLine.get(t.line);
    if (group) group.push(t);
    else byLine.set(t.line, [t]);
  }
  return byLine;
}

/**
 * The tokens with lo < pos <= hi, in order. A region's tokens are in text order (scanRegion appends
 * them as it reads, so pos never decreases): the range is found by binary search, not by a pass over
 * every token for every row.
 */
function tokensIn(tokens: Token[], lo: number, hi: number): Token[] {
  return tokens.slice(firstAfter(tokens, lo), firstAfter(tokens, hi));
}

/** Index of the first token whose pos is greater than `pos` (tokens.length if none). */
function firstAfter(tokens: Token[], pos: number): number {
  let a = 0;
  let b = tokens.length;
  while (a < b) {
    const m = (a + b) >> 1;
    if (tokens[m].pos > pos) b = m;
    else a = m + 1;
  }
  return a;
}

/**
 * A tab/pipe row printed with all its cells empty: `n` blank cells ("not stated", unlike a dash), on the
 * label's line. Null when the row is anything else.
 */
export function blankRow(row: AnchoredRow, n: number): Token[] | null {
  if (row.tokens.length > 0) return null;
  const blanks = row.untrimmed.filter((t) => t.kind === 'blank' && t.line === row.line);
  return blanks.length >= n ? blanks.slice(blanks.length - n) : null;
}

/**
 * A tab/pipe row whose label line holds exactly `n` cells after the label, blanks included ("行政规范性
 * 文件\t\t1\t38": the first column left blank): those are its cells in order, and a blank among them is a
 * blank cell, not layout. HTML rows aligned by their header come this way. Null otherwise.
 */
export function exactCells(row: AnchoredRow, n: number): Token[] | null {
  const own = row.untrimmed.filter((t) => t.line === row.line);
  // Same pos: no label text between them ("20\t[2]\t4" has a bracket around its middle number).
  if (own.length !== n || !own.every((t) => t.celled && t.pos === own[0].pos)) return null;
  // More cells on the following lines (a row continued below its label) are not a row of this shape;
  // numbers in the prose after a table ("2025年，我局…") are not cells and do not count.
  if (row.untrimmed.some((t) => t.line !== row.line && t.kind !== 'blank' && t.celled)) return null;
  return own.some((t) => t.kind !== 'blank') ? own : null;
}

/** Empty tab cells before a row's first value or after its last are layout (spanned label cells). */
export function trimBlanks(tokens: Token[]): Token[] {
  let s = 0;
  let e = tokens.length;
  while (s < e && tokens[s].kind === 'blank') s++;
  while (e > s && tokens[e - 1].kind === 'blank') e--;
  return tokens.slice(s, e);
}
