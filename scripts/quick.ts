/**
 * `persklaar build` with nothing to build, answered from a bundle of its own: the argument
 * parser and the build state, a few hundred kilobytes against the pipeline's megabytes. The
 * launcher runs it before the command's bundle; anything it cannot answer (a build with work
 * to do, a mistyped option, an error of any kind) is left to the command, which reports it, and
 * the plan worked out here goes with it so that the command does not work it out again.
 */
import { Command } from 'commander';
import type { BuildPlan } from './build-state.ts';
import { buildCommand, planBuild, type BuildOptions } from './build-command.ts';

export interface QuickAnswer {
  /** The whole answer, when nothing needs building. */
  unchanged?: string;
  /** What the build has to do otherwise. */
  plan?: BuildPlan;
}

export async function quickAnswer(argv: string[]): Promise<QuickAnswer> {
  let answer: QuickAnswer = {};
  const program = new Command('persklaar')
    .option('--verbose')
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  buildCommand(program).action(async (issueDir: string, options: BuildOptions) => {
    answer = await planBuild(issueDir, options);
  });
  try {
    await program.parseAsync(argv);
  } catch {
    return {};
  }
  return answer;
}
