/**
 * The prose around the tables: boilerplate paragraphs, and sentences that state figures (§F) the way
 * reports state them ("共收到依申请公开 4 件", "共主动公开信息 1000 余条", "未发生…行政复议案、行政诉讼案").
 */
import type { Rng } from './prng.ts';
import type { Line } from './layouts.ts';

export type WrapStyle = 'para' | 'pdf' | 'pdf-gap';

const FILLER = [
  '{year}年，{we}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开，推动政府信息公开工作取得新进展。',
  '进一步健全政府信息公开工作机制，明确分管领导和具体承办人员，形成主要领导亲自抓、分管领导具体抓、办公室牵头落实的工作格局。',
  '严格落实“先审后发”和保密审查制度，对拟公开信息逐条审核，确保公开内容准确、规范、及时。',
  '围绕群众关注的重点领域，及时发布政策文件、工作动态、通知公告、人事信息等政府信息。',
  '加强政策解读，通过图文解读、问答解读、新闻发布等形式，提高政策知晓度和透明度。',
  '畅通依申请公开受理渠道，规范受理、审查、处理、答复等各环节，依法保障申请人的合法权益。',
  '加强政府网站和政务新媒体日常管理，定期开展自查，对发现的错链、断链和内容更新不及时等问题及时整改。',
  '组织开展政务公开业务培训，邀请专家解读《条例》要点，提升工作人员业务能力和水平。',
  '将政务公开工作纳入年度目标考核，定期通报工作情况，以考促改，以评促优。',
  '在办事大厅设置政府信息公开查阅点，为群众提供信息查询、咨询和申请等服务。',
  '主动回应社会关切，对涉及群众切身利益的热点问题及时发布权威信息，正确引导舆论。',
  '做好建议提案办理结果公开工作，全面公开人大代表建议和政协提案办理复文。',
];
const PROBLEMS = [
  '{year}年，{we}政府信息公开工作虽取得一定成效，但仍存在一些不足：一是主动公开的深度和广度有待进一步拓展；二是政策解读形式还不够丰富；三是工作人员业务水平有待提高。',
  '下一步，{we}将进一步加强组织领导，完善工作机制，丰富公开形式，不断提高政府信息公开工作质量和水平。',
  '针对存在的问题，将加强业务培训，规范依申请公开办理流程，提升答复质量，有效降低行政复议、行政诉讼风险。',
];

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Wrap a paragraph into lines the way extraction leaves it. */
export function wrap(rng: Rng, text: string, style: WrapStyle): Line[] {
  if (style === 'para') return [{ text, cells: [] }];
  const width = rng.int(26, 34);
  const out: Line[] = [];
  for (let i = 0; i < text.length; i += width) {
    out.push({ text: text.slice(i, i + width), cells: [] });
    if (style === 'pdf-gap') out.push({ text: '', cells: [] });
  }
  return out;
}

export function fillerParagraphs(rng: Rng, n: number, vars: Record<string, string | number>, style: WrapStyle, bank: 'filler' | 'problems' = 'filler'): Line[] {
  const source = bank === 'filler' ? FILLER : PROBLEMS;
  const out: Line[] = [];
  const start = rng.int(0, source.length - 1);
  for (let i = 0; i < n; i++) {
    out.push(...wrap(rng, fill(source[(start + i) % source.length], vars), style));
    if (style === 'para') out.push({ text: '', cells: [] });
  }
  return out;
}

/** A sentence stating figures, kept on one line so its source line is exact. */
export function figureLine(text: string, prose: Line['prose']): Line {
  return { text, cells: [], prose };
}

export function requestsSentence(rng: Rng, year: number, we: string, fresh: number, handled: number | null): Line {
  if (fresh === 0 && rng.chance(0.5)) {
    return figureLine(`${year}年，${we}未收到政府信息公开申请。`, [{ metric: 'requests.new', value: 0, approximate: false }]);
  }
  const forms = handled === null
    ? [`${year}年，${we}共收到依申请公开 ${fresh} 件，均及时予以答复。`, `全年共受理政府信息公开申请${fresh}件，均在法定期限内予以答复。`]
    : [`全年新收政府信息公开申请${fresh}件，办结${handled}件。`, `${year}年共收到政府信息公开申请 ${fresh} 件，办结 ${handled} 件。`];
  return figureLine(rng.pick(forms), [{ metric: 'requests.new', value: fresh, approximate: false }]);
}

export function proactiveSentence(rng: Rng, we: string, total: number): Line {
  if (total >= 100 && rng.chance(0.3)) {
    const round = Math.floor(total / 100) * 100;
    return figureLine(`全年通过门户网站、微信公众号等多种途径共主动公开信息 ${round} 余条。`, [{ metric: 'proactive.total', value: round, approximate: true }]);
  }
  return figureLine(rng.pick([`${we}全年主动公开政府信息 ${total} 条。`, `全年共主动公开政府信息${total}条。`]), [
    { metric: 'proactive.total', value: total, approximate: false },
  ]);
}

export function appealsSentence(rng: Rng, year: number, review: number, litigation: number): Line {
  if (review === 0 && litigation === 0 && rng.chance(0.7)) {
    return figureLine(`${year}年度未发生针对本机关有关政府信息公开事务的行政复议案、行政诉讼案。`, [
      { metric: 'review.total', value: 0, approximate: false },
      { metric: 'litigation.total', value: 0, approximate: false },
    ]);
  }
  return figureLine(`全年因政府信息公开被申请行政复议 ${review} 件，提起行政诉讼 ${litigation} 件。`, [
    { metric: 'review.total', value: review, approximate: false },
    { metric: 'litigation.total', value: litigation, approximate: false },
  ]);
}

/** The 2021 table 二 row 行政规范性文件 restated in a sentence ("废止规范性文件6件，制定规范性文件15件"). */
export function normativeDocsSentence(rng: Rng, year: number, we: string, issued: number, repealed: number): Line {
  const text = rng.chance(0.5)
    ? `${year}年，${we}制定规范性文件${issued}件，废止规范性文件${repealed}件。`
    : `${year}年，${we}废止规范性文件${repealed}件，制定规范性文件${issued}件，均已在门户网站公开。`;
  return figureLine(text, [
    { metric: 'normative_docs.issued', value: issued, approximate: false },
    { metric: 'normative_docs.repealed', value: repealed, approximate: false },
  ]);
}
