import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');

export interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** The Nu Html Checker (vnu.jar) over a set of files: every error, nothing filtered. */
export function vnuErrors(files: string[], options: { xhtml?: boolean } = {}): VnuMessage[] {
  const args = ['-jar', vnuJar, '--errors-only', '--format', 'json', ...(options.xhtml ? ['--xml'] : []), ...files];
  const result = spawnSync('java', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  const report = JSON.parse(result.stderr || result.stdout) as { messages: VnuMessage[] };
  return report.messages.filter((message) => message.type === 'error' || message.type === 'non-document-error');
}
