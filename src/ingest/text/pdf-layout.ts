/**
 * Positioned PDF text runs → lines in the shape `pdftotext -layout` prints, which the table parsers
 * already read: runs on one baseline make one line, left to right; a run is placed at the column its x
 * position gives on a half-em character grid (so table cells keep runs of spaces between them, and
 * rows line up roughly under their headers); runs that touch (a word split over several runs: "202"
 * "4") are joined without a space. Pure: runs in, lines out.
 */

export interface PdfRun {
  str: string;
  /** Baseline start, in PDF user space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (the glyph height on the page). */
  size: number;
  /** Horizontal text. Rotated runs (stamps, watermarks, sideways captions) are not laid out. */
  upright: boolean;
}

export interface PdfPage {
  /** 1-based page number. */
  number: number;
  runs: PdfRun[];
}

export interface PdfLines {
  lines: string[];
  /** The page each line is printed on (1-based), same length as lines. */
  page: number[];
}

/** Runs closer than this (in ems) are one word; pdf.js splits words at font and spacing changes. */
const JOIN_GAP = 0.2;
/** Baselines closer than this (in ems of the smaller font) are one line. */
const SAME_LINE = 0.5;
/** A vertical gap wider than this many line heights leaves a blank line, as pdftotext does. */
const BLANK_GAP = 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[s.length >> 1];
}

interface Line {
  y: number;
  size: number;
  runs: PdfRun[];
}

/** Group a page's runs into lines by baseline, top to bottom. */
function linesOf(runs: readonly PdfRun[]): Line[] {
  const sorted = runs.filter((r) => r.upright && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const r of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.y - r.y <= SAME_LINE * Math.min(last.size, r.size)) {
      last.runs.push(r);
      last.size = Math.max(last.size, r.size);
    } else {
      lines.push({ y: r.y, size: r.size, runs: [r] });
    }
  }
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  return lines;
}

/** Grid cells a text takes: two for CJK and full-width characters (one em), one for the rest. */
function cellsOf(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c >= 0x2e80 && !(c >= 0xff61 && c <= 0xffdc) && !(c >= 0xdc00 && c <= 0xdfff) ? 2 : 1;
  }
  return n;
}

/** One line's runs → text on the page's character grid (column = (x − left) / cell). */
function render(line: Line, left: number, cell: number): string {
  let text = '';
  let width = 0;
  let prev: PdfRun | null = null;
  for (const r of line.runs) {
    if (prev) {
      const prevEnd = prev.x + prev.width;
      // The same text drawn twice a hair apart: fake bold. Keep one.
      if (r.str === prev.str && Math.abs(r.x - prev.x) < 0.3 * r.size) continue;
      if (r.x - prevEnd < JOIN_GAP * Math.min(r.size, prev.size)) {
        text += r.str;
        width += cellsOf(r.str);
        prev = r;
        continue;
      }
    }
    const column = Math.max(0, Math.round((r.x - left) / cell));
    const pad = prev ? Math.max(1, column - width) : column;
    text += ' '.repeat(pad) + r.str;
    width += pad + cellsOf(r.str);
    prev = r;
  }
  return text;
}

const VALUE_RUN = /^[\d\s.,，%／/—–\-]+$/u;
const CJK_RUN = /\p{sc=Han}/u;

/**
 * A table cell whose label wraps onto two lines prints its row's values centred between them: by
 * baseline the values come between the two halves of the label ("3.要求提供公开出" / values / "版物"), and
 * the first half reads as a row without values. pdftotext -layout reads the label cell as one block first;
 * do the same: a values-only line between two lines of one wrapped label (a line apart, the second all
 * left of the values) goes after the second.
 */
function valuesAfterWrappedLabels(lines: Line[]): Line[] {
  const out = [...lines];
  for (let i = 1; i + 1 < out.length; i++) {
    const [above, values, below] = [out[i - 1], out[i], out[i + 1]];
    if (!values.runs.every((r) => VALUE_RUN.test(r.str))) continue;
    if (!above.runs.some((r) => CJK_RUN.test(r.str))) continue;
    if (!below.runs.every((r) => !VALUE_RUN.test(r.str) && r.x + r.width <= values.runs[0].x)) continue;
    if (above.y - below.y > 1.8 * Math.max(above.size, below.size)) continue;
    // The second line may also hold a piece of a group label further left ("（五）不  版物"): that piece
    // is another cell; it stays after the values, so the row's label reads "3.要求提供公开出" + "版物".
    // Where the label cell starts: the last cluster of touching runs on the first line ("1." "信访…").
    let first = above.runs.length - 1;
    while (first > 0 && above.runs[first].x - (above.runs[first - 1].x + above.runs[first - 1].width) < above.size) first--;
    const labelX = above.runs[first].x;
    const own = below.runs.filter((r) => r.x >= labelX - 0.5 * r.size);
    const other = below.runs.filter((r) => r.x < labelX - 0.5 * r.size);
    if (own.length === 0) continue;
    const rest: Line[] = other.length ? [{ ...below, runs: other }] : [];
    out.splice(i, 2, { ...below, runs: own }, values, ...rest);
    i += 1 + rest.length;
  }
  return out;
}

/** Pages → lines, each with its page. Blank lines stand for wide vertical gaps, as in pdftotext -layout. */
export function layoutPdfPages(pages: readonly PdfPage[]): PdfLines {
  const lines: string[] = [];
  const page: number[] = [];
  for (const p of pages) {
    const pageLines = valuesAfterWrappedLabels(linesOf(p.runs));
    if (pageLines.length === 0) continue;
    const left = Math.min(...pageLines.map((l) => l.runs[0].x));
    // Half an em of the body text: what one ASCII character is wide, so digits line up column by column.
    const cell = median(pageLines.flatMap((l) => l.runs.map((r) => r.size))) / 2;
    let prevY: number | null = null;
    for (const l of pageLines) {
      if (prevY !== null && prevY - l.y > BLANK_GAP * 1.2 * l.size) {
        lines.push('');
        page.push(p.number);
      }
      lines.push(render(l, left, cell));
      page.push(p.number);
      // The lowest baseline so far: a values line moved after its label (above) does not open a gap.
      prevY = prevY === null ? l.y : Math.min(prevY, l.y);
    }
  }
  return { lines, page };
}
