/**
 * Whether a report says its figures sum its units' reports, and how many units it names
 * ("汇总区政府 28 个部门和 14 个街镇" → 42). Pure: document in, the claim (or null) out. Cited at the
 * line of the summing verb; nothing is returned when no such sentence is printed.
 */
import { COMPILED_FROM, INCLUDES_UNITS, SUM_VERBS, UNIT_COUNTERS, UNIT_KINDS } from '../../catalogue/units-summed.ts';
import type { UnitsSummed } from '../model.ts';
import { sourceAt, type ReportDocument } from '../text/document.ts';
import { joinProse, lineAt } from './join.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CN_DIGITS = '零一二两三四五六七八九十';
const COUNTED = new RegExp(`(\\d+|[${CN_DIGITS}]{1,3})[${UNIT_COUNTERS}](${UNIT_KINDS.map(escape).join('|')})`, 'gu');
const SUM_VERB = new RegExp(SUM_VERBS.map(escape).join('|'), 'u');
const SENTENCE_END = /[。；;!！?？]/u;

/** "28", "二十八", "十四", "两" → number (up to 99: counts of units are small). */
function countValue(raw: string): number | null {
  if (/^\d+$/u.test(raw)) return Number(raw);
  const d = (c: string | undefined) => (c === undefined ? -1 : c === '两' ? 2 : '零一二三四五六七八九'.indexOf(c));
  const ten = raw.indexOf('十');
  if (ten < 0) return raw.length === 1 && d(raw) >= 0 ? d(raw) : null;
  const tens = ten === 0 ? 1 : d(raw[0]);
  const ones = raw.length === ten + 1 ? 0 : d(raw[ten + 1]);
  return tens > 0 && ones >= 0 && raw.length <= ten + 2 ? tens * 10 + ones : null;
}

/** Units a stored claim counts ("28个部门和14个街镇" → 42), or null when it names none. */
export function countClaimedUnits(phrase: string): number | null {
  let total: number | null = null;
  for (const m of phrase.matchAll(COUNTED)) {
    const n = countValue(m[1]!);
    if (n !== null) total = (total ?? 0) + n;
  }
  return total;
}

export function readUnitsSummed(doc: ReportDocument): UnitsSummed | null {
  for (const block of joinProse(doc)) {
    const text = block.text;
    let from = 0;
    while (from < text.length) {
      const rest = text.slice(from);
      const end = rest.search(SENTENCE_END);
      const sentence = end < 0 ? rest : rest.slice(0, end);
      const verb = SUM_VERB.exec(sentence);
      if (verb) {
        const counted = [...sentence.slice(verb.index).matchAll(COUNTED)].filter((m) => countValue(m[1]!) !== null);
        if (counted.length > 0) {
          const first = verb.index + counted[0]!.index!;
          const last = counted[counted.length - 1]!;
          const phrase = sentence.slice(first, verb.index + last.index! + last[0].length);
          return { phrase, units: countClaimedUnits(phrase), source: sourceAt(doc, lineAt(block, from + verb.index)) };
        }
        const compiled = COMPILED_FROM.exec(sentence);
        if (compiled) return { phrase: compiled[0], units: null, source: sourceAt(doc, lineAt(block, from + verb.index)) };
      }
      const includes = INCLUDES_UNITS.exec(sentence);
      if (includes) return { phrase: includes[1]!, units: null, source: sourceAt(doc, lineAt(block, from + includes.index)) };
      if (end < 0) break;
      from += end + 1;
    }
  }
  return null;
}
