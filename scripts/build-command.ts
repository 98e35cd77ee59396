/**
 * The `build` command's arguments and its first question, whether anything needs building at
 * all: answered from the manuscripts' bytes and the last build's state, so that a build with
 * nothing to build evaluates none of the pipeline.
 */
import { type Command, Option } from 'commander';
import { formats, type Format } from './report/formats.ts';
import { allEditions, defaultEditions, editionsToBuild, type BuildPlan, type EditionName } from './build-state.ts';
import { issueFile } from './issue/issue-file.ts';
import { DEFAULT_ISSUE_DIR, DEFAULT_OUT_DIR, type Location } from './issue/location.ts';

export interface BuildOptions {
  out: string;
  only?: EditionName[];
  force?: boolean;
  /** How the build's warnings are written: `json` and `github` go to stdout, for CI. */
  format: Format;
}

/** Adds `build` and its arguments to `program`; the caller gives the action. */
export function buildCommand(program: Command): Command {
  return program
    .command('build')
    .description('build the issue into the output folder')
    .argument('[ISSUE_DIR]', 'issue folder with issue.yaml', DEFAULT_ISSUE_DIR)
    .option('--out <DIR>', 'output folder', DEFAULT_OUT_DIR)
    .addOption(new Option('--only <EDITION...>', 'build only these editions').choices([...allEditions]))
    .option('--force', 'rebuild every edition, even when nothing changed')
    .addOption(
      new Option('--format <FORMAT>', 'how warnings are written (json and github: on stdout, for CI)')
        .choices([...formats])
        .default('text'),
    );
}

/**
 * What the build has to do, and the line it answers with when that is nothing. Reads no more
 * than the manuscripts' bytes, the photos' sizes and times and the last build's state.
 */
export async function planBuild(
  location: Location,
  options: BuildOptions,
): Promise<{ plan: BuildPlan; unchanged?: string }> {
  issueFile(location.issueDir);
  const only = options.only ?? (await defaultEditions(location.issueDir));
  const plan = await editionsToBuild(location, only, options.force);
  return plan.stale.length === 0 ? { plan, unchanged: `Unchanged: ${only.join(', ')} (nothing to build)\n` } : { plan };
}
