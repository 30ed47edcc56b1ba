/**
 * Gold files (test/gold/*.json): every table cell and the key prose figures of each seed report, read by
 * hand from the seed text — never from parser output — so they can judge the parsers independently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { REPORT_FORMATS } from '../../src/ingest/model.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GOLD_DIR = fileURLToPath(new URL('../gold/', import.meta.url));

export const GoldCellSchema = z.strictObject({
  metric: z.string(),
  applicant: z.string().nullable(),
  value: z.number().nullable(),
  cell: z.enum(['number', 'dash', 'blank']),
  /** 1-based line where the cell's value is printed. */
  line: z.number().int().positive(),
  /**
   * The row printed one number too few; the report's identities force this value. Which cell of the
   * row was the missing one is not knowable, so only value and line are judged.
   */
  computed: z.boolean().optional(),
});
export type GoldCell = z.infer<typeof GoldCellSchema>;

export const GoldProseSchema = z.strictObject({
  metric: z.string(),
  applicant: z.string().nullable(),
  value: z.number(),
  line: z.number().int().positive(),
  approximate: z.boolean(),
});
export type GoldProse = z.infer<typeof GoldProseSchema>;

/** A warning that must be present. `code` ending in ".*" matches by prefix; lines match either side. */
export const GoldWarningSchema = z.strictObject({
  code: z.string(),
  metric: z.string().optional(),
  line: z.number().int().positive().optional(),
  line2: z.number().int().positive().optional(),
});
export type GoldWarning = z.infer<typeof GoldWarningSchema>;

export const GoldSchema = z.strictObject({
  file: z.string(),
  agency: z.string(),
  year: z.number().int(),
  format: z.enum(REPORT_FORMATS),
  title_contains: z.string(),
  website: z.string().optional(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  cells: z.array(GoldCellSchema),
  prose: z.array(GoldProseSchema),
  warnings: z.array(GoldWarningSchema),
  /** Warning codes (".*" = prefix) that must NOT be present: the report is consistent there. */
  forbidden_warnings: z.array(z.string()).optional(),
});
export type Gold = z.infer<typeof GoldSchema>;

export interface GoldEntry {
  /** "002": the seed's number, used in test names. */
  seed: string;
  gold: Gold;
  /** The seed's verbatim lines, split the way the index counts them. */
  lines: string[];
}

export function loadGold(): GoldEntry[] {
  return readdirSync(GOLD_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = GoldSchema.parse(JSON.parse(readFileSync(GOLD_DIR + f, 'utf8')));
      const text = readFileSync(PROJECT_ROOT + gold.file, 'utf8');
      return { seed: f.slice(0, 3), gold, lines: text.split(/\r\n|\r|\n/) };
    });
}

export function codeMatches(pattern: string, code: string): boolean {
  return pattern.endsWith('.*') ? code.startsWith(pattern.slice(0, -1)) : code === pattern;
}

export const cellKey = (metric: string, applicant: string | null) => `${metric}/${applicant ?? '-'}`;
