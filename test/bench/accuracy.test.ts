import { describe, test, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../bench/gen-corpus.ts';
import { compareIndex, judgeCell } from '../../bench/accuracy.ts';
import { parseTruth, type TrueCell } from '../../bench/corpus/truth.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';

const cell = (over: Partial<TrueCell>): TrueCell => ({
  metric: 'review.total',
  applicant: null,
  cumulative: false,
  cell: 'number',
  value: 4,
  actual: 4,
  raw: '4',
  line: 40,
  damage: [],
  ...over,
});
const fig = (over: Record<string, unknown> = {}) => ({ metric: 'review.total', applicant: null, cumulative: 0, value: 4, cell: 'number', computed: 0, line: 40, ...over });

describe('judging one cell against the index', () => {
  test.each([
    ['the same number', cell({}), [fig()], [], 'exact'],
    ['a dash kept as a dash', cell({ cell: 'dash', value: null, actual: 0, raw: '—' }), [fig({ cell: 'dash', value: null })], [], 'exact'],
    ['a dash stored as 0', cell({ cell: 'dash', value: null, actual: 0, raw: '—' }), [fig({ value: 0 })], [], 'dash_as_zero'],
    ['a blank 总计 computed to its sum', cell({ cell: 'blank', value: null, actual: 9, raw: '' }), [fig({ value: 9, computed: 1 })], [], 'exact'],
    ['another value', cell({}), [fig({ value: 40 })], [], 'wrong'],
    ['absent, with a warning naming it', cell({}), [], [{ metric: 'review.total', line: null }], 'absent_warned'],
    ['undecided, with a warning on a nearby line', cell({}), [fig({ cell: 'undecided', value: null })], [{ metric: null, line: 41 }], 'absent_warned'],
    ['absent, warnings elsewhere only', cell({}), [], [{ metric: 'requests.new', line: 3 }], 'absent_report_warned'],
    ['absent and nothing said', cell({}), [], [], 'absent_silent'],
    ['another applicant column only', cell({ metric: 'requests.new', applicant: 'natural' }), [fig({ metric: 'requests.new', applicant: 'total' })], [], 'absent_silent'],
  ])('%s', (_name, c, figures, warnings, outcome) => {
    expect(judgeCell(c, figures, warnings).outcome).toBe(outcome);
  });
});

describe('a tiny generated corpus through the real pipeline', () => {
  test('reports are filed under their true agency and year, and clean tables come out exact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-acc-'));
    const s = generateCorpus({ agencies: 12, from: 2021, to: 2022, out: join(dir, 'corpus'), seed: 5 });
    const files = s.files.map((f) => join(dir, 'corpus', f));
    const truths = files.map((f) => f.replace(/\.(txt|html)$/, '.truth.json'));
    const db = join(dir, 'index.db');
    const summary = await ingestPaths(files, { db });
    expect(summary.ingested + summary.failed).toBe(24);
    const r = compareIndex(db, join(dir, 'corpus'), files, truths);
    expect(r.identity.agency).toBe(r.identity.indexed);
    expect(r.identity.year).toBe(r.identity.indexed);
    expect(r.all.byOutcome.misattributed ?? 0).toBe(0);

    // Undamaged tab, HTML and one-cell-per-line tables of the 2021 format: every cell exact.
    const clean = truths
      .map((t, i) => ({ t: parseTruth(readFileSync(t, 'utf8')), file: files[i], truth: t }))
      .filter(({ t }) => t.format === '2021' && ['tab', 'html', 'column'].includes(t.layout) && t.cells.every((c) => c.damage.length === 0));
    expect(clean.length).toBeGreaterThan(3);
    const rc = compareIndex(db, join(dir, 'corpus'), clean.map((c) => c.file), clean.map((c) => c.truth));
    expect(rc.all.byOutcome.exact).toBe(rc.all.total);
    rmSync(dir, { recursive: true, force: true });
  });
});
