/** Example questions, offered for help and for questions we cannot answer. */
export const EXAMPLE_QUESTIONS = [
  '鹿城区2020年行政复议多少件？',
  '温州市统计局2020年收到多少政府信息公开申请？',
  '鹿城区2020年复议和诉讼各多少？',
  '2020年哪个单位行政复议最多？',
  '鹿城区2020年公开率是多少？',
  '统计局报告的联系电话是多少？',
  '鹿城区有哪些年份的报告？',
  '有哪些单位？',
];
