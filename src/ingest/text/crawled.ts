/**
 * A crawler's saved page text (page.txt): a `key: value` header block (标题, 发布时间, 发布机构, 原文链接 …),
 * often a "==== 正文 ====" separator, then the body — sometimes with the portal's breadcrumb and share
 * buttons in front. Pure: lines in, the header's metadata and where the body starts out. The header is
 * metadata, not report text: only its title becomes a logical line (cited at the header line and the
 * column its value starts), so that identity can read the agency and year from it.
 */
import { BODY_SEPARATOR, BREADCRUMB_START, CHROME_REACH, CHROME_TOKENS, HEADER_KEYS, HEADER_NOTE } from '../../catalogue/page-chrome.ts';

export interface HeaderField {
  key: string;
  value: string;
  /** 0-based line index and 0-based index in that line where the value starts. */
  line: number;
  start: number;
}

export interface CrawledPage {
  /** By kind (title, published, publisher, url); the first non-empty value of each kind. */
  meta: Partial<Record<'title' | 'published' | 'publisher' | 'url', HeaderField>>;
  fields: HeaderField[];
  /** 0-based index of the first body line. */
  bodyStart: number;
}

const KEY_LINE = /^\s*([\p{sc=Han}A-Za-z]{1,6})\s*[:：]\s*(.*?)\s*$/u;
/** Lines looked at for a header block; a header block has at least this many known keys. */
const HEADER_REACH = 20;
const MIN_KEYS = 3;

function keyField(line: string, i: number): HeaderField | null {
  const m = KEY_LINE.exec(line);
  if (!m) return null;
  const key = m[1];
  if (!(key in HEADER_KEYS) && !(key.toLowerCase() in HEADER_KEYS)) return null;
  const value = m[2];
  const start = value === '' ? line.length : line.indexOf(value, line.indexOf(key) + key.length);
  return { key, value, line: i, start };
}

/**
 * The header block at the top of a crawled page, or null when the text does not start with one.
 * The block is the run of key lines (blank lines and notes allowed) from the first non-blank line,
 * ended by a separator line or the first line that is neither.
 */
export function readCrawledHeader(lines: readonly string[]): CrawledPage | null {
  const fields: HeaderField[] = [];
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  let bodyStart = -1;
  for (; i < Math.min(lines.length, HEADER_REACH); i++) {
    const line = lines[i];
    if (line.trim() === '' || HEADER_NOTE.test(line.trim())) continue;
    if (BODY_SEPARATOR.test(line.trim())) {
      bodyStart = i + 1;
      break;
    }
    const f = keyField(line, i);
    if (!f) {
      bodyStart = i;
      break;
    }
    fields.push(f);
  }
  if (bodyStart < 0) bodyStart = i;
  if (fields.length < MIN_KEYS || fields[0].line !== lines.findIndex((l) => l.trim() !== '')) return null;
  const meta: CrawledPage['meta'] = {};
  for (const f of fields) {
    const kind = HEADER_KEYS[f.key] ?? HEADER_KEYS[f.key.toLowerCase()];
    if (kind === 'other' || f.value === '' || meta[kind]) continue;
    meta[kind] = f;
  }
  return { meta, fields, bodyStart };
}

const isBlank = (c: string | undefined) => c === undefined || /\s/u.test(c);

/**
 * Where the report starts in a body line that opens with a breadcrumb ("当前位置： 首页政务公开… 来源：
 * 时间：… 微信 微博 … 相关链接： 根据《条例》…"): after the last stand-alone chrome word within reach.
 * 0 when the line does not open with a breadcrumb or no chrome word closes it.
 */
export function afterBreadcrumb(line: string): number {
  if (!BREADCRUMB_START.test(line)) return 0;
  const reach = line.slice(0, CHROME_REACH);
  let cut = 0;
  for (const token of CHROME_TOKENS) {
    let from = 0;
    for (;;) {
      const at = reach.indexOf(token, from);
      if (at < 0) break;
      from = at + 1;
      // Only a chrome word standing alone between blanks: the report's own words run on without them.
      if (isBlank(reach[at - 1]) && isBlank(reach[at + token.length])) cut = Math.max(cut, at + token.length);
    }
  }
  while (cut < line.length && /\s/u.test(line[cut])) cut++;
  return cut;
}
