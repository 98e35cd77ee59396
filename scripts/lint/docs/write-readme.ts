/** `npm run docs:lint`: writes scripts/lint/README.md from its template and the rules' examples. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lintReadme, README } from './readme.ts';

await writeFile(README, await lintReadme());
process.stdout.write(`wrote ${path.relative(process.cwd(), README)}\n`);
