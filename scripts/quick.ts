/**
 * `persklaar build` with nothing to build, answered from a bundle of its own: the argument
 * parser and the build state, a small fraction of the pipeline's megabytes. The launcher runs
 * it before the command's bundle; anything it cannot answer (a build with work to do, a
 * mistyped option, an error of any kind) is left to the command, which reports it. What was
 * worked out here goes with it: the plan, and, when a PDF is stale, the print worker, started
 * here so that Chromium is on its way while the command's bundle loads.
 */
import { Command } from 'commander';
import type { BuildPlan } from './build-state.ts';
import { buildCommand, planBuild, type BuildOptions } from './build-command.ts';
import { bundledPrintWorker, type WorkerPrinter } from './pdf/printer.ts';

export interface QuickAnswer {
  /** The whole answer, when nothing needs building. */
  unchanged?: string;
  /** What the build has to do otherwise. */
  plan?: BuildPlan;
  /** The print worker, its browser launched, when the plan has the PDF to build. */
  printer?: WorkerPrinter;
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
  if (answer.plan?.stale.some((edition) => edition === 'pdf' || edition === 'press')) {
    answer.printer = bundledPrintWorker();
    answer.printer?.launch();
  }
  return answer;
}
