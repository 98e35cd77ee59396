/**
 * The shipped issue, read back from its PDF as the other documents are: from page 3 on no
 * image is drawn past the page's edge and no text over an image.
 */
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openPdf } from '../helpers/pdf.ts';
import { imagesFrom, placementProblems } from '../helpers/pdf-layout.ts';

describe('Wendbaar #06 in print', () => {
  it('draws every image inside its page and no text over one', async () => {
    const pdf = await openPdf(path.join(inject('issueBuild'), 'wendbaar-06.pdf'));
    // Its 18 photographs after the cover are all found, so the read-back sees what it checks.
    expect((await imagesFrom(pdf)).length).toBeGreaterThanOrEqual(18);
    expect(await placementProblems(pdf)).toEqual([]);
  });
});
