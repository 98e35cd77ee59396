/** `:spreker[Yvonne]` — who speaks in an interview turn, set before the turn's first words. */
import { h } from 'hastscript';
import type { Component } from './types.ts';

export const speaker: Component = {
  name: 'spreker',
  type: 'textDirective',
  render(state, node) {
    return h('strong.speaker', [...state.all(node), { type: 'text', value: ':' }]);
  },
};
