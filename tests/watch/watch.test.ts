/**
 * Watch mode as an editor uses it: the preview is served, an edit rebuilds and reloads the
 * page, a broken edit is reported in the page and the last good PDF stays served.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatch, type BuildOutcome, type WatchSession } from '../../scripts/watch/watch.ts';
import { copyFixture, edit } from '../helpers/temp-issue.ts';
import { root } from '../helpers/cli.ts';

/** Reads server-sent events from the preview until `count` events have arrived. */
async function collectEvents(
  url: string,
  count: number,
  signal: AbortSignal,
): Promise<{ event: string; data: string }[]> {
  const response = await fetch(url, { signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; data: string }[] = [];
  let buffer = '';
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) events.push({ event, data });
    }
  }
  await reader.cancel();
  return events;
}

function nextBuild(session: WatchSession): Promise<BuildOutcome> {
  return new Promise((resolve) => session.events.once('build', resolve));
}

describe('persklaar watch', () => {
  let session: WatchSession;
  let issueDir: string;
  const outDir = mkdtempSync(path.join(tmpdir(), 'persklaar-watch-'));

  beforeAll(async () => {
    issueDir = copyFixture();
    session = await startWatch(issueDir, {
      outDir,
      port: 0,
      cacheDir: path.join(root, '.cache'),
      debounceMs: 50,
      log: () => {},
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('serves the web edition with the live-reload script, and the PDF', async () => {
    const page = await (await fetch(`${session.url}/`)).text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<script type="module" src="/__persklaar/live.js"></script>');
    const pdf = await fetch(`${session.url}/proefnummer-01.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(`${session.url}/../../etc/passwd`)).status).toBe(404);
  });

  it('rebuilds on an edit: the served PDF changes and open pages get a reload event', async () => {
    const before = Buffer.from(await (await fetch(`${session.url}/proefnummer-01.pdf`)).arrayBuffer());
    const abort = new AbortController();
    const events = collectEvents(`${session.url}/__persklaar/events`, 1, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const built = nextBuild(session);
    edit(path.join(issueDir, 'voorwoord.md'), (text) =>
      text.replace('Dit is het voorwoord', 'Dit is het vernieuwde voorwoord'),
    );
    const outcome = await built;
    expect(outcome.ok).toBe(true);
    expect((await events)[0]!.event).toBe('reload');
    abort.abort();
    const after = Buffer.from(await (await fetch(`${session.url}/proefnummer-01.pdf`)).arrayBuffer());
    expect(after.equals(before)).toBe(false);
    expect(readFileSync(path.join(outDir, 'web/voorwoord.html'), 'utf8')).toContain('Dit is het vernieuwde voorwoord');
  });

  it('shows the last good build’s warnings on the page (the layout report among them), to pages opened later too', async () => {
    const abort = new AbortController();
    const events = collectEvents(`${session.url}/__persklaar/events`, 2, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const built = nextBuild(session);
    edit(path.join(issueDir, 'voorwoord.md'), (text) => `${text}\n\nZie [elders](#bestaat-niet).\n`);
    expect((await built).ok).toBe(true);
    const [reload, report] = await events;
    abort.abort();
    expect([reload!.event, report!.event]).toEqual(['reload', 'build-report']);
    expect(JSON.parse(report!.data).message).toMatch(/voorwoord\.md[\s\S]*anchor-exists/);
    const later = (await (await fetch(`${session.url}/__persklaar/report`)).json()) as { message: string };
    expect(later.message).toMatch(/anchor-exists/);
    expect(await (await fetch(`${session.url}/__persklaar/live.js`)).text()).toContain('/__persklaar/report');
  });

  it('reports a broken edit in the page and keeps serving the last good PDF', async () => {
    const good = Buffer.from(await (await fetch(`${session.url}/proefnummer-01.pdf`)).arrayBuffer());
    const abort = new AbortController();
    const events = collectEvents(`${session.url}/__persklaar/events`, 1, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const built = nextBuild(session);
    edit(path.join(issueDir, 'gesprek.md'), (text) => text.replace('kind: interview', 'kind: [kapot'));
    const outcome = await built;
    expect(outcome.ok).toBe(false);
    const [event] = await events;
    abort.abort();
    expect(event!.event).toBe('build-error');
    expect(JSON.parse(event!.data).message).toMatch(/gesprek\.md\s*\n\s*\d+:\d+\s+error\s+Unexpected YAML/);
    const served = Buffer.from(await (await fetch(`${session.url}/proefnummer-01.pdf`)).arrayBuffer());
    expect(served.equals(good)).toBe(true);
  });
});
