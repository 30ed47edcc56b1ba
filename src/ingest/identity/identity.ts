import type { ReportDocument } from '../text/document.ts';
import type { AgencyIdentity, IngestError, ReportWarning } from '../model.ts';

export interface IdentityValue {
  agency: AgencyIdentity;
  year: number;
  title: string;
  website: string | null;
  published: string | null;
}
export type IdentityResult =
  | { ok: true; value: IdentityValue; warnings: ReportWarning[] }
  | { ok: false; error: IngestError };

// Placeholder: implemented by the identity work.
export function readIdentity(_doc: ReportDocument): IdentityResult {
  return { ok: false, error: { code: 'no_identity', message: 'identity reader not implemented' } };
}
