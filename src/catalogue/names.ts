/**
 * Agency names: the aliases people type, derived by rule from the full official name
 * (report-format.md §H). Used by ingest (to fill agency_aliases) and by query (to resolve names).
 */
export interface AgencyNameParts {
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
}
export interface Alias {
  alias: string;
  kind: string;
}

// Placeholder: implemented by the query work. Today only the full name.
export function deriveAliases(agency: AgencyNameParts): Alias[] {
  return [{ alias: agency.name, kind: 'full' }];
}
