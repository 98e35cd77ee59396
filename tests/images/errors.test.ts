import { randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processImages } from '../../scripts/images/index.ts';
import { InputError } from '../../scripts/util/errors.ts';
import { figure, makeIssue, photo, pixelBomb, type TestIssue } from './fixtures.ts';

/** The figure's image line: front matter (3 lines) and a blank line come first. */
const IMAGE_LINE = 6;

const fixtures: TestIssue[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.cleanup()));
});

async function failure(fixture: TestIssue): Promise<InputError> {
  fixtures.push(fixture);
  const error = await processImages(fixture.issue, {
    outDir: fixture.outDir,
    editions: ['web', 'epub', 'print'],
    cacheDir: fixture.cacheDir,
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

function fatalMessages(error: InputError) {
  return error.files.flatMap((file) =>
    file.messages
      .filter((message) => message.fatal)
      .map((message) => ({
        file: path.basename(file.path),
        line: message.line,
        column: message.column,
        reason: message.reason,
      })),
  );
}

describe('a photo that cannot be used', () => {
  const cases: [string, string, () => Promise<Buffer> | Buffer | undefined, RegExp][] = [
    [
      'corrupt',
      'kapot.jpg',
      () => randomBytes(4096),
      /Cannot read image `kapot\.jpg`: the file is not an image in a supported format/,
    ],
    ['empty', 'leeg.jpg', () => Buffer.alloc(0), /Cannot read image `leeg\.jpg`: the file is empty/],
    ['missing', 'weg.jpg', () => undefined, /Cannot read image `weg\.jpg`: the file does not exist in images\//],
    [
      'a pixel bomb',
      'bom.png',
      () => pixelBomb(30000, 30000),
      /Cannot read image `bom\.png`: the image is too large: 30000 × 30000 pixels is over the 100-megapixel limit/,
    ],
    [
      'truncated',
      'half.jpg',
      async () => {
        const bytes = await photo({ width: 800, height: 600 });
        return bytes.subarray(0, bytes.length / 2);
      },
      /Cannot read image `half\.jpg`: the file is damaged: it starts as a JPEG but cannot be decoded/,
    ],
  ];

  for (const [what, name, make, reason] of cases) {
    it(`fails the build when it is ${what}, at the image in the manuscript`, async () => {
      const bytes = await make();
      const error = await failure(await makeIssue({ markdown: figure(name), images: bytes ? { [name]: bytes } : {} }));
      expect(fatalMessages(error)).toEqual([
        { file: 'artikel.md', line: IMAGE_LINE, column: 1, reason: expect.stringMatching(reason) },
      ]);
      expect(error.message).toMatch(new RegExp(`artikel\\.md:${IMAGE_LINE}:1: ${reason.source}`));
    });
  }

  it('reports a broken cover photo at the cover.image line of issue.yaml', async () => {
    const error = await failure(await makeIssue({ markdown: 'Tekst.\n', cover: 'omslag.jpg' }));
    expect(fatalMessages(error)).toEqual([
      {
        file: 'issue.yaml',
        line: 6,
        column: 10,
        reason: expect.stringMatching(/^Cannot read image `omslag\.jpg`: the file does not exist/),
      },
    ]);
  });

  it('collects every problem before failing, in reading order, and reports each use', async () => {
    const fixture = await makeIssue({
      markdown: figure('leeg.jpg') + figure('goed.jpg') + figure('weg.jpg') + figure('leeg.jpg', 'breed'),
      images: { 'leeg.jpg': Buffer.alloc(0), 'goed.jpg': await photo({ width: 400, height: 300 }) },
      cover: 'weg-ook.jpg',
    });
    const error = await failure(fixture);
    expect(
      fatalMessages(error).map((message) => `${message.file}:${message.line} ${message.reason.split(':')[0]}`),
    ).toEqual([
      'artikel.md:6 Cannot read image `leeg.jpg`',
      'artikel.md:18 Cannot read image `weg.jpg`',
      'artikel.md:24 Cannot read image `leeg.jpg`',
      'issue.yaml:6 Cannot read image `weg-ook.jpg`',
    ]);
  });
});

describe('a path outside images/', () => {
  it('is refused, even when the file exists', async () => {
    const fixture = await makeIssue({
      markdown: figure('../secret.jpg') + figure('images/../../secret.jpg') + figure('/etc/passwd'),
    });
    await writeFile(path.join(fixture.root, 'secret.jpg'), await photo({ width: 100, height: 100 }));
    await writeFile(path.join(fixture.root, 'issue', 'secret.jpg'), await photo({ width: 100, height: 100 }));
    const messages = fatalMessages(await failure(fixture));
    expect(messages.map((message) => message.reason)).toEqual([
      expect.stringMatching(/^Cannot read image `\.\.\/secret\.jpg`: the path leads outside images\//),
      expect.stringMatching(/^Cannot read image `images\/\.\.\/\.\.\/secret\.jpg`: the path leads outside images\//),
      expect.stringMatching(/^Cannot read image `\/etc\/passwd`: absolute paths are refused/),
    ]);
  });

  it('is refused through a symbolic link', async () => {
    const fixture = await makeIssue({ markdown: figure('link.jpg') });
    await writeFile(path.join(fixture.root, 'secret.jpg'), await photo({ width: 100, height: 100 }));
    await symlink(path.join(fixture.root, 'secret.jpg'), path.join(fixture.issue.imagesDir, 'link.jpg'));
    expect(fatalMessages(await failure(fixture))[0]?.reason).toMatch(
      /^Cannot read image `link\.jpg`: the path leads outside images\/ through a symbolic link/,
    );
  });

  it('accepts a path relative to the manuscript that lands in images/, and a link inside it', async () => {
    const fixture = await makeIssue({
      markdown: figure('images/sub/foto.jpg') + figure('sub/foto.jpg') + figure('alias.jpg'),
      images: { 'sub/foto.jpg': await photo({ width: 500, height: 400 }) },
    });
    fixtures.push(fixture);
    await mkdir(path.join(fixture.issue.imagesDir, 'sub'), { recursive: true });
    await symlink(
      path.join(fixture.issue.imagesDir, 'sub', 'foto.jpg'),
      path.join(fixture.issue.imagesDir, 'alias.jpg'),
    );
    const result = await processImages(fixture.issue, {
      outDir: fixture.outDir,
      editions: ['epub'],
      cacheDir: fixture.cacheDir,
    });
    expect([...result.images.keys()]).toEqual(['images/sub/foto.jpg', 'sub/foto.jpg', 'alias.jpg']);
    // One source, made once, whatever it is called.
    expect(result.summary.epub.misses).toBe(1);
    expect(new Set([...result.images.values()].map((image) => image.epub!.path)).size).toBe(1);
  });
});
