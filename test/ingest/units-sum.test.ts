/**
 * A government's report that says it sums its units' reports ("汇总区政府 28 个部门和 14 个街镇"): the
 * claim read from its prose, and the check against the units' reports in the index (cross.units_sum).
 */
import { afterAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument, splitLines } from '../../src/ingest/text/document.ts';
import { readUnitsSummed } from '../../src/ingest/prose/units-summed.ts';
import { openIndexWriter } from '../../src/ingest/store/writer.ts';
import { openIndex } from '../../src/store/open.ts';
import { createAsker } from '../../src/query/index.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { Figure, ParsedReport, UnitsSummed } from '../../src/ingest/model.ts';

const SEEDS = join(import.meta.dirname, '../../data/reports');
const read = (text: string) => {
  const r = readUnitsSummed(buildDocument(splitLines(text)));
  return r && { phrase: r.phrase, units: r.units, line: r.source.line };
};

describe('the claim in prose (pure)', () => {
  test('the 鹿城区 seed: counted across a wrapped line, cited at 汇总', () => {
    expect(read(readFileSync(join(SEEDS, '002_ebc6c56e4ff49493.txt'), 'utf8'))).toEqual({ phrase: '28个部门和14个街镇', units: 42, line: 12 });
  });

  test('ingested: the claim is stored as the report\'s detail units_summed, with its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-units-'));
    dirs.push(dir);
    await ingestPaths([join(SEEDS, '002_ebc6c56e4ff49493.txt')], { db: join(dir, 'x.db') });
    const x = openIndex(join(dir, 'x.db'));
    const row = x.prepare("SELECT value, line, quote FROM details WHERE field = 'units_summed'").all();
    x.close();
    expect(row).toEqual([{ value: '28个部门和14个街镇', line: 12, quote: '年度报告。本报告由区人民政府办公室汇总区政府 28 个部门和 14' }]);
  });

  test('Chinese numerals, an uncounted claim, figures said to include the units', () => {
    expect(read('一、总体情况\n本报告由县政府办公室汇总二十八个部门和十四个乡镇的年度报告编制。')).toEqual({ phrase: '二十八个部门和十四个乡镇', units: 42, line: 2 });
    expect(read('前言\n本年度报告由区政府办公室汇总各部门、各街道\n年度报告编制而成。')).toEqual({ phrase: '本年度报告由区政府办公室汇总各部门、各街道年度报告编制', units: null, line: 2 });
    expect(read('说明\n本报告数据含区政府所属部门，统计期限为全年。')).toEqual({ phrase: '区政府所属部门', units: null, line: 2 });
  });

  test('no such sentence: no claim (综合 in a place name, a count without a summing verb, other 汇总)', () => {
    expect(read(readFileSync(join(SEEDS, '000_3035c731dff6020a.txt'), 'utf8'))).toBeNull();
    expect(read('平潭综合实验区共有12个部门参加培训。\n全区14个街镇均设立查阅点。')).toBeNull();
    expect(read('统计数据汇总不够及时。')).toBeNull();
  });
});

interface Spec {
  name: string;
  county: string;
  figures: [metric: string, value: number, line: number][];
  claim?: { phrase: string; units: number | null; line: number };
  year?: number;
}

function parsed(s: Spec): ParsedReport {
  const figure = ([metric, value, line]: Spec['figures'][number]): Figure => ({
    metric,
    applicant: metric === 'requests.new' ? 'total' : null,
    cumulative: false,
    rowLabel: metric,
    colLabel: '总计',
    value,
    cell: 'number',
    raw: String(value),
    unit: '件',
    approximate: false,
    computed: false,
    origin: 'table',
    source: { line, section: null, quote: `${metric} ${value}` },
  });
  const claim: UnitsSummed | null = s.claim ? { phrase: s.claim.phrase, units: s.claim.units, source: { line: s.claim.line, section: null, quote: `汇总${s.claim.phrase}` } } : null;
  return {
    agency: { name: s.name, province: '浙江省', city: '温州市', county: s.county, divisionCode: null, line: 1 },
    year: s.year ?? 2020,
    format: '2019',
    title: `${s.name}${s.year ?? 2020}年政府信息公开工作年度报告`,
    website: null,
    published: null,
    figures: s.figures.map(figure),
    warnings: [],
    unitsSummed: claim,
    lineCount: 100,
  };
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Write the reports through the index writer (a/0.txt …), in one build or one report per run. */
function index(specs: Spec[], oneByOne = false): { db: string; rows: () => Array<Record<string, unknown>> } {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-units-'));
  dirs.push(dir);
  const db = join(dir, 'x.db');
  const write = (from: number, to: number) => {
    const w = openIndexWriter(db);
    for (let i = from; i < to; i++) w.writeReport(`a/${i}.txt`, `sha${i}`, parsed(specs[i]!));
    w.commit();
  };
  if (oneByOne) specs.forEach((_, i) => write(i, i + 1));
  else write(0, specs.length);
  return {
    db,
    rows: () => {
      const x = openIndex(db);
      try {
        return x.prepare("SELECT report_id, report2_id, code, message, line, line2, metric FROM warnings WHERE code LIKE 'cross.%' ORDER BY id").all() as Array<Record<string, unknown>>;
      } finally {
        x.close();
      }
    },
  };
}

const GOV = '温州市鹿城区人民政府';
const gov = (claim: Spec['claim'], figures: Spec['figures'] = [['requests.new', 10, 40], ['review.total', 5, 60]]): Spec => ({ name: GOV, county: '鹿城区', figures, claim });
const FINANCE: Spec = { name: '温州市鹿城区财政局', county: '鹿城区', figures: [['requests.new', 6, 41], ['review.total', 2, 61]] };
const STREET: Spec = { name: '温州市鹿城区五马街道办事处', county: '鹿城区', figures: [['requests.new', 5, 42], ['review.total', 2, 62]] };
// Another county's department: never one of 鹿城区's units, whatever its figures.
const OTHER: Spec = { name: '温州市瓯海区财政局', county: '瓯海区', figures: [['requests.new', 90, 41], ['review.total', 90, 61]] };

describe('a government\'s report against its units\' reports (cross.units_sum)', () => {
  test('the units\' sum exceeds the government\'s figure: one warning on the government\'s report, citing both', () => {
    const { db, rows } = index([gov({ phrase: '1个部门和1个街镇', units: 2, line: 12 }), FINANCE, STREET, OTHER]);
    const t = (s: Spec) => `《${s.name}2020年政府信息公开工作年度报告》`;
    expect(rows()).toEqual([
      {
        report_id: 1,
        report2_id: 2,
        code: 'cross.units_sum',
        message:
          `本年新收政府信息公开申请数量：本报告称汇总1个部门和1个街镇（第12行），但其中已收录的2/2个单位的报告合计 11，多于本报告的 10（${t(gov(undefined))}（a/0.txt）第40行）：` +
          `${t(FINANCE)}（a/1.txt）第41行为 6，${t(STREET)}（a/2.txt）第42行为 5`,
        line: 40,
        line2: 41,
        metric: 'requests.new',
      },
    ]);
    // review.total: 2 + 2 ≤ 5, consistent. The answer about the government's figure carries the warning.
    const x = openIndex(db);
    const answer = createAsker(x)('鹿城区人民政府2020年新收多少申请');
    x.close();
    expect(answer.results.map((r) => r.value)).toEqual([10]);
    expect(answer.warnings).toEqual([rows()[0]!.message]);
    // Asked for the report's problems: named for what it is, not as a break with last year's report.
    const y = openIndex(db);
    const problems = createAsker(y)('鹿城区人民政府2020年报告数据有矛盾吗');
    y.close();
    expect(problems.text.split('\n').slice(0, 2)).toEqual(['《温州市鹿城区人民政府2020年政府信息公开工作年度报告》有 1 处需要注意（与所属单位报告不符）：', `1. ${rows()[0]!.message}`]);
  });

  test('units written after the government, one run each: the check is run again as each arrives', () => {
    const { rows } = index([gov({ phrase: '2个部门', units: 2, line: 12 }), FINANCE, STREET], true);
    expect(rows().map((r) => [r.report_id, r.report2_id, r.code, r.metric])).toEqual([[1, 2, 'cross.units_sum', 'requests.new']]);
  });

  test('units missing from the index: how many of N are indexed, and no warning for a smaller sum', () => {
    const { rows } = index([gov({ phrase: '28个部门和14个街镇', units: 42, line: 12 }, [['requests.new', 30, 40], ['review.total', 3, 60]]), FINANCE, STREET]);
    expect(rows()).toEqual([
      {
        report_id: 1,
        report2_id: 2,
        code: 'cross.units_sum',
        message:
          '行政复议 总计：本报告称汇总28个部门和14个街镇（第12行），但其中已收录的2/42个单位的报告合计 4，多于本报告的 3（《温州市鹿城区人民政府2020年政府信息公开工作年度报告》（a/0.txt）第60行）：' +
          '《温州市鹿城区财政局2020年政府信息公开工作年度报告》（a/1.txt）第61行为 2，《温州市鹿城区五马街道办事处2020年政府信息公开工作年度报告》（a/2.txt）第62行为 2',
        line: 60,
        line2: 61,
        metric: 'review.total',
      },
    ]);
  });

  test('no claim sentence, units of another year, or more units indexed than the claim counts: no check', () => {
    expect(index([gov(undefined), FINANCE, STREET]).rows()).toEqual([]);
    expect(index([gov({ phrase: '2个部门', units: 2, line: 12 }), { ...FINANCE, year: 2021 }, { ...STREET, year: 2021 }]).rows()).toEqual([]);
    expect(index([gov({ phrase: '1个部门', units: 1, line: 12 }), FINANCE, STREET]).rows()).toEqual([]);
  });

  test('an uncounted claim still checks, saying how many units are indexed', () => {
    const { rows } = index([gov({ phrase: '区政府所属部门', units: null, line: 12 }), FINANCE, STREET]);
    expect(rows().map((r) => r.message)).toEqual([
      '本年新收政府信息公开申请数量：本报告称汇总区政府所属部门（第12行），但其中已收录的2个单位的报告合计 11，多于本报告的 10（《温州市鹿城区人民政府2020年政府信息公开工作年度报告》（a/0.txt）第40行）：' +
        '《温州市鹿城区财政局2020年政府信息公开工作年度报告》（a/1.txt）第41行为 6，《温州市鹿城区五马街道办事处2020年政府信息公开工作年度报告》（a/2.txt）第42行为 5',
    ]);
  });
});
