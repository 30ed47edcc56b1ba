/**
 * The Answer contract: the one shape every channel (CLI, JSON API, Telegram, office chats) receives.
 * Defined once here; channels only render it.
 */
import { z } from 'zod';

export const AnswerStatusSchema = z.enum(['answered', 'clarify', 'not_found', 'unsupported']);
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;

export const AnswerSourceSchema = z.object({
  /** Path as given to ingest. */
  file: z.string(),
  /** 1-based line in the report's decoded text. */
  line: z.number().int().positive(),
  section: z.string().nullable(),
  /** Verbatim text of that line. */
  quote: z.string(),
  /** Where the quote starts in that line (1-based character), when the line holds more than the quote. */
  column: z.number().int().positive().nullable().optional(),
  /** PDF page of the line. */
  page: z.number().int().positive().nullable().optional(),
});
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

export const AnswerResultSchema = z.object({
  agency: z.string(),
  year: z.number().int(),
  metric: z.string(),
  label: z.string(),
  /** null only when the report does not give the figure (报告未披露) or the cell stayed undecided. */
  value: z.number().nullable(),
  unit: z.string(),
  approximate: z.boolean(),
  /** A detail printed as text rather than a number (联系电话, 地址, 发布日期): value is null. */
  text: z.string().optional(),
  /** Applicant column for table 三 figures (自然人 …); absent means the 总计 column or no such column. */
  applicant: z.string().optional(),
  /** The main source; for a computed figure, the first cell it used. */
  source: AnswerSourceSchema.nullable(),
  /** Every cell a computed figure used (行政诉讼 = 直接起诉总计 + 复议后起诉总计). */
  sources: z.array(AnswerSourceSchema).optional(),
  /** "直接起诉总计 13 + 复议后起诉总计 5" for computed figures. */
  formula: z.string().optional(),
  /** How the report printed it: number, dash ("—"), blank, undecided, or computed. */
  cell: z.enum(['number', 'dash', 'blank', 'undecided', 'computed', 'missing']).optional(),
  /** Title of the report, for the citation 《…》. */
  report: z.string().optional(),
});
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

export const AnswerCandidateSchema = z.object({ id: z.number().int(), name: z.string() });

export const AnswerSchema = z.object({
  question: z.string(),
  status: AnswerStatusSchema,
  /** Short Chinese answer: the figure first with its unit, then 来源：《title》section, 第N行："quote". */
  text: z.string(),
  results: z.array(AnswerResultSchema),
  /** The reports' own contradictions relevant to the answer, and caveats. */
  warnings: z.array(z.string()),
  /** Names to try instead (not_found: closest agencies; unsupported: example questions). */
  suggestions: z.array(z.string()),
  /** For clarify: the candidate agencies, with ids a channel can send back (Telegram callback_data). */
  candidates: z.array(AnswerCandidateSchema).optional(),
  /** The structured query the question was understood as (for follow-ups, tests and debugging). */
  query: z.unknown().optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** Options a channel may pass: follow-up context and a chosen agency from a clarify answer. */
export interface AskOptions {
  /** The previous structured query in this conversation, for "那2019年呢？" / "统计局呢？". */
  previous?: unknown;
  /**
   * How long ago the previous question was asked (ms); a fragment continues it only within
   * FOLLOW_UP_WINDOW_MS (src/query/understand/follow-up.ts). Absent: just now (a batch of questions).
   */
  previousAgeMs?: number;
  /** Force the agency (the user picked one from a clarify answer). */
  agencyId?: number;
  /** "Today", for 去年/今年; defaults to the real date. */
  today?: Date;
}

/** The one function every channel calls. Never throws; always returns a valid Answer. */
export type AskFn = (question: string, options?: AskOptions) => Answer;
