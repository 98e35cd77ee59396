/**
 * Image stage benchmark: camera-size photos through all three editions, cold (empty cache)
 * and warm (same cache, fresh output folders). A plain script, not a vitest test:
 *
 *   npx tsx tests/bench/images.bench.ts [photos=4]
 *
 * Each run happens in its own child process so its peak RSS is its own, not the fixture
 * generator's. Target: warm under 5% of cold.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { loadIssue } from '../../scripts/issue/load.ts';
import { processImages } from '../../scripts/images/process.ts';
import { formatImageSummary } from '../../scripts/images/summary.ts';

const WIDTH = 6000;
const HEIGHT = 4000;
const PLACEMENTS = ['kolom', 'breed', 'portret'] as const;

interface RunReport {
  ms: number;
  peakRssMb: number;
  summary: string[];
}

/** Child: one run of the stage on an issue folder, reported as JSON on stdout. */
async function runStage(issueDir: string, outDir: string, cacheDir: string): Promise<void> {
  const issue = await loadIssue(issueDir);
  const started = performance.now();
  const { summary } = await processImages(issue, {
    outDir: { web: path.join(outDir, 'web'), epub: path.join(outDir, 'epub'), print: path.join(outDir, 'print') },
    editions: ['web', 'epub', 'print'],
    cacheDir,
  });
  const ms = performance.now() - started;
  const report: RunReport = { ms, peakRssMb: await peakRssMb(), summary: formatImageSummary(summary) };
  process.stdout.write(JSON.stringify(report));
}

/**
 * The process's own peak RSS. getrusage's maxRSS survives fork and exec on Linux, so a child
 * would report the parent's peak (the fixture generator's); VmHWM belongs to this process.
 */
async function peakRssMb(): Promise<number> {
  const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return (kb ? Number(kb) : process.resourceUsage().maxRSS) / 1024;
}

/** A camera-like frame: a soft gradient scene with sensor grain, 6000 × 4000, with GPS EXIF. */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const scene = await sharp({
    create: {
      width: 48,
      height: 32,
      channels: 3,
      background: { r: 40 + seed * 40, g: 110, b: 160 - seed * 20 },
      noise: { type: 'gaussian', mean: 120 + seed * 10, sigma: 45 },
    },
  })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .png({ compressionLevel: 0 })
    .toBuffer();
  const grain = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 18 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
  return sharp(scene)
    .composite([{ input: grain, blend: 'soft-light' }])
    .withExif({
      IFD0: { Make: 'Canon', Model: 'Canon EOS R5', Artist: 'Bench Fotograaf', Copyright: '(C) 2026 Bench' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '52/1 4/1 4296/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '4/1 19/1 630/100',
      },
    })
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function main(count: number): Promise<void> {
  const root = await mkdtemp(path.join(tmpdir(), 'persklaar-bench-'));
  try {
    const issueDir = path.join(root, 'issue');
    await mkdir(path.join(issueDir, 'images'), { recursive: true });
    let bytes = 0;
    const figures: string[] = [];
    for (let index = 0; index < count; index++) {
      const photo = await cameraPhoto(index);
      bytes += photo.length;
      await writeFile(path.join(issueDir, 'images', `foto-${index + 1}.jpg`), photo);
      figures.push(
        `:::figuur{plaatsing="${PLACEMENTS[index % PLACEMENTS.length]}` +
          `"}\n![Foto ${index + 1}](foto-${index + 1}.jpg)\n:::\n`,
      );
    }
    await writeFile(
      path.join(issueDir, 'issue.yaml'),
      'title: Bench\ndate: 2026-01\nlanguage: nl\nslug: bench\ncover:\n' +
        '  image: foto-1.jpg\n  alt: Omslag\narticles:\n  - artikel.md\n',
    );
    await writeFile(path.join(issueDir, 'artikel.md'), `---\ntitle: Bench\n---\n\n${figures.join('\n')}`);

    const cacheDir = path.join(root, 'cache');
    const run = (name: string): RunReport => {
      const output = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          fileURLToPath(import.meta.url),
          '--run',
          issueDir,
          path.join(root, `out-${name}`),
          cacheDir,
        ],
        {
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      return JSON.parse(output) as RunReport;
    };
    const cold = run('cold');
    const warm = run('warm');

    console.log(
      `${count} photos ${WIDTH}×${HEIGHT}, ${(bytes / 1024 / 1024).toFixed(1)} MB of JPEG; ` +
        `${availableParallelism()} cores; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}\n`,
    );
    console.log('run    wall ms   peak RSS');
    console.log(`cold ${cold.ms.toFixed(0).padStart(9)} ${cold.peakRssMb.toFixed(0).padStart(7)} MB`);
    console.log(`warm ${warm.ms.toFixed(0).padStart(9)} ${warm.peakRssMb.toFixed(0).padStart(7)} MB`);
    const ratio = warm.ms / cold.ms;
    console.log(`\nwarm/cold ${(ratio * 100).toFixed(2)}%  (target < 5%: ${ratio < 0.05 ? 'met' : 'MISSED'})`);
    console.log(`\ncold summary (work time per edition, summed over parallel jobs):\n  ${cold.summary.join('\n  ')}`);
    console.log(`warm summary:\n  ${warm.summary.join('\n  ')}`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--run') await runStage(args[1]!, args[2]!, args[3]!);
else await main(Number(args[0] ?? 4));
