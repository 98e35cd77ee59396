/**
 * `:::citaat{wie="…"}` — a pull quote: an echo of the text set large. Not a landmark
 * (an unlabelled aside inside an article is generic), so it never clutters navigation.
 */
import { h } from 'hastscript';
import type { Component } from './types.ts';

export const pullquote: Component = {
  name: 'citaat',
  type: 'containerDirective',
  render(state, node) {
    const who = node.attributes?.wie ?? undefined;
    return h('aside.pullquote', [h('blockquote', state.all(node)), who ? h('p.pullquote-source', who) : undefined]);
  },
};
