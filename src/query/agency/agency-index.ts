/**
 * Agency resolution, built once per index:
 *  1. an exact alias map (every alias of every agency → ids), scanned over the question, longest first;
 *  2. for text that matched no alias, a character bigram (and skip-bigram) inverted index picks a short
 *     list of names, and fuse.js ranks only that list. Bigrams too common to discriminate are skipped,
 *     so the cost stays flat at 100,000 names.
 */
import Fuse from 'fuse.js';
import { knownPlaceNames } from '../../catalogue/gazetteer.ts';
import { deriveAliases, placeStems } from '../../catalogue/names.ts';
import { JOINER_CHARS, LEAD_IN_CHARS, LEAD_IN_WORDS, OTHER_LEVEL_WORDS, PLACE_LEVEL_CHARS, TOWN_LEVEL_CHARS } from '../../catalogue/agency-words.ts';
import { FILLERS } from '../../catalogue/question-fillers.ts';
import type { AgencyRow } from '../../store/schema.ts';
import { normalizeText } from '../text/normalize.ts';

export interface AgencyRef {
  id: number;
  name: string;
}
export interface AliasMention {
  text: string;
  start: number;
  end: number;
  ids: number[];
  /**
   * An alias without a place ("统计局", "区人民政府") written after another place ("北京市统计局",
   * "上海市浦东新区人民政府"): some other agency, not ours. `text` then spans the whole name.
   */
  foreign?: boolean;
}
export interface FuzzyMatch extends AgencyRef {
  matched: string;
  distance: number;
  score: number;
}

const SHORT_LIST = 40;
const MAX_POSTINGS = 5000;

const CJK = /\p{sc=Han}/u;
const PLACE_END = new RegExp(`[${PLACE_LEVEL_CHARS}${TOWN_LEVEL_CHARS}]`, 'u');
/** Words that join two agency names ("温州市统计局和鹿城区统计局"). */
const JOINERS = new RegExp(`[${JOINER_CHARS}]`, 'u');
const OTHER_LEVEL_END = new RegExp(`(?:${OTHER_LEVEL_WORDS.join('|')})$`, 'u');
/** The question ends with a word that may stand before an agency name without being part of it. */
const LEAD_IN_END = new RegExp(`(?:[${LEAD_IN_CHARS}]|${[...FILLERS, ...LEAD_IN_WORDS].sort((a, b) => b.length - a.length).join('|')})$`, 'u');

/** Two-character place stems that are also everyday words: not read as a place on their own. */
export const PLACE_STOPWORDS: ReadonlySet<string> = new Set([
  '城区', '郊区', '矿区', '合作', '平安', '和平', '东区', '西区', '东方', '大方', '方正', '全州', '永和', '新华', '长安',
  // Stems of autonomous counties (通道侗族自治县, 互助土族自治县) that are everyday words.
  '通道', '互助',
]);

/** Whether the text just before position i is a real place name written without its suffix (宁波, 长春, 瓯海). */
function endsWithPlace(text: string, i: number): boolean {
  const names = knownPlaceNames();
  for (let len = 2; len <= Math.min(8, i); len++) {
    const s = text.slice(i - len, i);
    if (!CJK.test(s[0]!)) break;
    if (names.has(s) && !PLACE_STOPWORDS.has(s)) return true;
  }
  return false;
}

/**
 * Whether the word written right before an alias that names no place ("统计局", "区政府") makes it some
 * other agency: another place ("北京市统计局", "宁波商务局"), another level or system ("国家统计局",
 * "中央…", "兵团统计局"), any word that is not a question's lead-in ("请问统计局", "查统计局的…").
 */
function isForeignQualifier(text: string, i: number): boolean {
  const prev = text[i - 1]!;
  if (!CJK.test(prev)) return false;
  if (PLACE_END.test(prev)) return true;
  // "宁波商务局", "长春统计局": a place stem without 市 is still another place.
  if (endsWithPlace(text, i)) return true;
  const before = text.slice(Math.max(0, i - 8), i);
  // "中共…": 共 is a filler (一共) too, but not after 中.
  if (OTHER_LEVEL_END.test(before)) return true;
  return !LEAD_IN_END.test(before);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function grams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  for (let i = 0; i + 2 < s.length; i++) out.push(s[i]! + '_' + s[i + 2]!);
  return out;
}

/**
 * Memory: at 10,000 agencies there are ≈ 100,000 aliases and ≈ 400,000 gram postings, and most aliases name
 * one agency. An alias naming one agency maps to the bare id (no one-element array), and the gram postings
 * are packed into one Int32Array once built (no array per gram): 21.2 → 8.7 MB of heap for the
 * 100,000-report benchmark index.
 */
export class AgencyIndex {
  readonly agencies: ReadonlyMap<number, AgencyRow>;
  /** Alias → its agency id, or ids when several agencies share it. */
  private readonly aliases = new Map<string, number | number[]>();
  /** Aliases that name no place of their agency (统计局, 市统计局, 区政府). */
  private readonly placeless = new Set<string>();
  private maxAliasLength = 0;
  private readonly fuzzyStrings: string[] = [];
  private readonly fuzzyIds: number[] = [];
  /** Gram → slot; the slot's postings (indexes into fuzzyStrings) are postings[starts[slot] .. starts[slot + 1]). */
  private readonly gramSlots = new Map<string, number>();
  private readonly gramStarts: Int32Array;
  private readonly gramPostings: Int32Array;

  constructor(rows: AgencyRow[], storedAliases: { alias: string; agency_id: number }[]) {
    this.agencies = new Map(rows.map((r) => [r.id, r]));
    const storedCount = new Map<number, number>();
    // Stored aliases are already in normal form (schema: Simplified, no spaces).
    for (const a of storedAliases) {
      this.addAlias(a.alias, a.agency_id, this.agencies.get(a.agency_id));
      storedCount.set(a.agency_id, (storedCount.get(a.agency_id) ?? 0) + 1);
    }
    const grams = new Map<string, number[]>();
    for (const r of rows) {
      const name = normalizeText(r.name);
      const derived = deriveAliases({ ...r, name });
      // An index written before alias derivation existed holds only the full name: derive here.
      if ((storedCount.get(r.id) ?? 0) < derived.length) for (const a of derived) this.addAlias(a.alias, r.id, r);
      this.addAlias(name, r.id, r);
      for (const a of derived) if (a.kind === 'full' || a.kind === 'short') this.addFuzzy(a.alias, r.id, grams);
    }
    for (const [alias, ids] of this.aliases) if (typeof ids !== 'number' && ids.length >= 16) this.aliases.set(alias, [...new Set(ids)]);
    let total = 0;
    for (const list of grams.values()) total += list.length;
    this.gramStarts = new Int32Array(grams.size + 1);
    this.gramPostings = new Int32Array(total);
    let slot = 0;
    let at = 0;
    for (const [g, list] of grams) {
      this.gramSlots.set(g, slot);
      this.gramStarts[slot++] = at;
      this.gramPostings.set(list, at);
      at += list.length;
    }
    this.gramStarts[slot] = at;
  }

  private addAlias(alias: string, id: number, row: AgencyRow | undefined): void {
    if (alias.length < 2) return;
    if (row && alias.length < row.name.length) {
      if (!placeStems(row).some((p) => alias.includes(p))) this.placeless.add(alias);
    }
    const ids = this.aliases.get(alias);
    if (ids === undefined) this.aliases.set(alias, id);
    else if (typeof ids === 'number') {
      if (ids !== id) this.aliases.set(alias, [ids, id]);
    }
    // Short lists: exact check. Long ones (区政府, 统计局 across thousands of places): rows arrive
    // grouped by agency, so the last id is the only likely duplicate; the constructor dedupes them.
    else if (ids.length < 16 ? !ids.includes(id) : ids[ids.length - 1] !== id) ids.push(id);
    if (alias.length > this.maxAliasLength) this.maxAliasLength = alias.length;
  }

  private addFuzzy(s: string, id: number, index: Map<string, number[]>): void {
    const idx = this.fuzzyStrings.length;
    this.fuzzyStrings.push(s);
    this.fuzzyIds.push(id);
    for (const g of new Set(grams(s))) {
      const list = index.get(g);
      if (list) list.push(idx);
      else index.set(g, [idx]);
    }
  }

  get size(): number {
    return this.agencies.size;
  }

  ref(id: number): AgencyRef | null {
    const a = this.agencies.get(id);
    return a ? { id: a.id, name: a.name } : null;
  }

  /** Whether text already in normal form is an alias (no normalization: for the question's own pieces). */
  isAlias(normalized: string): boolean {
    return this.aliases.has(normalized);
  }

  /** Whether an alias names no place of its agency (统计局, 区政府): a department of whichever place. */
  namesNoPlace(alias: string): boolean {
    return this.placeless.has(alias);
  }

  /** Every alias in the (normalized) text, longest at each position, non-overlapping. */
  scan(text: string): AliasMention[] {
    const out: AliasMention[] = [];
    let i = 0;
    while (i < text.length) {
      let hit: AliasMention | null = null;
      for (let len = Math.min(this.maxAliasLength, text.length - i); len >= 2; len--) {
        const s = text.substr(i, len);
        const ids = this.aliases.get(s);
        if (ids !== undefined) {
          hit = { text: s, start: i, end: i + len, ids: typeof ids === 'number' ? [ids] : ids };
          break;
        }
      }
      if (hit && this.placeless.has(hit.text) && i > 0 && isForeignQualifier(text, i)) {
        let start = i;
        // Back to the start of the name, but not over "和" after another agency: "温州市统计局和鹿城区统计局"
        // is 温州市统计局 and a foreign 鹿城区统计局.
        while (start > 0 && CJK.test(text[start - 1]!) && !(JOINERS.test(text[start - 1]!) && out.some((m) => m.end === start - 1))) start--;
        while (out.length > 0 && out.at(-1)!.end > start) out.pop();
        hit = { text: text.slice(start, hit.end), start, end: hit.end, ids: [], foreign: true };
      }
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  /** Closest agency names to a piece of text that matched no alias (typos, unknown agencies). */
  fuzzy(text: string, limit = 5): FuzzyMatch[] {
    const q = normalizeText(text);
    const counts = new Map<number, number>();
    for (const g of new Set(grams(q))) {
      const slot = this.gramSlots.get(g);
      if (slot === undefined) continue;
      const from = this.gramStarts[slot]!;
      const to = this.gramStarts[slot + 1]!;
      if (to - from > MAX_POSTINGS) continue;
      for (let k = from; k < to; k++) {
        const idx = this.gramPostings[k]!;
        counts.set(idx, (counts.get(idx) ?? 0) + 1);
      }
    }
    if (counts.size === 0) return [];
    const short = [...counts].sort((a, b) => b[1] - a[1]).slice(0, SHORT_LIST).map(([idx]) => idx);
    const fuse = new Fuse(
      short.map((idx) => this.fuzzyStrings[idx]!),
      { includeScore: true, ignoreLocation: true, threshold: 0.7 },
    );
    const best = new Map<number, FuzzyMatch>();
    for (const r of fuse.search(q)) {
      const idx = short[r.refIndex]!;
      const id = this.fuzzyIds[idx]!;
      const matched = this.fuzzyStrings[idx]!;
      const m = { id, name: this.agencies.get(id)!.name, matched, distance: levenshtein(q, matched), score: r.score ?? 1 };
      const had = best.get(id);
      if (!had || m.distance < had.distance) best.set(id, m);
    }
    const out = [...best.values()];
    return out.sort((a, b) => a.distance - b.distance || a.score - b.score).slice(0, limit);
  }

  /** A few names to offer when nothing matched at all. */
  someNames(limit = 5): string[] {
    return [...this.agencies.values()].slice(0, limit).map((a) => a.name);
  }
}
