/**
 * Families of figures picked by aspects: 行政复议 + 维持 → review.upheld; 行政许可 + 上一年项目数量 →
 * licensing.prev_items; 采购 alone → 项目数 and 金额. Each family: its aspect → key table and its default.
 * A slot is a list of alternative keys tried in order (2019 key, then 2021 key, then pre-2019 key).
 */
export type Slot = string[];

interface FamilyDef {
  /** aspect → alternatives */
  aspects: Record<string, Slot>;
  /** Slots when the question names no aspect of this family. */
  defaults: Slot[];
  /** An aspect that stands for several members at once (政务新媒体 → 微信, 微博, 客户端, 抖音). */
  groups?: Record<string, string[]>;
}

const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];
const table2 = (p: string): FamilyDef => ({
  aspects: {
    prev_items: [`${p}.prev_items`],
    change: [`${p}.change`],
    decisions: [`${p}.decisions`],
  },
  defaults: [[`${p}.decisions`]],
});

export const FAMILIES: Record<string, FamilyDef> = {
  review: {
    aspects: Object.fromEntries(OUTCOMES.map((o) => [o, [`review.${o}`]])),
    groups: { outcomes: OUTCOMES },
    defaults: [['review.total']],
  },
  // litigation is two-dimensional (route × outcome); see familySlots.
  litigation: { aspects: {}, defaults: [['litigation.total']] },
  licensing: table2('licensing'),
  penalty: table2('penalty'),
  coercion: table2('coercion'),
  other_services: table2('other_services'),
  fees: {
    aspects: { prev_items: ['fees.prev_items'], change: ['fees.change'], amount: ['fees.amount'] },
    defaults: [['fees.amount', 'fees.prev_items']],
  },
  procurement: {
    aspects: { projects: ['procurement.projects'], prev_items: ['procurement.projects'], amount: ['procurement.amount'] },
    defaults: [['procurement.projects'], ['procurement.amount']],
  },
  normative_docs: {
    aspects: {
      made: ['normative_docs.made', 'normative_docs.issued'],
      published: ['normative_docs.published'],
      public_total: ['normative_docs.public_total', 'normative_docs.in_force'],
      issued: ['normative_docs.issued', 'normative_docs.made', 'normative_docs.issued_total'],
      repealed: ['normative_docs.repealed'],
      in_force: ['normative_docs.in_force', 'normative_docs.public_total'],
    },
    defaults: [['normative_docs.made', 'normative_docs.issued', 'normative_docs.issued_total']],
  },
  regulations: {
    aspects: {
      made: ['regulations.made', 'regulations.issued'],
      published: ['regulations.published'],
      public_total: ['regulations.public_total', 'regulations.in_force'],
      issued: ['regulations.issued', 'regulations.made'],
      repealed: ['regulations.repealed'],
      in_force: ['regulations.in_force', 'regulations.public_total'],
    },
    defaults: [['regulations.made', 'regulations.issued']],
  },
  proactive: {
    aspects: {
      website: ['proactive.website'],
      wechat: ['proactive.wechat'],
      weibo: ['proactive.weibo'],
      gazette: ['proactive.gazette'],
      app: ['proactive.app'],
      douyin: ['proactive.douyin'],
      media: ['proactive.media'],
      other: ['proactive.other'],
    },
    groups: { new_media: ['wechat', 'weibo', 'app', 'douyin'] },
    defaults: [['proactive.total']],
  },
};

/** The slots a family contributes given the aspects named in the question. */
export function familySlots(family: string, aspects: ReadonlySet<string>): Slot[] {
  if (family === 'litigation') {
    const routes = ['direct', 'after_review'].filter((r) => aspects.has(r));
    const outcomes = aspects.has('outcomes') ? OUTCOMES : OUTCOMES.filter((o) => aspects.has(o));
    const outs = outcomes.length > 0 ? outcomes : ['total'];
    const prefixes = routes.length > 0 ? routes.map((r) => `litigation.${r}`) : ['litigation'];
    return prefixes.flatMap((p) => outs.map((o) => [`${p}.${o}`]));
  }
  const def = FAMILIES[family];
  if (!def) return [];
  const named = [...aspects].flatMap((a) => def.groups?.[a] ?? [a]);
  const picked = [...new Set(named)].filter((a) => def.aspects[a]).map((a) => def.aspects[a]!);
  return picked.length > 0 ? picked : def.defaults;
}
