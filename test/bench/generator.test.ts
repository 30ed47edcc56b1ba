import { describe, test, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { generateCorpus, type CorpusSummary } from '../../bench/gen-corpus.ts';
import { parseTruth, type TrueCell, type Truth } from '../../bench/corpus/truth.ts';
import { createRng } from '../../bench/corpus/prng.ts';
import { split } from '../../bench/corpus/tables.ts';
import { APPLICANT_KEYS, METRIC_BY_KEY } from '../../src/catalogue/metrics.ts';

const made: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `gongkai-gen-${name}-`));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe('corpus generator: determinism', () => {
  test('the same seed writes the same bytes; another seed does not', () => {
    const opts = { agencies: 4, from: 2017, to: 2022, limit: 20 };
    const a = tmp('a');
    const b = tmp('b');
    const c = tmp('c');
    generateCorpus({ ...opts, out: a, seed: 3 });
    generateCorpus({ ...opts, out: b, seed: 3 });
    generateCorpus({ ...opts, out: c, seed: 4 });
    const fa = allFiles(a);
    expect(fa.map((f) => f.slice(a.length))).toEqual(allFiles(b).map((f) => f.slice(b.length)));
    expect(fa.length).toBe(20 * 2 + 2); // report + sidecar each, manifest, corpus.json
    for (const f of fa) expect(readFileSync(f).equals(readFileSync(b + f.slice(a.length))), f).toBe(true);
    const manifest = (d: string) => readFileSync(join(d, 'manifest.tsv'), 'utf8');
    expect(manifest(c)).not.toBe(manifest(a));
  });

  test('mulberry32 streams are reproducible and forks are independent', () => {
    const r1 = createRng(42);
    const r2 = createRng(42);
    const xs = Array.from({ length: 5 }, () => r1.next());
    expect(Array.from({ length: 5 }, () => r2.next())).toEqual(xs);
    expect(createRng(42).fork('x').next()).not.toBe(createRng(42).fork('y').next());
  });

  test.each([
    [0, [40, 8, 1]],
    [7, [40, 8, 1]],
    [250, [3, 1]],
    [12_345, [40, 8, 0.3, 20, 3]],
  ])('split(%i) keeps the sum', (n, weights) => {
    const parts = split(createRng(1), n, weights);
    expect(parts.reduce((x, y) => x + y, 0)).toBe(n);
    expect(parts.every((p) => p >= 0)).toBe(true);
  });
});

describe('corpus generator: sidecars tell the truth', () => {
  let dir: string;
  let summary: CorpusSummary;
  let truths: Truth[];
  beforeAll(() => {
    dir = tmp('truth');
    summary = generateCorpus({ agencies: 20, from: 2015, to: 2025, out: dir, seed: 11 });
    truths = readFileSync(join(dir, 'manifest.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => parseTruth(readFileSync(join(dir, l.split('\t')[1]), 'utf8')));
  });

  test('every year gets the format it calls for, and every kind of report occurs', () => {
    expect(summary.reports).toBe(220);
    for (const t of truths) {
      const allowed = t.year <= 2018 ? ['pre-2019', 'narrative'] : t.year <= 2020 ? ['2019', 'narrative'] : ['2021', 'narrative'];
      expect(allowed).toContain(t.format);
    }
    const seen = (f: (t: Truth) => string) => new Set(truths.map(f));
    expect(seen((t) => t.format)).toEqual(new Set(['pre-2019', '2019', '2021', 'narrative']));
    expect(seen((t) => t.layout)).toEqual(new Set(['tab', 'space', 'pdf-layout', 'markdown', 'html', 'column', 'crawled']));
    expect(seen((t) => t.encoding).has('gbk')).toBe(true);
  });

  test('every metric key is in the catalogue', () => {
    for (const t of truths) for (const c of [...t.cells, ...t.prose]) expect(METRIC_BY_KEY.has(c.metric), c.metric).toBe(true);
  });

  test('table 三 satisfies its identities in every column and row', () => {
    const tables = truths.filter((t) => t.format === '2019' || t.format === '2021');
    expect(tables.length).toBeGreaterThan(100);
    for (const t of tables) {
      const v = (metric: string, a: string) => t.cells.find((c) => c.metric === metric && c.applicant === a)!.actual;
      const leaves = [...new Set(t.cells.filter((c) => c.metric.startsWith('requests.result.') && c.metric !== 'requests.result.total').map((c) => c.metric))];
      for (const a of APPLICANT_KEYS) {
        // 一 + 二 = （七） + 四, and （七） = the sum of the leaf rows.
        expect(v('requests.new', a) + v('requests.carried_over', a)).toBe(v('requests.result.total', a) + v('requests.carried_forward', a));
        expect(leaves.reduce((s, m) => s + v(m, a), 0)).toBe(v('requests.result.total', a));
      }
      // Every row: 总计 = the six applicant columns.
      for (const m of ['requests.new', 'requests.result.total', ...leaves]) {
        expect(APPLICANT_KEYS.filter((a) => a !== 'total').reduce((s, a) => s + v(m, a), 0)).toBe(v(m, 'total'));
      }
      // Table 四: each 总计 is the sum of the four before it.
      for (const g of ['review', 'litigation.direct', 'litigation.after_review']) {
        const x = (k: string) => t.cells.find((c) => c.metric === `${g}.${k}`)!.actual;
        expect(x('upheld') + x('corrected') + x('other') + x('pending')).toBe(x('total'));
      }
    }
  });

  test('the pre-2019 national table adds up', () => {
    const national = truths.filter((t) => t.variant === 'national');
    expect(national.length).toBeGreaterThan(20);
    for (const t of national) {
      const x = (m: string) => t.cells.find((c) => c.metric === m)!.actual;
      expect(x('proactive.gazette') + x('proactive.website') + x('proactive.weibo') + x('proactive.wechat') + x('proactive.other')).toBe(x('proactive.total'));
      expect(x('requests.new.in_person') + x('requests.new.fax') + x('requests.new.online') + x('requests.new.letter')).toBe(x('requests.new'));
      expect(x('review.upheld') + x('review.corrected') + x('review.other')).toBe(x('review.total'));
    }
  });

  test("the pre-2019 Fujian table: no 其中 part above its whole in either column, and 主动公开 sometimes more than its named channels", () => {
    const fujian = truths.filter((t) => t.variant === 'fujian');
    expect(fujian.length).toBeGreaterThan(2);
    let short = 0;
    for (const t of fujian) {
      for (const cumulative of [false, true]) {
        const x = (m: string) => t.cells.find((c) => c.metric === m && c.cumulative === cumulative)!.actual;
        const parts = x('proactive.website') + x('proactive.gazette');
        expect(parts).toBeLessThanOrEqual(x('proactive.total'));
        if (parts < x('proactive.total')) short++;
        expect(x('requests.new.in_person') + x('requests.new.online') + x('requests.new.letter_fax')).toBe(x('requests.new'));
        expect(x('requests.answered.agreed') + x('requests.answered.partially_agreed') + x('requests.answered.refused') + x('requests.answered.other')).toBe(x('requests.answered'));
      }
    }
    expect(short).toBeGreaterThan(0);
  });

  test('each cell sits on the line the sidecar names, and the title on its line', () => {
    const decode = (t: Truth) => {
      const bytes = readFileSync(join(dir, t.file));
      const text = t.encoding === 'gbk' || t.encoding === 'gb18030' ? iconv.decode(bytes, t.encoding) : t.encoding === 'utf16le' ? bytes.toString('utf16le') : bytes.toString('utf8');
      return text.replace(/^\ufeff/, '').split(/\r\n|\n/);
    };
    const digits = (s: string) => s.replace(/\D/g, '');
    let checked = 0;
    for (const t of truths) {
      // What a reader sees: HTML without its tags (Word splits a number over two <span>s).
      const lines = decode(t).map((l) => (t.layout === 'html' ? l.replace(/<[^>]*>/g, '') : l));
      if (!t.traditional) expect(lines[t.titleLine - 1]).toContain(t.agency.name.slice(0, 3));
      for (const c of t.cells as TrueCell[]) {
        if (c.damage.includes('dropped') || digits(c.raw) === '') continue;
        expect(digits(lines[c.line - 1]), `${t.file}:${c.line} ${c.metric}`).toContain(digits(c.raw));
        checked++;
      }
      // A sentence wrapped in the middle of its figure continues on the next line.
      const wrapped = t.damage.includes('wrapped_figures');
      for (const p of t.prose) expect(lines[p.line - 1] + (wrapped ? (lines[p.line] ?? '') : '')).toContain(String(p.value));
    }
    expect(checked).toBeGreaterThan(20_000);
  });

  test('the shapes real reports come in occur, and each is recorded', () => {
    const kinds = new Set(truths.flatMap((t) => t.damage));
    for (const d of ['crawled', 'page_numbers', 'wrapped_figures', 'html_minified', 'html_word_export', 'html_header_spans']) expect(kinds, d).toContain(d);
    const crawled = truths.find((t) => t.layout === 'crawled' && t.format === '2021')!;
    const lines = readFileSync(join(dir, crawled.file), 'utf8').split('\n');
    expect(lines[0]).toBe(`标题: ${crawled.title}`);
    const body = lines.indexOf('==== 正文 ====') + 2;
    expect(new Set(crawled.cells.map((c) => c.line))).toEqual(new Set([body]));
    const minified = truths.find((t) => t.damage.includes('html_minified'))!;
    expect(new Set(minified.cells.map((c) => c.line)).size).toBe(1);
  });

  test('damage occurs in realistic proportions and is recorded', () => {
    const cells = truths.flatMap((t) => t.cells);
    const share = (d: string) => cells.filter((c) => c.damage.includes(d as TrueCell['damage'][number])).length / cells.length;
    expect(share('broken_row')).toBeGreaterThan(0.002);
    expect(share('split_label')).toBeGreaterThan(0.002);
    expect(share('fused')).toBeLessThan(0.05);
    expect(cells.filter((c) => c.cell === 'dash').length).toBeGreaterThan(0);
    expect(truths.some((t) => t.damage.includes('fused'))).toBe(true);
  });
});
