/**
 * The figure vocabulary: words people type → what they mean. One table (data), built once from the
 * catalogue's labels and `words`, plus the everyday words below. A word means one or more of:
 *   keys      — a figure outright (alternatives in order: 2019+ key first, pre-2019 key after)
 *   family    — a group of figures whose member is picked by aspects (行政复议 + 维持 → review.upheld)
 *   aspect    — which member of a family (维持, 直接起诉, 上一年项目数量, 金额 …)
 *   applicant — a table 三 column (自然人, 法人或其他组织 = the five columns summed)
 * Scanning takes the longest word at each position.
 */
import { METRICS } from '../../catalogue/metrics.ts';
import { normalizeText } from '../text/normalize.ts';

export type ApplicantChoice = 'natural' | 'commercial' | 'research' | 'nonprofit' | 'legal' | 'other' | 'legal_person';

export interface Term {
  keys?: string[];
  family?: string;
  aspect?: string;
  applicant?: ApplicantChoice;
  /** Only a figure when the question names no other figure. */
  weak?: boolean;
}

const R = 'requests.result';
const A = 'requests.answered';

/** Everyday words (these win over catalogue-derived words of the same spelling). */
const WORDS: [string[], Term][] = [
  // 行政复议 / 行政诉讼 (table 四, pre-2019 rows, prose)
  [['行政复议', '复议', '被申请行政复议', '申请行政复议', '复议案件', '行政复议案', '复议案', '行政复议案件', '行政复议数量', '被复议',
    '行政复意', '行政附议', '复意'], { family: 'review' }],
  [['行政诉讼', '诉讼', '被告', '起诉', '被起诉', '被诉', '应诉', '打官司', '官司', '行政诉讼案', '行政诉讼案件', '诉讼案件', '行政诉讼数量', '上法庭', '告上法庭', '告到法院'], { family: 'litigation' }],
  // Who won: 结果纠正 means the agency's act was corrected (it lost); 结果维持, it won.
  [['败诉', '被判败诉', '打输', '输官司'], { family: 'litigation', aspect: 'corrected' }],
  [['胜诉', '打赢', '赢官司'], { family: 'litigation', aspect: 'upheld' }],
  [['输了', '输掉'], { aspect: 'corrected' }],
  [['赢了'], { aspect: 'upheld' }],
  [['直接起诉', '未经复议直接起诉', '未经复议', '直接诉讼', '直接提起诉讼', '直接告'], { family: 'litigation', aspect: 'direct' }],
  [['复议后起诉', '经复议后起诉', '复议后诉讼', '复议后再起诉', '复议后又起诉', '复议后提起诉讼'], { family: 'litigation', aspect: 'after_review' }],
  [['维持', '结果维持', '维持原', '被维持', '驳回'], { aspect: 'upheld' }],
  [['纠正', '结果纠正', '纠错', '被纠正', '被依法纠错', '被纠错', '撤销'], { aspect: 'corrected' }],
  [['其他结果', '其他情形'], { aspect: 'other' }],
  // "复议的结果", "诉讼都是什么结果": every outcome with the total.
  [['结果', '什么结果', '审理结果', '结果如何', '结果怎样', '结果分别'], { aspect: 'outcomes' }],
  [['尚未审结', '未审结', '没审结', '还没结', '在审', '审理中', '未结案', '尚未结案', '没有审结', '没结', '没审完', '还没审完', '未审完', '没结案', '还没结案', '没有结案'], { aspect: 'pending' }],
  // 表三
  [['新收', '本年新收', '收到申请', '依申请公开件数', '依申请公开申请', '新收申请', '收到依申请公开'], { keys: ['requests.new'] }],
  // Generic words: "申请" in "重复申请的有几件" or "办结了多少件申请" is not a second figure.
  [['收到', '收到的申请', '申请数', '申请数量', '申请量', '信息公开申请', '政府信息公开申请', '公开申请', '申请了多少', '申请', '受理', '多少人申请', '申请件', '申请公开',
    // "依申请公开有多少件没公开": the channel named as context, not the figure asked for.
    '依申请公开', '依申请'], { keys: ['requests.new'], weak: true }],
  [['上年结转', '上一年结转', '去年结转', '往年结转', '上年度结转'], { keys: ['requests.carried_over'] }],
  [['结转下年度', '结转下年', '结转到下年', '结转下一年', '结转', '转入下年度', '结转至下年度', '继续办理',
    '没办完', '没有办完', '未办完', '还没办完', '没办结', '没有办结', '未办结', '尚未办结', '还在办', '结余', '积压', '剩余', '剩下'], { keys: ['requests.carried_forward'] }],
  [['予以公开', '同意公开', '公开了的', '全部公开'], { keys: [`${R}.disclosed`, `${A}.agreed`] }],
  [['部分公开', '同意部分公开'], { keys: [`${R}.partial`, `${A}.partially_agreed`] }],
  [['不予公开', '不公开', '拒绝公开', '不同意公开', '没有公开', '没公开', '未公开', '未予公开', '没有予以公开', '没被公开', '不给公开', '被拒绝', '拒绝', '驳回申请'], { keys: [`${R}.withheld`, `${A}.refused`] }],
  [['国家秘密', '涉密', '属于国家秘密', '涉及国家秘密'], { keys: [`${R}.withheld.state_secret`, `${A}.refused.state_secret`] }],
  [['法律行政法规禁止公开', '其他法律行政法规禁止公开', '法规禁止公开', '禁止公开'], { keys: [`${R}.withheld.law_prohibited`] }],
  [['三安全一稳定', '危及三安全一稳定', '危及“三安全一稳定”'], { keys: [`${R}.withheld.three_safety`, `${A}.refused.security`] }],
  [['第三方合法权益', '保护第三方', '第三方'], { keys: [`${R}.withheld.third_party`] }],
  [['内部事务', '三类内部事务', '内部事务信息'], { keys: [`${R}.withheld.internal_affairs`] }],
  [['过程性信息', '四类过程性信息', '过程信息'], { keys: [`${R}.withheld.process_info`] }],
  [['行政执法案卷', '执法案卷'], { keys: [`${R}.withheld.enforcement_file`] }],
  [['行政查询事项', '行政查询', '查询事项'], { keys: [`${R}.withheld.inquiry`] }],
  // Since 2019 a privacy or trade-secret refusal is counted under 保护第三方合法权益 (the label says so).
  [['商业秘密'], { keys: [`${A}.refused.commercial_secret`, `${R}.withheld.third_party`] }],
  [['个人隐私', '隐私'], { keys: [`${A}.refused.privacy`, `${R}.withheld.third_party`] }],
  [['无法提供', '不能提供', '没法提供', '提供不了'], { keys: [`${R}.unavailable`] }],
  [['不掌握', '本机关不掌握', '不掌握相关政府信息', '信息不存在', '申请信息不存在'], { keys: [`${R}.unavailable.not_held`, `${A}.not_exist`] }],
  [['另行制作', '没有现成信息', '需要另行制作'], { keys: [`${R}.unavailable.needs_creation`] }],
  [['补正后申请内容仍不明确', '补正后', '内容不明确', '仍不明确', '不明确'], { keys: [`${R}.unavailable.unclear`] }],
  [['不予处理', '不处理', '没有处理', '不予受理'], { keys: [`${R}.not_processed`] }],
  [['信访举报投诉', '信访举报投诉类', '信访', '举报投诉类申请', '信访类'], { keys: [`${R}.not_processed.petition`] }],
  [['重复申请'], { keys: [`${R}.not_processed.repeated`] }],
  [['公开出版物', '出版物'], { keys: [`${R}.not_processed.publication`] }],
  [['大量反复申请', '大量反复', '无正当理由大量反复申请'], { keys: [`${R}.not_processed.mass_repeated`] }],
  [['重新出具', '确认或重新出具', '要求行政机关确认', '要求确认'], { keys: [`${R}.not_processed.confirmation`] }],
  [['其他处理'], { keys: [`${R}.other_handling`] }],
  [['逾期不补正', '不补正'], { keys: [`${R}.other_handling.no_correction`] }],
  [['收费通知', '未缴纳费用', '逾期未缴费', '未按收费通知'], { keys: [`${R}.other_handling.no_fee`] }],
  [['办理结果总计', '办理结果', '办结', '办理了多少', '办理', '处理了多少', '答复', '办完', '处理结果', '处理完'], { keys: [`${R}.total`, 'requests.closed'] }],
  [['申请答复数', '答复数'], { keys: ['requests.answered', `${R}.total`] }],
  // Pre-2019 answers: "属于已主动公开范围" is an answer to a request, not 主动公开.
  [['已主动公开范围', '属于已主动公开范围', '已主动公开的', '已经主动公开'], { keys: [`${A}.already_public`] }],
  [['依申请公开收费', '依申请收费', '收取的费用', '收取费用', '检索复制费'], { keys: ['fees.collected'] }],
  [['收费减免', '减免金额', '减免'], { keys: ['fees.waived'] }],
  // applicants
  [['自然人', '个人', '老百姓', '群众', '公民', '市民', '个人申请'], { applicant: 'natural' }],
  [['法人或其他组织', '法人', '法人或者其他组织', '组织'], { applicant: 'legal_person' }],
  [['商业企业', '企业', '公司'], { applicant: 'commercial' }],
  [['科研机构', '科研单位', '科研'], { applicant: 'research' }],
  [['社会公益组织', '公益组织', '社会组织'], { applicant: 'nonprofit' }],
  [['法律服务机构', '律师', '律所', '律师事务所'], { applicant: 'legal' }],
  [['其他申请人', '其他类申请人', '其他组织'], { applicant: 'other' }],
  // 表二
  [['行政许可', '许可'], { family: 'licensing' }],
  [['行政处罚', '处罚', '罚款', '罚'], { family: 'penalty' }],
  [['行政强制', '强制'], { family: 'coercion' }],
  [['其他对外管理服务事项', '对外管理服务事项', '对外管理服务'], { family: 'other_services' }],
  [['行政事业性收费', '事业性收费', '收费'], { family: 'fees' }],
  [['收费金额', '收费总额', '收费多少钱', '收了多少钱', '收费收入'], { family: 'fees', aspect: 'amount' }],
  [['上一年项目数量', '上一年项目数', '上年项目数量', '上年项目数', '上一年项目', '项目数量', '项目数', '事项数'], { aspect: 'prev_items' }],
  [['本年增/减', '增/减', '增减', '增加', '减少', '增加了', '减少了', '新增', '增减变化'], { aspect: 'change' }],
  [['处理决定数量', '处理决定', '决定数量', '决定'], { aspect: 'decisions' }],
  [['金额', '多少钱', '总金额', '花了多少', '花了多少钱'], { aspect: 'amount' }],
  [['采购金额', '采购总金额', '采购花了多少钱', '采购了多少钱'], { family: 'procurement', aspect: 'amount' }],
  [['政府集中采购', '集中采购', '政府采购', '采购'], { family: 'procurement' }],
  [['采购项目', '采购项目数量', '采购项目数', '采购了多少个', '采购个数', '集中采购项目', '政府采购项目', '政府集中采购项目'], { family: 'procurement', aspect: 'projects' }],
  [['规范性文件', '行政规范性文件', '规范文件', '红头文件'], { family: 'normative_docs' }],
  [['规章', '政府规章'], { family: 'regulations' }],
  [['新制作', '制作', '本年新制作'], { aspect: 'made' }],
  [['新公开', '本年新公开'], { aspect: 'published' }],
  [['对外公开总数量', '对外公开总数', '公开总数', '总数量'], { aspect: 'public_total' }],
  [['制发', '本年制发', '印发', '出台'], { aspect: 'issued' }],
  [['废止', '本年废止'], { aspect: 'repealed' }],
  [['现行有效', '有效'], { aspect: 'in_force' }],
  // 主动公开 (pre-2019 table, prose)
  [['主动公开', '主动公开信息', '主动公开政府信息', '公开信息', '公开政府信息', '发布信息', '信息公开数', '公开了多少条',
    '公开了多少信息', '公开了多少条信息', '发布了多少信息', '发布了多少条信息', '发布了多少条', '发了多少条信息'], { family: 'proactive' }],
  [['网站', '门户网站', '政府网站', '网站公开', '官网', '网上公开', '网站发布'], { family: 'proactive', aspect: 'website' }],
  [['微信', '公众号', '微信公众号', '政务微信'], { family: 'proactive', aspect: 'wechat' }],
  [['微博', '政务微博'], { family: 'proactive', aspect: 'weibo' }],
  [['公报', '政府公报'], { family: 'proactive', aspect: 'gazette' }],
  [['客户端', 'app', '移动客户端'], { family: 'proactive', aspect: 'app' }],
  [['抖音'], { family: 'proactive', aspect: 'douyin' }],
  [['媒体', '新闻媒体'], { family: 'proactive', aspect: 'media' }],
  // 政务新媒体 is not 新闻媒体: the report's new-media channels, each on its own.
  [['新媒体', '政务新媒体', '新媒体平台'], { family: 'proactive', aspect: 'new_media' }],
  [['其他方式'], { family: 'proactive', aspect: 'other' }],
  [['主动公开规范性文件', '主动公开的规范性文件'], { keys: ['proactive.normative_docs'] }],
  [['制发规范性文件总数'], { keys: ['normative_docs.issued_total'] }],
  // pre-2019 organisation, money, training
  [['专项经费', '经费', '工作经费'], { keys: ['org.budget'] }],
  [['工作人员', '人员', '工作人员数', '多少人负责', '几个人'], { keys: ['org.staff'] }],
  [['专职人员', '专职'], { keys: ['org.staff_fulltime'] }],
  [['兼职人员', '兼职'], { keys: ['org.staff_parttime'] }],
  [['培训人次', '培训人员', '培训', '接受培训', '培训了多少人'], { keys: ['training.attendees'] }],
  [['培训班', '举办培训班', '培训班数'], { keys: ['training.sessions'] }],
  [['查阅点', '查阅场所'], { keys: ['org.reading_points'] }],
  [['专门机构', '工作机构'], { keys: ['org.units'] }],
  [['会议', '专题会议', '工作会议'], { keys: ['meetings.count'] }],
  [['举报投诉', '投诉', '举报'], { keys: ['complaints.total'] }],
  [['新闻发布会', '发布会'], { keys: ['response.press_conferences'] }],
  [['政策解读', '解读稿件', '解读'], { keys: ['response.interpretations'] }],
  [['在线访谈', '访谈'], { keys: ['response.interviews'] }],
  [['回应热点', '舆情', '热点'], { keys: ['response.hotspots'] }],
  [['当面申请'], { keys: ['requests.new.in_person'] }],
  [['网络申请', '网上申请', '在线申请'], { keys: ['requests.new.online'] }],
  [['信函申请', '信件申请'], { keys: ['requests.new.letter', 'requests.new.letter_fax'] }],
  [['传真申请'], { keys: ['requests.new.fax', 'requests.new.letter_fax'] }],
  [['按时办结'], { keys: ['requests.closed.on_time'] }],
  [['延期办结'], { keys: ['requests.closed.extended'] }],
];

function build(): Map<string, Term> {
  const map = new Map<string, Term>();
  for (const def of METRICS) {
    const words = [def.label, ...(def.words ?? [])];
    for (const w of words) map.set(normalizeText(w), { keys: [def.key] });
  }
  for (const [words, term] of WORDS) for (const w of words) map.set(normalizeText(w), term);
  // Single-character words only come from the table above on purpose ("告"); drop catalogue ones.
  return map;
}

export const VOCABULARY: ReadonlyMap<string, Term> = build();
export const MAX_WORD_LENGTH = Math.max(...[...VOCABULARY.keys()].map((w) => w.length));

export interface TermHit {
  term: Term;
  word: string;
  start: number;
  end: number;
  /** Read through a one-character typo ("行政复义"): the vocabulary word it was taken for. */
  typo?: string;
}

/**
 * Typo tolerance by edit distance over the vocabulary's own words: a word of 4+ characters with one
 * character replaced ("行政复义", "不予公幵") is read as that word when exactly one word fits. Places are not
 * in this vocabulary, so a real place is never turned into another (agency typos have their own rule).
 */
const MIN_TYPO_WORD = 4;
const MAX_TYPO_WORD = 8;
function buildTypos(): Map<string, string | null> {
  const map = new Map<string, string | null>();
  for (const w of VOCABULARY.keys()) {
    if (w.length < MIN_TYPO_WORD || w.length > MAX_TYPO_WORD || !/^\p{sc=Han}+$/u.test(w)) continue;
    for (let p = 0; p < w.length; p++) {
      const key = `${w.slice(0, p)}\u0000${w.slice(p + 1)}`;
      const had = map.get(key);
      // Two words one substitution apart from the same text: no typo we can settle — unless they mean
      // the same (行政复议 / 行政复意 are one term).
      const same = had !== undefined && had !== null && JSON.stringify(VOCABULARY.get(had)) === JSON.stringify(VOCABULARY.get(w));
      map.set(key, had === undefined || same ? (had ?? w) : null);
    }
  }
  return map;
}
const TYPOS = buildTypos();
const GENERIC_SUFFIX = new Set('数量件次个人条项率额况总计'.split(''));

/** The untouched part of a would-be typo already says a word ("少件申请" holds 申请): not a typo. */
function holdsWord(s: string): boolean {
  for (let a = 0; a < s.length; a++) for (let b = a + 2; b <= s.length; b++) if (VOCABULARY.has(s.slice(a, b))) return true;
  return false;
}

function typoAt(text: string, i: number, longerThan: number): TermHit | null {
  for (let len = Math.min(MAX_TYPO_WORD, text.length - i); len >= MIN_TYPO_WORD && len > longerThan; len--) {
    const s = text.substr(i, len);
    if (!/^\p{sc=Han}+$/u.test(s)) continue;
    for (let p = 0; p < len; p++) {
      const w = TYPOS.get(`${s.slice(0, p)}\u0000${s.slice(p + 1)}`);
      // "信息公开情况" is not 信息公开数 mistyped: a counting suffix (数, 量, 件 …) is no typo to guess,
      // and a character that starts a word of its own ("…公开被申请") is that word, not a typo.
      if (!w || GENERIC_SUFFIX.has(w[p]!) || termAt(text, i + p) || holdsWord(s.slice(0, p)) || holdsWord(s.slice(p + 1))) continue;
      return { term: VOCABULARY.get(w)!, word: s, start: i, end: i + len, typo: w };
    }
  }
  return null;
}

/** Whether a figure word starts at position i ("办结" after "鹿城区" is a figure, "办" alone is not). */
export function termAt(text: string, i: number): boolean {
  for (let len = Math.min(MAX_WORD_LENGTH, text.length - i); len >= 2; len--) if (VOCABULARY.has(text.substr(i, len))) return true;
  return false;
}

/** Longest word at each position, left to right; text between hits is left for agency detection. */
export function scanTerms(text: string): TermHit[] {
  const hits: TermHit[] = [];
  let i = 0;
  while (i < text.length) {
    let found: TermHit | null = null;
    for (let len = Math.min(MAX_WORD_LENGTH, text.length - i); len >= 1; len--) {
      const word = text.substr(i, len);
      const term = VOCABULARY.get(word);
      if (term) {
        found = { term, word, start: i, end: i + len };
        break;
      }
    }
    // Only where no word starts: "复议和诉讼" is 复议 + 诉讼, never a typo of 复议后诉讼.
    if (!found) found = typoAt(text, i, 0);
    if (found) {
      hits.push(found);
      i = found.end;
    } else i++;
  }
  return hits;
}
