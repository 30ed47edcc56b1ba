import { describe, expect, test } from 'vitest';
import { boundaryOf, parseMultipart } from '../../src/web/multipart.ts';

const B = 'XyZ123';
const body = (parts: string[]) => Buffer.from(parts.map((p) => `--${B}\r\n${p}\r\n`).join('') + `--${B}--\r\n`, 'latin1');

describe('multipart/form-data of the upload form', () => {
  test('fields and a file with bytes kept as sent (GBK stays GBK)', () => {
    const gbk = Buffer.from([0xc4, 0xea, 0xb6, 0xc8, 0x0d, 0x0a, 0x31]); // 年度\r\n1
    const raw = Buffer.concat([
      Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--${B}\r\nContent-Disposition: form-data; name="report"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`),
      gbk,
      Buffer.from(`\r\n--${B}--\r\n`),
    ]);
    const r = parseMultipart(raw, B);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parts.map((p) => [p.name, p.filename, p.contentType, p.data.toString('latin1')])).toEqual([
      ['note', undefined, undefined, 'hi'],
      ['report', 'a.txt', 'text/plain', gbk.toString('latin1')],
    ]);
  });

  test('boundary from the header, quoted or not; broken bodies are errors with a reason', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${B}`)).toBe(B);
    expect(boundaryOf(`multipart/form-data; boundary="${B}"`)).toBe(B);
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(parseMultipart(Buffer.from('nothing'), B)).toEqual({ ok: false, reason: '表单格式不正确（没有分隔符）' });
    expect(parseMultipart(Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nx`), B)).toEqual({ ok: false, reason: '表单不完整（缺少结尾）' });
    expect(parseMultipart(body(['Content-Disposition: form-data\r\n\r\nx']), B)).toEqual({ ok: false, reason: '表单格式不正确（字段没有名称）' });
  });
});
