/**
 * What a report file may be before it is read, and the damage tolerated on the way in. Pure (bytes and
 * text in, verdicts out); the limits are here, in one place, with why.
 */
import type { ReportWarning } from '../model.ts';

/**
 * Largest file read as a report. Annual reports are 10–300 KB as text and up to a few MB as saved web
 * pages; a file beyond this is a dump, an archive or a concatenation, and reading it whole would cost
 * ~14× its size in memory (a 50 MB file peaked at 686 MB).
 */
export const MAX_REPORT_BYTES = 16 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

export function tooLargeMessage(size: number): string {
  return `文件过大（${mb(size)}，上限 ${mb(MAX_REPORT_BYTES)}）：一份年度报告通常不足 1 MB，这可能是多份报告拼接或别的文件；请拆分后再入库 / file too large`;
}

/**
 * Stray NUL bytes (a damaged copy, a crawler's padding) in a text that is not UTF-16: up to this many, or
 * one per this many bytes, they are dropped with a warning instead of turning the whole report away as binary.
 */
const MAX_STRAY_NULS = 64;
const STRAY_NUL_RATIO = 1 / 1000;

export function countNuls(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0); i !== -1; i = buf.indexOf(0, i + 1)) n++;
  return n;
}

/** The bytes without their NULs, when there are few enough of them to be damage rather than a binary file. */
export function withoutStrayNuls(buf: Buffer): { bytes: Buffer; removed: number } | null {
  const removed = countNuls(buf);
  if (removed === 0 || removed > Math.max(MAX_STRAY_NULS, buf.length * STRAY_NUL_RATIO)) return null;
  const out = Buffer.allocUnsafe(buf.length - removed);
  let o = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] !== 0) out[o++] = buf[i]!;
  return { bytes: out, removed };
}

export function nulWarning(removed: number): ReportWarning {
  return {
    code: 'text.nul_removed',
    message: `文件中有 ${removed} 个 NUL 字节（文件损坏或填充），已忽略后按文本读取`,
    line: null,
    line2: null,
    metric: null,
  };
}

/** The opening this long must recur for the text to count as one report written out several times. */
const REPEAT_PROBE = 200;

/**
 * A text that is one block repeated (a report saved N times into one file): the first copy and the number
 * of copies. Only whole repeats: the opening must recur and the second copy equal the first.
 */
export function repeatedBlock(text: string): { first: string; copies: number } | null {
  const start = text.search(/\S/u);
  if (start < 0 || text.length - start < REPEAT_PROBE * 2) return null;
  const probe = text.slice(start, start + REPEAT_PROBE);
  const next = text.indexOf(probe, start + REPEAT_PROBE);
  if (next < 0) return null;
  const period = next - start;
  if (text.slice(next, next + period) !== text.slice(start, start + period)) return null;
  let copies = 1;
  for (let i = next; i !== -1; i = text.indexOf(probe, i + period)) copies++;
  return { first: text.slice(0, next), copies };
}

export function repeatWarning(copies: number, lines: number): ReportWarning {
  return {
    code: 'text.repeated',
    message: `文件中同一份报告重复了 ${copies} 次：只读取第一份（第 1–${lines} 行），其余未入库`,
    line: 1,
    line2: null,
    metric: null,
  };
}
