/**
 * A document the importer will not take in: one fatal message at the document's own name, which
 * the command line prints as any input error (exit 1). Nothing has been written when it is thrown.
 */
import { VFile } from 'vfile';
import { InputError } from '../util/errors.ts';

export function refuse(file: string, reason: string, ruleId = 'import-refused'): never {
  const document = new VFile({ path: file });
  try {
    document.fail(reason, { ruleId, source: 'persklaar-import' });
  } catch {
    // `fail` throws the message it added: the file now carries it, which is what is reported.
  }
  throw new InputError([document], `${file}: ${reason}`);
}
