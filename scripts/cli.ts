/**
 * The command line. Parsing arguments never does work: each command calls its runner.
 * Exit codes: 0 success, 1 the input has errors, 2 usage or internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { build, editions, type EditionName } from './build.ts';
import { report } from './report/report.ts';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './util/errors.ts';

const DEFAULT_ISSUE = 'manuscript';

export async function main(argv: string[]): Promise<number> {
  let verbose = false;
  let exitCode = EXIT_OK;
  const program = new Command('persklaar')
    .description('Markdown manuscripts to a magazine issue: web edition, accessible PDF, EPUB 3.')
    .option('--verbose', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .hook('preAction', (command) => {
      verbose = Boolean(command.opts().verbose);
    });

  program
    .command('build')
    .description('build the issue into the output folder')
    .argument('[ISSUE_DIR]', 'issue folder with issue.yaml', DEFAULT_ISSUE)
    .option('--out <DIR>', 'output folder', 'dist')
    .addOption(new Option('--only <EDITION...>', 'build only these editions').choices([...editions]))
    .action(async (issueDir: string, options: { out: string; only?: EditionName[] }) => {
      const quiet = !process.stderr.isTTY;
      const result = await build({ issueDir, outDir: options.out, only: options.only, log: (line) => { if (!quiet) process.stderr.write(`  ${line}\n`); } });
      const total = result.timings.reduce((sum, timing) => sum + timing.ms, 0);
      process.stdout.write(`Built ${result.outputs.length} files from ${result.issue.articles.length} articles in ${total.toFixed(0)} ms\n`);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitCode = handle(error, verbose);
  }
  return exitCode;
}

function handle(error: unknown, verbose: boolean): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT_OK : EXIT_INTERNAL;
  }
  if (error instanceof InputError) {
    process.stderr.write(`${report(error.files)}\n`);
    return EXIT_INPUT;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`persklaar: ${error.message}\n`);
    return EXIT_INTERNAL;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`persklaar: internal error: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('Run again with --verbose for details.\n');
  return EXIT_INTERNAL;
}
