/**
 * The pre-2019 政府信息公开情况统计表 (report-format.md §E): national form "统计指标 · 单位 · 统计数" and
 * Fujian's "指标名称 · 计量单位 · YYYY年度 · 历年累计". Rows come tab-separated, space-separated, or with
 * the label broken over lines before its unit and value; labels map to catalogue keys by the rule table
 * in pre2019-labels.ts. Pure.
 */
import { isSectionHeading, sourceAt, type ReportDocument } from '../text/document.ts';
import type { CellKind, Figure, ReportWarning } from '../model.ts';
import type { StageOutput } from './tables.ts';
import { metricDef } from '../../catalogue/metrics.ts';
import { groupOf, keyForLabel, type Pre2019Group } from './pre2019-labels.ts';
import { dashedReadings, fusedReadings, fusedRowText, solveStatsTable, type TableRowReadings } from './pre2019-fused.ts';
import { describeReading, type Cell } from './fused.ts';
import { isNoiseLine } from './cells.ts';
import { isPlaceholderHeaderRow } from '../../catalogue/converter-damage.ts';

interface ValueColumn {
  label: string;
  cumulative: boolean;
}

const HEADER = /统\s*计\s*指\s*标|指\s*标\s*名\s*称/;
const TITLE = /信息公开.*统计表|统计表/;
// The signature's date ("…管理局2018年1月16日") and an attachment list after the table end it too.
const TABLE_END = /单位负责人|填报人|审核人|填报日期|联系电话|\d{4}年\d{1,2}月\d{1,2}日$|^附件(?!.*统计表)/;
/** The longest national label, with its note, is about 60 characters. */
const MAX_LABEL = 90;
const UNITS = new Set(['条', '件', '次', '篇', '个', '人', '人次', '万元', '元', '项', '家', '份', '场', '期', '——', '—', '-', '/']);
const VALUE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?|[—–\-\/]+)$/;
const NOT_A_UNIT = new Set(['——', '—', '-', '/', '']);

interface Row {
  label: string;
  unit: string;
  values: string[];
  /** More numbers than the table has value columns: which are this row's cannot be told. */
  extra?: boolean;
}

/** A Markdown table's rule row ("| --- | :---: |"): layout, no cells. */
const PIPE_RULE = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/u;

/** A label's first piece: an ordinal ("三、", "（二）", "4.") or "其中". */
const NEW_LABEL = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、]|其中)/u;

/** A line's cells when it has separators: tab-separated, or a Markdown pipe row; null for space-separated text. */
function cellsOf(line: string): string[] | null {
  if (line.includes('\t')) return line.split('\t').map((c) => c.trim());
  if (/^\s*\|.*\|\s*$/u.test(line)) return line.trim().replace(/^\||\|$/gu, '').split('|').map((c) => c.trim());
  return null;
}

/** Header cells → the value columns ("统计数"; "2018年度", "历年累计"). */
function valueColumns(header: string): ValueColumn[] {
  const cells = cellsOf(header) ?? header.trim().split(/\s+/);
  const cols = cells
    .map((c) => c.trim())
    .filter((c) => c && !HEADER.test(c) && !/单\s*位/.test(c))
    .map((label) => ({ label, cumulative: /累计/.test(label) }));
  return cols.length ? cols : [{ label: '统计数', cumulative: false }];
}

const unclosed = (s: string) => (s.match(/[（(]/gu)?.length ?? 0) > (s.match(/[）)]/gu)?.length ?? 0);

/** One line → label, unit and value cells; null when it holds neither unit nor value (a label piece). */
function splitRow(line: string, nCols: number): Row | null {
  const cells = cellsOf(line);
  if (cells) {
    if (cells.length < 2) return null;
    const values = cells.slice(2, 2 + nCols);
    while (values.length < nCols) values.push('');
    return { label: cells[0], unit: cells[1], values };
  }
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  const values: string[] = [];
  while (values.length < nCols && tokens.length > 1 && VALUE.test(tokens[tokens.length - 1])) values.unshift(tokens.pop()!);
  const before = tokens[tokens.length - 1];
  const extra = values.length === nCols && tokens.length > 1 && VALUE.test(before) && !UNITS.has(before);
  // The surplus numbers and the unit among them are not the label's words.
  while (extra && tokens.length > 1 && (VALUE.test(tokens[tokens.length - 1]) || UNITS.has(tokens[tokens.length - 1]))) tokens.pop();
  let unit = '';
  if (tokens.length && UNITS.has(tokens[tokens.length - 1]) && (tokens.length > 1 || values.length)) unit = tokens.pop()!;
  if (!values.length && !unit) return null;
  const label = tokens.join(' ');
  // A label cut inside its note ("…公开相同信息计 1" / "条） 条 42"): the "1" or "条" ending the piece is
  // the note's, not the row's value or unit — the row goes on on the next line.
  if (unclosed(label)) return null;
  while (values.length < nCols) values.push('');
  return extra ? { label, unit, values, extra } : { label, unit, values };
}

/**
 * A line holding only a row's values ("      2", "3   15"): the numbers of a row whose label and unit
 * were printed on the line above (PDF extraction puts them on a line of their own). Null otherwise.
 */
function valuesOnly(line: string, nCols: number): string[] | null {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > nCols || !tokens.every((t) => VALUE.test(t))) return null;
  while (tokens.length < nCols) tokens.push('');
  return tokens;
}

/** The next non-empty line after `i` (page numbers skipped), if it is one of the table's lines. */
function nextLine(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && (lines[j].trim() === '' || isNoiseLine(lines[j]))) j++;
  return j < lines.length ? j : -1;
}

function readCell(raw: string): { value: number | null; cell: CellKind } {
  const s = raw.trim();
  if (s === '') return { value: null, cell: 'blank' };
  if (/^[—–\-\/]+$/.test(s)) return { value: null, cell: 'dash' };
  const m = /^[-+]?\d[\d,]*(?:\.\d+)?/.exec(s);
  if (!m) return { value: null, cell: 'undecided' };
  return { value: Number(m[0].replace(/,/g, '')), cell: 'number' };
}

/** One header cell on a line of its own ("计量单位", "2017年度", "历年累计"). */
const HEADER_CELL = /^(?:(?:计\s*量\s*)?单\s*位|统计数|年末统计|\d{4}\s*年度?|本年度?|历年累计|累计)$/u;

/**
 * Where the table starts and its value columns. The header row is one line, or — as PDF extraction
 * often prints it — one cell per line ("指标名称" / "计量单位" / "2017年度" / "历年累计"): reading only
 * its first line would miss the 历年累计 column and shift every value. Without a header, the title
 * starts a one-column table.
 */
function tableStart(doc: ReportDocument): { start: number; columns: ValueColumn[] } | null {
  const L = doc.norm;
  for (let i = 0; i < L.length; i++) {
    if (!HEADER.test(L[i])) continue;
    const cells = [L[i].trim()];
    let end = i;
    // Only blank lines, page numbers and footers between the cells (nextLine skips them): a page may
    // break inside the header ("2013年度" / "1 / 3" / "历年累计").
    for (let j = nextLine(L, i); j > 0 && j - end <= 8 && HEADER_CELL.test(L[j].trim()); j = nextLine(L, j)) {
      cells.push(L[j].trim());
      end = j;
    }
    const header = cells.join('\t');
    if (/单\s*位/.test(header)) return { start: end, columns: valueColumns(end === i ? L[i] : header) };
  }
  const title = L.findIndex((l) => TITLE.test(l) && l.trim().length < 40);
  return title < 0 ? null : { start: title, columns: [{ label: '统计数', cumulative: false }] };
}

/** A table cell as the fused-row solver sees it. */
function solverCell(raw: string, line: number): Cell {
  const { value, cell } = readCell(raw);
  return { kind: cell, value, raw: raw.trim(), line, computed: false, unit: null };
}

/**
 * `prose`: the figures the report's sentences state, used only to choose among the readings of a
 * squeezed row (tables/pre2019-fused.ts).
 */
export function parsePre2019Table(doc: ReportDocument, prose: readonly Figure[] = []): StageOutput {
  const table = tableStart(doc);
  if (!table) return { figures: [], warnings: [] };
  const { start, columns } = table;
  const figures: Figure[] = [];
  const warnings: ReportWarning[] = [];
  const seen = new Set<string>();
  /** Every keyed row, for the identities that decide squeezed rows. */
  const tableRows: (TableRowReadings & { unit: string; digits: string })[] = [];
  let group: Pre2019Group | null = null;
  let pending = '';
  let pendingAt = -1;
  // A label piece no row completed: a group header printed without cells sets the group; anything
  // else held a row that could not be read (say so — its figures are missing, not absent).
  const dropPending = () => {
    const g = pending ? groupOf(pending) : null;
    if (g) group = g;
    else if (pending && /\d/.test(pending.replace(/[（(][^（()）]*[)）]/gu, ''))) {
      warnings.push({
        code: 'pre2019.unreadable_row',
        message: `统计表第 ${doc.sourceLine[pendingAt]} 行“${pending}”未能读出数值，未入库`,
        line: doc.sourceLine[pendingAt],
        line2: null,
        metric: null,
      });
    }
    pending = '';
  };

  for (let i = start + 1; i < doc.norm.length; i++) {
    const line = doc.norm[i];
    // A page number between a row's label and its values ("4.不同意公开答复数 件" / "2 / 4" / "61").
    if (line.trim() === '' || isNoiseLine(line)) continue;
    // The signatures under the table, or the report's next section, end it (the table's own group
    // rows, "三、依申请公开情况", look like headings too).
    if (TABLE_END.test(line) || (isSectionHeading(line) && !groupOf(line))) break;
    if (PIPE_RULE.test(line) || isPlaceholderHeaderRow(line)) continue;
    // Values alone on a line after a label without them (the row's label and unit sat above).
    const labelAt = i;
    const loose = pending ? valuesOnly(line, columns.length) : null;
    let row = loose ? { label: '', unit: '', values: loose } : splitRow(line, columns.length);
    // The cited line is the one holding the values.
    let at = i;
    if (row && row.unit && row.unit !== '——' && row.values.every((v) => v === '')) {
      // A row printed with its unit but no values: its numbers may have fallen onto the next line.
      // Read them from there — storing the row as blank would say "not stated" when it is.
      const j = nextLine(doc.norm, i);
      const next = j >= 0 ? valuesOnly(doc.norm[j], columns.length) : null;
      const more = j >= 0 && !next ? valuesOnly(doc.norm[j], doc.norm[j].trim().split(/\s+/).length) : null;
      if (next) {
        row = { ...row, values: next };
        at = j;
      } else if (more) {
        // More values there than the header has columns: the row is printed, its columns unknown —
        // never "blank".
        row = { ...row, values: more.slice(0, columns.length), extra: true };
        at = j;
      }
    }
    i = at;
    if (!row) {
      // A squeezed row: label, unit and all its values in one digit run ("主动公开信息数条4251516").
      const fused = fusedRowText(line);
      // A group row ("二、回应解读情况——") or an unfinished label above a new one is not this row's label.
      if (fused && pending && (NEW_LABEL.test(fused.label) || /[—–]$/u.test(pending))) dropPending();
      if (fused) group = groupOf(fused.label) ?? group;
      if (fused) {
        const fusedKey = keyForLabel((pending + fused.label).trim(), group);
        // The next line starts with the ordinal's "." ("件53" / ".网络申请数"): the run's last digits are
        // the next label's ordinal, and which of them could not be told (text/squeeze.ts left it uncut).
        const j = nextLine(doc.norm, i);
        // A next line starting ".5" holds the rest of an amount ("万元2" | ".513.兼职"): no reading.
        const rest = doc.sourceColumn?.[i] != null && j === i + 1 ? (/^[.、．]\s*(\d)?/u.exec(doc.norm[j] ?? '') ?? null) : null;
        const runs = !rest ? [fused.digits] : rest[1] ? [] : [1, 2].map((n) => fused.digits.slice(0, -n)).filter((d) => d !== '');
        const label = (pending + fused.label).trim();
        pending = '';
        const cumulative = columns.map((c) => c.cumulative);
        const readings = fused.runs
          ? rest
            ? []
            : dashedReadings(fused.runs, columns.length, i)
          : runs.flatMap((d) => fusedReadings(d, columns.length, cumulative, i));
        // A row not in the catalogue still takes part in its block's identities; it is not stored.
        tableRows.push({ key: fusedKey ?? '', label, line: i, fused: true, unit: fused.unit, digits: fused.digits, readings });
        if (!fusedKey) {
          warnings.push({
            code: 'pre2019.unmapped_row',
            message: `统计表第 ${doc.sourceLine[i]} 行“${label}”不在指标目录中，未入库`,
            line: doc.sourceLine[i],
            line2: null,
            metric: null,
          });
        }
        continue;
      }
      // A label broken over lines: a new ordinal starts a new label, anything else continues it.
      const piece = line.trim();
      if (TITLE.test(piece) || /^[(（]?\d{4}\s*年/.test(piece) || /^填报单位/.test(piece)) continue;
      if (!pending || NEW_LABEL.test(piece) || pending.length > 80) {
        dropPending();
        pending = piece;
        pendingAt = labelAt;
      } else pending += piece;
      continue;
    }
    // A row starting a new label ends a label left unfinished above it: it is not this row's.
    if (pending && NEW_LABEL.test(row.label.trim())) dropPending();
    // Quote the label as printed when the row sits on one tab-separated or pipe line.
    const verbatim = pending ? '' : (cellsOf(doc.lines[labelAt])?.[0] ?? '');
    const label = (pending + row.label).trim();
    pending = '';
    // A sentence that happens to end in a number is prose, not a row.
    if (label.length > MAX_LABEL || /[。；;]/.test(label)) continue;
    group = groupOf(label) ?? group;
    // Group header rows ("二、回应解读情况 —— 0") carry no figure of their own.
    if (row.unit === '——' || /情况$/.test(label.replace(/[（(][^）)]*[）)]$/u, ''))) continue;
    const key = keyForLabel(label, group);
    if (!key) {
      if (row.values.some((v) => v.trim() !== '')) {
        warnings.push({
          code: 'pre2019.unmapped_row',
          message: `统计表第 ${doc.sourceLine[labelAt]} 行“${verbatim || label}”不在指标目录中，未入库`,
          line: doc.sourceLine[labelAt],
          line2: null,
          metric: null,
        });
      }
      continue;
    }
    if (row.extra) {
      warnings.push({
        code: 'pre2019.extra_values',
        message: `统计表第 ${doc.sourceLine[i]} 行“${verbatim || label}”的数值多于表头的列，无法确定各列数值，未入库`,
        line: doc.sourceLine[i],
        line2: null,
        metric: key,
      });
      continue;
    }
    const def = metricDef(key);
    tableRows.push({ key, label, line: i, fused: false, unit: row.unit, digits: '', readings: [{ cells: row.values.map((v) => solverCell(v, i)) }] });
    // A squeezed line lost the layout that said which column a lone value stands in ("条 0" under
    // 年度 and 历年累计): the value's column cannot be told.
    const printed = row.values.filter((v) => v.trim() !== '').length;
    if (doc.sourceColumn?.[i] && columns.length > 1 && printed > 0 && printed < columns.length) {
      warnings.push({
        code: 'pre2019.missing_value',
        message: `统计表第 ${doc.sourceLine[i]} 行“${verbatim || label}”只有 ${printed} 个数值、表头有 ${columns.length} 列，无法确定数值属于哪一列，未入库`,
        line: doc.sourceLine[i],
        line2: null,
        metric: key,
      });
      pushUndecided(key, verbatim || label, row.unit, i, row.values.join(' ').trim());
      continue;
    }
    row.values.forEach((raw, c) => {
      const col = columns[c];
      const id = `${key}|${col.cumulative}`;
      if (seen.has(id)) return;
      seen.add(id);
      figures.push({
        metric: key,
        applicant: def?.byApplicant ? 'total' : null,
        cumulative: col.cumulative,
        rowLabel: verbatim || label,
        colLabel: col.label,
        ...readCell(raw),
        raw: raw.trim(),
        unit: NOT_A_UNIT.has(row.unit) ? (def?.unit ?? '') : row.unit,
        approximate: false,
        computed: false,
        origin: 'table',
        source: sourceAt(doc, i),
      });
    });
  }
  dropPending();
  const cumulative = columns.map((c) => c.cumulative);
  for (const solved of solveStatsTable(tableRows, columns.length, cumulative, prose)) {
    const r = solved.row;
    if (!r.key) continue;
    const def = metricDef(r.key);
    const printed = tableRows.find((t) => t === r)!;
    const undecided = solved.cells.length === 0 || solved.cells.some((c) => c.kind === 'undecided');
    if (undecided) {
      const readings = solved.left.length ? `可读作 ${solved.left.slice(0, 4).map(describeReading).join(' 或 ')}${solved.left.length > 4 ? ' 等' : ''}` : '没有一种读法能成立';
      warnings.push({
        code: 'fused.ambiguous',
        message: `统计表第 ${doc.sourceLine[r.line]} 行“${r.label}”的数字连在一起（“${printed.digits}”），${readings}，无法确定，未入库`,
        line: doc.sourceLine[r.line],
        line2: null,
        metric: r.key,
      });
    }
    if (!undecided && solved.boundedBy) {
      const whole = solved.boundedBy.row;
      const wholeText = describeReading(solved.boundedBy.reading);
      warnings.push({
        code: 'identity.parts_sum',
        message: `统计表第 ${doc.sourceLine[r.line]} 行“${r.label}”的数字连在一起（“${printed.digits}”），只有读作 ${describeReading(solved.left[0])} 时不超过“${whole.label}”（${wholeText}），据此录入；但其中各项之和与“${whole.label}”不符（第 ${doc.sourceLine[whole.line]} 行），报告的分项不全或有误`,
        line: doc.sourceLine[r.line],
        line2: doc.sourceLine[whole.line],
        metric: r.key,
      });
    }
    columns.forEach((col, c) => {
      const id = `${r.key}|${col.cumulative}`;
      if (seen.has(id)) return;
      seen.add(id);
      const cell = solved.cells[c];
      const known = cell && cell.kind === 'number';
      const dash = cell && cell.kind === 'dash';
      figures.push({
        metric: r.key,
        applicant: def?.byApplicant ? 'total' : null,
        cumulative: col.cumulative,
        rowLabel: r.label,
        colLabel: col.label,
        value: known ? cell.value : null,
        cell: known ? 'number' : dash ? 'dash' : 'undecided',
        raw: known || dash ? cell.raw : printed.digits,
        unit: NOT_A_UNIT.has(printed.unit) ? (def?.unit ?? '') : printed.unit,
        approximate: false,
        computed: false,
        origin: 'table',
        source: sourceAt(doc, r.line),
      });
    });
  }
  return { figures, warnings };

  function pushUndecided(key: string, rowLabel: string, unit: string, line: number, raw: string): void {
    const def = metricDef(key);
    for (const col of columns) {
      const id = `${key}|${col.cumulative}`;
      if (seen.has(id)) continue;
      seen.add(id);
      figures.push({
        metric: key,
        applicant: def?.byApplicant ? 'total' : null,
        cumulative: col.cumulative,
        rowLabel,
        colLabel: col.label,
        value: null,
        cell: 'undecided',
        raw,
        unit: NOT_A_UNIT.has(unit) ? (def?.unit ?? '') : unit,
        approximate: false,
        computed: false,
        origin: 'table',
        source: sourceAt(doc, line),
      });
    }
  }
}
