/**
 * Answer → chat text. One structured renderer driven by a small table of styles, so every channel
 * shows the same thing: the figure (bold where the platform can), the formula of a computed figure,
 * the citation as a quote, then the report's own caveats and what to try next.
 */
import type { Answer, AnswerResult } from '../query/answer.ts';
import { placeText } from '../query/render/format.ts';

export interface RenderStyle {
  escape(text: string): string;
  bold(text: string): string;
  /** The citation block; receives escaped text. */
  quote(text: string): string;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const STYLES = {
  /** Telegram parse_mode HTML. */
  html: { escape: escapeHtml, bold: (s) => `<b>${s}</b>`, quote: (s) => `<blockquote>${s}</blockquote>` },
  /** Slack mrkdwn: only & < > need escaping. */
  slack: {
    escape: escapeHtml,
    bold: (s) => `*${s}*`,
    quote: (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  },
  /** CommonMark-ish (Mattermost). */
  markdown: {
    escape: (s) => s.replace(/([\\`*_[\]<>])/g, '\\$1'),
    bold: (s) => `**${s}**`,
    quote: (s) => s.split('\n').map((l) => `> ${l}`).join('\n'),
  },
  /** DingTalk/Feishu/WeCom text messages. */
  plain: { escape: (s) => s, bold: (s) => s, quote: (s) => s },
} satisfies Record<string, RenderStyle>;
export type StyleName = keyof typeof STYLES;

export function formatValue(r: AnswerResult): string {
  if (r.value === null) return r.cell === 'dash' ? '—（报告中为“—”）' : '报告未披露';
  const n = Number.isInteger(r.value) ? String(r.value) : String(Math.round(r.value * 100) / 100);
  return `${r.approximate ? '约' : ''}${n}${r.unit}`;
}

export function citation(r: AnswerResult): string | null {
  const s = r.source;
  if (!s) return null;
  const title = r.report ? `《${r.report}》` : s.file;
  const section = s.section ? `${s.section}，` : '';
  return `来源：${title}${section}${placeText(s)}：“${s.quote.trim()}”`;
}

function renderResult(r: AnswerResult, style: RenderStyle): string {
  const who = r.applicant ? `（${r.applicant}）` : '';
  const lines = [`${style.escape(`${r.agency}${r.year}年${r.label}${who}`)}：${style.bold(style.escape(formatValue(r)))}`];
  if (r.formula) lines.push(style.escape(`计算：${r.formula}`));
  const cite = citation(r);
  if (cite) lines.push(style.quote(style.escape(cite)));
  return lines.join('\n');
}

/** Blocks of a rendered answer; a channel that must split long messages splits between blocks. */
export function renderBlocks(answer: Answer, styleName: StyleName): string[] {
  const style: RenderStyle = STYLES[styleName];
  const blocks: string[] = [];
  if (answer.status === 'answered' && answer.results.length > 0) {
    for (const r of answer.results) blocks.push(renderResult(r, style));
  } else {
    blocks.push(style.escape(answer.text));
  }
  const candidates = answer.status === 'clarify' ? (answer.candidates ?? []) : [];
  if (candidates.length > 0 && styleName !== 'html') {
    // Text channels cannot show buttons: number the choices (unless the engine already did); replying
    // with the number picks one.
    const listed = candidates.every((c, i) => answer.text.includes(`${i + 1}. ${c.name}`));
    const list = candidates.map((c, i) => `${i + 1}. ${c.name}`).join('\n');
    blocks.push(style.escape(listed ? '回复序号即可选择。' : `${list}\n回复序号即可选择。`));
  }
  if (answer.warnings.length > 0) blocks.push(style.escape(answer.warnings.map((w) => `⚠ ${w}`).join('\n')));
  // Suggestions the text does not already show (the engine often lists examples in its text).
  const suggestions = answer.suggestions.filter((s) => !answer.text.includes(s) && !candidates.some((c) => c.name === s));
  if (suggestions.length > 0 && answer.status !== 'answered') {
    blocks.push(style.escape(`可以试试：${suggestions.join('；')}`));
  }
  return blocks;
}

export function renderAnswer(answer: Answer, styleName: StyleName): string {
  return renderBlocks(answer, styleName).join('\n\n');
}

/**
 * Split into messages of at most `limit` characters, between blocks where possible, then between
 * lines; a single line longer than the limit is cut (plain text only — markup would not survive).
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

export const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export const TRUNCATED_NOTICE = '（回答过长，以上只列出一部分；请把问题问得更具体，例如指明机关和年份。）';

/**
 * One message of at most `limit` (by `measure`) for a platform that would otherwise cut the text itself
 * (WeCom: 2048 bytes, "超过将截断") — a cut in the middle of "23件" would show a wrong figure. Whole
 * blocks are kept while they fit and the rest replaced by a notice; a first block that alone is too long
 * keeps its figure line whole and its quote cut with "…".
 */
export function fitMessage(blocks: string[], limit: number, measure: (s: string) => number = utf8Bytes, sep = '\n\n'): string {
  const whole = blocks.join(sep);
  if (measure(whole) <= limit) return whole;
  const room = limit - measure(sep + TRUNCATED_NOTICE);
  let kept = '';
  for (const block of blocks) {
    const next = kept === '' ? block : kept + sep + block;
    if (measure(next) > room) break;
    kept = next;
  }
  if (kept === '') {
    for (const line of blocks[0].split('\n')) {
      const next = kept === '' ? line : `${kept}\n${line}`;
      if (measure(next) <= room) {
        kept = next;
        continue;
      }
      // The figure line is never cut (its number is at its end); a later line (the quote) is cut by whole
      // characters and ends in "…", still verbatim up to there.
      if (kept === '') break;
      let cut = '';
      for (const ch of line) {
        if (measure(`${kept}\n${cut}${ch}…`) > room) break;
        cut += ch;
      }
      if (cut !== '') kept = `${kept}\n${cut}…`;
      break;
    }
  }
  return kept === '' ? TRUNCATED_NOTICE : `${kept}${sep}${TRUNCATED_NOTICE}`;
}
