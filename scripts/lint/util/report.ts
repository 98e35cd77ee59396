/** Messages of issue-wide rules, shaped like those unified-lint-rule makes for per-file rules. */
import type { Position, Point } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export const SOURCE = 'persklaar';

export function ruleUrl(id: string): string {
  // The rule list lives beside the code; a path, since the project publishes no docs site.
  return `scripts/lint/README.md#${id}`;
}

export function reportAt(
  file: VFile,
  reason: string,
  place: Position | Point | undefined,
  ruleId: string,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.url = ruleUrl(ruleId);
  // Made a warning here; applySeverities sets the configured severity at the end.
  message.fatal = false;
  return message;
}
