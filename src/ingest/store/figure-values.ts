/**
 * The rows of figure_values for one parsed report: each catalogue figure it gives, in each column it can
 * be asked in, resolved by the same rule query uses for one report (src/query/lookup/resolve.ts), so a
 * ranking read from SQL and the figure read from the report agree. Pure: figures in, rows out.
 */
import type { Figure } from '../model.ts';
import { resolveAll } from '../../query/lookup/resolve.ts';
import { VALUE_COLUMNS, VALUE_STATES, type ValueState } from '../../store/schema.ts';

export interface ValueRow {
  key: string;
  /** VALUE_COLUMNS index. */
  col: number;
  value: number | null;
  /** VALUE_STATES index. */
  state: number;
}

const COLUMN_CODE = new Map<string, number>(VALUE_COLUMNS.map((c, i) => [c, i]));
const STATE_CODE = new Map<string, number>(VALUE_STATES.map((s, i) => [s, i]));

export function valueRows(figures: readonly Figure[]): ValueRow[] {
  // As query reads a report: the Fujian 历年累计 column is not the year's figure.
  const byMetric = new Map<string, Figure[]>();
  for (const f of figures) {
    if (f.cumulative) continue;
    const list = byMetric.get(f.metric);
    if (list) list.push(f);
    else byMetric.set(f.metric, [f]);
  }
  return resolveAll((k) => byMetric.get(k)).map(({ key, column, resolved }) => ({
    key,
    col: COLUMN_CODE.get(column)!,
    value: resolved.value,
    state: STATE_CODE.get(resolved.cell as ValueState)!,
  }));
}
