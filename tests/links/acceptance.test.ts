/**
 * Real documents, built as they come: no internal link of the web edition dangles, no link whose
 * anchor exists is set as text, and the EPUB's page list names at least 90 % of the print pages,
 * at least 95 % of its entries where their page begins. Run on the OIN-stelsel corpus always, and
 * on the issue folders listed in PERSKLAAR_ACCEPTANCE (separated by the path delimiter), which
 * hold documents kept outside the repository.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { linksAndPages } from '../helpers/acceptance.ts';
import { fixtures } from '../helpers/cli.ts';
import { outDir, persklaarAsync, tempDir } from '../hostile/helpers.ts';
import { oinIssueYaml } from '../corpus/oin-stelsel-issue.ts';

async function expectAccepted(issueDir: string): Promise<void> {
  const { slug } = parse(readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8')) as { slug: string };
  const out = outDir();
  const build = await persklaarAsync(['build', issueDir, '--out', out]);
  expect(build.status, build.stderr).toBe(0);
  const found = await linksAndPages(out, slug, build.stderr);
  expect(found.dangling).toEqual([]);
  expect(found.unlinkedButFound).toEqual([]);
  expect(found.pagesListed).toBeGreaterThanOrEqual(0.9);
  expect(found.entriesInPlace).toBeGreaterThanOrEqual(0.95);
}

describe('real documents: links that arrive, print pages in the EPUB', () => {
  it('OIN-stelsel', async () => {
    const dir = path.join(tempDir('persklaar-corpus-'), 'oin-stelsel');
    cpSync(path.join(fixtures, 'corpus', 'oin-stelsel'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'issue.yaml'), oinIssueYaml);
    await expectAccepted(dir);
  }, 240_000);

  const keptAside = (process.env.PERSKLAAR_ACCEPTANCE ?? '').split(path.delimiter).filter(Boolean);
  it.skipIf(keptAside.length === 0)(
    'documents kept aside (PERSKLAAR_ACCEPTANCE)',
    async () => {
      for (const issueDir of keptAside) {
        // Built from a copy: the build writes nothing into the sources, but its cache is per folder.
        const dir = path.join(tempDir('persklaar-accept-'), path.basename(issueDir));
        cpSync(issueDir, dir, { recursive: true });
        await expectAccepted(dir);
      }
    },
    1_800_000,
  );
});
