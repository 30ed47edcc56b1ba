import { describe, test, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { decodeBytes } from '../../src/ingest/text/decode.ts';

const seed = (name: string): string =>
  readFileSync(new URL(`../../data/reports/${name}`, import.meta.url), 'utf8');
const LUCHENG = seed('002_ebc6c56e4ff49493.txt');
const SHANGWU = seed('004_8d900a062941073b.txt');

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
const BOM16LE = Buffer.from([0xff, 0xfe]);
const BOM16BE = Buffer.from([0xfe, 0xff]);
const utf16be = (s: string): Buffer => iconv.encode(s, 'utf-16be');

describe('decodeBytes: every encoding a report arrives in', () => {
  test.each([
    ['UTF-8', Buffer.from(LUCHENG), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([BOM8, Buffer.from(LUCHENG)]), 'utf-8', true],
    ['GBK', iconv.encode(LUCHENG, 'gbk'), 'gb18030', false],
    ['GB18030', iconv.encode(LUCHENG, 'gb18030'), 'gb18030', false],
    ['UTF-16LE with BOM', Buffer.concat([BOM16LE, Buffer.from(LUCHENG, 'utf16le')]), 'utf-16le', true],
    ['UTF-16BE with BOM', Buffer.concat([BOM16BE, utf16be(LUCHENG)]), 'utf-16be', true],
    ['UTF-16LE without BOM', Buffer.from(LUCHENG, 'utf16le'), 'utf-16le', false],
    ['UTF-16BE without BOM', utf16be(LUCHENG), 'utf-16be', false],
  ])('%s → the seed text, exactly', (_name, bytes, encoding, bom) => {
    const r = decodeBytes(bytes);
    expect(r).toMatchObject({ ok: true, encoding, bom });
    if (r.ok) {
      expect(r.text).toBe(LUCHENG);
      expect(r.text.startsWith(' 温州市鹿城区人民政府 2020 年政府信息')).toBe(true);
    }
  });

  test('the pre-2019 seed in GBK keeps its table (tabs, 填报日期)', () => {
    const r = decodeBytes(iconv.encode(SHANGWU, 'gbk'));
    expect(r.ok && r.text).toBe(SHANGWU);
    expect(r.ok && r.text.includes('填报日期：2019.1.2')).toBe(true);
  });

  // Pure-CJK UTF-16 has no ASCII, so no NUL pattern of ASCII to betray it; the score decides.
  test.each([
    ['UTF-16LE', Buffer.from('温州市鹿城区人民政府政府信息公开工作年度报告', 'utf16le'), 'utf-16le'],
    ['UTF-16BE', utf16be('温州市鹿城区人民政府政府信息公开工作年度报告'), 'utf-16be'],
  ])('BOM-less pure-CJK %s', (_n, bytes, encoding) => {
    const r = decodeBytes(bytes);
    expect(r).toMatchObject({ ok: true, encoding, text: '温州市鹿城区人民政府政府信息公开工作年度报告' });
  });

  test('a short GBK string is not mistaken for UTF-8', () => {
    expect(decodeBytes(iconv.encode('收到申请 5 件', 'gbk'))).toMatchObject({ ok: true, text: '收到申请 5 件', encoding: 'gb18030' });
  });

  test('plain ASCII is UTF-8', () => {
    expect(decodeBytes(Buffer.from('hello\n'))).toMatchObject({ ok: true, encoding: 'utf-8', text: 'hello\n' });
  });
});

describe('decodeBytes: errors as values', () => {
  test.each([
    ['0 bytes', Buffer.alloc(0), 'empty', '文件为空'],
    ['only whitespace', Buffer.from(' \r\n\t\n'), 'empty', '空白'],
    ['only a BOM and blanks', Buffer.concat([BOM8, Buffer.from('\n\u3000\n')]), 'empty', '空白'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary', 'PDF 文件请先转换为文本'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'binary', 'PNG'],
    ['a docx (ZIP)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), 'binary', 'docx'],
    ['a legacy .doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'binary', 'doc'],
    ['NULs that are not UTF-16', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)), 'binary', 'NUL'],
    ['control bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => [1, 2, 3, 0x41, 5, 6][i % 6])), 'binary', '控制字符'],
  ])('%s → %s', (_name, bytes, code, words) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).toContain(words);
    }
  });

  test('high bytes that read as nothing → undecodable, with a Chinese message', () => {
    const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 37) % 64)));
    const r = decodeBytes(bytes);
    expect(r).toMatchObject({ ok: false, error: { code: 'undecodable' } });
    if (!r.ok) expect(r.error.message).toMatch(/无法识别文件编码/);
  });
});

describe('decodeBytes: damaged UTF-8', () => {
  test('one corrupt byte and a character cut at the end: still UTF-8, not GBK mojibake', () => {
    const buf = Buffer.from(LUCHENG);
    buf[200] = 0xff;
    const cut = buf.subarray(0, buf.length - 4);
    const r = decodeBytes(Buffer.concat([cut, Buffer.from([0xe5, 0xb9])]));
    expect(r).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(r.ok && r.text.startsWith(' 温州市鹿城区人民政府 2020 年政府信息')).toBe(true);
  });
});

describe('decodeBytes: GBK that lenient UTF-8 could swallow', () => {
  test('mostly ASCII with a few hanzi stays GB18030 (every hanzi would be a U+FFFD in UTF-8)', () => {
    const text = `${'<td>0</td><td>1</td>\n'.repeat(100)}<p>总计</p>\n`;
    expect(decodeBytes(iconv.encode(text, 'gbk'))).toMatchObject({ ok: true, encoding: 'gb18030', text });
  });
});
