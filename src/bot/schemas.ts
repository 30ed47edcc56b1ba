/**
 * HTTP request/response schemas: zod validates, and the same schemas become the OpenAPI document.
 */
import { z } from 'zod';
import { AnswerSchema } from '../query/answer.ts';

export const MAX_QUESTION_CHARS = 500;

export const AskBodySchema = z.object({
  question: z.string().describe('中文问题，如“鹿城区2020年行政复议多少件”'),
  /** Answer a clarify answer: the chosen candidate's id. */
  agencyId: z.number().int().positive().optional().describe('clarify 回答中所选机关的 id'),
  offset: z.number().int().min(0).max(1_000_000).optional().describe('排名、合计、筛选的长列表：跳过前 offset 行（翻页）'),
});

export const AskQuerySchema = z.object({
  q: z.string().optional().describe('中文问题'),
  agencyId: z.coerce.number().int().positive().optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe('长列表翻页：跳过前 offset 行'),
});

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

export const HealthSchema = z.object({
  status: z.literal('ok'),
  index: z.object({ loaded: z.boolean(), reports: z.number(), figures: z.number(), agencies: z.number() }),
  store: z.enum(['memory', 'redis']),
  channels: z.array(z.string()),
});

export const ReportsSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      agency: z.string(),
      year: z.number(),
      format: z.string(),
      title: z.string(),
      file: z.string(),
      figures: z.number(),
      warnings: z.number(),
    }),
  ),
});

export const AgenciesSchema = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      province: z.string().nullable(),
      city: z.string().nullable(),
      county: z.string().nullable(),
      years: z.array(z.number()),
    }),
  ),
});

export { AnswerSchema };

/** zod → JSON Schema for the OpenAPI document (the $schema tag is not valid inside OpenAPI). */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', unrepresentable: 'any', io }) as Record<string, unknown>;
  return rest;
}
