import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import { evaluateReport, totalsOf, type GoldFile } from '../../src/eval/evaluate.ts';
import { hintTarget } from '../../src/catalogue/gold-hints.ts';

const file = new URL('../fixtures/crawled/pre2019-fused.txt', import.meta.url);
const result = processFile('pre2019-fused.txt', readFileSync(file));

const g = (metric_hint: string, value: number | null, extra: Partial<GoldFile['figures'][number]> = {}) => ({
  what: metric_hint,
  metric_hint,
  applicant: null,
  value,
  printed: '',
  where: '',
  sure: true,
  ...extra,
});

const gold: GoldFile = {
  file: 'pre2019-fused.txt',
  agency: '厦门市思明区档案局',
  year: 2013,
  format: 'pre-2019',
  figures: [
    g('proactive.total', 236),
    g('proactive.cumulative', 1204),
    g('proactive.total.prose', 236),
    g('outcome.total', 12, { applicant: 'total' }),
    g('proactive.website', 201), // stored 200: wrong
    g('litigation.total', 13), // stored undecided, warned
    g('litigation.total', null, { sure: false, what: 'undecidable' }), // absent as due
    g('review.total', 0, { sure: false }), // stored though undecidable: guessed
    g('prose.site_visits', 5), // not in the catalogue
    g('staff.part_time', 1), // nothing stored, no warning
  ],
};

describe('gongkai eval: a parsed report against a gold file', () => {
  const e = evaluateReport(result, gold);

  test('agency and year', () => {
    expect([e.agency.right, e.year.right, e.error]).toEqual([true, true, null]);
  });

  test('one verdict per gold figure', () => {
    expect(e.figures.map((f) => [f.gold.metric_hint, f.verdict, f.got])).toEqual([
      ['proactive.total', 'exact', 236],
      ['proactive.cumulative', 'exact', 1204],
      ['proactive.total.prose', 'exact', 236],
      ['outcome.total', 'exact', 12],
      ['proactive.website', 'wrong', 200],
      ['litigation.total', 'absent_warned', null],
      ['litigation.total', 'absent_due', null],
      ['review.total', 'guessed', 0],
      ['prose.site_visits', 'uncatalogued', null],
      ['staff.part_time', 'absent', null],
    ]);
  });

  test('totals: right share over catalogued figures', () => {
    const t = totalsOf([e]);
    expect([t.reports, t.catalogued, t.counts.exact, t.counts.wrong, t.counts.uncatalogued]).toEqual([1, 9, 4, 1, 1]);
    expect(t.rightShare).toBeCloseTo(5 / 9, 10);
  });

  test('a refused file: nothing right, figures absent', () => {
    const refused = evaluateReport({ ok: false, error: { code: 'truncated', message: '报告不完整' } }, gold);
    expect([refused.agency.right, refused.counts.absent, refused.counts.absent_due, refused.counts.uncatalogued]).toEqual([false, 7, 2, 1]);
  });

  test('hints map to the catalogue by format', () => {
    expect(hintTarget('outcome.granted', '2021')).toEqual({ metric: 'requests.result.disclosed' });
    expect(hintTarget('outcome.granted', 'pre-2019')).toEqual({ metric: 'requests.answered.agreed' });
    expect(hintTarget('proactive.cumulative', '2019')).toEqual({ metric: 'proactive.total', cumulative: true });
    expect(hintTarget('prose.wechat_posts', '2021')).toBeNull();
  });
});

describe('gongkai eval over a folder: PDF texts in test/fixtures/pdftotext (our sentences, real tables) with their gold', () => {
  test('layout texts all exact; raw texts never wrong; stems pair report.layout.txt with report.json', async () => {
    const { runEval } = await import('../../src/eval/run.ts');
    const dir = new URL('../fixtures/pdftotext/', import.meta.url).pathname;
    const run = await runEval([dir], [dir + 'gold']);
    expect(run.evals.map((e) => e.file.replace(/^.*\//u, ''))).toEqual([
      'huaian_hongze_2023.layout.txt',
      'huaian_hongze_2023.raw.txt',
      'huaian_hongze_2024.layout.txt',
      'huaian_hongze_2024.raw.txt',
      'huaian_shi_2024.layout.txt',
      'huaian_shi_2024.raw.txt',
    ]);
    const layout = totalsOf(run.evals.filter((e) => e.file.includes('.layout.')));
    expect([layout.agencyRight, layout.yearRight, layout.counts.exact, layout.catalogued, layout.counts.wrong]).toEqual([3, 3, 35, 35, 0]);
    const raw = totalsOf(run.evals.filter((e) => e.file.includes('.raw.')));
    expect([raw.counts.wrong, raw.counts.absent, raw.counts.exact + raw.counts.absent_warned]).toEqual([0, 0, 35]);
    expect(run.missingReports).toEqual([]);
  });
});
