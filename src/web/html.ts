/**
 * HTML built by one tagged template that escapes every interpolated value unless it is already Html:
 * report text, agency names and questions can never open a tag or an attribute. Escaping reuses the chat
 * renderer's escapeHtml, plus quotes, because values also land inside attributes (href="…", value="…").
 */
import { escapeHtml } from '../bot/render.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const esc = (s: string): string => escapeHtml(s).replace(/"/g, '&quot;').replace(/'/g, '&#39;');

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return esc(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup we produced ourselves (an SVG from ECharts, a joined list of Html). */
export const raw = (s: string): Html => new Html(s);

/** A query string from the values that are set ("?a=1&b=x"), or '' when none is. */
export function qs(params: Record<string, string | number | readonly (string | number)[] | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length > 0) u.set(k, v.join(','));
    } else u.set(k, String(v));
  }
  const s = u.toString();
  return s ? `?${s}` : '';
}

export const reportHref = (reportId: number, line?: number | null) => `/reports/${reportId}${line ? `#L${line}` : ''}`;
