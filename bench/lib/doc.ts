/**
 * docs/performance.md: a fixed introduction, then one section per benchmark between markers, so a run
 * of some benchmarks (--only) replaces their sections and keeps the others' last figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Section {
  /** Benchmark id (ingest, ask, http, scale, webhook, memory, accuracy). */
  id: string;
  /** Markdown, starting with a "## " heading. */
  body: string;
}

/** 'findings' is written by hand (profiles, causes, what to fix next) and kept across runs. */
const ORDER = ['ingest', 'ask', 'http', 'scale', 'webhook', 'memory', 'accuracy', 'real', 'pdf', 'findings'];
const start = (id: string) => `<!-- bench:${id} -->`;
const end = (id: string) => `<!-- /bench:${id} -->`;

export function updatePerformanceDoc(path: string, intro: string, sections: Section[]): void {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const bodies = new Map<string, string>();
  for (const id of ORDER) {
    const i = old.indexOf(start(id));
    const j = old.indexOf(end(id));
    if (i >= 0 && j > i) bodies.set(id, old.slice(i + start(id).length, j).trim());
  }
  for (const s of sections) bodies.set(s.id, s.body.trim());
  const parts = [intro.trim(), ''];
  for (const id of ORDER) {
    const body = bodies.get(id);
    if (body) parts.push(start(id), body, end(id), '');
  }
  writeFileSync(path, parts.join('\n'));
}
