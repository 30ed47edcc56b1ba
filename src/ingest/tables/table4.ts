/**
 * Table 四 — 行政复议、行政诉讼 (report-format.md §D): one row of 15 cells, three groups of
 * [结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计]. Its header words are printed in every order and
 * broken one character per line, so only the values matter: the 15 values of the table's data lines.
 */
import type { ReportDocument } from '../text/document.ts';
import type { Figure, ReportWarning } from '../model.ts';
import { TABLE4_METRICS, TABLE4_GROUPS } from '../../catalogue/metrics.ts';
import { scanRegion, type Token } from './cells.ts';
import { trimBlanks } from './anchors.ts';
import { readRow, settle, describeReading, type Cell } from './fused.ts';
import { toFigure, citeLine, citePlace } from './figures.ts';
import { isTable4DataLine } from './regions.ts';
import type { StageOutput } from './tables.ts';

const N = 15;
const SUMS = [0, 1, 2].map((g) => ({ parts: [g * 5, g * 5 + 1, g * 5 + 2, g * 5 + 3], total: g * 5 + 4 }));

/** The row's digit runs hold exactly 15 digits: one cell each, the only reading. Null otherwise. */
function oneDigitPerCell(tokens: Token[]): Cell[] | null {
  if (!tokens.every((t) => t.kind === 'number' && t.digits !== null && /^\d+$/u.test(t.raw))) return null;
  const cells: Cell[] = [];
  for (const t of tokens) for (const d of t.digits!) cells.push({ kind: 'number', value: Number(d), raw: d, line: t.line, computed: false, unit: null });
  return cells.length === N ? cells : null;
}

export function parseTable4(doc: ReportDocument, start: number, end: number): StageOutput {
  const region = scanRegion(doc, start, end, isTable4DataLine);
  // Only lines that print a value or a dash are data; empty tab cells of header lines are layout.
  const valueLines = new Set(region.tokens.filter((t) => t.kind !== 'blank').map((t) => t.line));
  let tokens: Token[] = trimBlanks(region.tokens.filter((t) => valueLines.has(t.line)));
  // A trailing empty-looking cell beyond the 15th ("—" × 16 in a tab table) is the table's border —
  // but not a dash of a squeezed "————" run: its pairs are cells (readRow), and cutting it to 15 tokens
  // would shift every cell after the first pair ("1——————1——…" read as 1 | — × 6 | 1 | …).
  while (tokens.length > N && tokens[tokens.length - 1].kind !== 'number' && !tokens[tokens.length - 2].joinsNext) tokens = tokens.slice(0, -1);
  // A page number below the row ("5" alone on its line) is dropped by readRow when the row vouches
  // for itself (one line, every 总计 = its four).
  const figures: Figure[] = [];
  const warnings: ReportWarning[] = [];
  if (tokens.length === 0) return { figures, warnings };

  const rr = readRow(tokens, N, SUMS);
  const raw = tokens.map((t) => t.raw).join(' ');
  const line = tokens[0].line;
  let cells: Cell[];
  const perDigit = rr.readings.length === 0 ? oneDigitPerCell(tokens) : null;
  if (perDigit) {
    // 15 digits for 15 cells: each digit is a cell, whatever the sums say. A group whose 总计 is not its
    // four parts contradicts itself: its cells are not stored; the other groups are certain.
    cells = perDigit;
    SUMS.forEach((sum, g) => {
      const parts = sum.parts.reduce((a, k) => a + (cells[k].value ?? 0), 0);
      if (parts === cells[sum.total].value) return;
      for (let k = g * 5; k < g * 5 + 5; k++) cells[k] = { ...cells[k], kind: 'undecided', value: null, raw };
      warnings.push({
        code: 'identity.row_sum',
        message: `表四第${citeLine(doc, line)}行“${raw}”中${TABLE4_GROUPS[g].label}的总计与前四项之和（${parts}）不符，该组各栏未录入。`,
        line: citeLine(doc, line),
        line2: null,
        metric: `${TABLE4_GROUPS[g].prefix}.total`,
      });
    });
  } else if (rr.readings.length === 0) {
    cells = Array.from({ length: N }, () => ({ kind: 'undecided' as const, value: null, raw, line, computed: false, unit: null }));
    warnings.push({
      code: rr.capped ? 'fused.ambiguous' : rr.disordered ? 'table.order_uncertain' : 'table.row_unreadable',
      message: rr.disordered
        ? `表四的15个数分散在第${citeLine(doc, line)}–${citeLine(doc, tokens[tokens.length - 1].line)}行（“${raw}”），打印顺序无法确认（按此顺序各“总计”≠前四项之和），未录入。`
        : `表四${citePlace(doc, line)}读到${tokens.length}个数（“${raw}”），应为15个，无法按“总计＝前四项之和”补正，未录入。`,
      line: citeLine(doc, line),
      line2: null,
      metric: 'review.total',
    });
  } else {
    cells = settle(rr.readings, raw, line);
    const undecided = cells.filter((c) => c.kind === 'undecided').length;
    if (undecided > 0) {
      const options = rr.readings.slice(0, 4).map(describeReading).join('，或 ');
      warnings.push({
        code: tokens.length < N && !tokens.some((t) => (t.digits?.length ?? 0) > 1) ? 'cells.missing' : 'fused.ambiguous',
        message: `表四${citePlace(doc, line)}的数字“${raw}”按“总计＝前四项之和”仍有多种读法：${options}${rr.readings.length > 4 ? ' 等' : ''}；其中${undecided}栏无法确定，未录入。`,
        line: citeLine(doc, line),
        line2: null,
        metric: 'review.total',
      });
    }
  }
  const groupLabel = (i: number) => TABLE4_GROUPS[Math.floor(i / 5)].label;
  cells.forEach((cell, i) => {
    const def = TABLE4_METRICS[i];
    figures.push(
      toFigure(doc, { metric: def.key, applicant: null, rowLabel: groupLabel(i), colLabel: def.label.split(' ').pop()! }, cell),
    );
  });
  return { figures, warnings };
}
