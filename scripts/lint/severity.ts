/**
 * Severities: every rule has a default, and `issue.yaml` may override it per rule id
 * (`lint: { spelling: off, link-text-descriptive: warning }`). A VFileMessage carries the
 * severity in `fatal` — true is an error, false a warning, undefined info — which is what
 * the one reporter (`scripts/report/report.ts`) reads.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

export type Level = 'off' | 'info' | 'warning' | 'error';

export function fatalOf(level: Exclude<Level, 'off'>): boolean | undefined {
  return level === 'error' ? true : level === 'warning' ? false : undefined;
}

/**
 * Re-applies the configured severity to every lint message and drops those of rules that are
 * off. Runs once after all rules, so per-file and issue-wide rules are treated alike, and
 * `info` (which unified-lint-rule cannot express) works too.
 */
export function applySeverities(files: VFile[], levelOf: (ruleId: string) => Level | undefined): void {
  for (const file of files) {
    const kept: VFileMessage[] = [];
    for (const message of file.messages) {
      const level = message.source === 'persklaar' && message.ruleId ? levelOf(message.ruleId) : undefined;
      if (level === 'off') continue;
      if (level !== undefined) message.fatal = fatalOf(level);
      kept.push(message);
    }
    file.messages.splice(0, file.messages.length, ...kept);
  }
}
