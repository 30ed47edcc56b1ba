/**
 * Pre-2019 statistics table (report-format.md §E): row label → catalogue key, as data.
 *
 * Labels are matched after their ordinal ("（一）", "1.", "其中：") and their parenthesised notes
 * ("（不同渠道和方式公开相同信息计 1 条）", "（不包括政府公报及政府网站工作人员数）") are stripped, so the
 * notes' words cannot mislead. Rules are tried in order; the first match wins. A rule with `groups`
 * only applies inside those groups (一、… 九、) when the table has groups; `key` may use `{group}`
 * for rows that read the same in several groups (维持 / 被依法纠错 / 其他情形).
 */

export type Pre2019Group =
  | 'proactive'
  | 'response'
  | 'requests'
  | 'review'
  | 'litigation'
  | 'complaints'
  | 'fees'
  | 'org'
  | 'meetings';

/** Group header rows ("三、依申请公开情况"), by their words. */
export const GROUP_RULES: { re: RegExp; group: Pre2019Group }[] = [
  { re: /主动公开/, group: 'proactive' },
  { re: /回应|解读/, group: 'response' },
  { re: /依申请/, group: 'requests' },
  { re: /行政复议/, group: 'review' },
  { re: /行政诉讼/, group: 'litigation' },
  { re: /举报|投诉/, group: 'complaints' },
  { re: /费用|收费/, group: 'fees' },
  { re: /机构|经费/, group: 'org' },
  { re: /会议|培训/, group: 'meetings' },
];

export interface LabelRule {
  re: RegExp;
  key: string;
  groups?: Pre2019Group[];
}

export const LABEL_RULES: LabelRule[] = [
  // 一、主动公开
  { re: /主动公开规范性文件/, key: 'proactive.normative_docs' },
  { re: /制发规范性文件/, key: 'normative_docs.issued_total' },
  { re: /主动公开(?:政府)?信息数|主动公开(?:政府)?文件数|主动公开信息总数/, key: 'proactive.total' },
  { re: /政府公报/, key: 'proactive.gazette', groups: ['proactive'] },
  { re: /政府网站公开|网站公开/, key: 'proactive.website', groups: ['proactive'] },
  { re: /政务微博/, key: 'proactive.weibo', groups: ['proactive'] },
  { re: /政务微信/, key: 'proactive.wechat', groups: ['proactive'] },
  { re: /其他方式公开/, key: 'proactive.other', groups: ['proactive'] },
  // 二、回应解读
  { re: /热点|舆情/, key: 'response.hotspots', groups: ['response'] },
  { re: /负责同志.*新闻发布会/, key: 'response.press_conferences_by_head', groups: ['response'] },
  { re: /新闻发布会/, key: 'response.press_conferences', groups: ['response'] },
  { re: /负责同志.*在线访谈/, key: 'response.interviews_by_head', groups: ['response'] },
  { re: /在线访谈/, key: 'response.interviews', groups: ['response'] },
  { re: /政策解读/, key: 'response.interpretations', groups: ['response'] },
  { re: /微博微信回应/, key: 'response.weibo_wechat', groups: ['response'] },
  { re: /其他方式回应/, key: 'response.other', groups: ['response'] },
  // 三、依申请公开
  { re: /收到申请数|受理.*申请.*(?:总数|数)$|申请总数/, key: 'requests.new', groups: ['requests'] },
  { re: /信函.*传真|传真.*信函/, key: 'requests.new.letter_fax', groups: ['requests'] },
  { re: /当面/, key: 'requests.new.in_person', groups: ['requests'] },
  { re: /传真/, key: 'requests.new.fax', groups: ['requests'] },
  { re: /电子邮件|邮件申请/, key: 'requests.new.email', groups: ['requests'] },
  { re: /网络|网上/, key: 'requests.new.online', groups: ['requests'] },
  { re: /信函/, key: 'requests.new.letter', groups: ['requests'] },
  { re: /按时办结/, key: 'requests.closed.on_time', groups: ['requests'] },
  { re: /延期办结/, key: 'requests.closed.extended', groups: ['requests'] },
  { re: /办结/, key: 'requests.closed', groups: ['requests'] },
  { re: /已主动公开范围/, key: 'requests.answered.already_public', groups: ['requests'] },
  { re: /同意部分公开/, key: 'requests.answered.partially_agreed', groups: ['requests'] },
  { re: /不同意公开|不予公开|否决公开/, key: 'requests.answered.refused', groups: ['requests'] },
  { re: /同意公开/, key: 'requests.answered.agreed', groups: ['requests'] },
  { re: /答复(?:总)?数/, key: 'requests.answered', groups: ['requests'] },
  { re: /国家秘密/, key: 'requests.answered.refused.state_secret', groups: ['requests'] },
  { re: /商业秘密/, key: 'requests.answered.refused.commercial_secret', groups: ['requests'] },
  { re: /个人隐私/, key: 'requests.answered.refused.privacy', groups: ['requests'] },
  { re: /国家安全|公共安全|社会稳定/, key: 'requests.answered.refused.security', groups: ['requests'] },
  { re: /所指政府信息/, key: 'requests.answered.refused.not_gov_info', groups: ['requests'] },
  { re: /法律法规规定的其他情形/, key: 'requests.answered.refused.other_law', groups: ['requests'] },
  { re: /不属于本(?:行政)?机关/, key: 'requests.answered.not_this_agency', groups: ['requests'] },
  { re: /信息不存在/, key: 'requests.answered.not_exist', groups: ['requests'] },
  { re: /更改补充/, key: 'requests.answered.asked_to_amend', groups: ['requests'] },
  { re: /其他途径/, key: 'requests.answered.other_channel', groups: ['requests'] },
  { re: /其他类型/, key: 'requests.answered.other', groups: ['requests'] },
  // 四、五、行政复议 / 行政诉讼 (and Fujian's flat rows); 六、举报投诉
  { re: /举报/, key: 'complaints.total' },
  // Fujian's "行政申诉数" (also "行政申诉、举报数"): the complaints row.
  { re: /行政申诉/, key: 'complaints.total' },
  { re: /行政复议(?:数量|数|案件数)/, key: 'review.total' },
  { re: /行政诉讼(?:数量|数|案件数)/, key: 'litigation.total' },
  { re: /维持/, key: '{group}.upheld', groups: ['review', 'litigation'] },
  { re: /纠错|纠正/, key: '{group}.corrected', groups: ['review', 'litigation'] },
  { re: /其他情形/, key: '{group}.other', groups: ['review', 'litigation'] },
  // 七、费用; 八、机构建设和保障经费; 九、会议和培训
  { re: /收费减免|减免金额/, key: 'fees.waived' },
  { re: /收取的?费用|收费金额/, key: 'fees.collected' },
  { re: /专门机构/, key: 'org.units' },
  { re: /查阅点/, key: 'org.reading_points' },
  { re: /专职/, key: 'org.staff_fulltime', groups: ['org'] },
  { re: /兼职/, key: 'org.staff_parttime', groups: ['org'] },
  { re: /工作人员数/, key: 'org.staff' },
  { re: /专项经费/, key: 'org.budget' },
  { re: /培训班/, key: 'training.sessions' },
  { re: /培训人员|培训人次/, key: 'training.attendees' },
  { re: /会议/, key: 'meetings.count', groups: ['meetings'] },
];

/** Strip the ordinal and notes: "（一）主动公开政府信息数 （不同渠道…计 1 条）" → "主动公开政府信息数". */
export function cleanLabel(label: string): string {
  return label
    .replace(/[（(][^（()）]*[)）]/gu, '')
    .replace(/^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])\s*/u, '')
    .replace(/^\s*其中[:：]?\s*/u, '')
    .replace(/\s+/gu, '');
}

/** "三、依申请公开情况" → its group; null when the label is no group header. */
export function groupOf(label: string): Pre2019Group | null {
  const m = /^\s*[一二三四五六七八九十]+[、.．]\s*(.*)$/u.exec(label);
  if (!m) return null;
  return GROUP_RULES.find((r) => r.re.test(m[1]))?.group ?? null;
}

export function keyForLabel(label: string, group: Pre2019Group | null): string | null {
  const clean = cleanLabel(label);
  if (!clean) return null;
  for (const rule of LABEL_RULES) {
    if (!rule.re.test(clean)) continue;
    if (rule.groups && group !== null && !rule.groups.includes(group)) continue;
    if (rule.key.includes('{group}')) {
      if (group !== 'review' && group !== 'litigation') continue;
      return rule.key.replace('{group}', group);
    }
    return rule.key;
  }
  return null;
}
