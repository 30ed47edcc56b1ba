/**
 * Converter damage (PDF → Markdown): placeholder column headers (数据1…数据7), a header row invented
 * mid-table at a page break, label typos (钩稽关系, 三三、, 先行有效件数, 行政执法案件, 行政法复议), and
 * a 其他处理 sub-row that lost its "3.". Fixtures are our own texts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { processFile } from '../../src/ingest/process-file.ts';
import { isPlaceholderHeaderRow } from '../../src/catalogue/converter-damage.ts';
import type { ParsedReport } from '../../src/ingest/model.ts';

function parse(name: string, text?: string): ParsedReport {
  const bytes = text !== undefined ? Buffer.from(text) : readFileSync(new URL(`../fixtures/variants/${name}`, import.meta.url));
  const r = processFile(name, bytes);
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}
const cells = (r: ParsedReport, metric: string) =>
  r.figures
    .filter((f) => f.metric === metric && f.origin === 'table')
    .map((f) => (f.cell === 'undecided' ? 'undecided' : f.value));

describe('PDF → Markdown converter damage', () => {
  const r = parse('2021-markdown-converter-damage.md');

  test('placeholder header rows are not values, at the top or mid-table', () => {
    expect(isPlaceholderHeaderRow('| 申请人情况 | 数据1 | 数据2 | 数据3 |')).toBe(true);
    expect(isPlaceholderHeaderRow('| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 |')).toBe(false);
    // The row before the invented header keeps its own 7 cells.
    expect(cells(r, 'requests.result.unavailable.not_held')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(cells(r, 'requests.result.unavailable.needs_creation')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(r.warnings).toEqual([]);
  });

  test('label typos still find their rows', () => {
    expect(r.format).toBe('2021');
    expect(cells(r, 'normative_docs.in_force')).toEqual([12]); // 先行有效件数
    expect(cells(r, 'requests.result.withheld.enforcement_file')).toEqual([1, 0, 0, 0, 0, 0, 1]); // 行政执法案件
    expect(cells(r, 'requests.result.disclosed')).toEqual([2, 1, 0, 0, 0, 0, 3]); // after 三三、本年度办理结果
    expect(cells(r, 'requests.result.total')).toEqual([5, 1, 0, 0, 0, 0, 6]);
    expect(cells(r, 'review.total')).toEqual([1]); // 行政法复议
    expect(cells(r, 'review.upheld')).toEqual([1]);
    expect(cells(r, 'litigation.direct.total')).toEqual([0]);
  });
});

describe('a squeezed 其他处理 whose third sub-row lost its "3."', () => {
  const row = (label: string, v: string) => `${label}${v}`;
  const zeros = '0 0 0 0 0 0 0';
  const t3 = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
    row('一、本年新收政府信息公开申请数量', '2 0 0 0 0 0 2'),
    row('二、上年结转政府信息公开申请数量', zeros),
    row('三、本年度办理结果（一）予以公开', '1 0 0 0 0 0 1'),
    row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', zeros),
    row('（三）不予公开1.属于国家秘密', zeros),
    ...['2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'].map((l) => row(l, zeros)),
    row('（四）无法提供1.本机关不掌握相关政府信息', zeros),
    row('2.没有现成信息需要另行制作', zeros),
    row('3.补正后申请内容仍不明确', zeros),
    row('（五）不予处理1.信访举报投诉类申请', zeros),
    ...['2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'].map((l) => row(l, zeros)),
    row('（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', zeros),
    row('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', zeros),
    row('其他', '1 0 0 0 0 0 1'),
    row('（七）总计', '2 0 0 0 0 0 2'),
    row('四、结转下年度继续办理', zeros),
  ].join('');
  const text = ['厦门市同安区民政局2021年政府信息公开工作年度报告', '一、总体情况', '本局依法公开。', '三、收到和处理政府信息公开申请情况', t3, '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '无。'].join('\n');
  const r = parse('other-lost-ordinal.txt', text);

  test('the sub-row is found; its cells are its own', () => {
    expect(cells(r, 'requests.result.other_handling.other')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(cells(r, 'requests.result.other_handling.no_fee')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(cells(r, 'requests.result.total')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.warnings.filter((w) => w.code.startsWith('table.') && w.code !== 'table.missing')).toEqual([]);
  });
});
