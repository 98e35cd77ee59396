/** `persklaar check FILE`: the right referee for the file's kind. Exit 0 clean, 1 failures, 2 cannot check. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runEpubCheck } from './epubcheck.ts';
import { runCheck as runPdfCheck } from './pdf-ua.ts';

export async function runCheck(file: string): Promise<number> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.epub') return runEpubCheck(file);
  if (extension === '.pdf') {
    // A file that claims PDF/X goes to the printer: it gets the press preflight instead.
    const bytes = await readFile(file).catch(() => undefined);
    const { claimsPdfX, runPressCheck } = await import('./press/index.ts');
    if (bytes && Buffer.from(bytes.subarray(0, 8)).toString('latin1').startsWith('%PDF-') && claimsPdfX(bytes))
      return runPressCheck(file, new Uint8Array(bytes));
    return runPdfCheck(file);
  }
  process.stderr.write(`persklaar check: cannot check ${file}: expected a .pdf or .epub file\n`);
  return 2;
}
