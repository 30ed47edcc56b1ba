/**
 * What the outside sees of where a report lives: its file name relative to the reports folder, never the
 * server's path (GONGKAI_REPORTS may be absolute, /srv/…). Applied once where main wires the channels, so
 * the API, the chats and the web pages all show the same name; the index keeps the path as ingested.
 */
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Answer, AnswerSource, AskFn } from '../query/answer.ts';
import type { Catalog } from './catalog.ts';

export function publicFileName(file: string, reportsDir: string): string {
  const rel = relative(resolve(reportsDir), resolve(file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return basename(file);
  return rel.split(sep).join('/');
}

/** The stored path a public name came from (the inverse of publicFileName inside the reports folder). */
export function storedFileCandidates(name: string, reportsDir: string): string[] {
  return [name, join(reportsDir, name), resolve(reportsDir, name)];
}

function publicSource(s: AnswerSource, reportsDir: string): AnswerSource {
  return { ...s, file: publicFileName(s.file, reportsDir) };
}

export function publicAnswer(a: Answer, reportsDir: string): Answer {
  if (a.results.length === 0) return a;
  return {
    ...a,
    results: a.results.map((r) => ({
      ...r,
      source: r.source ? publicSource(r.source, reportsDir) : null,
      ...(r.sources ? { sources: r.sources.map((s) => publicSource(s, reportsDir)) } : {}),
    })),
  };
}

export function withPublicFiles(ask: AskFn, reportsDir: string): AskFn {
  return (question, options) => publicAnswer(ask(question, options), reportsDir);
}

export function publicCatalog(catalog: Catalog, reportsDir: string): Catalog {
  return {
    ...catalog,
    reports: (page) => {
      const r = catalog.reports(page);
      return { ...r, items: r.items.map((i) => ({ ...i, file: publicFileName(i.file, reportsDir) })) };
    },
  };
}
