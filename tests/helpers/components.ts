import { expect } from 'vitest';

/** The mini fixture's `gesprek.md` as rendered: every magazine component in its exact HTML. */
export function expectMagazineComponents(html: string): void {
  expect(html).toContain('<strong class="speaker">Piet:</strong> “Ik vind dit werk mooi');
  expect(html).toMatch(
    new RegExp(
      /<aside class="kader" aria-labelledby="vakmanschap-volgens-sara">/.source +
        /<h2 class="box-title" id="vakmanschap-volgens-sara">Vakmanschap volgens Sara<\/h2>/.source,
    ),
  );
  expect(html).toMatch(
    new RegExp(
      /<aside class="pullquote"><blockquote>\s*<p>Goed werk begint bij een goed gesprek\.<\/p>/.source +
        /\s*<\/blockquote><p class="pullquote-source">Sara Smit<\/p><\/aside>/.source,
    ),
  );
  expect(html).toMatch(
    new RegExp(
      /<aside class="meer-info" aria-labelledby="meer-informatie">/.source +
        /<h2 class="box-title" id="meer-informatie">Meer informatie<\/h2>/.source,
    ),
  );
  expect(html).toMatch(
    new RegExp(
      /<figure class="figure figure--portrait"><picture>[\s\S]*<\/picture>/.source +
        /<figcaption>Piet Pieters en Sara Smit/.source +
        /<span class="credit"> Foto: Anna Fotograaf<\/span><\/figcaption><\/figure>/.source,
    ),
  );
  expect(html).toContain('<h2 id="de-eerste-vraag">De eerste vraag</h2>');
}
