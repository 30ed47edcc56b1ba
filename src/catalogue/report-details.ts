/**
 * A report's own details (not figures): what ingest reads and stores with their lines, and the words
 * people use to ask for them. One table for both sides.
 */

export const REPORT_DETAIL_FIELDS = ['title', 'published', 'website', 'phone', 'fax', 'address', 'postcode', 'email'] as const;
export type ReportDetailField = (typeof REPORT_DETAIL_FIELDS)[number];

/** How the field is named in answers. */
export const REPORT_DETAIL_NAMES: Record<ReportDetailField, string> = {
  title: '报告标题',
  published: '发布日期',
  website: '网址',
  phone: '联系电话',
  fax: '传真',
  address: '地址',
  postcode: '邮编',
  email: '电子邮箱',
};

/** Labels printed before the value in reports ("电话：0577-…", "邮编：325000"). */
export const REPORT_DETAIL_LABELS: Record<ReportDetailField, readonly string[]> = {
  title: ['标题', '题名'],
  published: ['发布时间', '发布日期', '成文日期', '公开日期', '印发日期', '填报日期'],
  website: ['网址', '网站', '原文链接'],
  phone: ['联系电话', '咨询电话', '办公电话', '电话', '联系方式'],
  fax: ['传真'],
  address: ['联系地址', '办公地址', '通讯地址', '地址'],
  postcode: ['邮政编码', '邮编'],
  email: ['电子邮箱', '电子信箱', '电子邮件', '邮箱', 'E-mail', 'Email', 'email', 'e-mail'],
};

/**
 * What people type to ask for a field (normalized, simplified). Tested in order; the website words are
 * phrases, since 网站 alone is a figure (政府网站公开政府信息数) — "网站公开多少条" asks for a count.
 */
export const REPORT_DETAIL_WORDS: [ReportDetailField, RegExp][] = [
  ['published', /什么时候(?:发布|公布|公开|印发|出|发)|何时(?:发布|公布|公开|印发)|哪天(?:发布|公布|公开)|几号(?:发布|公布)|发布(?:时间|日期)|公布(?:时间|日期)|成文日期|印发日期|哪一?天发的|什么时间(?:发布|公布)/],
  ['website', /网址|网站地址|哪个网站|什么网站|哪个网页|链接|原文在哪|在哪[里儿]?(?:能|可以)?(?:看|查|下载|找)|哪里(?:能|可以)?(?:看|查|下载|找)/],
  ['phone', /联系电话|咨询电话|办公电话|电话|联系方式|怎么联系|如何联系|热线/],
  ['fax', /传真/],
  ['address', /地址|在哪[里儿]?办公|办公地点|办公室在哪|在什么地方|在哪[里儿]?$/],
  ['postcode', /邮编|邮政编码/],
  ['email', /电子邮箱|邮箱|电子邮件|电子信箱|e-?mail|email/i],
  ['title', /标题|题目|报告名称|报告全称|报告叫什么|叫什么名字/],
];
