/** Small statistics helpers for latency samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]): { n: number; p50: number; p90: number; p99: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN, mean };
}

export const ms = (x: number, digits = 3) => `${x.toFixed(digits)} ms`;
export const int = (x: number) => Math.round(x).toLocaleString('en-US');
export const pct = (num: number, den: number, digits = 2) => (den === 0 ? 'n/a' : `${((100 * num) / den).toFixed(digits)}%`);
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
