/**
 * One normal form for questions and names: full-width → half-width (NFKC), Traditional → Simplified,
 * lower case, no whitespace. Agency aliases in the index are stored in this same form.
 */
import { toSimplified } from '../../catalogue/simplified.ts';

export function normalizeText(input: string): string {
  return toSimplified(input.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
}
