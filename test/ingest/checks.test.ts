import { describe, test, expect } from 'vitest';
import { checkReport } from '../../src/ingest/checks/checks.ts';
import { detectFormat } from '../../src/ingest/tables/format.ts';
import { parseTables } from '../../src/ingest/tables/tables.ts';
import type { Figure } from '../../src/ingest/model.ts';
import { loadDoc, SEED, REAL } from './tables-helpers.ts';
import { buildDocument } from '../../src/ingest/text/document.ts';

const tableOf = (path: string) => {
  const doc = loadDoc(path);
  const format = detectFormat(doc);
  return { doc, format, figures: parseTables(doc, format).figures };
};

/** A prose figure as the prose stage would produce it (built by hand so this test stands alone). */
function prose(metric: string, value: number, line: number, quote: string, approximate = false): Figure {
  return {
    metric,
    applicant: null,
    cumulative: false,
    rowLabel: metric,
    colLabel: '',
    value,
    cell: 'number',
    raw: String(value),
    unit: '件',
    approximate,
    computed: false,
    origin: 'prose',
    source: { line, section: null, quote },
  };
}

describe('seed 001', () => {
  const { doc, format, figures } = tableOf(SEED['001']);
  const withProse = [...figures, prose('requests.new', 14, 19, doc.lines[18])];
  const warnings = checkReport({ doc, format, figures: withProse });
  test('prose 14 new requests (line 19) vs table 7 (line 59)', () => {
    const w = warnings.filter((x) => x.code === 'prose_table_mismatch');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ metric: 'requests.new', line: 19, line2: 59 });
    expect(w[0].message).toBe('报告正文称本年新收申请14件（第19行），表格为7件（第59行）');
  });
  test('（七）总计 7 ≠ the results listed (3): one warning naming both columns', () => {
    const w = warnings.filter((x) => x.code === 'identity.total_leaves');
    expect(w).toHaveLength(1);
    expect(w[0].line).toBe(81);
    expect(w[0].message).toContain('表三（七）总计 7（第81行）≠ 各项办理结果之和 3（第61–80行）');
    expect(w[0].message).toContain('自然人列 7≠3');
  });
  test('nothing else: rows sum, 一+二 = （七）+四 holds, table 四 all dashes', () => {
    expect(warnings.map((w) => w.code).sort()).toEqual(['identity.total_leaves', 'prose_table_mismatch']);
  });
  test('an approximate or equal prose figure is no contradiction', () => {
    const ok = [...figures, prose('requests.new', 7, 19, doc.lines[18]), prose('requests.new', 10, 19, doc.lines[18], true)];
    expect(checkReport({ doc, format, figures: ok }).filter((w) => w.code === 'prose_table_mismatch')).toEqual([]);
  });
});

describe('consistent seeds raise no identity warning', () => {
  test.each([SEED['002'], SEED['003'], REAL('huaian_shi_2024.layout'), REAL('huaian_hongze_2024.layout')])('%s', (path) => {
    expect(checkReport(tableOf(path))).toEqual([]);
  });
});

describe('huaian_hongze_2023 table 四 "10 1 0 0 0 …" as printed', () => {
  const warnings = checkReport(tableOf(REAL('huaian_hongze_2023.layout')));
  test('one warning per broken group, citing line 149', () => {
    expect(warnings.map((w) => [w.code, w.metric, w.line])).toEqual([
      ['identity.table4_total', 'review.total', 149],
      ['identity.table4_total', 'litigation.after_review.total', 149],
    ]);
    expect(warnings[0].message).toBe('表四行政复议：总计 0（第149行）≠ 结果维持、结果纠正、其他结果、尚未审结之和 11（10+1+0+0）');
  });
});

describe('identities on edited tables', () => {
  const base = tableOf(SEED['002']);
  const edit = (metric: string, applicant: string | null, value: number | null, cell: Figure['cell'] = 'number') =>
    base.figures.map((f) => (f.metric === metric && f.applicant === applicant ? { ...f, value, cell } : f));
  test('a row whose 总计 is not the sum of its columns', () => {
    const ws = checkReport({ ...base, figures: edit('requests.result.withheld.process_info', 'total', 3) });
    const row = ws.filter((w) => w.code === 'identity.row_sum');
    expect(row).toHaveLength(1);
    expect(row[0].message).toBe('表三“不予公开 属于四类过程性信息”行：总计 3（第400行）≠ 各申请人之和 2（1+1+0+0+0+0）');
    // The same cell also breaks the column identity (七) = leaves, in the 总计 column only.
    expect(ws.filter((w) => w.code === 'identity.total_leaves')).toHaveLength(1);
  });
  test('一+二 ≠ （七）+四', () => {
    const ws = checkReport({ ...base, figures: edit('requests.carried_forward', 'natural', 8) });
    const w = ws.find((x) => x.code === 'identity.balance');
    expect(w?.message).toContain('表三自然人列');
    expect(w?.message).toContain('= 210');
    expect(w?.message).toContain('= 211');
    expect([w?.line, w?.line2]).toEqual([357, 451]);
  });
  test('undecided and blank cells are skipped, dash counts as 0', () => {
    expect(checkReport({ ...base, figures: edit('requests.result.total', 'natural', null, 'undecided') })).toEqual([]);
    expect(checkReport({ ...base, figures: edit('requests.result.withheld.state_secret', 'natural', null, 'dash') })).toEqual([]);
  });
  test('a broken column reported once, not once per cell', () => {
    const figures = base.figures.map((f) => (f.metric === 'requests.result.total' && f.applicant !== 'total' ? { ...f, value: (f.value ?? 0) + 1 } : f));
    const ws = checkReport({ ...base, figures });
    expect(ws.filter((w) => w.code === 'identity.total_leaves')).toHaveLength(1);
    expect(ws.filter((w) => w.code === 'identity.balance')).toHaveLength(1);
  });
});

describe('formats without these tables', () => {
  test('narrative: only prose checks', () => {
    const doc = loadDoc(SEED['000']);
    expect(checkReport({ doc, format: 'narrative', figures: [] })).toEqual([]);
  });
});

describe('prose against a figure the table holds only as parts', () => {
  const { doc, format, figures } = tableOf(SEED['002']);
  test('行政诉讼 in prose vs 直接起诉总计 + 复议后起诉总计 (13 + 5)', () => {
    const ws = checkReport({ doc, format, figures: [...figures, prose('litigation.total', 20, 30, doc.lines[29])] });
    expect(ws).toHaveLength(1);
    expect(ws[0]).toMatchObject({ code: 'prose_table_mismatch', metric: 'litigation.total', line: 30, line2: 565 });
    expect(ws[0].message).toBe('报告正文称行政诉讼20件（第30行），表格各项合计为18件（第565行）');
  });
  test('不予公开 in prose vs its eight reasons (0+0+0+1+0+1… = 5)', () => {
    const ws = checkReport({ doc, format, figures: [...figures, prose('requests.result.withheld', 6, 31, doc.lines[30])] });
    expect(ws.map((w) => w.message)).toEqual(['报告正文称不予公开6件（第31行），表格各项合计为5件（第384–404行）']);
  });
  test('agreeing parts raise nothing', () => {
    const ok = [...figures, prose('litigation.total', 18, 30, doc.lines[29]), prose('requests.result.withheld', 5, 31, doc.lines[30])];
    expect(checkReport({ doc, format, figures: ok })).toEqual([]);
  });
});

describe('a report cut short says so', () => {
  const codes = (doc: ReturnType<typeof loadDoc>) => {
    const format = detectFormat(doc);
    return checkReport({ doc, format, figures: parseTables(doc, format).figures }).map((w) => w.code);
  };
  test('seed 002 cut after table 三 row 二 (line 360): table 三 incomplete, no closing sections', () => {
    const full = loadDoc(SEED['002']);
    const cut = buildDocument(full.lines.slice(0, 360));
    expect(codes(cut)).toEqual(expect.arrayContaining(['table.incomplete', 'report.truncated']));
  });
  test('seed 002 cut inside section 四 (line 500): table 四 missing under its heading', () => {
    const full = loadDoc(SEED['002']);
    const cut = buildDocument(full.lines.slice(0, 500));
    expect(codes(cut)).toEqual(expect.arrayContaining(['table.missing', 'report.truncated']));
  });
  test.each(['001', '002', '003'] as const)('the complete seed %s has none of these warnings', (seed) => {
    const found = codes(loadDoc(SEED[seed]));
    expect(found.filter((c) => ['table.missing', 'table.incomplete', 'report.truncated'].includes(c))).toEqual([]);
  });
});
