/**
 * The true tables of one generated report: rows with their printed cells, built so the format's
 * identities hold (report-format.md §C, §D, §E) — row sums, 一+二 = （七）+四, table 四 totals,
 * pre-2019 channel and reply sums. Magnitudes: mostly small, many zeros, a few large.
 */
import { APPLICANT_KEYS, LEGAL_PERSON_COLUMNS, type ApplicantKey } from '../../src/catalogue/metrics.ts';
import type { Rng } from './prng.ts';
import type { TrueCell, TrueCellKind } from './truth.ts';

export interface DataRow {
  kind: 'data';
  /** Label parts, outermost first; '' where a merged parent cell continues from the row above. */
  labels: string[];
  /** Printed between labels and values (the pre-2019 unit column). */
  extra: string[];
  cells: TrueCell[];
}
export interface TextRow {
  kind: 'caption' | 'header';
  cells: string[];
}
export type Row = DataRow | TextRow;
export interface Table {
  id: '二' | '三' | '四' | 'stats';
  rows: Row[];
}

/** How a report prints a zero (seed 001 prints every zero of table 三 and 四 as "—"). */
/** How an office prints nothing to count: 0, a dash ("—", the Chinese "——" typed in Word, "-") or "/". */
export type ZeroStyle = '0' | '—' | '——' | '-' | '/';

function cell(metric: string, applicant: ApplicantKey | null, value: number, raw: string, kind: TrueCellKind = 'number', cumulative = false): TrueCell {
  return {
    metric,
    applicant,
    cumulative,
    cell: kind,
    value: kind === 'number' ? value : null,
    actual: value,
    raw,
    line: 0,
    damage: [],
  };
}

function countCell(metric: string, applicant: ApplicantKey | null, value: number, zero: ZeroStyle): TrueCell {
  return value === 0 && zero !== '0' ? cell(metric, applicant, 0, zero, 'dash') : cell(metric, applicant, value, String(value));
}

/** A count with the shape of real reports: mostly 0 or small, sometimes hundreds, rarely thousands. */
export function count(rng: Rng, scale: number): number {
  const r = rng.next();
  if (r < 0.45) return 0;
  if (r < 0.8) return rng.int(1, Math.max(1, Math.round(9 * scale)));
  if (r < 0.97) return rng.int(10, Math.max(10, Math.round(200 * scale)));
  return rng.int(200, Math.max(200, Math.round(5000 * scale)));
}

/** Split n into parts by weight (a multinomial draw; exact for small n, proportional for large n). */
export function split(rng: Rng, n: number, weights: readonly number[]): number[] {
  const parts = weights.map(() => 0);
  if (n <= 0) return parts;
  const entries = weights.map((w, i) => [i, w] as const);
  if (n <= 300) {
    for (let k = 0; k < n; k++) parts[rng.weighted(entries)]++;
    return parts;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let left = n;
  for (let i = 1; i < weights.length; i++) {
    const share = Math.min(left, Math.floor((n * weights[i] * (0.6 + 0.8 * rng.next())) / total));
    parts[i] = share;
    left -= share;
  }
  parts[0] = left;
  return parts;
}

// ---------------------------------------------------------------- table 三

interface Table3Leaf {
  metric: string;
  labels: string[];
  weight: number;
}

const WITHHELD = [
  ['state_secret', '1.属于国家秘密', 0.3],
  ['law_prohibited', '2.其他法律行政法规禁止公开', 0.5],
  ['three_safety', '3.危及“三安全一稳定”', 0.3],
  ['third_party', '4.保护第三方合法权益', 1.5],
  ['internal_affairs', '5.属于三类内部事务信息', 0.8],
  ['process_info', '6.属于四类过程性信息', 1.5],
  ['enforcement_file', '7.属于行政执法案卷', 0.5],
  ['inquiry', '8.属于行政查询事项', 0.8],
] as const;
const UNAVAILABLE = [
  ['not_held', '1.本机关不掌握相关政府信息', 20],
  ['needs_creation', '2.没有现成信息需要另行制作', 3],
  ['unclear', '3.补正后申请内容仍不明确', 2],
] as const;
const NOT_PROCESSED = [
  ['petition', '1.信访举报投诉类申请', 3],
  ['repeated', '2.重复申请', 1],
  ['publication', '3.要求提供公开出版物', 0.5],
  ['mass_repeated', '4.无正当理由大量反复申请', 0.3],
  ['confirmation', '5.要求行政机关确认或重新出具已获取信息', 0.5],
] as const;
const OTHER_2021 = [
  ['no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 2],
  ['no_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0.3],
  ['other', '3.其他', 1],
] as const;

function table3Leaves(format: '2019' | '2021'): Table3Leaf[] {
  const r = 'requests.result';
  const group = (key: string, title: string, items: readonly (readonly [string, string, number])[]): Table3Leaf[] =>
    items.map(([k, label, weight], i) => ({ metric: `${r}.${key}.${k}`, labels: ['', i === 0 ? title : '', label], weight }));
  return [
    { metric: `${r}.disclosed`, labels: ['三、本年度办理结果', '（一）予以公开'], weight: 40 },
    { metric: `${r}.partial`, labels: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'], weight: 8 },
    ...group('withheld', '（三）不予公开', WITHHELD),
    ...group('unavailable', '（四）无法提供', UNAVAILABLE),
    ...group('not_processed', '（五）不予处理', NOT_PROCESSED),
    ...(format === '2019'
      ? [{ metric: `${r}.other_handling`, labels: ['', '（六）其他处理'], weight: 3 }]
      : group('other_handling', '（六）其他处理', OTHER_2021)),
  ];
}

export const TABLE3_CAPTION = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 三 of a 2019/2021 report. `scale` sizes the agency (a township ≈ 0.2, a big city ≈ 20). */
export function buildTable3(rng: Rng, format: '2019' | '2021', scale: number, zero: ZeroStyle, blankTotal: boolean): Table {
  const leaves = table3Leaves(format);
  // Each applicant column is its own small ledger: new + carried = handled + forward.
  const shares: Record<ApplicantKey, number> = { natural: 1, commercial: 0.12, research: 0.01, nonprofit: 0.02, legal: 0.05, other: 0.04, total: 0 };
  // Natural persons file most requests; each kind of organisation files a share, often none.
  const base = rng.chance(0.15) ? 0 : count(rng, scale);
  const cols = new Map<ApplicantKey, { fresh: number; carried: number; forward: number; leaves: number[] }>();
  for (const a of APPLICANT_KEYS) {
    if (a === 'total') continue;
    const share = shares[a];
    const fresh = base === 0 ? 0 : a === 'natural' ? Math.round(base * (0.6 + 0.4 * rng.next())) : rng.chance(Math.min(0.9, share * 4)) ? Math.max(1, Math.round(base * share * 2 * rng.next())) : 0;
    const carried = fresh > 0 && rng.chance(0.3) ? rng.int(0, Math.ceil(fresh * 0.2)) : 0;
    const forward = fresh + carried > 0 && rng.chance(0.3) ? rng.int(0, Math.ceil((fresh + carried) * 0.15)) : 0;
    const handled = fresh + carried - forward;
    cols.set(a, { fresh, carried, forward, leaves: split(rng, handled, leaves.map((l) => l.weight)) });
  }
  const sum = (f: (c: { fresh: number; carried: number; forward: number; leaves: number[] }) => number) =>
    [...cols.values()].reduce((acc, c) => acc + f(c), 0);
  const rowCells = (metric: string, get: (c: { fresh: number; carried: number; forward: number; leaves: number[] }) => number): TrueCell[] => {
    const out: TrueCell[] = [];
    for (const a of APPLICANT_KEYS) {
      if (a === 'total') {
        const total = sum(get);
        out.push(blankTotal ? cell(metric, 'total', total, '', 'blank') : countCell(metric, 'total', total, zero));
      } else out.push(countCell(metric, a, get(cols.get(a)!), zero));
    }
    return out;
  };
  const handledOf = (c: { leaves: number[] }) => c.leaves.reduce((x, y) => x + y, 0);
  const rows: Row[] = [
    { kind: 'header', cells: [TABLE3_CAPTION, '申请人情况'] },
    { kind: 'header', cells: ['', '自然人', '法人或其他组织', '', '', '', '', '总计'] },
    { kind: 'header', cells: ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''] },
    { kind: 'data', labels: ['一、本年新收政府信息公开申请数量'], extra: [], cells: rowCells('requests.new', (c) => c.fresh) },
    { kind: 'data', labels: ['二、上年结转政府信息公开申请数量'], extra: [], cells: rowCells('requests.carried_over', (c) => c.carried) },
    ...leaves.map((l, i): Row => ({ kind: 'data', labels: l.labels, extra: [], cells: rowCells(l.metric, (c) => c.leaves[i]) })),
    { kind: 'data', labels: ['', '（七）总计'], extra: [], cells: rowCells('requests.result.total', handledOf) },
    { kind: 'data', labels: ['四、结转下年度继续办理'], extra: [], cells: rowCells('requests.carried_forward', (c) => c.forward) },
  ];
  return { id: '三', rows };
}

// ---------------------------------------------------------------- table 四

const OUTCOME_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const OUTCOME_KEYS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export function buildTable4(rng: Rng, scale: number, zero: ZeroStyle): Table {
  const cells: TrueCell[] = [];
  for (const prefix of ['review', 'litigation.direct', 'litigation.after_review']) {
    const busy = rng.chance(prefix === 'review' ? 0.3 : 0.15);
    const parts = OUTCOME_KEYS.slice(0, 4).map((_, i) => (busy ? Math.max(0, Math.round(count(rng, scale * 0.2) * [1, 0.3, 0.3, 0.2][i])) : 0));
    const all = [...parts, parts.reduce((a, b) => a + b, 0)];
    all.forEach((v, i) => cells.push(countCell(`${prefix}.${OUTCOME_KEYS[i]}`, null, v, zero)));
  }
  const rows: Row[] = [
    { kind: 'header', cells: ['行政复议', '', '', '', '', '行政诉讼'] },
    { kind: 'header', cells: [...OUTCOME_LABELS, '未经复议直接起诉', '', '', '', '', '复议后起诉'] },
    { kind: 'header', cells: ['', '', '', '', '', ...OUTCOME_LABELS, ...OUTCOME_LABELS] },
    { kind: 'data', labels: [], extra: [], cells },
  ];
  return { id: '四', rows };
}

// ---------------------------------------------------------------- table 二

function changeRaw(rng: Rng, v: number): string {
  if (v === 0) return '0';
  return v > 0 ? rng.pick([`+${v}`, `增 ${v}`, `增${v}`]) : rng.pick([`${v}`, `减 ${-v}`, `减${-v}`]);
}

function itemsRow(rng: Rng, label: string, key: string, scale: number, withDecisions: boolean): DataRow {
  const prev = count(rng, scale);
  const change = prev > 0 && rng.chance(0.4) ? rng.int(-Math.ceil(prev / 3), Math.ceil(prev / 2)) : 0;
  const cells = [cell(`${key}.prev_items`, null, prev, String(prev)), cell(`${key}.change`, null, change, changeRaw(rng, change))];
  if (withDecisions) {
    const decisions = prev > 0 ? count(rng, scale * 20) : 0;
    cells.push(cell(`${key}.decisions`, null, decisions, String(decisions)));
  }
  return { kind: 'data', labels: [label], extra: [], cells };
}

function moneyRaw(rng: Rng, v: number, unit: string): string {
  return v === 0 ? '0' : rng.pick([`${v} ${unit}`, `${v}${unit}`, String(v)]);
}

export function buildTable2(rng: Rng, format: '2019' | '2021', scale: number, isGovernment: boolean): Table {
  const rows: Row[] = [];
  const block = (item: string, header: string[]) => {
    rows.push({ kind: 'caption', cells: [`第二十条第（${item}）项`] });
    rows.push({ kind: 'header', cells: ['信息内容', ...header] });
  };
  if (format === '2019') {
    block('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量']);
    for (const [label, key, p] of [['规章', 'regulations', isGovernment ? 0.3 : 0.02], ['规范性文件', 'normative_docs', 0.7]] as const) {
      const made = rng.chance(p) ? rng.int(1, Math.max(1, Math.round(10 * scale))) : 0;
      const total = made + (rng.chance(0.7) ? rng.int(0, Math.round(60 * scale)) : 0);
      rows.push({ kind: 'data', labels: [label], extra: [], cells: [
        cell(`${key}.made`, null, made, String(made)),
        cell(`${key}.published`, null, made, String(made)),
        cell(`${key}.public_total`, null, total, String(total)),
      ] });
    }
    block('五', ['上一年项目数量', '本年增/减', '处理决定数量']);
    rows.push(itemsRow(rng, '行政许可', 'licensing', scale, true));
    rows.push(itemsRow(rng, '其他对外管理服务事项', 'other_services', scale, true));
    block('六', ['上一年项目数量', '本年增/减', '处理决定数量']);
    rows.push(itemsRow(rng, '行政处罚', 'penalty', scale, true));
    rows.push(itemsRow(rng, '行政强制', 'coercion', scale, true));
    block('八', ['上一年项目数量', '本年增/减']);
    rows.push(itemsRow(rng, '行政事业性收费', 'fees', scale * 0.3, false));
    block('九', ['采购项目数量', '采购总金额']);
    const projects = count(rng, scale);
    const amount = projects === 0 ? 0 : rng.chance(0.3) ? Math.round(rng.next() * 1e8) / 100 : rng.int(10_000, 50_000_000);
    rows.push({ kind: 'data', labels: ['政府集中采购'], extra: [], cells: [
      cell('procurement.projects', null, projects, rng.chance(0.1) && projects > 0 ? `${projects} 件` : String(projects)),
      cell('procurement.amount', null, amount, moneyRaw(rng, amount, '元')),
    ] });
  } else {
    block('一', ['本年制发件数', '本年废止件数', '现行有效件数']);
    const docsLabel = rng.chance(0.85) ? '行政规范性文件' : '规范性文件';
    for (const [label, key, p] of [['规章', 'regulations', isGovernment ? 0.3 : 0.02], [docsLabel, 'normative_docs', 0.7]] as const) {
      const issued = rng.chance(p) ? rng.int(1, Math.max(1, Math.round(10 * scale))) : 0;
      const repealed = rng.chance(0.3) ? rng.int(0, 5) : 0;
      const inForce = issued + rng.int(0, Math.round(60 * scale));
      rows.push({ kind: 'data', labels: [label], extra: [], cells: [
        cell(`${key}.issued`, null, issued, String(issued)),
        cell(`${key}.repealed`, null, repealed, String(repealed)),
        cell(`${key}.in_force`, null, inForce, String(inForce)),
      ] });
    }
    const decisions = (label: string, key: string) => {
      const v = count(rng, scale * 20);
      rows.push({ kind: 'data', labels: [label], extra: [], cells: [cell(`${key}.decisions`, null, v, String(v))] });
    };
    block('五', ['本年处理决定数量']);
    decisions('行政许可', 'licensing');
    block('六', ['本年处理决定数量']);
    decisions('行政处罚', 'penalty');
    decisions('行政强制', 'coercion');
    block('八', ['本年收费金额（单位：万元）']);
    const fee = rng.chance(0.6) ? 0 : rng.chance(0.5) ? rng.int(1, 30_000) : Math.round(rng.next() * 3e10) / 1e6;
    rows.push({ kind: 'data', labels: ['行政事业性收费'], extra: [], cells: [cell('fees.amount', null, fee, String(fee))] });
  }
  return { id: '二', rows };
}

// ---------------------------------------------------------------- pre-2019 statistics table

interface StatRow {
  label: string;
  unit: string;
  metric: string | null;
  applicant?: ApplicantKey;
}

/**
 * Rows of the national form some offices fill with "——" when they have nothing to count (the
 * 机构/经费 and 会议/培训 groups); with the '—' zero style their zeros are printed so.
 */
const DASHED_WHEN_ZERO = new Set(['org.units', 'org.reading_points', 'org.budget', 'meetings.count', 'training.sessions', 'training.attendees']);

/** The national 政府信息公开情况统计表 (seed 004); values are filled so its sums hold. */
export function buildStatsNational(rng: Rng, scale: number, zero: ZeroStyle = '0'): Table {
  const v = new Map<string, number>();
  const [website, gazette, weibo, wechat, other] = split(rng, count(rng, scale * 40) + rng.int(0, 50), [10, 0.5, 0.5, 2, 1]);
  v.set('proactive.gazette', gazette);
  v.set('proactive.website', website);
  v.set('proactive.weibo', weibo);
  v.set('proactive.wechat', wechat);
  v.set('proactive.other', other);
  v.set('proactive.total', gazette + website + weibo + wechat + other);
  const docs = rng.chance(0.6) ? rng.int(0, Math.round(10 * scale)) : 0;
  v.set('proactive.normative_docs', docs);
  v.set('normative_docs.issued_total', docs + (rng.chance(0.2) ? rng.int(0, 3) : 0));
  for (const k of ['response.hotspots', 'response.press_conferences', 'response.interviews', 'response.interpretations', 'response.weibo_wechat', 'response.other']) {
    v.set(k, rng.chance(0.5) ? 0 : rng.int(0, Math.round(10 * scale)));
  }
  v.set('response.press_conferences_by_head', Math.min(v.get('response.press_conferences')!, rng.int(0, 2)));
  v.set('response.interviews_by_head', Math.min(v.get('response.interviews')!, rng.int(0, 2)));
  const fresh = count(rng, scale);
  const [inPerson, fax, online, letter] = split(rng, fresh, [3, 0.2, 6, 1]);
  v.set('requests.new', fresh);
  v.set('requests.new.in_person', inPerson);
  v.set('requests.new.fax', fax);
  v.set('requests.new.online', online);
  v.set('requests.new.letter', letter);
  const extended = fresh > 0 && rng.chance(0.1) ? rng.int(0, Math.ceil(fresh / 10)) : 0;
  v.set('requests.closed', fresh);
  v.set('requests.closed.on_time', fresh - extended);
  v.set('requests.closed.extended', extended);
  const [agreed, partial, refused, notThis, notExist, amend, otherChannel] = split(rng, fresh, [10, 2, 1, 2, 3, 1, 1]);
  v.set('requests.answered', fresh);
  v.set('requests.answered.already_public', rng.int(0, agreed));
  v.set('requests.answered.agreed', agreed);
  v.set('requests.answered.partially_agreed', partial);
  v.set('requests.answered.refused', refused);
  const reasons = split(rng, refused, [1, 2, 3, 1, 3, 2]);
  ['state_secret', 'commercial_secret', 'privacy', 'security', 'not_gov_info', 'other_law'].forEach((k, i) => v.set(`requests.answered.refused.${k}`, reasons[i]));
  v.set('requests.answered.not_this_agency', notThis);
  v.set('requests.answered.not_exist', notExist);
  v.set('requests.answered.asked_to_amend', amend);
  v.set('requests.answered.other_channel', otherChannel);
  for (const p of ['review', 'litigation']) {
    const n = rng.chance(0.2) ? rng.int(1, Math.max(1, Math.round(3 * scale))) : 0;
    const [a, b, c] = split(rng, n, [5, 1, 1]);
    v.set(`${p}.total`, n);
    v.set(`${p}.upheld`, a);
    v.set(`${p}.corrected`, b);
    v.set(`${p}.other`, c);
  }
  v.set('complaints.total', rng.chance(0.8) ? 0 : rng.int(1, 10));
  v.set('org.units', rng.int(0, 2));
  v.set('org.reading_points', rng.int(0, 3));
  const full = rng.int(0, 2);
  const part = rng.int(0, 4);
  v.set('org.staff', full + part);
  v.set('org.staff_fulltime', full);
  v.set('org.staff_parttime', part);
  v.set('org.budget', rng.chance(0.7) ? 0 : rng.int(1, 30));
  v.set('meetings.count', rng.int(0, 4));
  v.set('training.sessions', rng.int(0, 3));
  v.set('training.attendees', v.get('training.sessions')! * rng.int(0, 60));

  const R = (label: string, unit: string, metric: string | null, applicant?: ApplicantKey): StatRow => ({ label, unit, metric, applicant });
  const spec: StatRow[] = [
    R('一、主动公开情况', '——', null),
    R('（一）主动公开政府信息数 （不同渠道和方式公开相同信息计 1 条）', '条', 'proactive.total'),
    R('其中：主动公开规范性文件数', '条', 'proactive.normative_docs'),
    R('制发规范性文件总数', '件', 'normative_docs.issued_total'),
    R('（二）通过不同渠道和方式公开政府信息的情况', '——', null),
    R('1.政府公报公开政府信息数', '条', 'proactive.gazette'),
    R('2.政府网站公开政府信息数', '条', 'proactive.website'),
    R('3.政务微博公开政府信息数', '条', 'proactive.weibo'),
    R('4.政务微信公开政府信息数', '条', 'proactive.wechat'),
    R('5.其他方式公开政府信息数', '条', 'proactive.other'),
    R('二、回应解读情况', '——', null),
    R('（一）回应公众关注热点或重大舆情数 （不同方式回应同一热点或舆情计1次）', '次', 'response.hotspots'),
    R('（二）通过不同渠道和方式回应解读的情况', '——', null),
    R('1.参加或举办新闻发布会总次数', '次', 'response.press_conferences'),
    R('其中：主要负责同志参加新闻发布会次数', '次', 'response.press_conferences_by_head'),
    R('2.政府网站在线访谈次数', '次', 'response.interviews'),
    R('其中：主要负责同志参加政府网站在线访谈次数', '次', 'response.interviews_by_head'),
    R('3.政策解读稿件发布数', '篇', 'response.interpretations'),
    R('4.微博微信回应事件数', '次', 'response.weibo_wechat'),
    R('5.其他方式回应事件数', '次', 'response.other'),
    R('三、依申请公开情况', '——', null),
    R('（一）收到申请数', '件', 'requests.new', 'total'),
    R('1.当面申请数', '件', 'requests.new.in_person'),
    R('2.传真申请数', '件', 'requests.new.fax'),
    R('3.网络申请数', '件', 'requests.new.online'),
    R('4.信函申请数', '件', 'requests.new.letter'),
    R('（二）申请办结数', '件', 'requests.closed'),
    R('1.按时办结数', '件', 'requests.closed.on_time'),
    R('2.延期办结数', '件', 'requests.closed.extended'),
    R('（三）申请答复数', '件', 'requests.answered'),
    R('1.属于已主动公开范围数', '件', 'requests.answered.already_public'),
    R('2.同意公开答复数', '件', 'requests.answered.agreed'),
    R('3.同意部分公开答复数', '件', 'requests.answered.partially_agreed'),
    R('4.不同意公开答复数', '件', 'requests.answered.refused'),
    R('其中：涉及国家秘密', '件', 'requests.answered.refused.state_secret'),
    R('涉及商业秘密', '件', 'requests.answered.refused.commercial_secret'),
    R('涉及个人隐私', '件', 'requests.answered.refused.privacy'),
    R('危及国家安全、公共安全、经济安全和社会稳定', '件', 'requests.answered.refused.security'),
    R('不是《条例》所指政府信息', '件', 'requests.answered.refused.not_gov_info'),
    R('法律法规规定的其他情形', '件', 'requests.answered.refused.other_law'),
    R('5.不属于本行政机关公开数', '件', 'requests.answered.not_this_agency'),
    R('6.申请信息不存在数', '件', 'requests.answered.not_exist'),
    R('7.告知作出更改补充数', '件', 'requests.answered.asked_to_amend'),
    R('8.告知通过其他途径办理数', '件', 'requests.answered.other_channel'),
    R('四、行政复议数量', '件', 'review.total'),
    R('（一）维持具体行政行为数', '件', 'review.upheld'),
    R('（二）被依法纠错数', '件', 'review.corrected'),
    R('（三）其他情形数', '件', 'review.other'),
    R('五、行政诉讼数量', '件', 'litigation.total'),
    R('（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 'litigation.upheld'),
    R('（二）被依法纠错数', '件', 'litigation.corrected'),
    R('（三）其他情形数', '件', 'litigation.other'),
    R('六、举报投诉数量', '件', 'complaints.total'),
    R('七、机构建设和保障经费情况', '——', null),
    R('（一）政府信息公开工作专门机构数', '个', 'org.units'),
    R('（二）设置政府信息公开查阅点数', '个', 'org.reading_points'),
    R('（三）从事政府信息公开工作人员数', '人', 'org.staff'),
    R('1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', 'org.staff_fulltime'),
    R('2.兼职人员数', '人', 'org.staff_parttime'),
    R('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', 'org.budget'),
    R('八、政府信息公开会议和培训情况', '——', null),
    R('（一）召开政府信息公开工作会议或专题会议数', '次', 'meetings.count'),
    R('（二）举办各类培训班数', '次', 'training.sessions'),
    R('（三）接受培训人员数', '人次', 'training.attendees'),
  ];
  const rows: Row[] = [{ kind: 'header', cells: ['统计指标', '单位', '统计数'] }];
  for (const s of spec) {
    const value = s.metric ? v.get(s.metric)! : 0;
    const dashed = s.metric !== null && value === 0 && (zero === '—' || zero === '——') && DASHED_WHEN_ZERO.has(s.metric);
    const cells = s.metric ? [dashed ? cell(s.metric, s.applicant ?? null, 0, '——', 'dash') : cell(s.metric, s.applicant ?? null, value, String(value))] : [];
    rows.push({ kind: 'data', labels: [s.label], extra: [s.unit], cells });
  }
  return { id: 'stats', rows };
}

/**
 * Fujian's variant: 指标名称 · 计量单位 · YYYY年度 · 历年累计. As in real ones, 主动公开 may count channels
 * its 其中 rows do not name (网站 1713 + 公报 0 of 1853): the parts then fall short of the whole in both
 * columns, never above it.
 */
export function buildStatsFujian(rng: Rng, scale: number, year: number): Table {
  const cumOf = (v: number) => v + rng.int(0, Math.round(v * (year - 2007) * 0.8)) + (v > 0 ? 0 : rng.int(0, 5));
  const pair = (metric: string, v: number, applicant: ApplicantKey | null = null, cum = cumOf(v)): TrueCell[] => [
    cell(metric, applicant, v, String(v)),
    cell(metric, applicant, cum, String(cum), 'number', true),
  ];
  const [web, gazette] = split(rng, count(rng, scale * 40) + rng.int(0, 30), [8, 1]);
  const [webCum, gazetteCum] = [cumOf(web), cumOf(gazette)];
  const unnamed = rng.chance(0.3) ? rng.int(1, Math.max(1, Math.round(scale * 10))) : 0;
  const unnamedCum = unnamed > 0 ? cumOf(unnamed) : 0;
  const fresh = count(rng, scale);
  const [inPerson, online, letterFax] = split(rng, fresh, [3, 6, 1]);
  const [agreed, partial, refused, other] = split(rng, fresh, [8, 2, 1, 2]);
  const requestCums = [inPerson, online, letterFax].map(cumOf);
  const answerCums = [agreed, partial, refused, other].map(cumOf);
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  const waived = 0;
  const review = rng.chance(0.15) ? rng.int(1, 3) : 0;
  const suits = rng.chance(0.1) ? rng.int(1, 2) : 0;
  const spec: [string, string, TrueCell[]][] = [
    ['主动公开文件数', '条', pair('proactive.total', web + gazette + unnamed, null, webCum + gazetteCum + unnamedCum)],
    ['其中：政府网站公开数', '条', pair('proactive.website', web, null, webCum)],
    ['政府公报公开数', '条', pair('proactive.gazette', gazette, null, gazetteCum)],
    ['受理依申请公开信息总数', '件', pair('requests.new', fresh, 'total', sum(requestCums))],
    ['其中：当面申请数', '件', pair('requests.new.in_person', inPerson, null, requestCums[0])],
    ['网上申请数', '件', pair('requests.new.online', online, null, requestCums[1])],
    ['信函、传真申请数', '件', pair('requests.new.letter_fax', letterFax, null, requestCums[2])],
    ['对申请的答复总数', '件', pair('requests.answered', fresh, null, sum(answerCums))],
    ['其中：同意公开', '件', pair('requests.answered.agreed', agreed, null, answerCums[0])],
    ['同意部分公开', '件', pair('requests.answered.partially_agreed', partial, null, answerCums[1])],
    ['不予公开', '件', pair('requests.answered.refused', refused, null, answerCums[2])],
    ['其他类型', '件', pair('requests.answered.other', other, null, answerCums[3])],
    ['政府信息公开收费减免金额', '万元', pair('fees.waived', waived)],
    ['行政复议数', '件', pair('review.total', review)],
    ['行政诉讼数', '件', pair('litigation.total', suits)],
  ];
  const rows: Row[] = [{ kind: 'header', cells: ['指标名称', '计量单位', `${year}年度`, '历年累计'] }];
  for (const [label, unit, cells] of spec) rows.push({ kind: 'data', labels: [label], extra: [unit], cells });
  return { id: 'stats', rows };
}
