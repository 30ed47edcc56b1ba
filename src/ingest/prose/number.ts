/** A number as printed in prose: "1,234", "1.5万", "近 20", "1000 余" (余/多/近/约/超过/逾 → approximate). */
export interface ProseNumber {
  value: number;
  approximate: boolean;
}

const NUMBER = /^(近|约|超过|逾|超)?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万)?\s*(余|多)?$/u;

export function parseProseNumber(raw: string): ProseNumber | null {
  const m = NUMBER.exec(raw.trim());
  if (!m) return null;
  const base = Number(m[2].replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  // Round away float noise from "1.2万" × 10000.
  const value = m[3] ? Math.round(base * 10000 * 1e6) / 1e6 : base;
  return { value, approximate: Boolean(m[1] || m[4]) };
}
