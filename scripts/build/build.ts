/**
 * build: load → render → images → editions, as named steps. Each manuscript is parsed once and
 * rendered to hast once; the editions share that hast (`editions.ts` makes them side by side;
 * `build-run.ts` keeps the stage times, the abandon signal and what the build undoes or closes).
 *
 * Incremental: every edition's inputs are fingerprinted (manuscripts, photos, the tool's own
 * code and theme); an edition whose fingerprint matches its last build and whose output is
 * still there is skipped. Atomic: every output is staged beside its destination and swapped in
 * only when the whole build has succeeded, so a failed build leaves the previous outputs as
 * they were.
 */
import {
  defaultEditions,
  editionKey,
  editionsToBuild,
  writeBuildState,
  type BuildPlan,
  type BuildState,
  type EditionName,
} from './build-state.ts';
import { BuildRun } from './build-run.ts';
import { makeEditions, outputsOf, type EditionFolders, type MadeEditions } from './editions.ts';
import { loadIssue, type Issue } from '../issue/load.ts';
import type { PdfBuild } from '../pdf/build-pdf.ts';
import type { PressBuild } from '../press/build-press.ts';
import { readPageMapCache } from '../pdf/page-map-cache.ts';
import { renderArticle, type RenderedArticle } from '../render/to-hast.ts';
import { closeOrKill, launchChromium } from '../pdf/browser.ts';
import { drawDiagrams, mermaidBlocks, type Diagrams } from '../diagrams/index.ts';
import { hasFatal, InputError } from '../util/errors.ts';
import { lockOutput } from '../util/lock.ts';
import type { Printer } from '../pdf/printer.ts';
import { type Location, resolveLocation } from '../issue/location.ts';
import { refuseWritesToSources } from '../issue/source-folders.ts';
import { writeFileAtomic } from '../util/output.ts';

export { allEditions, editions, type EditionName } from './build-state.ts';

export interface BuildOptions {
  issueDir: string;
  outDir: string;
  only?: EditionName[];
  cacheDir?: string;
  /** The folders above, already resolved by the command line (`issue/location.ts`). */
  location?: Location;
  /** Rebuild every edition even when its inputs are unchanged. */
  force?: boolean;
  /** A printer the caller keeps (`watch` keeps one warm); otherwise one is launched and closed. */
  printer?: Printer;
  /** Stops the build (the command was interrupted): it fails, leaving the outputs as they were. */
  signal?: AbortSignal;
  /** Which editions are stale, when the caller has already worked it out. */
  plan?: BuildPlan;
  /** Called with one line per finished stage. */
  log?: (line: string) => void;
}

export interface BuildResult {
  issue: Issue;
  /** Files written by this build (skipped editions write nothing). */
  outputs: string[];
  built: EditionName[];
  skipped: EditionName[];
  pdf?: PdfBuild;
  press?: PressBuild;
  /** Lines for the editor that do not stop the build (`file:line:column: warning: …`). */
  warnings: string[];
  /** Per stage; the PDF's stage runs alongside the web edition's and the EPUB's. */
  timings: { stage: string; ms: number }[];
  /** From the start of the build to its outputs in place. */
  ms: number;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const run = new BuildRun(options.log ?? (() => {}), options.signal, options.printer);
  try {
    return await buildIssue(options, run);
  } catch (error) {
    await run.fail(error);
    throw error;
  } finally {
    await run.end();
  }
}

/** Which editions are stale, and how their inputs will be recorded. */
interface EditionPlan {
  wanted: EditionName[];
  skipped: EditionName[];
  inputs: string;
  state: BuildState;
}

/** Load and render, then the stale editions; their outputs change only when all succeeded. */
async function buildIssue(options: BuildOptions, run: BuildRun): Promise<BuildResult> {
  const location = options.location ?? resolveLocation(options);
  const plan = await planEditions(options, location);
  if (plan.wanted.includes('pdf') || plan.wanted.includes('press')) run.startPrinter();
  const issue = await loadIssueOf(location, run);
  if (plan.wanted.length === 0) {
    run.log('nothing changed');
    return resultOf(issue, plan, run, { outputs: [] });
  }
  const printForPages = await printsForPagesOnly(plan.wanted, location.cacheDir, issue);
  if (printForPages) run.startPrinter();
  const rendered = await renderIssue(issue, location.cacheDir, run);
  const lock = await lockOutput(location.outDir);
  run.atEnd(() => lock.release());
  const folders = await editionFolders(plan.wanted, printForPages, location.outDir, run);
  const made = await makeEditions({ issue, rendered, folders, cacheDir: location.cacheDir, run });
  const outputs = await commitOutputs(made, plan, location, issue.meta.slug, run);
  return resultOf(issue, plan, run, { ...made, outputs });
}

/** Everything succeeded: only now does any output change, and the build's state with it. */
async function commitOutputs(
  made: MadeEditions,
  plan: EditionPlan,
  location: Location,
  slug: string,
  run: BuildRun,
): Promise<string[]> {
  const { files, outputs } = outputsOf(made, plan.wanted, location.outDir, slug, run);
  for (const [file, bytes] of files) await writeFileAtomic(file, bytes);
  await run.commitStaged();
  for (const edition of plan.wanted) plan.state[edition] = editionKey(edition, plan.inputs);
  await writeBuildState(location, { ...plan.state, slug });
  return outputs;
}

function resultOf(
  issue: Issue,
  plan: EditionPlan,
  run: BuildRun,
  { outputs, pdf, press }: Pick<MadeEditions, 'pdf' | 'press'> & { outputs: string[] },
): BuildResult {
  const { wanted: built, skipped } = plan;
  const warnings = press?.warnings ?? [];
  return { issue, outputs, built, skipped, pdf, press, warnings, timings: run.timings, ms: run.elapsed() };
}

async function planEditions(options: BuildOptions, location: Location): Promise<EditionPlan> {
  const asked = options.only ?? (await defaultEditions(location.issueDir));
  const { stale: wanted, inputs, state } = options.plan ?? (await editionsToBuild(location, asked, options.force));
  return { wanted, skipped: asked.filter((edition) => !wanted.includes(edition)), inputs, state };
}

/**
 * The issue, loaded even when nothing changed: a broken manuscript must still be reported.
 * Nothing is written where the sources live: not the parsed manuscripts the loader keeps in
 * the cache, and (once the manuscripts are known to be sound) no output.
 */
async function loadIssueOf(location: Location, run: BuildRun): Promise<Issue> {
  const { issueDir, cacheDir, outDir } = location;
  refuseWritesToSources(location, { 'cache folder': cacheDir });
  const issue = await run.stage('load', () => loadIssue(issueDir, { cacheDir }));
  refuseWritesToSources(location, { 'output folder': outDir });
  return issue;
}

/**
 * The EPUB's page list is the print's page numbers: with no print made before, the document
 * is printed for them, though the PDF itself is not asked for.
 */
async function printsForPagesOnly(wanted: EditionName[], cacheDir: string, issue: Issue): Promise<boolean> {
  return !wanted.includes('pdf') && wanted.includes('epub') && !(await readPageMapCache(cacheDir, issue));
}

/** Every article to hast once; what the render could not repair (`render/refusals.ts`) stops the build at its lines. */
async function renderIssue(issue: Issue, cacheDir: string, run: BuildRun): Promise<RenderedArticle[]> {
  const diagrams = await drawnDiagrams(issue, cacheDir, run);
  const rendered = await run.stage('render', () =>
    issue.articles.map((article) => renderArticle(article, issue, diagrams)),
  );
  const refused = issue.articles.map((article) => article.file).filter(hasFatal);
  if (refused.length > 0) throw new InputError(refused);
  return rendered;
}

/**
 * The issue's Mermaid blocks drawn (`diagrams/`), with a browser of their own started only
 * when a block is not in the cache: an issue without diagrams starts none.
 */
async function drawnDiagrams(issue: Issue, cacheDir: string, run: BuildRun): Promise<Diagrams> {
  const blocks = mermaidBlocks(issue.articles);
  if (blocks.length === 0) return new Map();
  return run.stage('diagrams', () =>
    drawDiagrams(blocks, {
      cacheDir,
      browser: async () => {
        const browser = await launchChromium();
        return { browser, close: () => closeOrKill(browser) };
      },
    }),
  );
}

async function editionFolders(
  wanted: EditionName[],
  printForPages: boolean,
  outDir: string,
  run: BuildRun,
): Promise<EditionFolders> {
  const web = wanted.includes('web') ? await run.stagedDir(outDir, 'web') : undefined;
  const print = wanted.includes('pdf')
    ? await run.stagedDir(outDir, 'print')
    : printForPages
      ? await run.temporaryDir('print')
      : undefined;
  const press = wanted.includes('press') ? await run.stagedDir(outDir, 'press') : undefined;
  const epubImages = wanted.includes('epub') ? await run.temporaryDir('epub') : undefined;
  return { web, print, press, epubImages };
}
