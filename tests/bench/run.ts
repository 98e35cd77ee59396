/**
 * `npm run bench`: how long an editor waits, against the floor of what printing costs at all.
 *
 * Every figure is measured in this run, on this machine, and reported as a median and as a
 * ratio to the floor: raw Chromium `--print-to-pdf` of the same print document (browser start
 * included, as for a build). Nothing here asserts a time; the table is the result.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isHeadlessShell, resolveChromium } from '../../scripts/pdf/browser.ts';
import { startWatch } from '../../scripts/watch/watch.ts';
import { oinIssueYaml } from '../corpus/oin-stelsel-issue.ts';
import { writeBenchTable } from './performance-page.ts';

const root = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
/** Edits in watch mode before the ones measured as an editing session's (the first is reported too). */
const WATCH_WARM_UP = 3;
const work = mkdtempSync(path.join(tmpdir(), 'persklaar-bench-'));

interface Measure {
  name: string;
  ms: number[];
  peakMb?: number;
}

/** A run: its time, and the peak memory of its process tree when it was sampled. */
interface Run {
  ms: number;
  peakMb?: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/**
 * Runs a command; with `sample`, samples the memory of its whole process tree every 100 ms
 * (Chromium's children included), as proportional set size: pages shared between Chromium's
 * processes are counted once, not once per process as a sum of RSS would. Sampling reads
 * /proc for every process (about 8 ms a sample here) and slows what it measures, so timed runs
 * are not sampled: memory is measured in a run of its own.
 */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv = {}, sample = false): Promise<Run> {
  const start = performance.now();
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let peak = 0;
  const sampler = sample
    ? setInterval(() => {
        peak = Math.max(peak, treeMemory(child.pid!));
      }, 100)
    : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${code}):\n${stderr}`);
  return { ms: performance.now() - start, peakMb: sample && peak > 0 ? peak / 1024 / 1024 : undefined };
}

function treeMemory(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      const pss = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${current}/smaps_rollup`, 'utf8'));
      total += Number(pss?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

/**
 * `persklaar build`, as an editor runs it (through make, which sets MALLOC_ARENA_MAX: see the
 * Makefile); `sample` measures memory (see `timed`).
 */
const cli = (
  issueDir: string,
  outDir: string,
  cacheDir: string,
  extra: string[] = [],
  sample = false,
  parallel?: number,
) =>
  timed(
    process.execPath,
    [path.join(root, 'bin/persklaar.cjs'), 'build', issueDir, '--out', outDir, ...extra],
    {
      PERSKLAAR_CACHE_DIR: cacheDir,
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
      ...(parallel ? { PERSKLAAR_PARALLEL_PRINTS: String(parallel) } : {}),
    },
    sample,
  );

/** The long document: the OIN-stelsel corpus this many times over. */
const LONG_COPIES = 8;
const PARALLEL = [1, 2, 4];

/** The cache without the part PDFs of earlier prints (every part is printed again). */
function forgetParts(cacheDir: string): string {
  const issues = path.join(cacheDir, 'issues');
  for (const issue of existsSync(issues) ? readdirSync(issues) : [])
    rmSync(path.join(issues, issue, 'parts'), { recursive: true, force: true });
  return cacheDir;
}

/** The page count of the one PDF in `outDir`, read with poppler. */
function pdfPages(outDir: string): number {
  const pdf = readdirSync(outDir).find((name) => name.endsWith('.pdf'))!;
  const info = spawnSync('pdfinfo', [path.join(outDir, pdf)], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** A copy of the shipped issue with its photos beside it, to edit freely. */
function copyIssue(name: string, times = 1): string {
  const dir = path.join(work, name);
  cpSync(path.join(root, 'images'), path.join(dir, 'images'), { recursive: true });
  const issueDir = path.join(dir, 'manuscript');
  cpSync(path.join(root, 'manuscript'), issueDir, { recursive: true });
  if (times > 1) multiplyIssue(issueDir, times);
  return issueDir;
}

/** The issue ×N: every article N times (renamed), listed N times over in issue.yaml. */
function multiplyIssue(issueDir: string, times: number): void {
  const yaml = readFileSync(path.join(issueDir, 'issue.yaml'), 'utf8');
  const [head, list] = yaml.split(/^articles:\n/m) as [string, string];
  const names = [...list.matchAll(/^\s*-\s*(\S+\.md)/gm)].map((match) => match[1]!);
  const all: string[] = [];
  for (let copy = 1; copy <= times; copy++) {
    for (const name of names) {
      const target = copy === 1 ? name : name.replace(/\.md$/, `-${copy}.md`);
      if (copy > 1)
        writeFileSync(
          path.join(issueDir, target),
          readFileSync(path.join(issueDir, name), 'utf8').replace(
            /^title: (.*)$/m,
            (_, title: string) => `title: ${title.replace(/"$/, ` (${copy})"`)}`,
          ),
        );
      all.push(target);
    }
  }
  writeFileSync(
    path.join(issueDir, 'issue.yaml'),
    `${head}articles:\n${all.map((name) => `  - ${name}`).join('\n')}\n`,
  );
}

/**
 * A long document of real chapters: the OIN-stelsel corpus (tests/fixtures/corpus) `times`
 * over, each copy's chapters under names of their own.
 */
function longDocument(times: number): string {
  const issueDir = path.join(work, `oin-x${times}`);
  const source = path.join(root, 'tests/fixtures/corpus/oin-stelsel');
  cpSync(source, issueDir, { recursive: true });
  const [head, list] = oinIssueYaml.split(/^articles:\n/m) as [string, string];
  const names = [...list.matchAll(/^\s*-\s*"?(.+?\.md)"?$/gm)].map((match) => match[1]!);
  const all: string[] = [];
  for (let copy = 1; copy <= times; copy++) {
    for (const name of names) {
      const target = copy === 1 ? name : `${copy}-${name}`;
      if (copy > 1) cpSync(path.join(source, name), path.join(issueDir, target));
      all.push(target);
    }
  }
  writeFileSync(
    path.join(issueDir, 'issue.yaml'),
    `${head}articles:\n${all.map((name) => `  - ${JSON.stringify(name)}`).join('\n')}\n`,
  );
  return issueDir;
}

function editOneWord(issueDir: string, round: number): void {
  const file = path.join(issueDir, 'voorwoord.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/\b(eer|EER\d*)\b/, `EER${round}`));
}

/**
 * Raw `--print-to-pdf` of the print document by `browser`: by default the very Chromium the
 * build prints with (the headless shell where it is installed), so that the floor is the same
 * engine doing the same print with nothing around it.
 */
async function floor(printHtml: string, browser = resolveChromium(), sample = false): Promise<Run> {
  const out = path.join(work, `floor-${Date.now()}.pdf`);
  const profile = mkdtempSync(path.join(work, 'profile-'));
  const result = await timed(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      // Tagged, as by default, and with an outline, as the build's print.
      '--generate-pdf-document-outline',
      `--print-to-pdf=${out}`,
      pathToFileURL(printHtml).href,
    ],
    {},
    sample,
  );
  if (statSync(out).size < 10_000) throw new Error('The floor print produced no PDF');
  return result;
}

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const measures: Measure[] = [];
  /** Timed runs, and the run (not timed) whose memory was sampled. */
  const add = (name: string, results: Run[], memory?: Run) => {
    const peaks = [...results, ...(memory ? [memory] : [])].flatMap((result) =>
      result.peakMb === undefined ? [] : [result.peakMb],
    );
    measures.push({
      name,
      ms: results.map((result) => result.ms),
      peakMb: peaks.length > 0 ? Math.max(...peaks) : undefined,
    });
    process.stderr.write(
      `  ${name}: ${results.map((result) => result.ms.toFixed(0)).join(', ')} ms` +
        `${peaks.length > 0 ? `; ${Math.max(...peaks).toFixed(0)} MB` : ''}\n`,
    );
  };

  // The command is compiled first, as `make` does, so that it is the code measured.
  await timed('npm', ['run', '--silent', 'compile']);

  const single = copyIssue('single');
  const out = path.join(work, 'dist');
  const cold: Run[] = [];
  for (let round = 0; round < Math.min(runs, 2); round++) {
    const cache = path.join(work, `cache-cold-${round}`);
    rmSync(out, { recursive: true, force: true });
    // Sampled while timed: seventeen seconds of work hardly notice it.
    cold.push(await cli(single, out, cache, [], true));
  }
  add('cold full build (empty cache)', cold);
  const cache = path.join(work, 'cache-cold-0');

  // A tenth of a second each: more runs, for a median that a stray millisecond does not move.
  const warm = [];
  for (let round = 0; round < Math.max(runs, 11); round++) warm.push(await cli(single, out, cache));
  // It may end before the first sample.
  add('warm build, nothing changed', warm, await cli(single, out, cache, [], true));

  const edited = [];
  for (let round = 0; round < runs; round++) {
    editOneWord(single, round);
    edited.push(await cli(single, out, cache));
  }
  editOneWord(single, 50);
  add('one-word edit → all editions', edited, await cli(single, out, cache, [], true));

  // The floor is measured in turn with the PDF-only builds (and more often than the rest), so
  // that both see the machine in the same state: on two cores a print's time drifts by a tenth
  // from one minute to the next.
  const pdfOnly = [];
  const floors = [];
  for (let round = 0; round < Math.max(runs, 7); round++) {
    editOneWord(single, round + 100);
    pdfOnly.push(await cli(single, out, cache, ['--only', 'pdf']));
    floors.push(await floor(path.join(out, 'print/index.html')));
  }
  editOneWord(single, 150);
  add('one-word edit → PDF only', pdfOnly, await cli(single, out, cache, ['--only', 'pdf'], true));
  const floorMemory = await floor(path.join(out, 'print/index.html'), undefined, true);

  // The press edition, built on demand: its cost after the same kind of edit.
  const pressOnly = [];
  for (let round = 0; round < runs; round++) {
    editOneWord(single, round + 300);
    pressOnly.push(await cli(single, out, cache, ['--only', 'press']));
  }
  editOneWord(single, 350);
  add('one-word edit → press PDF only', pressOnly, await cli(single, out, cache, ['--only', 'press'], true));

  const watchOut = path.join(work, 'watch-dist');
  const session = await startWatch(single, {
    outDir: watchOut,
    cacheDir: cache,
    port: 0,
    debounceMs: 0,
    log: () => {},
  });
  // An editor's first edits after watch starts run code for the first time; the later ones are
  // what an editing session waits for. Both are reported.
  const watched = [];
  for (let round = 0; round < runs + WATCH_WARM_UP; round++) {
    const pdfFile = path.join(watchOut, 'wendbaar-06.pdf');
    const before = statSync(pdfFile).mtimeMs;
    const start = performance.now();
    editOneWord(single, round + 200);
    while (statSync(pdfFile, { throwIfNoEntry: false })?.mtimeMs === before)
      await new Promise((resolve) => setTimeout(resolve, 5));
    watched.push({ ms: performance.now() - start, peakMb: treeMemory(process.pid) / 1024 / 1024 });
    await new Promise<void>((resolve) => session.events.once('build', () => resolve()));
  }
  await session.close();
  add('one-word edit → new PDF in watch mode, first edit', watched.slice(0, 1));
  add(`one-word edit → new PDF in watch mode, after ${WATCH_WARM_UP} edits`, watched.slice(WATCH_WARM_UP));

  add('floor: raw Chromium --print-to-pdf', floors, floorMemory);
  // For scale: the full browser (Debian's `chromium`, the binary the targets were first set
  // against) doing the same print. Not the floor: the build does not use it when the headless
  // shell is there.
  const fullBrowser = '/usr/bin/chromium';
  if (existsSync(fullBrowser) && !isHeadlessShell(fullBrowser) && isHeadlessShell(resolveChromium())) {
    const full = [];
    for (let round = 0; round < runs; round++) full.push(await floor(path.join(out, 'print/index.html'), fullBrowser));
    add(
      'for scale: the full chromium browser --print-to-pdf',
      full,
      await floor(path.join(out, 'print/index.html'), fullBrowser, true),
    );
  }

  const quadruple = copyIssue('quadruple', 4);
  const quadOut = path.join(work, 'dist-4');
  const quad = [];
  const singleForced = [];
  const quadFloor = [];
  // The first ×4 build makes its copies' parsed manuscripts and page memos: not counted.
  await cli(quadruple, quadOut, cache, ['--force']);
  // A full rebuild prints every part again: none is kept from an earlier print.
  for (let round = 0; round < runs; round++) {
    singleForced.push(await cli(single, out, forgetParts(cache), ['--force']));
    quad.push(await cli(quadruple, quadOut, forgetParts(cache), ['--force']));
    quadFloor.push(await floor(path.join(quadOut, 'print/index.html')));
  }
  add(
    'single issue, full rebuild (warm image cache)',
    singleForced,
    await cli(single, out, forgetParts(cache), ['--force'], true),
  );
  add(
    'issue ×4, full rebuild (warm image cache)',
    quad,
    await cli(quadruple, quadOut, forgetParts(cache), ['--force'], true),
  );
  add('floor of the issue ×4', quadFloor, await floor(path.join(quadOut, 'print/index.html'), undefined, true));

  // Parallel printing: a long document of real chapters printed whole (no part kept from an
  // earlier print), with 1, 2 and 4 prints at a time, against its own floor.
  const long = longDocument(LONG_COPIES);
  const longOut = path.join(work, 'dist-long');
  await cli(long, longOut, cache, ['--force']);
  const longFloor = [];
  const byParallel = new Map<number, Run[]>(PARALLEL.map((parallel) => [parallel, []]));
  for (let round = 0; round < runs; round++) {
    for (const parallel of PARALLEL)
      byParallel.get(parallel)!.push(await cli(long, longOut, forgetParts(cache), ['--force'], false, parallel));
    longFloor.push(await floor(path.join(longOut, 'print/index.html')));
  }
  for (const parallel of PARALLEL)
    add(
      `long document (${pdfPages(longOut)} pages), full print, ${parallel} at a time`,
      byParallel.get(parallel)!,
      await cli(long, longOut, forgetParts(cache), ['--force'], true, parallel),
    );
  add('floor of the long document', longFloor, await floor(path.join(longOut, 'print/index.html'), undefined, true));

  const floorMs = median(floors.map((result) => result.ms));
  const rows = measures.map((measure) => {
    const ms = median(measure.ms);
    return (
      `| ${measure.name} | ${ms.toFixed(0)} ms | ${(ms / floorMs).toFixed(2)}× | ` +
      `${measure.peakMb ? `${measure.peakMb.toFixed(0)} MB` : '–'} |`
    );
  });
  const ratio = (a: string, b: string) =>
    median(measures.find((m) => m.name === a)!.ms) / median(measures.find((m) => m.name === b)!.ms);
  const table = [
    `The last run (${new Date().toISOString().slice(0, 10)}; ${cpus().length} cores, load average ` +
      `${loadAtStart.toFixed(1)} at the start): ${runs} runs each (cold: ${Math.min(runs, 2)}), medians.`,
    '',
    '| measure | median | × floor | peak memory (process tree) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    `issue ×4 / single: ${ratio(
      'issue ×4, full rebuild (warm image cache)',
      'single issue, full rebuild (warm image cache)',
    ).toFixed(2)}×; ` +
      `floor ×4 / floor: ${ratio('floor of the issue ×4', 'floor: raw Chromium --print-to-pdf').toFixed(2)}×`,
    '',
    `The long document against its own floor: ${PARALLEL.map(
      (parallel) =>
        `${parallel} at a time ${ratio(
          measures.find((m) => m.name.endsWith(`${parallel} at a time`))!.name,
          'floor of the long document',
        ).toFixed(2)}×`,
    ).join(', ')}.`,
    '',
  ].join('\n');
  process.stdout.write(`${table}\n`);
  writeBenchTable(path.join(root, 'docs/performance.md'), table);
  process.stderr.write('The table is written into docs/performance.md.\n');
  rmSync(work, { recursive: true, force: true });
}

await main();
