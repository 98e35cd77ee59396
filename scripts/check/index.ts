/** `persklaar check FILE`: the right referee for the file's kind. Exit 0 clean, 1 failures, 2 cannot check. */
import path from 'node:path';
import { runEpubCheck } from './epubcheck.ts';
import { runCheck as runPdfCheck } from './pdf-ua.ts';

export async function runCheck(file: string): Promise<number> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.epub') return runEpubCheck(file);
  if (extension === '.pdf') return runPdfCheck(file);
  process.stderr.write(`persklaar check: cannot check ${file}: expected a .pdf or .epub file\n`);
  return 2;
}
