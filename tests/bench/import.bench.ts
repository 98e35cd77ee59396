/**
 * Import benchmark: `persklaar import` of a Word document of twenty pages with ten photos, as an
 * editor runs it (the compiled command, a fresh issue each run). A plain script, not a test:
 *
 *   npx tsx tests/bench/import.bench.ts [runs=5]
 *
 * Reported as a median and as a ratio to the floor of any command: `persklaar --version` (Node's
 * start and the launcher), in wall-clock time and in processor time (user and system, which
 * other work on a shared machine moves less). Peak memory is the command's own (GNU time's
 * maximum resident set). Nothing here asserts a time; the table is the result.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import * as d from '../import/documents.ts';

const root = path.resolve(import.meta.dirname, '../..');
const command = path.join(root, 'bin/persklaar.cjs');
const runs = Number(process.argv[2] ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'persklaar-import-bench-'));

/** A camera-like photo, 3000 × 2000, with grain, so that it packs as a real one does. */
async function photo(seed: number): Promise<Buffer> {
  const grain = { type: 'gaussian' as const, mean: 110 + seed * 8, sigma: 40 };
  const scene = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#808080', noise: grain } })
    .resize(3000, 2000, { kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 14 };
  const overlay = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#808080', noise } })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(scene)
    .composite([{ input: overlay, blend: 'soft-light' }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

const sentence = (page: number, line: number) =>
  `Op pagina ${page} vertelt de ${line}e zin hoe het werk van de afdeling verliep, wie erbij betrokken was ` +
  'en wat de medewerkers ervan leerden voor de volgende keer dat zij zo’n opdracht krijgen.';

/** Twenty pages: per page a heading, five paragraphs of about a hundred words, a footnote; a photo every other page. */
async function twentyPages(): Promise<Buffer> {
  const children = [d.title('Twintig pagina’s met tien foto’s'), d.styled('Intro', sentence(0, 1))];
  const footnotes: Record<string, { children: ReturnType<typeof d.paragraph>[] }> = {};
  for (let page = 1; page <= 20; page++) {
    children.push(d.heading(1, `Deel ${page}`));
    for (let paragraph = 1; paragraph <= 5; paragraph++) {
      const words = Array.from({ length: 3 }, (_, line) => sentence(page, paragraph * 3 + line)).join(' ');
      children.push(d.paragraph(d.text(words), ...(paragraph === 1 ? [new d.FootnoteReferenceRun(page)] : [])));
    }
    footnotes[page] = { children: [d.paragraph(d.text(`De bron bij deel ${page}.`))] };
    if (page % 2 === 0) {
      children.push(d.paragraph(d.picture(await photo(page / 2), 'jpg', { description: `Foto bij deel ${page}` })));
      children.push(d.styled('Caption', `Het bijschrift bij deel ${page}`));
    }
  }
  return d.wordDocument({ footnotes, children });
}

interface Run {
  ms: number;
  cpuMs?: number;
  peakMb?: number;
}

function timed(args: string[]): Run {
  const gnuTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'persklaar-time %M %U %S', process.execPath, command, ...args], {
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, [command, ...args], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`persklaar ${args.join(' ')} failed:\n${result.stderr}`);
  const measured = /persklaar-time (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  if (!measured) return { ms };
  const [, kb, user, system] = measured;
  return { ms, cpuMs: (Number(user) + Number(system)) * 1000, peakMb: Number(kb) / 1024 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

async function main(): Promise<void> {
  execFileSync('npm', ['run', '--silent', 'compile'], { cwd: root });
  const document = path.join(work, 'twintig-paginas.docx');
  writeFileSync(document, await twentyPages());
  const template = path.join(work, 'template');
  timed(['new', template]);

  const imports: Run[] = [];
  const floors: Run[] = [];
  for (let run = 0; run < runs; run++) {
    const issue = path.join(work, `issue-${run}`);
    cpSync(template, issue, { recursive: true });
    floors.push(timed(['--version']));
    imports.push(timed(['import', document, issue]));
    rmSync(issue, { recursive: true, force: true });
  }
  const wall = (runs: Run[]) => median(runs.map((each) => each.ms));
  const cpu = (runs: Run[]) => median(runs.map((each) => each.cpuMs ?? Number.NaN));
  const peak = Math.max(...imports.map((each) => each.peakMb ?? 0));
  const row = (name: string, measured: Run[], memory: string) =>
    `| ${name} | ${wall(measured).toFixed(0)} ms | ${(wall(measured) / wall(floors)).toFixed(1)}× | ` +
    `${cpu(measured).toFixed(0)} ms | ${(cpu(measured) / cpu(floors)).toFixed(1)}× | ${memory} |`;
  process.stdout.write(
    [
      `Persklaar import benchmark — ${runs} runs, medians; ${new Date().toISOString().slice(0, 10)}`,
      `document: 20 pages (${20 * 15 * 31} words), 20 footnotes, 10 photos 3000 × 2000 JPEG; ` +
        `${(statSync(document).size / 1024 / 1024).toFixed(1)} MB`,
      '',
      '| measure | wall clock | × floor | processor time | × floor | peak memory |',
      '| --- | --- | --- | --- | --- | --- |',
      row('import of the document into a new issue', imports, peak > 0 ? `${peak.toFixed(0)} MB` : '–'),
      row('floor: persklaar --version', floors, '–'),
      `load average at the end: ${loadavg()
        .map((each) => each.toFixed(1))
        .join(', ')}`,
      '',
    ].join('\n'),
  );
  rmSync(work, { recursive: true, force: true });
}

await main();
