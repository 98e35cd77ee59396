/**
 * The command line. Parsing arguments never does work: each command calls its runner.
 * Exit codes: 0 success, 1 the input has errors, 2 usage or internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { buildCommand, planBuild, type BuildOptions } from './build-command.ts';
import { DEFAULT_ISSUE_DIR, DEFAULT_OUT_DIR, resolveCacheDir, resolveLocation } from './issue/location.ts';
import type { VFile } from 'vfile';
import { formats, type Format } from './report/formats.ts';
import { toolRelease } from './util/version.ts';
import { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, InputError, UsageError } from './util/errors.ts';
import { exitCodes, handleTerminationSignals, Interrupted, onTermination, terminated } from './util/termination.ts';

/** What the launcher (`bin/persklaar.cjs`) offers the command. */
export interface Launcher {
  /** The run did little of what the command can do: the code cache it would leave is not made. */
  discardCodeCache?: () => void;
}

export async function main(argv: string[], launcher: Launcher = {}): Promise<number> {
  handleTerminationSignals();
  let verbose = false;
  let exitCode = EXIT_OK;
  const program = new Command('persklaar')
    .description('Markdown manuscripts to a magazine issue: web edition, accessible PDF, EPUB 3.')
    .version(`persklaar ${toolRelease()}`, '--version', 'print the version and stop')
    .option('--verbose', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .hook('preAction', (command) => {
      verbose = Boolean(command.opts().verbose);
    });

  buildCommand(program).action(async (issueDir: string, options: BuildOptions) => {
    // Nothing changed since the last build: answered without loading the pipeline at all.
    // The folders, resolved once for the whole command.
    const location = resolveLocation({ issueDir, outDir: options.out });
    const { plan, unchanged } = await planBuild(location, options);
    if (unchanged) {
      launcher.discardCodeCache?.();
      if (options.format === 'text') process.stdout.write(unchanged);
      else process.stderr.write(unchanged), process.stdout.write(`${await reported([], options.format)}\n`);
      return;
    }
    // Stage times on a terminal; CI logs get the summary line only.
    const progress = process.stderr.isTTY || verbose;
    const { build } = await import('./build.ts');
    if (progress) {
      const loaded = performance.now().toFixed(0).padStart(6);
      process.stderr.write(`  ${'start-up'.padEnd(13)} ${loaded} ms (process start to pipeline loaded)\n`);
    }
    const building = build({
      ...location,
      location,
      only: options.only,
      force: options.force,
      plan,
      signal: terminated,
      log: (line) => {
        if (progress) process.stderr.write(`  ${line}\n`);
      },
    });
    // Interrupted, the build removes what it staged and closes its browser before the exit.
    const forget = onTermination(() => building.catch(() => undefined));
    const result = await building.finally(forget);
    for (const warning of result.warnings) process.stderr.write(`${warning}\n`);
    // And what the build repaired or assumed, at its file and line (`render/repairs.ts`).
    const warned = [result.issue.file, ...result.issue.articles.map((article) => article.file)].filter(
      (file) => file.messages.length > 0,
    );
    // As text for a person; as JSON or annotations on stdout for CI, the summary then on stderr.
    const forPeople = options.format === 'text';
    if (warned.length > 0 || !forPeople) {
      const text = `${await reported(warned, options.format)}\n`;
      (forPeople ? process.stderr : process.stdout).write(text);
    }
    const skipped = result.skipped.length > 0 ? `; unchanged: ${result.skipped.join(', ')}` : '';
    const built = result.built.join(', ') || 'nothing';
    (forPeople ? process.stdout : process.stderr).write(
      `Built ${built} from ${result.issue.articles.length} articles in ${result.ms.toFixed(0)} ms${skipped}\n`,
    );
  });

  program
    .command('lint')
    .description('check the manuscripts: links, alt text, headings, spelling')
    .argument('[ISSUE_DIR]', 'issue folder with issue.yaml', DEFAULT_ISSUE_DIR)
    .addOption(new Option('--format <FORMAT>', 'output format').choices([...formats]).default('text'))
    .option('--online', 'also check that external links answer (needs network)')
    .action(async (issueDir: string, options: { format: Format; online?: boolean }) => {
      const { runLint } = await import('./lint/index.ts');
      const cacheDir = resolveCacheDir();
      exitCode = await runLint(issueDir, { format: options.format, online: options.online, cacheDir });
    });

  program
    .command('watch')
    .description('build, serve a live preview on 127.0.0.1 and rebuild on every change')
    .argument('[ISSUE_DIR]', 'issue folder with issue.yaml', DEFAULT_ISSUE_DIR)
    .option('--out <DIR>', 'output folder', DEFAULT_OUT_DIR)
    .option('--port <PORT>', 'port on 127.0.0.1 (0 picks a free one)', '4321')
    .action(async (issueDir: string, options: { out: string; port: string }) => {
      const { startWatch } = await import('./watch/watch.ts');
      const starting = startWatch(issueDir, {
        outDir: options.out,
        port: Number(options.port),
        cacheDir: resolveCacheDir(),
        signal: terminated,
      });
      // Until the command is told to stop, even during the first build: the termination path
      // waits for the session to close.
      onTermination(() =>
        starting.then(
          (session) => session.close(),
          () => undefined,
        ),
      );
      await starting;
      await new Promise(() => undefined);
    });

  program
    .command('new')
    .description('write a new issue folder that builds and lints as it comes')
    .argument('<DIR>', 'the folder to make (new, or empty)')
    .action(async (dir: string) => {
      const { newIssue } = await import('./new/new-issue.ts');
      const files = await newIssue(dir);
      process.stdout.write(
        `Wrote a new issue in ${dir}: ${files.join(', ')}\nNext: persklaar build ${dir} && persklaar lint ${dir}\n`,
      );
    });

  program
    .command('check')
    .description('check a built edition: PDF/UA preflight for .pdf (press preflight for PDF/X), EPUBCheck for .epub')
    .argument('<FILE>', 'a .pdf or .epub file')
    .action(async (file: string) => {
      const { runCheck } = await import('./check/index.ts');
      exitCode = await runCheck(file);
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    exitCode = await handle(error, verbose);
  }
  return exitCode;
}

async function handle(error: unknown, verbose: boolean): Promise<number> {
  // Told to stop: the termination path exits with the signal's code; nothing to add.
  if (error instanceof Interrupted) return exitCodes[error.signal];
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT_OK : EXIT_INTERNAL;
  }
  if (error instanceof InputError) {
    process.stderr.write(`${await reported(error.files)}\n`);
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

/** The files' messages as the reporter writes them; loaded only when there is something to say. */
async function reported(files: VFile[], format: Format = 'text'): Promise<string> {
  const { report } = await import('./report/report.ts');
  return report(files, format);
}
