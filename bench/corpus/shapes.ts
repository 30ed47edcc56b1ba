/**
 * Shapes real reports reach us in, applied to an assembled report's lines (issue 10): a crawler's
 * page.txt (key: value header, the body squeezed onto one line), page numbers inside the text, sentences
 * wrapped in the middle of a figure, a place character of the agency's name misread, minified HTML.
 * Each keeps every true cell and prose figure on the line that really prints it, so the sidecar stays exact.
 */
import { confusablesOf } from '../../src/catalogue/confusables.ts';
import type { Rng } from './prng.ts';
import type { Line } from './layouts.ts';

const mark = (lines: Line[], d: 'squeezed') => {
  for (const l of lines) for (const c of l.cells) if (!c.damage.includes(d)) c.damage.push(d);
};

/**
 * A crawler's page.txt: the metadata header, "==== 正文 ====", then the whole body on one line — all
 * whitespace removed (table rows become digit runs fused to the next label), or squeezed to single
 * spaces. Every cell and prose figure moves to that one line.
 */
export function crawledPage(rng: Rng, body: Line[], meta: { title: string; publisher: string; year: number; site: string }): Line[] {
  const month = rng.int(1, 3);
  const day = rng.int(1, 28);
  const pad = (n: number) => String(n).padStart(2, '0');
  const header: Line[] = [
    { text: `标题: ${meta.title}`, cells: [] },
    { text: `发布时间: ${meta.year + 1}-${pad(month)}-${pad(day)} ${pad(rng.int(8, 18))}:${pad(rng.int(0, 59))}`, cells: [] },
    ...(rng.chance(0.8) ? [{ text: `发布机构: ${meta.publisher}`, cells: [] }] : []),
    { text: `原文链接: ${meta.site}art/${meta.year + 1}/${month}/${day}/art_${rng.int(1000, 9999)}_${rng.int(100000, 999999)}.html`, cells: [] },
    { text: '', cells: [] },
    { text: '==== 正文 ====', cells: [] },
  ];
  const removeAll = rng.chance(0.7);
  const squeeze = (s: string) => (removeAll ? s.replace(/\s+/gu, '') : s.replace(/\s+/gu, ' ').trim());
  const parts = body.map((l) => squeeze(l.text)).filter((t) => t !== '');
  if (removeAll) mark(body, 'squeezed');
  const one: Line = {
    text: parts.join(removeAll ? '' : ' '),
    cells: body.flatMap((l) => l.cells),
    prose: body.flatMap((l) => l.prose ?? []),
  };
  return [...header, one];
}

/** Page numbers as converters leave them between lines — inside tables too. */
export function withPageNumbers(rng: Rng, lines: Line[]): Line[] {
  const every = rng.int(35, 55);
  const pages = Math.ceil(lines.length / every) + 1;
  const style = rng.int(0, 4);
  const pageLine = (p: number): string =>
    style === 0 ? `- ${p} -` : style === 1 ? `— ${p} —` : style === 2 ? `第 ${p} 页 共 ${pages} 页` : style === 3 ? `${p} / ${pages}` : `-${p}-`;
  const out: Line[] = [];
  let page = 1;
  lines.forEach((l, i) => {
    out.push(l);
    if ((i + 1) % every === 0) out.push({ text: '', cells: [] }, { text: pageLine(page++), cells: [] }, { text: '', cells: [] });
  });
  return out;
}

/**
 * A sentence stating a figure wrapped in the middle of its number ("…主动公开政府信息2" / "17条。"), as
 * pdftotext leaves a paragraph that happened to break there. The figure stays cited on the first line.
 */
export function wrapMidFigure(rng: Rng, lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const m = l.prose?.length && l.cells.length === 0 ? /\d{2,}/u.exec(l.text) : null;
    if (!m || !rng.chance(0.5)) {
      out.push(l);
      continue;
    }
    const k = m.index + rng.int(1, m[0].length - 1);
    out.push({ ...l, text: l.text.slice(0, k) }, { text: l.text.slice(k), cells: [] });
  }
  return out;
}

/**
 * The agency's name in the title with one character of its place name misread as a look-alike (鹿城区 →
 * 麓城区), the rest of the report spelling it right. Only the place (`place`: its county or city as
 * named inside `name`) is misread — 健康 in 卫生健康局 is not a place. Null when the place has no such
 * character past the name's first three.
 */
export function misreadName(rng: Rng, name: string, place: string | null): string | null {
  const from = place ? name.indexOf(place) : -1;
  if (from < 0) return null;
  const at: [number, string][] = [];
  [...name].forEach((ch, i) => {
    if (i < 3 || i < from || i >= from + place!.length) return;
    for (const other of confusablesOf(ch)) at.push([i, other]);
  });
  if (at.length === 0) return null;
  const [i, other] = rng.pick(at);
  const chars = [...name];
  chars[i] = other;
  return chars.join('');
}

/** A minified page: the head as written, then everything from <body> on one source line. */
export function minifyHtml(lines: Line[]): Line[] {
  const body = lines.findIndex((l) => l.text.startsWith('<body'));
  if (body < 0) return lines;
  const rest = lines.slice(body);
  return [
    ...lines.slice(0, body),
    { text: rest.map((l) => l.text.trim()).join(''), cells: rest.flatMap((l) => l.cells), prose: rest.flatMap((l) => l.prose ?? []) },
  ];
}
