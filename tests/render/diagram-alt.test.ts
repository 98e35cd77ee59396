/** A diagram's text alternative: the fence's `alt="…"` when the manuscript gives one, else the source. */
import type { Code } from 'mdast';
import { describe, expect, it } from 'vitest';
import { altOf } from '../../scripts/render/components/diagram.ts';

const block = (meta: string | null): Code => ({
  type: 'code',
  lang: 'mermaid',
  meta,
  value: 'flowchart LR\n  A --> B\n',
});

describe('a diagram’s text alternative', () => {
  it('is the alt the fence gives', () => {
    expect(altOf(block('alt="Van A naar B"'))).toBe('Van A naar B');
  });
  it('is the source when the fence gives none, or an empty one', () => {
    expect(altOf(block(null))).toBe('flowchart LR\n  A --> B');
    expect(altOf(block('alt=""'))).toBe('flowchart LR\n  A --> B');
  });
});
