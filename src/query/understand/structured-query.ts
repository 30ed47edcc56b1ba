/** What a question was understood as: the contract between understanding and lookup. */
import { z } from 'zod';
import { REPORT_DETAIL_FIELDS } from '../../catalogue/report-details.ts';

export const QUERY_KINDS = [
  'figure', 'compare', 'ranking', 'total', 'filter', 'trend', 'yesno', 'list_agencies', 'list_years', 'help',
  // A rate or share computed from the report's counts; a detail of the report (联系电话); its warnings.
  'rate', 'detail', 'problems',
] as const;

export const YearSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('latest') }),
  z.object({ type: z.literal('single'), year: z.number().int() }),
  z.object({ type: z.literal('list'), years: z.array(z.number().int()) }),
  z.object({ type: z.literal('range'), from: z.number().int(), to: z.number().int() }),
  z.object({ type: z.literal('recent'), count: z.number().int() }),
  z.object({ type: z.literal('all') }),
]);

const AgencyRefSchema = z.object({ id: z.number().int(), name: z.string() });

export const StructuredQuerySchema = z.object({
  kind: z.enum(QUERY_KINDS),
  agencies: z.array(AgencyRefSchema),
  /** Names that matched several agencies equally well (统计局 with two cities indexed). */
  ambiguous: z.array(z.object({ text: z.string(), candidates: z.array(AgencyRefSchema) })),
  /** Agency-like text that matched nothing in the index (北京市海淀区). */
  unresolved: z.array(z.string()),
  /** Agencies read through a typo (鹿域区 → 温州市鹿城区人民政府): "typed → name". */
  corrected: z.array(z.string()),
  years: YearSpecSchema,
  /** The primary metric key of each figure asked for, in question order. */
  metrics: z.array(z.string()),
  /** Per figure: the keys to try in order (2019 key, 2021 key, pre-2019 key). */
  slots: z.array(z.array(z.string())),
  applicant: z.enum(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'legal_person']).nullable(),
  /** Several applicant columns asked at once ("自然人和法人申请各多少"); `applicant` is the first. */
  applicants: z.array(z.enum(['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other', 'legal_person'])).optional(),
  topN: z.number().int().positive().optional(),
  order: z.enum(['desc', 'asc']).optional(),
  /** filter: which agencies have the figure at 0 ("哪些单位没有被复议过") or above 0; count: "有几个单位…". */
  filter: z.enum(['zero', 'nonzero']).optional(),
  count: z.boolean().optional(),
  /** Places that limit a ranking, total or filter to their agencies ("温州市各单位…"). */
  scope: z.array(z.string()).optional(),
  /** rate: a named rate's key (catalogue/rates.ts) or 'share' (the first figure over its whole). */
  rate: z.string().optional(),
  /** yesno against a number: "是不是超过200件" → { op: 'gt', value: 200 }. */
  threshold: z.object({ op: z.enum(['gt', 'ge', 'lt', 'le', 'eq']), value: z.number() }).optional(),
  /** detail: which of the report's own details (联系电话, 发布日期 …). */
  detail: z.enum([...REPORT_DETAIL_FIELDS, 'publisher']).optional(),
  /** The kind of agency a ranking, total or filter is limited to ("各区县" → county_gov). */
  level: z.enum(['province_gov', 'city_gov', 'county_gov', 'township', 'department']).optional(),
  /** Rows of a long list already shown ("更多", `?offset=`): the page starts after them. */
  offset: z.number().int().nonnegative().optional(),
  /** Rows the answer's page showed (a ranking's ties may show more than asked): where "更多" goes on. */
  shown: z.number().int().nonnegative().optional(),
});
export type StructuredQuery = z.infer<typeof StructuredQuerySchema>;
