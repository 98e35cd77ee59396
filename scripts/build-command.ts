/**
 * The `build` command's arguments and its first question, whether anything needs building at
 * all: answered from the manuscripts' bytes and the last build's state, so that a build with
 * nothing to build evaluates none of the pipeline.
 */
import { type Command, Option } from 'commander';
import { allEditions, defaultEditions, editionsToBuild, type BuildPlan, type EditionName } from './build-state.ts';
import { issueFile } from './issue/issue-file.ts';

export const DEFAULT_ISSUE = 'manuscript';
/** Image variants, page maps and build states; PERSKLAAR_CACHE_DIR moves it (benchmarks, CI caches). */
export const CACHE_DIR = process.env.PERSKLAAR_CACHE_DIR ?? '.cache';

export interface BuildOptions {
  out: string;
  only?: EditionName[];
  force?: boolean;
}

/** Adds `build` and its arguments to `program`; the caller gives the action. */
export function buildCommand(program: Command): Command {
  return program
    .command('build')
    .description('build the issue into the output folder')
    .argument('[ISSUE_DIR]', 'issue folder with issue.yaml', DEFAULT_ISSUE)
    .option('--out <DIR>', 'output folder', 'dist')
    .addOption(new Option('--only <EDITION...>', 'build only these editions').choices([...allEditions]))
    .option('--force', 'rebuild every edition, even when nothing changed');
}

/**
 * What the build has to do, and the line it answers with when that is nothing. Reads no more
 * than the manuscripts' bytes, the photos' sizes and times and the last build's state.
 */
export async function planBuild(
  issueDir: string,
  options: BuildOptions,
): Promise<{ plan: BuildPlan; unchanged?: string }> {
  issueFile(issueDir);
  const only = options.only ?? (await defaultEditions(issueDir));
  const plan = await editionsToBuild({ issueDir, outDir: options.out, cacheDir: CACHE_DIR }, only, options.force);
  return plan.stale.length === 0 ? { plan, unchanged: `Unchanged: ${only.join(', ')} (nothing to build)\n` } : { plan };
}
