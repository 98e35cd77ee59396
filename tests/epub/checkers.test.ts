/**
 * The bars: EPUBCheck finds nothing (no error, no warning) and Ace by DAISY reports no
 * violation. Both run at once on one build; Ace is the slow one, so it runs once.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ace, epubcheck } from './checkers.ts';
import { buildShipped, prepareShipped, type ShippedBuild } from './fixture.ts';

describe('EPUB of the shipped issue, checked by the referees', () => {
  let build: ShippedBuild;
  beforeAll(async () => {
    build = await buildShipped(await prepareShipped(), 'wendbaar-06.epub');
  });
  afterAll(async () => {
    if (build) await rm(build.dir, { recursive: true, force: true });
  });

  it.concurrent('EPUBCheck (Debian 4.2.6): 0 fatals, 0 errors, 0 warnings', async () => {
    const { version, messages } = await epubcheck(build.file);
    expect(version).toBe('4.2.6');
    const findings = messages.filter((message) => ['FATAL', 'ERROR', 'WARNING'].includes(message.severity));
    expect(
      findings.map(
        (message) =>
          `${message.severity} ${message.ID} ${message.message} @ ` +
          `${message.locations.map((location) => `${location.path}:${location.line}`).join(', ')}`,
      ),
    ).toEqual([]);
  });

  it.concurrent('Ace by DAISY (system Chromium): 0 violations', async () => {
    const { outcome, violations } = await ace(build.file);
    expect(
      violations.map(
        (violation) => `${violation.document} ${violation.rule} (${violation.impact}): ${violation.description}`,
      ),
    ).toEqual([]);
    expect(outcome).toBe('pass');
  });
});
