/**
 * Questions as people really type them, over the five seeds plus three real reports (淮安市人民政府 2024,
 * 淮安市洪泽区人民政府 2023 and 2024; the layout copy of each). Each case is one that was answered wrongly
 * (a wrong figure, agency or year), refused although the answer was there, or answered without saying
 * what it was — with the exact status, agency, year, figures and values it must give now. "Today" is
 * 2025-06-01, so 去年 = 2024 and 前年 = 2023.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { AnswerSchema, createAsker, type Answer, type AskFn, type StructuredQuery } from '../../src/query/index.ts';
import { openIndex, type Db } from '../../src/store/open.ts';
import { PROJECT_ROOT } from '../helpers/gold.ts';
import { SEED_DIR } from '../helpers/seed-index.ts';

const HZ = '淮安市洪泽区人民政府';
const HA = '淮安市人民政府';
const L = '温州市鹿城区人民政府';
const S = '温州市统计局';
const J = '温州市经济和信息化局';
const W = '温州市商务局';
const Z = '温州市政务服务中心';
const REAL = ['huaian_shi_2024', 'huaian_hongze_2023', 'huaian_hongze_2024'].map((f) => `test/fixtures/pdftotext/${f}.layout.txt`);

type Status = Answer['status'];
/** [question, status, kind, agencies of the results (in order), years of the results, metrics understood, values answered]. */
type Case = [string, Status, StructuredQuery['kind'] | null, string[] | null, number[] | null, string[] | null, (number | null)[] | null];

const CASES: Case[] = [
  // "比去年多了多少" with no year: the latest report and the one before it, not every year (round 2).
  ['洪泽区收到申请比去年多了多少', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['requests.new'], [21, 95]],
  ['洪泽区行政复议同比', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['review.total'], [0, 2]],
  // A figure word beside the channel: "依申请公开…没公开" asks for 不予公开, not 收到申请.
  ['淮安市政府2024年依申请公开有多少件没公开', 'answered', 'figure', [HA], [2024], ['requests.result.withheld'], [178]],
  ['洪泽区2024年依申请公开的有几件未公开', 'answered', 'figure', [HZ], [2024], ['requests.result.withheld'], [3]],
  ['鹿城区2020年没公开的有多少', 'answered', 'figure', [L], [2020], ['requests.result.withheld'], [5]],
  ['依申请公开和行政复议洪泽区2024年各多少', 'answered', 'figure', [HZ, HZ], [2024, 2024], ['requests.new', 'review.total'], [95, 2]],
  // Words people use that were read as "no figure" and answered with the overview instead.
  ['洪泽区政府去年被告了几次', 'answered', 'figure', [HZ], [2024], ['litigation.total'], [4]],
  ['鹿城区2020年打了几场官司', 'answered', 'figure', [L], [2020], ['litigation.total'], [18]],
  ['鹿城区2020年输了几个官司', 'answered', 'figure', [L], [2020], ['litigation.corrected'], [2]],
  ['鹿城区2020年败诉几件', 'answered', 'figure', [L], [2020], ['litigation.corrected'], [2]],
  ['鹿城区2020年罚了几次', 'answered', 'figure', [L], [2020], ['penalty.decisions'], [11711]],
  ['鹿城区2020年还有多少没办完', 'answered', 'figure', [L], [2020], ['requests.carried_forward'], [7]],
  ['鹿城区2020年结余多少件申请', 'answered', 'figure', [L], [2020], ['requests.carried_forward'], [7]],
  ['洪泽区2024年收费金额', 'answered', 'figure', [HZ], [2024], ['fees.amount'], [7545]],
  ['鹿城区2020年集中采购项目', 'answered', 'figure', [L], [2020], ['procurement.projects'], [415]],
  ['经信局2020年公开了多少信息', 'answered', 'figure', [J], [2020], ['proactive.total'], [1000]],
  ['鹿城区2020年行政复意多少件', 'answered', 'figure', [L], [2020], ['review.total'], [23]],
  // 政务新媒体 is not 新闻媒体: each new-media channel the report gives.
  ['鹿城区2020年政务新媒体发布多少', 'answered', 'figure', [L, L, L, L], [2020, 2020, 2020, 2020],
    ['proactive.wechat', 'proactive.weibo', 'proactive.app', 'proactive.douyin'], [1900, 1170, 14500, 330]],
  // Pre-2019: "属于已主动公开范围" answers a request; it is not 主动公开.
  ['商务局2018年属于已主动公开范围的', 'answered', 'figure', [W], [2018], ['requests.answered.already_public'], [2]],
  // 去年结转 names a figure, not a year.
  ['统计局2020年去年结转过来的', 'answered', 'figure', [S], [2020], ['requests.carried_over'], [0]],
  ['温州市统计局两千零二十年收到申请', 'answered', 'figure', [S], [2020], ['requests.new'], [7]],
  // A rate: computed from the report's own counts (公开率 = (予以公开 85 + 部分公开 42) ÷ 办理结果总计 216).
  ['鹿城区2020年公开率是多少', 'answered', 'rate', [L], [2020], ['requests.result.disclosed'], [58.8]],
  ['鹿城区2020年的信息公开情况', 'answered', 'figure', [L, L, L], [2020, 2020, 2020], ['requests.new', 'review.total', 'litigation.total'], [208, 23, 18]],
  // Words asking for the overview itself ("概况", "咋样") are not unknown figures.
  ['鹿城区2020年信息公开概况', 'answered', 'figure', [L, L, L], [2020, 2020, 2020], ['requests.new', 'review.total', 'litigation.total'], [208, 23, 18]],
  ['鹿城区2020年政务公开做得咋样', 'answered', 'figure', [L, L, L], [2020, 2020, 2020], ['requests.new', 'review.total', 'litigation.total'], [208, 23, 18]],
  // Another agency named by its place alone, or an office of the agency found: not_found, never its figure.
  ['长春统计局2020年收到多少申请', 'not_found', null, null, null, null, null],
  ['宁波商务局2018年收到多少申请', 'not_found', null, null, null, null, null],
  ['瓯海统计局2020年收到多少申请', 'not_found', null, null, null, null, null],
  ['淮安统计局2024年收到多少申请', 'not_found', null, null, null, null, null],
  ['淮安政务服务中心2020年收到多少申请', 'not_found', null, null, null, null, null],
  ['鹿城区政府办2020年复议', 'not_found', null, null, null, null, null],
  ['鹿城区政府办公室2020年复议', 'not_found', null, null, null, null, null],
  ['鹿城区教育局2020年收到多少申请', 'not_found', null, null, null, null, null],
  ['北京市统计局2020年收到多少申请', 'not_found', null, null, null, null, null],
  ['淮安市统计局2024年收到多少申请', 'not_found', null, null, null, null, null],
  ['洪泽区统计局2024年收到多少申请', 'not_found', null, null, null, null, null],
  ['淮安市清江浦区2024年收到多少申请', 'not_found', null, null, null, null, null],
  ['亳州2020年行政复议', 'not_found', null, null, null, null, null],
  ['温州市人民政府2020年行政复议', 'not_found', null, null, null, null, null],
  // Which agencies have none / some: a filter, not a ranking headed by the largest.
  ['哪些单位没有被复议过', 'answered', 'filter', [J, S, W], [2020, 2020, 2018], ['review.total'], [0, 0, 0]],
  ['2020年哪个单位没有收到申请', 'answered', 'filter', [], [], ['requests.new'], []],
  ['2020年哪些单位有行政复议', 'answered', 'filter', [L, Z], [2020, 2020], ['review.total'], [23, 4]],
  ['2020年有几个单位被复议', 'answered', 'filter', [L, Z], [2020, 2020], ['review.total'], [23, 4]],
  ['哪些单位被起诉过', 'answered', 'filter', [L, HA, HZ], [2020, 2024, 2024], ['litigation.total'], [18, 46, 4]],
  // Rankings: ties named together, "最多的三个", agencies named without a year use a year they share.
  ['2020年哪个部门行政复议最少', 'answered', 'ranking', [J, S, Z, L], [2020, 2020, 2020, 2020], ['review.total'], [0, 0, 4, 23]],
  ['2020年收到申请最多的三个单位', 'answered', 'ranking', [L, S, Z], [2020, 2020, 2020], ['requests.new'], [208, 7, 7]],
  // Two agencies named: compared with each other, not ranked among all.
  ['鹿城区和统计局哪个收到申请多', 'answered', 'compare', [L, S], [2020, 2020], ['requests.new'], [208, 7]],
  ['2024年哪个单位收到申请最多', 'answered', 'ranking', [HA, HZ], [2024, 2024], ['requests.new'], [3119, 95]],
  // A place as the scope of a total.
  // The total first, a result of its own (4 + 7 + 208 + 7), then each unit.
  ['温州市2020年所有单位收到多少申请', 'answered', 'total', ['2020年温州市4个单位', J, S, L, Z], [2020, 2020, 2020, 2020, 2020], ['requests.new'], [226, 4, 7, 208, 7]],
  ['淮安市2024年各单位行政复议合计', 'answered', 'total', ['2024年淮安市2个单位', HA, HZ], [2024, 2024, 2024], ['review.total'], [353, 351, 2]],
  // Which agencies go by a name.
  ['统计局有几个', 'answered', 'list_agencies', [], [], [], []],
  // Yes/no said with 了吗 / 过吗.
  ['经信局2020年被复议了吗', 'answered', 'yesno', [J], [2020], ['review.total'], [0]],
  ['洪泽区2024年被起诉过吗', 'answered', 'yesno', [HZ], [2024], ['litigation.total'], [4]],
  // Years said every way, politeness, Traditional characters.
  ['请问一下洪泽区2024年行政复议有几件', 'answered', 'figure', [HZ], [2024], ['review.total'], [2]],
  ['帮我查查淮安市2024年收到多少申请', 'answered', 'figure', [HA], [2024], ['requests.new'], [3119]],
  ['麻烦问下洪泽區二〇二四年行政複議多少', 'answered', 'figure', [HZ], [2024], ['review.total'], [2]],
  ['洪泽区前年行政复议多少', 'answered', 'figure', [HZ], [2023], ['review.total'], [0]],
  ['洪泽区今年收到多少申请', 'not_found', null, null, null, null, null],
  ['洪泽区近两年行政诉讼', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['litigation.total'], [0, 4]],
  ['洪泽区2023和2024年收到的申请比较一下', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['requests.new'], [21, 95]],
  ['洪泽区收到的申请是增加还是减少', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['requests.new'], [21, 95]],
  ['洪泽区去年和前年复议各多少', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['review.total'], [0, 2]],
  ['淮安市和洪泽区2024年收到的申请分别是多少', 'answered', 'compare', [HA, HZ], [2024, 2024], ['requests.new'], [3119, 95]],
  ['淮安洪泽2024年复议', 'answered', 'figure', [HZ], [2024], ['review.total'], [2]],
  ['江苏省淮安市洪泽区人民政府2024年行政复议', 'answered', 'figure', [HZ], [2024], ['review.total'], [2]],
  ['淮安市2024年法人或其他组织申请多少', 'answered', 'figure', [HA], [2024], ['requests.new'], [118]],
  ['淮安市人民政府2024年不予公开多少', 'answered', 'figure', [HA], [2024], ['requests.result.withheld'], [178]],
  ['淮安市2024年规范性文件废止几件', 'answered', 'figure', [HA], [2024], ['normative_docs.repealed'], [26]],
  ['洪泽区2024年复议后起诉多少', 'answered', 'figure', [HZ], [2024], ['litigation.after_review.total'], [3]],
  // Two applicant columns at once; pending said colloquially; 去年结转 kept as the figure.
  ['鹿城区2020年自然人和法人申请各多少', 'answered', 'figure', [L, L], [2020, 2020], ['requests.new'], [198, 10]],
  ['鹿城区2020年复议还没审完的', 'answered', 'figure', [L], [2020], ['review.pending'], [4]],
  ['鹿城区2020年有几个复议没结', 'answered', 'figure', [L], [2020], ['review.pending'], [4]],
  ['鹿城区2020年行政复议输了几件', 'answered', 'figure', [L], [2020], ['review.corrected'], [8]],
  ['鹿城区2020年行政诉讼赢了几件', 'answered', 'figure', [L], [2020], ['litigation.upheld'], [10]],
  ['鹿城区2020年要求确认的不予处理', 'answered', 'figure', [L], [2020], ['requests.result.not_processed.confirmation'], [0]],
  ['鹿城区2020年剩余多少申请没处理', 'answered', 'figure', [L], [2020], ['requests.carried_forward'], [7]],
  ['2020年哪些单位没有行政诉讼', 'answered', 'filter', [J, S, Z], [2020, 2020, 2020], ['litigation.total'], [0, 0, 0]],
  ['温州市2020年哪个单位收到申请最多', 'answered', 'ranking', [L, S, Z, J], [2020, 2020, 2020, 2020], ['requests.new'], [208, 7, 7, 4]],
  ['淮安2024年哪个单位行政诉讼最多', 'answered', 'ranking', [HA, HZ], [2024, 2024], ['litigation.total'], [46, 4]],
  // "比去年" after a year is the year before it; "结果" is every outcome; privacy refusals sit under 第三方 since 2019.
  ['洪泽区2024年收到的申请比去年多吗', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['requests.new'], [21, 95]],
  ['洪泽区2024年行政复议同比变化', 'answered', 'trend', [HZ, HZ], [2023, 2024], ['review.total'], [0, 2]],
  ['洪泽区2024年复议都是什么结果', 'answered', 'figure', [HZ, HZ, HZ, HZ, HZ], [2024, 2024, 2024, 2024, 2024],
    ['review.upheld', 'review.corrected', 'review.other', 'review.pending', 'review.total'], [1, 1, 0, 0, 2]],
  ['洪泽区2024年诉讼结果', 'answered', 'figure', [HZ, HZ, HZ, HZ, HZ], [2024, 2024, 2024, 2024, 2024],
    ['litigation.upheld', 'litigation.corrected', 'litigation.other', 'litigation.pending', 'litigation.total'], [3, 0, 1, 0, 4]],
  ['鹿城区2020年个人隐私不公开', 'answered', 'figure', [L], [2020], ['requests.answered.refused.privacy'], [1]],
  ['鹿城区2020年新收申请比上年结转多多少', 'answered', 'figure', [L, L], [2020, 2020], ['requests.new', 'requests.carried_over'], [208, 15]],
  // 统计局 and 政务服务中心 share second place: both shown for "最少的两个".
  ['2020年收到申请最少的两个单位', 'answered', 'ranking', [J, S, Z], [2020, 2020, 2020], ['requests.new'], [4, 7, 7]],
];

/** Lines the answer text must contain (sums, differences, ties, scope, what was not understood). */
const TEXT: [string, string[]][] = [
  ['鹿城区2020年行政复议和行政诉讼一共多少', ['合计：23 + 18 = 41 件']],
  ['鹿城区比统计局多收了多少申请', ['温州市鹿城区人民政府比温州市统计局多 201 件。']],
  ['鹿城区2020年新收申请比上年结转多多少', ['本年新收政府信息公开申请数量比上年结转政府信息公开申请数量多 193 件。']],
  ['2020年哪个部门行政复议最少', ['最少的是温州市经济和信息化局、温州市统计局（并列，均为 0 件）']],
  ['鹿城区2020年公开率是多少', ['公开率：58.8%（127 ÷ 216）', '分子：予以公开 85 件 + 部分公开 42 件；分母：本年度办理结果总计 216 件。', '定义：公开率 = （予以公开 + 部分公开）÷ 本年度办理结果总计']],
  ['鹿城区2020年复议维持率', ['行政复议维持率：36.84%（7 ÷ 19）', '分母：行政复议总计 23 件 − 行政复议尚未审结 4 件']],
  ['鹿城区2020年上半年行政复议', ['温州市鹿城区人民政府2020年行政复议总计：23 件。', '没有分月、分季度或半年的数字']],
  ['统计局有几个', ['索引中只有 1 个：温州市统计局（2020）']],
  ['2020年有几个单位被复议', ['2020年行政复议总计不为 0 的单位共 2 个']],
  ['温州市2020年所有单位收到多少申请', ['2020年温州市4个单位本年新收政府信息公开申请数量合计 226 件']],
  ['淮安市清江浦区2024年收到多少申请', ['相近的单位：淮安市人民政府、淮安市洪泽区人民政府']],
  ['鹿城区教育局2020年收到多少申请', ['索引中没有“鹿城区教育局”的报告']],
  // 报告未披露, and what the report does say nearby, with its line — never in the figure's place.
  ['洪泽区2024年主动公开多少', ['主动公开政府信息数：报告未披露', '另有：政府网站公开政府信息数 2428 条（第19行）']],
];

let db: Db;
let ask: AskFn;
let dir: string;
const lines = new Map<string, string[]>();
const lineAt = (file: string, n: number) => {
  let l = lines.get(file);
  if (!l) {
    l = readFileSync(file.startsWith('/') ? file : PROJECT_ROOT + file, 'utf8').split(/\r\n|\r|\n/);
    lines.set(file, l);
  }
  return l[n - 1];
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-real-q-'));
  const path = join(dir, 'index.db');
  const summary = await ingestPaths([SEED_DIR, ...REAL], { db: path });
  expect(summary.ingested).toBe(8);
  db = openIndex(path);
  ask = createAsker(db, { today: new Date('2025-06-01T00:00:00Z') });
}, 60_000);
afterAll(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('real phrasing over seeds and real reports', () => {
  test.each(CASES)('%s → %s', (question, status, kind, agencies, years, metrics, values) => {
    const a = ask(question);
    expect(AnswerSchema.safeParse(a).success).toBe(true);
    expect(a.status, a.text).toBe(status);
    const q = a.query as StructuredQuery;
    if (kind) expect(q.kind, a.text).toBe(kind);
    if (metrics) expect(q.metrics).toEqual(metrics);
    if (agencies) expect(a.results.map((r) => r.agency)).toEqual(agencies);
    if (years) expect(a.results.map((r) => r.year)).toEqual(years);
    if (values) expect(a.results.map((r) => r.value)).toEqual(values);
    if (status === 'not_found' || status === 'unsupported') expect(a.results).toEqual([]);
    for (const r of a.results) {
      for (const s of [r.source, ...(r.sources ?? [])]) if (s) expect(lineAt(s.file, s.line)).toBe(s.quote);
      if (r.value !== null) expect(r.source).not.toBeNull();
    }
  });

  test.each(TEXT)('%s says what it computed', (question, parts) => {
    const a = ask(question);
    for (const p of parts) expect(a.text).toContain(p);
  });

  test('a follow-up "那最少的呢" turns the ranking around and keeps ties together', () => {
    const first = ask('2020年哪个单位行政诉讼最多');
    expect(first.results[0]!.agency).toBe(L);
    const next = ask('那最少的呢', { previous: first.query });
    expect((next.query as StructuredQuery).order).toBe('asc');
    expect(next.results.map((r) => r.value)).toEqual([0, 0, 0, 18]);
    expect(next.text).toContain('并列');
  });
});
