/**
 * Whether issue.yaml asks a plain build for the press edition: a top-level `press:` that is not
 * `press: false`, read by the YAML parser as the loader reads it. A file YAML cannot read asks
 * for nothing more: the loader reports it at its line, with the schema's other checks.
 */
import { parse } from 'yaml';

export function pressAsked(issueYaml: string): boolean {
  try {
    const meta: unknown = parse(issueYaml);
    return typeof meta === 'object' && meta !== null && 'press' in meta && meta.press !== false;
  } catch {
    return false;
  }
}
