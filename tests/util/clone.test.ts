import { describe, expect, it } from 'vitest';
import { cloneTree } from '../../scripts/util/clone.ts';

describe('cloneTree', () => {
  it('copies a tree 5000 levels deep, into a copy that shares nothing', () => {
    const root: { type: string; children: unknown[]; properties: { className: string[] } } = {
      type: 'root',
      children: [],
      properties: { className: ['a'] },
    };
    let node = root;
    for (let level = 0; level < 5000; level++) {
      const child = { type: 'element', children: [], properties: { className: ['a'] } };
      node.children.push(child);
      node = child;
    }
    const copy = cloneTree(root);
    expect(copy === root).toBe(false);
    let depth = 0;
    for (let at: typeof root | undefined = copy; at; at = at.children[0] as typeof root | undefined) depth++;
    expect(depth).toBe(5001);
    copy.properties.className.push('b');
    expect(root.properties.className).toEqual(['a']);
  });
});
