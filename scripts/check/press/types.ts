/**
 * What the press preflight reports. An error keeps the file from the press (exit 1); a
 * warning is for the printer's and the editor's attention (a page count that does not fold
 * into sheets, a photo that will print soft).
 */
export interface PressFinding {
  severity: 'error' | 'warning';
  /** The preflight's own check name: `version`, `boxes`, `output-intent`, `fonts`, … */
  check: string;
  /** 1-based page number, when the finding is on a page. */
  page?: number;
  /** What is at fault: `TrimBox`, `image /Im3 (object 52)`, `font ABCDEF+SourceSans3`, `Catalog`. */
  object?: string;
  message: string;
}

export interface PressCheckResult {
  findings: PressFinding[];
  pageCount: number;
}
