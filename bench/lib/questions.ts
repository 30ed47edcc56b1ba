/**
 * Questions with known answers, drawn from generated reports' sidecars: "<full name><year>年<figure>",
 * and the true figure the answer must carry.
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../corpus/prng.ts';
import { parseTruth, type Truth } from '../corpus/truth.ts';

export interface KnownQuestion {
  question: string;
  agency: string;
  year: number;
  metric: string;
  /** The true figure; for a dash, 0 (answers may give null or 0). */
  expected: number;
  dash: boolean;
}

/** Figures people ask for, with how they ask. litigation.total is 直接起诉 + 复议后起诉 after 2019. */
const ASKED: { metric: string; phrases: string[] }[] = [
  { metric: 'requests.new', phrases: ['收到多少政府信息公开申请', '新收政府信息公开申请多少件'] },
  { metric: 'review.total', phrases: ['行政复议多少件', '被申请行政复议多少件'] },
  { metric: 'litigation.total', phrases: ['行政诉讼多少件'] },
  { metric: 'requests.result.disclosed', phrases: ['予以公开多少件'] },
  { metric: 'requests.carried_forward', phrases: ['结转下年度继续办理多少件'] },
  { metric: 'penalty.decisions', phrases: ['行政处罚处理决定多少件'] },
  { metric: 'licensing.decisions', phrases: ['行政许可处理决定多少件'] },
  { metric: 'proactive.total', phrases: ['主动公开政府信息多少条'] },
];

function truthOf(t: Truth, metric: string): { value: number; dash: boolean } | null {
  const find = (m: string) => t.cells.find((c) => c.metric === m && !c.cumulative && (c.applicant === null || c.applicant === 'total'));
  if (metric === 'litigation.total' && (t.format === '2019' || t.format === '2021')) {
    const a = find('litigation.direct.total');
    const b = find('litigation.after_review.total');
    if (!a || !b) return null;
    return { value: a.actual + b.actual, dash: a.cell === 'dash' && b.cell === 'dash' };
  }
  const c = find(metric);
  if (!c || c.cell === 'blank') return null;
  return { value: c.actual, dash: c.cell === 'dash' };
}

export function loadTruths(paths: string[]): Truth[] {
  return paths.map((p) => parseTruth(readFileSync(p, 'utf8')));
}

/** n questions over table reports (narrative reports state too little to ask about reliably). */
export function knownQuestions(truths: Truth[], n: number, seed = 1): KnownQuestion[] {
  const rng = createRng(seed);
  const usable = truths.filter((t) => t.format !== 'narrative');
  const out: KnownQuestion[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const t = rng.pick(usable);
    const asked = rng.pick(ASKED);
    const truth = truthOf(t, asked.metric);
    if (!truth) continue;
    out.push({
      question: `${t.agency.name}${t.year}年${rng.pick(asked.phrases)}？`,
      agency: t.agency.name,
      year: t.year,
      metric: asked.metric,
      expected: truth.value,
      dash: truth.dash,
    });
  }
  return out;
}
