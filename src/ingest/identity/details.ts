/**
 * The report's own details as printed — contact phone, address, e-mail, postcode, website, publication
 * date — each with the line it stands on, so "统计局的联系电话是多少" is answered from the report and
 * cited like a figure. Pure: document in, details out.
 *
 * Contact passages are wrapped like any other text ("地址：温州市广场路" | "188 号…,电话：0577-…"), so a
 * field is read from its label's line joined with the next few, and cited at the label's line.
 */
import { REPORT_DETAIL_LABELS, type ReportDetailField } from '../../catalogue/report-details.ts';
import type { ReportDetail } from '../model.ts';
import { sourceAt, type ReportDocument } from '../text/document.ts';

/** Lines joined after a label's line: a wrapped address or e-mail runs on for two or three. */
const JOIN = 3;
/** Where a field's value stops: the next label, a sentence or clause end, a closing bracket. */
const STOP = '(?=[，,；;。]|\\s{2,}|(?:联系)?(?:地址|邮编|邮政编码|电话|传真|电子邮箱|邮箱|网址|E-?mail)[:：]|$)';
const VALUE: Record<Exclude<ReportDetailField, 'website' | 'published' | 'title'>, RegExp> = {
  phone: /^[\s（(]*((?:\d{3,4}[-－—\s]?)?\d{7,8}(?:[-－—]\d{1,5})?(?:[、，,或/]\s*(?:\d{3,4}[-－—]?)?\d{7,8})*)/u,
  fax: /^[\s（(]*((?:\d{3,4}[-－—\s]?)?\d{7,8})/u,
  postcode: /^\s*(\d{6})(?!\d)/u,
  email: /^\s*([A-Za-z0-9._%+-]+\s*@\s*[A-Za-z0-9-]+(?:\s*\.\s*[A-Za-z0-9-]+)+)/u,
  address: new RegExp(`^\\s*(\\S[^：:，,；;。]{3,60}?)${STOP}`, 'u'),
};

const URL = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+|(?<![\w./@])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[A-Za-z0-9\-._~/?#=&%]*/u;
const DATE = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?/u;

function labelRe(labels: readonly string[]): RegExp {
  return new RegExp(`(${[...labels].sort((a, b) => b.length - a.length).join('|')})\\s*[:：]\\s*`, 'u');
}
const LABEL_RES = Object.fromEntries(Object.entries(REPORT_DETAIL_LABELS).map(([k, v]) => [k, labelRe(v)])) as Record<ReportDetailField, RegExp>;

/** An address cut at a clause end may keep the bracket that opened the passage ("…1268 号)"): drop it. */
function balanced(s: string): string {
  const open = (s.match(/[（(]/gu) ?? []).length;
  const close = (s.match(/[）)]/gu) ?? []).length;
  return close > open ? s.replace(/[）)]$/u, '') : open > close ? s.replace(/^[（(]/u, '') : s;
}

/** The report's details, each once (the first place it is printed). */
export function readDetails(doc: ReportDocument, known: { title: string; website: string | null; published: string | null }): ReportDetail[] {
  const out: ReportDetail[] = [];
  const have = new Set<ReportDetailField>();
  const add = (field: ReportDetailField, value: string, i: number) => {
    if (have.has(field) || value === '') return;
    have.add(field);
    out.push({ field, value, source: sourceAt(doc, i) });
  };
  const n = doc.norm.length;
  for (let i = 0; i < n; i++) {
    const line = doc.norm[i]!;
    if (!/[:：]/u.test(line) && !URL.test(line)) continue;
    const joined = doc.norm.slice(i, i + JOIN + 1).join('');
    // Matched on the normalized text, quoted as printed: the same offsets in the verbatim lines when
    // normalizing kept the length (full-width brackets and digits, Traditional characters map 1:1).
    const printed = doc.lines.slice(i, i + JOIN + 1).join('');
    const asPrinted = (start: number, text: string) => (printed.length === joined.length ? printed.slice(start, start + text.length) : text);
    for (const field of ['phone', 'fax', 'postcode', 'email', 'address'] as const) {
      if (have.has(field)) continue;
      const label = LABEL_RES[field].exec(line);
      if (!label) continue;
      const from = label.index + label[0].length;
      const m = VALUE[field].exec(joined.slice(from));
      if (!m) continue;
      // Numbers and e-mail are kept normalized (a full-width ＠ or ０５７７ is no address to dial or write to).
      const value = field === 'address' ? asPrinted(from + m.index + m[0].indexOf(m[1]!), m[1]!) : m[1]!;
      add(field, field === 'email' ? value.replace(/\s+/gu, '') : balanced(value.trim()), i);
    }
    if (!have.has('website')) {
      const m = URL.exec(line);
      if (m && (known.website === null || known.website.includes(m[0].replace(/[.,;:)）]+$/u, '')))) add('website', known.website ?? m[0], i);
    }
  }
  // The publication date: a labelled one ("发布时间：…", "成文日期：…"), else the signature's date.
  const published = known.published;
  if (published) {
    const [y, mo, d] = published.split('-').map(Number);
    const same = (s: string) => {
      const m = DATE.exec(s);
      return m !== null && Number(m[1]) === y && Number(m[2]) === mo && Number(m[3]) === d;
    };
    let at = -1;
    for (let i = 0; i < n && at < 0; i++) if (LABEL_RES.published.test(doc.norm[i]!) && same(doc.norm[i]!)) at = i;
    for (let i = n - 1; i >= 0 && at < 0; i--) if (same(doc.norm[i]!)) at = i;
    if (at >= 0) add('published', published, at);
  }
  // The title line as printed (the report's own name for itself).
  const squeezedTitle = known.title.replace(/\s+/gu, '');
  for (let i = 0; i < Math.min(n, 40); i++) {
    const s = doc.norm[i]!.replace(/\s+/gu, '');
    if (s.length >= 4 && squeezedTitle.includes(s)) {
      add('title', known.title, i);
      break;
    }
  }
  return out;
}
