/** The query engine's public surface: build an asker over an opened index; the Answer contract. */
export { createAsker, type AskerOptions } from './ask.ts';
export { AnswerSchema, type Answer, type AnswerResult, type AskFn, type AskOptions } from './answer.ts';
export { StructuredQuerySchema, type StructuredQuery } from './understand/structured-query.ts';
export { understand } from './understand/understand.ts';
export { AgencyIndex } from './agency/agency-index.ts';
export { EXAMPLE_QUESTIONS } from './examples.ts';
export { QueryError, QUERY_FAILED } from './query-error.ts';
export { createBrowser, HEADLINE_METRICS, MAX_COMPARED, type Browser, type AgencyListItem, type CompareRow, type ReviewWarning, type YearFigures } from './browse/browser.ts';
export type { CarryOverCheck } from './browse/carry-over.ts';
