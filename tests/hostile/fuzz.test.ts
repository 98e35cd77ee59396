/**
 * Seeded fuzzing: random manuscripts (`fuzz-markdown.ts`) through the whole pipeline. Each
 * run ends either in outputs or in an InputError whose every message names a file and a line;
 * anything else (a TypeError, a stack overflow, an internal error) is a bug. Lint runs on each
 * too: a crashing rule is a bug as well. A failing seed is written out for replay.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type EditionName } from '../../scripts/build/build.ts';
import { lintIssue } from '../../scripts/lint/index.ts';
import { InputError } from '../../scripts/util/errors.ts';
import { root } from '../helpers/cli.ts';
import { edit } from '../helpers/temp-issue.ts';
import { Grammar } from './fuzz-markdown.ts';
import { miniIssue, outDir } from './helpers.ts';

const WEB_SEEDS = Array.from({ length: 40 }, (_, index) => 1000 + index);
const FULL_SEEDS = [7, 42, 2024];

type Outcome = { kind: 'built' } | { kind: 'input-error'; messages: string[] };

async function run(seed: number, only: EditionName[], mayFail?: boolean): Promise<Outcome> {
  const grammar = new Grammar(seed, { mayFail });
  const dir = miniIssue({ 'voorwoord.md': grammar.article(), 'gesprek.md': grammar.article(20) });
  // Spelling suggestions for random words are slow and test nothing here.
  edit(path.join(dir, 'issue.yaml'), (text) => `${text}lint:\n  spelling: off\n`);
  const out = outDir();
  try {
    await lintIssue(dir);
    await build({ issueDir: dir, outDir: out, only, cacheDir: path.join(root, '.cache') });
    for (const edition of only) {
      const expected = {
        web: 'web/index.html',
        pdf: 'proefnummer-01.pdf',
        epub: 'proefnummer-01.epub',
        press: 'proefnummer-01-press.pdf',
      }[edition];
      if (!existsSync(path.join(out, expected))) throw new Error(`seed ${seed}: ${expected} was not written`);
    }
    return { kind: 'built' };
  } catch (error) {
    if (error instanceof InputError) {
      const messages = error.files.flatMap((file) =>
        file.messages
          .filter((message) => message.fatal)
          .map((message) => `${file.path}:${message.line}:${message.column}: ${message.reason}`),
      );
      return { kind: 'input-error', messages };
    }
    // Kept for replay: `new Grammar(seed).article()` makes the same files.
    const keep = path.join(root, '.cache/fuzz-failures', String(seed));
    mkdirSync(keep, { recursive: true });
    writeFileSync(
      path.join(keep, 'error.txt'),
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    throw new Error(`seed ${seed} crashed (${keep}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

function expectClear(seed: number, outcome: Outcome): void {
  if (outcome.kind === 'built') return;
  expect(outcome.messages.length, `seed ${seed}: an InputError without messages`).toBeGreaterThan(0);
  for (const message of outcome.messages) {
    expect(message, `seed ${seed}`).toMatch(/^[^:]+\.(?:md|yaml):\d+:\d+: \S/);
  }
}

describe('random manuscripts end in outputs or a clear error', () => {
  it(`${WEB_SEEDS.length} seeds through load, lint, render, images and the web edition`, async () => {
    const outcomes: Record<string, number> = { built: 0, 'input-error': 0 };
    for (const seed of WEB_SEEDS) {
      const outcome = await run(seed, ['web']);
      expectClear(seed, outcome);
      outcomes[outcome.kind]!++;
    }
    // The grammar makes both kinds; a run that only ever fails would test little.
    expect(outcomes.built).toBeGreaterThan(WEB_SEEDS.length / 4);
    expect(outcomes['input-error']).toBeGreaterThan(0);
  }, 120_000);

  for (const seed of FULL_SEEDS) {
    it(`seed ${seed} through every edition, PDF and EPUB included`, async () => {
      // Without the errors that stop a build at load or images: these must reach Chromium and the EPUB.
      const outcome = await run(seed, ['web', 'pdf', 'epub'], false);
      expectClear(seed, outcome);
      expect(outcome).toEqual({ kind: 'built' });
    }, 120_000);
  }
});
