/** What every page reads: the asker, the index's browse reads, the counts, and how files are named. */
import type { AskFn } from '../query/answer.ts';
import type { Browser } from '../query/index.ts';
import type { ReportText } from './report-text.ts';

export interface WebContext {
  ask: AskFn;
  browser: Browser;
  counts(): { reports: number; agencies: number; figures: number };
  /** A report file's name relative to the reports folder. */
  displayName(file: string): string;
  /** The report an answer's citation names (its file as stored, or as shown: relative to the reports folder). */
  reportIdOf(file: string): number | null;
  reportText(report: { file: string; sha256: string }): Promise<ReportText>;
  today(): Date;
}
