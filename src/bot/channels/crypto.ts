/** Signature primitives the adapters share. Comparisons are constant-time, also across lengths. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Constant-time string equality: both sides are hashed first so unequal lengths leak nothing. */
export function safeEqual(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

export const hmacSha256 = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();
export const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
export const sha1Hex = (data: string) => createHash('sha1').update(data, 'utf8').digest('hex');

/** Seconds or milliseconds since the epoch → ms; null when not a plausible timestamp. */
export function timestampMs(raw: string | undefined, unit: 's' | 'ms'): number | null {
  if (!raw || !/^\d{1,16}$/.test(raw)) return null;
  const n = Number(raw);
  return unit === 's' ? n * 1000 : n;
}

export function withinWindow(tsMs: number | null, nowMs: number, windowMs: number): boolean {
  return tsMs !== null && Math.abs(nowMs - tsMs) <= windowMs;
}
