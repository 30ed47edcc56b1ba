/**
 * Bytes → text. Reports arrive as UTF-8 (with or without BOM), UTF-16 (Word's "Unicode text", often
 * BOM-less) or GB18030/GBK (older Windows tools). We detect rather than assume: a BOM decides; otherwise
 * strict UTF-8 is tried first and every candidate is judged by how much of it reads as Chinese text
 * (share of GB2312 characters, replacement and control characters). Errors are values.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { IngestError } from '../model.ts';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; bom: boolean }
  | { ok: false; error: IngestError };

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Byte-order marks, longest first. */
const BOMS: { bytes: number[]; encoding: Encoding }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Signatures of files that are not text at all, and what to tell the user. */
const BINARY_SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件请先转换为文本（如 pdftotext -layout） / PDF: convert to text first' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP/Office（docx、xlsx）文件请先另存为文本或网页 / ZIP or Office file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'Word/Excel（doc、xls）文件请先另存为文本或网页 / legacy Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片，请先做文字识别 / PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片，请先做文字识别 / JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片 / GIF image' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩文件，请先解压 / gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩文件，请先解压 / RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩文件，请先解压 / 7z archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文件请先另存为文本 / RTF file' },
];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  if (buf.length < bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[i] !== bytes[i]) return false;
  return true;
}

/**
 * Per UTF-16 code unit: 2 = reads as Chinese text (GB2312 set, ASCII printable, whitespace),
 * 1 = some other plausible character, 0 = implausible (controls, private use, U+FFFD, lone surrogates).
 * Built once, lazily, from iconv-lite's own GB2312 table.
 */
let charClass: Uint8Array | null = null;
function classes(): Uint8Array {
  if (charClass) return charClass;
  const table = new Uint8Array(0x10000).fill(1);
  for (let c = 0; c < 0x20; c++) table[c] = 0;
  table[0x09] = table[0x0a] = table[0x0d] = table[0x0c] = 2;
  for (let c = 0x20; c < 0x7f; c++) table[c] = 2;
  for (let c = 0x7f; c < 0xa0; c++) table[c] = 0;
  for (let c = 0xd800; c < 0xe000; c++) table[c] = 0;
  for (let c = 0xe000; c < 0xf900; c++) table[c] = 0; // private use
  table[0xfffd] = 0;
  table[0xfeff] = 1;
  // GB2312 symbol rows (A1–A9) and level-1 hanzi rows (B0–D7: the 3755 most common characters, nearly
  // all of running text). Level-2 hanzi stay neutral: UTF-8 bytes misread as GBK land mostly there.
  const rows = [...range(0xa1, 0xa9), ...range(0xb0, 0xd7)];
  const bytes = Buffer.alloc(rows.length * 94 * 2);
  let k = 0;
  for (const r of rows) {
    for (let c = 0xa1; c <= 0xfe; c++) {
      bytes[k++] = r;
      bytes[k++] = c;
    }
  }
  const chars = iconv.decode(bytes, 'gb2312');
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (code !== 0xfffd) table[code] = 2;
  }
  for (const c of [0x3000, 0x00a0, 0xff0c, 0xff1a, 0xff1b, 0xff08, 0xff09]) table[c] = 2;
  charClass = table;
  return table;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

interface Score {
  /** Share of characters that read as Chinese text. */
  good: number;
  /** Share of implausible characters. */
  bad: number;
}

/** Judge a decoding on (at most) its first 64K characters: enough to tell, cheap for big files. */
export function scoreText(text: string): Score {
  const table = classes();
  const n = Math.min(text.length, 65536);
  if (n === 0) return { good: 0, bad: 0 };
  let good = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = table[text.charCodeAt(i)];
    if (c === 2) good++;
    else if (c === 0) bad++;
  }
  return { good: good / n, bad: bad / n };
}

function decodeAs(buf: Buffer, encoding: Encoding): string {
  if (encoding === 'utf-8') return buf.toString('utf8');
  if (encoding === 'utf-16le') return buf.toString('utf16le');
  return iconv.decode(buf, encoding);
}

/**
 * The text when the bytes are valid UTF-8, else null. (Same as a fatal TextDecoder — the buffer never
 * starts with a BOM here — but validating natively and then decoding is several times faster, and a
 * GBK file costs no exception.)
 */
function tryStrictUtf8(buf: Buffer): string | null {
  return isUtf8(buf) ? buf.toString('utf8') : null;
}

/**
 * NULs betray UTF-16 without a BOM (ASCII puts its zero byte at odd offsets in LE, even in BE; CJK
 * characters like U+5F00 put one on the other side). Text in any 8-bit encoding has no NULs.
 */
function hasNul(buf: Buffer): boolean {
  return buf.subarray(0, 65536).indexOf(0) !== -1;
}

function err(code: IngestError['code'], message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}

const WHITESPACE_ONLY = /^[\s\ufeff]*$/u;
/** A decoding is accepted when most of it reads as text and little is garbage. */
const MIN_GOOD = 0.6;
const MAX_BAD = 0.02;

function finish(text: string, encoding: Encoding, bom: boolean): DecodeResult {
  if (WHITESPACE_ONLY.test(text)) return err('empty', '文件只有空白 / file is blank');
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, bom };
}

export function decodeBytes(buf: Buffer): DecodeResult {
  if (buf.length === 0) return err('empty', '文件为空（0 字节） / file is empty');

  for (const bom of BOMS) {
    if (startsWith(buf, bom.bytes)) {
      return finish(decodeAs(buf.subarray(bom.bytes.length), bom.encoding), bom.encoding, true);
    }
  }
  for (const sig of BINARY_SIGNATURES) {
    if (startsWith(buf, sig.bytes)) return err('binary', `不是文本文件：${sig.what}`);
  }

  if (hasNul(buf)) {
    const best = bestOf(buf, ['utf-16le', 'utf-16be']);
    if (best.score.good >= MIN_GOOD && best.score.bad <= MAX_BAD) return finish(best.text, best.encoding, false);
    return err('binary', '不是文本文件（含 NUL 字节，也不是 UTF-16 文本） / binary file');
  }

  const utf8 = tryStrictUtf8(buf);
  if (utf8 !== null) {
    const s = scoreText(utf8);
    if (s.bad <= MAX_BAD) return finish(utf8, 'utf-8', false);
    // Valid UTF-8 full of control characters: a binary file, unless another reading is clean.
  }

  // No BOM, no NULs, not clean UTF-8: GB18030 is the usual suspect; BOM-less pure-CJK UTF-16 has no
  // NULs to betray it, so it competes on score too.
  const candidates: Encoding[] = ['gb18030'];
  if (buf.length % 2 === 0) candidates.push('utf-16le', 'utf-16be');
  const best = bestOf(buf, candidates);
  if (utf8 === null) {
    // UTF-8 with a damaged byte or two (a truncated download, a bad sector) is still UTF-8: read as
    // GBK it would be mojibake throughout. A GBK file read as UTF-8 has a U+FFFD for every hanzi.
    const lenient = buf.toString('utf8');
    const s = scoreText(lenient);
    if (replacements(lenient) <= Math.max(8, lenient.length / 200) && merit(s) > merit(best.score) && s.good >= MIN_GOOD) {
      return finish(lenient, 'utf-8', false);
    }
  }
  if (best.score.good >= MIN_GOOD && best.score.bad <= MAX_BAD) {
    return finish(best.text, best.encoding, false);
  }
  if (utf8 !== null) return err('binary', '不是文本文件（含控制字符） / binary file');
  if (controlShare(buf) > 0.05) return err('binary', '不是文本文件（含控制字符） / binary file');
  return err(
    'undecodable',
    '无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030 中文文本） / cannot decode as UTF-8, UTF-16 or GB18030',
  );
}

function bestOf(buf: Buffer, candidates: Encoding[]): { text: string; encoding: Encoding; score: Score } {
  let best: { text: string; encoding: Encoding; score: Score } | null = null;
  for (const encoding of candidates) {
    const text = decodeAs(buf, encoding);
    const score = scoreText(text);
    if (!best || merit(score) > merit(best.score)) best = { text, encoding, score };
  }
  return best!;
}

function merit(s: Score): number {
  return s.good - 3 * s.bad;
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function controlShare(buf: Buffer): number {
  const n = Math.min(buf.length, 8192);
  let ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) ctl++;
  }
  return ctl / n;
}
