/** Emoji set in the colour face: each run wrapped once; text pictographs and code left alone. */
import type { Root } from 'hast';
import { h } from 'hastscript';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../../scripts/render/serialize.ts';
import { markEmoji } from '../../scripts/render/emoji.ts';

describe('emoji in the colour face', () => {
  it('wraps each run of emoji, joined and toned ones whole, flags too', () => {
    const tree: Root = { type: 'root', children: [h('p', 'Af 🎉🎉 en 👩🏽‍💻 met ❤️ in 🇳🇱.')] };
    markEmoji(tree);
    expect(toHtml(tree)).toBe(
      '<p>Af <span class="emoji">🎉🎉</span> en <span class="emoji">👩🏽‍💻</span> met ' +
        '<span class="emoji">❤️</span> in <span class="emoji">🇳🇱</span>.</p>',
    );
  });

  it('leaves text pictographs (©, ™, arrows, digits) and code as they are', () => {
    const tree: Root = { type: 'root', children: [h('p', '© 2022 ™ → 10'), h('pre', h('code', '🎉'))] };
    markEmoji(tree);
    expect(toHtml(tree)).toBe('<p>© 2022 ™ → 10</p><pre><code>🎉</code></pre>');
  });
});
