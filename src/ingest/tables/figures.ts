/** Decided cells → catalogue Figures, citing the line where each value is printed. */
import { placeText, sourceAt, type ReportDocument } from '../text/document.ts';
import type { Figure } from '../model.ts';
import { metricDef } from '../../catalogue/metrics.ts';
import type { Cell } from './fused.ts';

export interface CellPlace {
  metric: string;
  applicant: string | null;
  rowLabel: string;
  colLabel: string;
  /** Unit of the column when its header states one ("本年收费金额（单位：万元）"). */
  columnUnit?: string | null;
}

export function toFigure(doc: ReportDocument, place: CellPlace, cell: Cell): Figure {
  const unit = cell.unit ?? place.columnUnit ?? metricDef(place.metric)?.unit ?? '件';
  return {
    metric: place.metric,
    applicant: place.applicant,
    cumulative: false,
    rowLabel: place.rowLabel,
    colLabel: place.colLabel,
    value: cell.kind === 'number' ? cell.value : null,
    cell: cell.kind,
    raw: cell.raw,
    unit,
    approximate: false,
    computed: cell.computed,
    origin: 'table',
    source: sourceAt(doc, cell.line),
  };
}

/** A 0-based doc line as a warning names it: 第12行, or 第8行第15904字起 inside a long line. */
export function citePlace(doc: ReportDocument, line: number): string {
  return placeText(sourceAt(doc, line));
}

/** 1-based cited line of a 0-based doc line. */
export function citeLine(doc: ReportDocument, line: number): number {
  return doc.sourceLine[line];
}
