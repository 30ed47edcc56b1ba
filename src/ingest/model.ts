/**
 * What a parsed report is. Parsers produce these values (pure: text in, ParsedReport out); the store
 * writes them; `gongkai check --json` prints them. Schemas, so the CLI output is validated too.
 */
import { z } from 'zod';
import { REPORT_DETAIL_FIELDS } from '../catalogue/report-details.ts';

export const REPORT_FORMATS = ['2019', '2021', 'pre-2019', 'narrative'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/**
 * number    — a value printed in the report
 * dash      — "—", "-", "/" (none); value is null, answers may say 0
 * blank     — an empty cell; value is null and means "not stated"
 * undecided — the text held a value we could not decode with certainty (fused digits); value is null
 */
export const CellKindSchema = z.enum(['number', 'dash', 'blank', 'undecided']);
export type CellKind = z.infer<typeof CellKindSchema>;

export const SourceSchema = z.object({
  /** 1-based line number in the decoded text. */
  line: z.number().int().positive(),
  /** The section heading the line sits under ("四、政府信息公开行政复议、行政诉讼情况"), if any. */
  section: z.string().nullable(),
  /** The verbatim text of that line. */
  quote: z.string(),
  /**
   * 1-based character column in the original line where `quote` starts, when a logical line is only
   * part of a printed line (a crawled body squeezed onto one line, a minified HTML page); null otherwise.
   */
  column: z.number().int().positive().nullable().optional(),
  /** 1-based page of a PDF the line is printed on; null for other inputs. */
  page: z.number().int().positive().nullable().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const FigureSchema = z.object({
  metric: z.string(),
  /** Table 三 applicant column key (see catalogue APPLICANTS); null elsewhere. */
  applicant: z.string().nullable(),
  /** Fujian pre-2019 variant: the 历年累计 column. */
  cumulative: z.boolean().default(false),
  rowLabel: z.string(),
  colLabel: z.string(),
  value: z.number().nullable(),
  cell: CellKindSchema,
  /** The cell's own text as printed ("减 253", "—", "415 件", "1000 余"). */
  raw: z.string(),
  unit: z.string(),
  approximate: z.boolean().default(false),
  /** Value not printed but computed from the report's own identities (e.g. a blank 总计). */
  computed: z.boolean().default(false),
  origin: z.enum(['table', 'prose']),
  source: SourceSchema,
});
export type Figure = z.infer<typeof FigureSchema>;

export const WarningSchema = z.object({
  /** Stable code, e.g. "identity.row_sum", "prose_table_mismatch", "fused.ambiguous". */
  code: z.string(),
  /** Chinese, for users: names both sides with their lines. */
  message: z.string(),
  line: z.number().int().positive().nullable(),
  /** The other side of a contradiction, when there is one. */
  line2: z.number().int().positive().nullable().default(null),
  metric: z.string().nullable().default(null),
});
export type ReportWarning = z.infer<typeof WarningSchema>;

export const AgencyIdentitySchema = z.object({
  /** Full official name: 温州市鹿城区人民政府. */
  name: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  county: z.string().nullable(),
  /** GB/T 2260 code of the most specific place, when known. */
  divisionCode: z.string().nullable(),
  /** Where in the text the name was read. */
  line: z.number().int().positive().nullable(),
});
export type AgencyIdentity = z.infer<typeof AgencyIdentitySchema>;

/** A detail of the report as printed (联系电话, 地址, 发布日期 …), with the line it stands on. */
export const ReportDetailSchema = z.object({
  field: z.enum(REPORT_DETAIL_FIELDS),
  /** As printed (the date as ISO YYYY-MM-DD). */
  value: z.string(),
  source: SourceSchema,
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

/** The report says its figures sum its units' reports (src/ingest/prose/units-summed.ts). */
export const UnitsSummedSchema = z.object({
  /** As read, numbers as digits: "28个部门和14个街镇", or the sentence part when it counts none. */
  phrase: z.string(),
  /** Units counted in the claim, or null when it counts none. */
  units: z.number().int().nonnegative().nullable(),
  source: SourceSchema,
});
export type UnitsSummed = z.infer<typeof UnitsSummedSchema>;

export const ParsedReportSchema = z.object({
  agency: AgencyIdentitySchema,
  year: z.number().int(),
  format: ReportFormatSchema,
  title: z.string(),
  website: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) the report was signed/published, when the text gives it. */
  published: z.string().nullable(),
  figures: z.array(FigureSchema),
  warnings: z.array(WarningSchema),
  /** The report's own details (contact, website, date), each cited. */
  details: z.array(ReportDetailSchema).optional(),
  /** "本报告由…汇总…28个部门和14个街镇…": checked against the units' reports in the index. */
  unitsSummed: UnitsSummedSchema.nullable().optional(),
  lineCount: z.number().int(),
});
export type ParsedReport = z.infer<typeof ParsedReportSchema>;

/** Why a file could not be ingested at all (errors as values: one bad file never stops the others). */
export const IngestErrorSchema = z.object({
  code: z.enum([
    'empty',
    'binary',
    'undecodable',
    'not_a_report',
    'truncated',
    'no_identity',
    'io',
    'parse_failed',
    // PDF and Word input: a scan without a text layer, a password, a broken file, a format not read at all.
    'scanned',
    'encrypted',
    'damaged',
    'unsupported_format',
    'too_large',
  ]),
  message: z.string(),
});
export type IngestError = z.infer<typeof IngestErrorSchema>;

export type ParseResult = { ok: true; report: ParsedReport } | { ok: false; error: IngestError };
