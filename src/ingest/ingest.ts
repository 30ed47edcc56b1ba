/**
 * The ingest job: files/folders → index. I/O lives here; parsing is pure (parse.ts).
 */
export interface IngestOptions {
  /** Index file to write (default data/gongkai.db). */
  db: string;
  /** Show a progress bar (only on a TTY). */
  progress?: boolean;
  /** Called once per file with its outcome (the CLI prints errors as one line each). */
  onFile?: (event: IngestFileEvent) => void;
}
export type IngestFileEvent =
  | { file: string; status: 'ingested'; figures: number; warnings: number }
  | { file: string; status: 'unchanged' }
  | { file: string; status: 'failed'; code: string; message: string };

export interface IngestSummary {
  ingested: number;
  unchanged: number;
  failed: number;
  files: IngestFileEvent[];
}

// Placeholder: implemented by the ingest-job work.
export async function ingestPaths(_paths: string[], _options: IngestOptions): Promise<IngestSummary> {
  throw new Error('ingest not implemented yet');
}
