/**
 * The structure of an Answer's text, read back from the text itself, so that what a chat shows and what
 * the CLI/API say come from the same builder (src/query/respond, format.ts beside this file, whose line
 * leads it reads) and cannot drift apart: the lines are the text's own lines, every one kept, only
 * labelled and grouped. A line of a kind it does not know is 'text' — shown as it is, never dropped.
 *
 * - headline: the first line (the figure, the ranking's "最多的是…", the total "合计 27 件", the verdict)
 * - figure:   "…：23 件。" further down (another figure, a trend's year)
 * - formula:  "计算：…", "各项：…", "合计：…"
 * - source:   "来源：《…》…，第N行：“…”" (also indented under a ranking's item)
 * - item:     "1. 温州市统计局 0 件" (rankings, candidates)
 * - note:     "（未指定年份，按最新的2020年报告）", "（报告填写“—”）"-style asides on a line of their own
 * - warning:  "注意：…" (the reports' own contradictions)
 * - text:     anything else (a difference "…多 201 件。", the examples of a help answer)
 *
 * A block is a line with the formula and source lines under it; consecutive items without sources, and
 * consecutive notes, share one block. Chats split long replies between blocks.
 */
import { FORMULA_LEAD, PARTS_LEAD, SOURCE_LEAD } from './format.ts';

export type LineKind = 'headline' | 'figure' | 'formula' | 'source' | 'item' | 'note' | 'warning' | 'text';

export interface AnswerLine {
  kind: LineKind;
  text: string;
}

const SOURCE_RE = new RegExp(`^\\s*${SOURCE_LEAD}`);
/** "合计：" is the sum line of several figures of one unit (respond/per-agency.ts extraLines). */
const FORMULA_RE = new RegExp(`^\\s*(?:${FORMULA_LEAD}|${PARTS_LEAD}|合计：)`);
const WARNING_RE = /^注意：/;
const NOTE_RE = /^（.*）$/;
const ITEM_RE = /^\d+\. /;
const FIGURE_RE = /：[^：]*\d[^：]*$/;

export function classify(line: string, first: boolean): LineKind {
  if (SOURCE_RE.test(line)) return 'source';
  if (FORMULA_RE.test(line)) return 'formula';
  if (WARNING_RE.test(line)) return 'warning';
  if (first) return 'headline';
  if (NOTE_RE.test(line)) return 'note';
  if (ITEM_RE.test(line)) return 'item';
  if (FIGURE_RE.test(line)) return 'figure';
  return 'text';
}

/** The text's lines, labelled. Joined with "\n" they are the text again, exactly. */
export function answerLines(text: string): AnswerLine[] {
  return text.split('\n').map((line, i) => ({ kind: classify(line, i === 0), text: line }));
}

/** The labelled lines in blocks (see above). */
export function answerBlocks(text: string): AnswerLine[][] {
  const blocks: AnswerLine[][] = [];
  for (const line of answerLines(text)) {
    const last = blocks.at(-1);
    const tail = last?.at(-1);
    const attaches = line.kind === 'source' || line.kind === 'formula';
    const groups = tail !== undefined && ((line.kind === 'item' && tail.kind === 'item') || (line.kind === 'note' && tail.kind === 'note'));
    if (last && (attaches || groups)) last.push(line);
    else blocks.push([line]);
  }
  return blocks;
}
