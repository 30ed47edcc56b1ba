/**
 * The sidecar written beside each generated report (<name>.truth.json): what the report really says.
 * Cells are stored as tuples (see CELL_COLUMNS) because a 100,000-report corpus has ~20 million of them.
 */
import type { ApplicantKey } from '../../src/catalogue/metrics.ts';

export type TrueCellKind = 'number' | 'dash' | 'blank';

/** Damage a single cell went through (report-format.md §G). */
export type CellDamage =
  | 'broken_row' // the row's numbers sit on a later line than its label
  | 'split_label' // the row's label is broken across lines
  | 'fused' // whitespace between the row's cells squeezed out: one digit run
  | 'missing_cell' // the row printed one number fewer than it has cells
  | 'dropped' // this is the cell that was not printed
  | 'label_typo' // the row's label carries an OCR misread
  | 'squeezed'; // a crawled page: whitespace squeezed out of the whole body, the table's rows run together

export interface TrueCell {
  metric: string;
  applicant: ApplicantKey | null;
  cumulative: boolean;
  cell: TrueCellKind;
  /** The printed value; null for a dash or a blank. */
  value: number | null;
  /** What the cell stands for: 0 for a dash, the row's own sum for a blank 总计. */
  actual: number;
  raw: string;
  /** 1-based line of the cell's value (for HTML: the source line of its <td>). */
  line: number;
  damage: CellDamage[];
}

/** A figure stated in a sentence (§F). */
export interface TrueProse {
  metric: string;
  value: number;
  approximate: boolean;
  line: number;
}

/** crawled: a crawler's page.txt — key: value header, then the body (its tables tab-rendered) squeezed onto one line. */
export type Layout = 'tab' | 'space' | 'pdf-layout' | 'markdown' | 'html' | 'column' | 'crawled';
/** A web-page report rewritten as a published file (documents.ts): its truth is the page's. */
export type DocumentLayout = 'pdf' | 'docx';
export type Encoding = 'utf8' | 'utf8-bom' | 'gbk' | 'gb18030' | 'utf16le';

export interface Truth {
  file: string;
  agency: {
    name: string;
    province: string;
    city: string | null;
    county: string | null;
    divisionCode: string;
    level: string;
  };
  year: number;
  format: '2019' | '2021' | 'pre-2019' | 'narrative';
  /** pre-2019 only: the national form or Fujian's variant. */
  variant: 'national' | 'fujian' | null;
  layout: Layout | DocumentLayout;
  encoding: Encoding;
  traditional: boolean;
  /** Report-level damage, for the accuracy breakdown. */
  damage: string[];
  title: string;
  titleLine: number;
  cells: TrueCell[];
  prose: TrueProse[];
}

export const CELL_COLUMNS = ['metric', 'applicant', 'cumulative', 'cell', 'value', 'actual', 'raw', 'line', 'damage'] as const;
type CellTuple = [string, string | null, 0 | 1, TrueCellKind, number | null, number, string, number, string[]];

export function serializeTruth(t: Truth): string {
  const cells: CellTuple[] = t.cells.map((c) => [
    c.metric,
    c.applicant,
    c.cumulative ? 1 : 0,
    c.cell,
    c.value,
    c.actual,
    c.raw,
    c.line,
    c.damage,
  ]);
  return JSON.stringify({ ...t, cellColumns: CELL_COLUMNS, cells });
}

export function parseTruth(json: string): Truth {
  const o = JSON.parse(json) as Omit<Truth, 'cells'> & { cells: CellTuple[] };
  return {
    ...o,
    cells: o.cells.map(([metric, applicant, cumulative, cell, value, actual, raw, line, damage]) => ({
      metric,
      applicant: applicant as ApplicantKey | null,
      cumulative: cumulative === 1,
      cell,
      value,
      actual,
      raw,
      line,
      damage: damage as CellDamage[],
    })),
  };
}
