/**
 * Answer → chat messages: ONE renderer for every channel. What a chat shows is the Answer's own `text` —
 * the headline, every figure with its source, formulas, totals, verdicts, notes and warnings, exactly as
 * the CLI and the API give it — read into its blocks (src/query/render/lines.ts) and put into the platform's
 * markup (plain, Telegram HTML, Slack mrkdwn, Markdown), then cut to the platform's length: between
 * blocks, then between lines, never inside markup; a quote too long for one message is shortened around
 * the figure it proves, with "…". What the text does not carry (a clarify answer's "reply with the
 * number", warnings and suggestions not in the text) is added after it; nothing is ever left out or
 * rebuilt from `results`, so no internal key (natural, review.total) can reach a chat.
 */
import type { Answer } from '../query/answer.ts';
import { answerBlocks, type AnswerLine } from '../query/render/lines.ts';

export interface RenderStyle {
  escape(text: string): string;
  bold(text: string): string;
  /** A source line; receives escaped text. */
  quote(text: string): string;
  /** Between two blocks. */
  blockSeparator: string;
  /** A list item's number, escaped where the markup would renumber it ("1. 1. 4." is a ranking with ties). */
  item?(escapedLine: string): string;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const STYLES = {
  /** Telegram parse_mode HTML: only & < > need escaping (core.telegram.org/bots/api#html-style). */
  html: { escape: escapeHtml, bold: (s) => `<b>${s}</b>`, quote: (s) => `<blockquote>${s}</blockquote>`, blockSeparator: '\n' },
  /** Slack mrkdwn: only & < > need escaping. */
  slack: { escape: escapeHtml, bold: (s) => `*${s}*`, quote: (s) => `> ${s}`, blockSeparator: '\n' },
  /**
   * CommonMark (Mattermost). A blank line after a quote ends it (else the next line continues the quote);
   * "1. " at a line start would become a list that renumbers the ranking's ties.
   */
  markdown: {
    escape: (s) => s.replace(/([\\`*_[\]<>|~#])/g, '\\$1'),
    bold: (s) => `**${s}**`,
    quote: (s) => `> ${s}`,
    blockSeparator: '\n\n',
    item: (s) => s.replace(/^(\d+)\. /, '$1\\. '),
  },
  /** DingTalk/Feishu/WeCom text messages: the text as it is. */
  plain: { escape: (s) => s, bold: (s) => s, quote: (s) => s, blockSeparator: '\n' },
} satisfies Record<string, RenderStyle>;
export type StyleName = keyof typeof STYLES;

/** One platform's message: its markup, how long a message may be, and how the platform counts. */
export interface Platform {
  style: StyleName;
  limit: number;
  measure?: (s: string) => number;
  /** Whether the reply may be several messages (else one, with a notice when cut). */
  multi?: boolean;
}

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const chars = (s: string) => s.length;

export const TRUNCATED_NOTICE = '（回答过长，以上只列出一部分；请把问题问得更具体，例如指明机关和年份。）';
export const CHOOSE_BY_NUMBER = '回复序号即可选择。';

/** A figure or headline line: the value after the last "：" is bold (when it holds a number or a verdict). */
const VALUE_TAIL_RE = /^(.*：)([^：]*(?:\d|报告未披露|报告未填写|无法准确识别)[^：]*)$/;

function markLine(line: AnswerLine, style: RenderStyle): string {
  const text = line.text.trim() === '' ? line.text : line.kind === 'source' ? line.text.trim() : line.text;
  if (line.kind === 'source') return style.quote(style.escape(text));
  if (line.kind === 'headline' || line.kind === 'figure') {
    const m = VALUE_TAIL_RE.exec(text);
    if (m) return style.escape(m[1]!) + style.bold(style.escape(m[2]!));
  }
  const escaped = style.escape(text);
  return line.kind === 'item' && style.item ? style.item(escaped) : escaped;
}

/** The Answer as blocks of lines: its text, then what the text does not already say. */
export function replyBlocks(answer: Answer, styleName: StyleName): AnswerLine[][] {
  const blocks = answerBlocks(answer.text);
  const candidates = answer.status === 'clarify' ? (answer.candidates ?? []) : [];
  if (candidates.length > 0 && styleName !== 'html') {
    // Text channels cannot show buttons: number the choices (unless the engine already did); replying
    // with the number picks one. Telegram shows buttons instead.
    const listed = candidates.every((c, i) => answer.text.includes(`${i + 1}. ${c.name}`));
    const lines: AnswerLine[] = listed ? [] : candidates.map((c, i) => ({ kind: 'item' as const, text: `${i + 1}. ${c.name}` }));
    blocks.push([...lines, { kind: 'note', text: CHOOSE_BY_NUMBER }]);
  }
  const unsaid = answer.warnings.filter((w) => !answer.text.includes(w.replace(/[。.]$/u, '')));
  if (unsaid.length > 0) blocks.push([{ kind: 'warning', text: `注意：${unsaid.map((w) => w.replace(/[。.]$/u, '')).join('；')}。` }]);
  const suggestions = answer.suggestions.filter((s) => !answer.text.includes(s.replace(/[？?]$/u, '')) && !candidates.some((c) => c.name === s));
  if (suggestions.length > 0 && answer.status !== 'answered') blocks.push([{ kind: 'note', text: `可以试试：${suggestions.join('；')}` }]);
  return blocks;
}

/** Fewest characters of a quote worth showing around its figure. */
const MIN_QUOTE_WINDOW = 40;

/** Numbers a source line's quote should keep in view when it has to be shortened: the block's figures. */
function figuresOf(block: AnswerLine[]): string[] {
  const out: string[] = [];
  for (const l of block) {
    if (l.kind === 'source') continue;
    const tail = VALUE_TAIL_RE.exec(l.text)?.[2] ?? l.text;
    for (const n of tail.match(/\d+(?:\.\d+)?/g) ?? []) if (!/^(?:19|20)\d\d$/.test(n) && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * A source line shortened to what `fits` allows (measured on the marked-up line): title, section and line number
 * kept, the quote cut to a window around the figure (else its start), with "…" where text was left out.
 */
function shortenSource(line: AnswerLine, figures: string[], fits: (l: AnswerLine) => boolean): AnswerLine | null {
  const text = line.text.trim();
  const open = text.lastIndexOf('：“');
  if (open < 0 || !text.endsWith('”')) return shortenPlain(line, fits);
  const head = text.slice(0, open + 2);
  const quote = [...text.slice(open + 2, -1)];
  const joined = quote.join('');
  let at = -1;
  for (const f of figures) {
    const re = new RegExp(`(?<![\\d.])${f.replace('.', '\\.')}(?![\\d.])`);
    const m = re.exec(joined);
    if (m) {
      at = [...joined.slice(0, m.index)].length;
      break;
    }
  }
  // Largest window that fits, found by halving: [start, start + len) around the figure.
  let lo = 0;
  let hi = quote.length;
  let best: AnswerLine | null = null;
  const make = (len: number): AnswerLine => {
    const center = at < 0 ? 0 : at;
    let start = at < 0 ? 0 : Math.max(0, center - Math.floor(len / 2));
    start = Math.min(start, Math.max(0, quote.length - len));
    const end = Math.min(quote.length, start + len);
    const body = (start > 0 ? '…' : '') + quote.slice(start, end).join('') + (end < quote.length ? '…' : '');
    return { kind: 'source', text: `${head}${body}”` };
  };
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = make(mid);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // A window too small to show the figure in its context is no quote: leave the line to the next message.
  return best && best.text.length - head.length >= Math.min(quote.length, MIN_QUOTE_WINDOW) ? best : null;
}

/**
 * Any other line too long for a message: cut by whole characters, ending in "…" — never inside a number
 * ("23" cut to "2" would be a wrong figure): the cut moves back before it.
 */
function shortenPlain(line: AnswerLine, fits: (l: AnswerLine) => boolean): AnswerLine | null {
  const cps = [...line.text];
  const cut = (n: number) => {
    while (n > 0 && n < cps.length && NUMBER_CHAR_RE.test(cps[n - 1]!) && NUMBER_CHAR_RE.test(cps[n]!)) n--;
    return { ...line, text: `${cps.slice(0, n).join('')}…` };
  };
  let lo = 0;
  let hi = cps.length;
  let best: AnswerLine | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const candidate = cut(mid);
    if (fits(candidate)) {
      best = candidate;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best && best.text !== '…' ? best : null;
}
const NUMBER_CHAR_RE = /[\d.,]/;

/**
 * The reply as messages of at most `limit` each. Blocks are packed whole; a block too long for one message
 * goes line by line; a line too long for one message is shortened (a quote around its figure). Markup is
 * applied per line, so a cut never falls inside a tag or a quote.
 */
export function renderMessages(answer: Answer, platform: Platform): string[] {
  const style: RenderStyle = STYLES[platform.style];
  const measure = platform.measure ?? chars;
  const limit = platform.limit;
  const mark = (l: AnswerLine) => markLine(l, style);
  const pieces: string[] = [];
  for (const block of replyBlocks(answer, platform.style)) {
    const marked = block.map(mark).join('\n');
    if (measure(marked) <= limit) {
      pieces.push(marked);
      continue;
    }
    // Too long for one message: line by line, a source kept with its figure by shortening its quote.
    const figures = figuresOf(block);
    let acc = '';
    const withAcc = (m: string) => (acc === '' ? m : `${acc}\n${m}`);
    for (const line of block) {
      const m = mark(line);
      if (measure(withAcc(m)) <= limit) {
        acc = withAcc(m);
        continue;
      }
      if (line.kind === 'source' && acc !== '') {
        const short = shortenSource(line, figures, (l) => measure(withAcc(mark(l))) <= limit);
        if (short) {
          acc = withAcc(mark(short));
          continue;
        }
      }
      if (acc !== '') pieces.push(acc);
      acc = '';
      const fits = (l: AnswerLine) => measure(mark(l)) <= limit;
      const short = measure(m) <= limit ? line : line.kind === 'source' ? (shortenSource(line, figures, fits) ?? shortenPlain(line, fits)) : shortenPlain(line, fits);
      if (short) acc = mark(short);
    }
    if (acc !== '') pieces.push(acc);
  }
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') current = piece;
    else if (measure(current + style.blockSeparator + piece) <= limit) current += style.blockSeparator + piece;
    else {
      messages.push(current);
      current = piece;
    }
  }
  if (current !== '') messages.push(current);
  if (platform.multi || messages.length <= 1) return messages;
  return [fitOne(pieces, style, measure, limit)];
}

/** One message: whole pieces while they fit, then the notice that the answer was cut. */
function fitOne(pieces: string[], style: RenderStyle, measure: (s: string) => number, limit: number): string {
  const notice = style.escape(TRUNCATED_NOTICE);
  const room = limit - measure(style.blockSeparator + notice);
  let kept = '';
  for (const piece of pieces) {
    const next = kept === '' ? piece : kept + style.blockSeparator + piece;
    if (measure(next) > room) break;
    kept = next;
  }
  return kept === '' ? notice : `${kept}${style.blockSeparator}${notice}`;
}

/** The whole reply in one string, uncut (the API-sized view; tests compare it with Answer.text). */
export function renderAnswer(answer: Answer, styleName: StyleName): string {
  const style: RenderStyle = STYLES[styleName];
  return replyBlocks(answer, styleName)
    .map((b) => b.map((l) => markLine(l, style)).join('\n'))
    .join(style.blockSeparator);
}

/**
 * Plain lines (a listing such as /agencies) in messages of at most `limit`: between lines; a line longer
 * than the limit is cut (plain text only — markup would not survive).
 */
export function splitMessage(blocks: string[], limit: number, sep = '\n\n'): string[] {
  const pieces: string[] = [];
  for (const block of blocks) {
    if (block.length <= limit) {
      pieces.push(block);
      continue;
    }
    for (const line of block.split('\n')) {
      if (line.length <= limit) pieces.push(line);
      else for (let i = 0; i < line.length; i += limit) pieces.push(line.slice(i, i + limit));
    }
  }
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current === '') current = piece;
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece;
    else {
      out.push(current);
      current = piece;
    }
  }
  if (current !== '') out.push(current);
  return out;
}
