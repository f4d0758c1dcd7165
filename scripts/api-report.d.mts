export interface EntryPoint {
  specifier: string;
  source: string;
  report: string;
}
export function entryPoints(): EntryPoint[];
export function staleReports(): { report: string; expected: string; committed: string }[];
