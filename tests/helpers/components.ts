import { expect } from 'vitest';

/** The mini fixture's `gesprek.md` as rendered: every magazine component in its exact HTML. */
export function expectMagazineComponents(html: string): void {
  expect(html).toContain('<strong class="speaker">Piet:</strong> “Ik vind dit werk mooi');
  expect(html).toMatch(
    /<aside class="kader" aria-labelledby="vakmanschap-volgens-sara"><h2 class="box-title" id="vakmanschap-volgens-sara">Vakmanschap volgens Sara<\/h2>/,
  );
  expect(html).toMatch(
    /<aside class="pullquote"><blockquote>\s*<p>Goed werk begint bij een goed gesprek\.<\/p>\s*<\/blockquote><p class="pullquote-source">Sara Smit<\/p><\/aside>/,
  );
  expect(html).toMatch(
    /<aside class="meer-info" aria-labelledby="meer-informatie"><h2 class="box-title" id="meer-informatie">Meer informatie<\/h2>/,
  );
  expect(html).toMatch(
    /<figure class="figure figure--portrait"><picture>[\s\S]*<\/picture><figcaption>Piet Pieters en Sara Smit<span class="credit"> Foto: Anna Fotograaf<\/span><\/figcaption><\/figure>/,
  );
  expect(html).toContain('<h2 id="de-eerste-vraag">De eerste vraag</h2>');
}
