/** The report's own details read from its text, each at the line it stands on (wrapped passages too). */
import { describe, expect, test } from 'vitest';
import { readDetails } from '../../src/ingest/identity/details.ts';
import { buildDocument } from '../../src/ingest/text/document.ts';

const known: { title: string; website: string | null; published: string | null } = { title: '某县人民政府2022年政府信息公开工作年度报告', website: 'http://www.mouxian.gov.cn', published: '2023-01-30' };
const fields = (lines: string[], k = known) =>
  readDetails(buildDocument(lines), k).map((d) => [d.field, d.value, d.source.line]);

describe('readDetails', () => {
  test('one contact sentence: address, postcode, phone, fax, e-mail; brackets inside the address kept', () => {
    expect(fields([
      '某县人民政府',
      '2022年政府信息公开工作年度报告',
      '本报告可在某县人民政府门户网站（http://www.mouxian.gov.cn）查阅。',
      '如有疑问请与县政府办公室联系（地址：某县城关镇（东区）人民路 8 号；邮编：123456；电话：0123-4567890；传真：0123-4567891；邮箱：gk@mouxian.gov.cn）。',
      '某县人民政府',
      '2023年1月30日',
    ])).toEqual([
      ['website', 'http://www.mouxian.gov.cn', 3],
      ['phone', '0123-4567890', 4],
      ['fax', '0123-4567891', 4],
      ['postcode', '123456', 4],
      ['email', 'gk@mouxian.gov.cn', 4],
      ['address', '某县城关镇（东区）人民路 8 号', 4],
      ['published', '2023-01-30', 6],
      ['title', known.title, 1],
    ]);
  });

  test('a passage wrapped mid-value (PDF layout): read across lines, cited where the label is', () => {
    const got = fields([
      '某县人民政府2022年政府信息公开工作年度报告',
      '如对报告有疑问，可与县政府办公室联系（地址：某县人民',
      '路 8 号县行政中心，电话：0123-4567890，电子邮箱：gk',
      '@mouxian.gov.cn）。',
    ], { ...known, website: null, published: null });
    expect(got).toEqual([
      ['address', '某县人民路 8 号县行政中心', 2],
      ['phone', '0123-4567890', 3],
      ['email', 'gk@mouxian.gov.cn', 3],
      ['title', known.title, 1],
    ]);
  });

  test('nothing printed, nothing invented', () => {
    expect(fields(['某县人民政府2022年政府信息公开工作年度报告', '一、总体情况', '全年主动公开信息 12 条。'], { ...known, website: null, published: null })).toEqual([
      ['title', known.title, 1],
    ]);
  });
});
