/**
 * One reporter for every diagnostic the tool prints — load errors, lint findings, checks:
 * `text` (vfile-reporter), `json` (one array of plain records) and `github` (workflow
 * command annotations that GitHub Actions shows on the lines of the pull request).
 */
import { reporter } from 'vfile-reporter';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Format } from './formats.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Record {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  message: string;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export function records(files: VFile[]): Record[] {
  return files.flatMap((file) =>
    [...file.messages]
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
      .map((message) => ({
        file: file.path,
        line: message.line ?? 1,
        column: message.column ?? 1,
        ruleId: message.ruleId ?? message.source ?? 'persklaar',
        severity: severityOf(message),
        message: message.reason,
      })),
  );
}

export function report(files: VFile[], format: Format = 'text'): string {
  switch (format) {
    case 'json':
      return JSON.stringify(records(files), null, 2);
    case 'github':
      return records(files)
        .map((record) => {
          const level = record.severity === 'error' ? 'error' : record.severity === 'warning' ? 'warning' : 'notice';
          return (
            `::${level} file=${escapeProperty(record.file)},line=${record.line},col=` +
            `${record.column},title=${escapeProperty(record.ruleId)}::${escapeData(record.message)}`
          );
        })
        .join('\n');
    default:
      return reporter(files, { quiet: false });
  }
}

// https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
