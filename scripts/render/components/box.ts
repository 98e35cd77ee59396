/**
 * `:::kader[Titel]` and `:::meer-info` — boxes beside the running text. Each is a
 * complementary landmark named by its own heading, so screen reader users can find and skip it.
 */
import { h } from 'hastscript';
import type { ContainerDirective } from 'mdast-util-directive';
import type { State } from 'mdast-util-to-hast';
import { boxTitle, isLabel } from '../../markdown/boxes.ts';
import type { Component, RenderContext } from './types.ts';

function renderBox(className: string) {
  return (state: State, node: ContainerDirective, context: RenderContext) => {
    const title = boxTitle(node);
    const id = context.ids.get(node);
    const body = state.all({ ...node, children: node.children.filter((child) => !isLabel(child)) });
    if (title === undefined) return h(`aside.${className}`, body);
    return h(`aside.${className}`, { ariaLabelledBy: id }, [h('h2.box-title', { id }, title), ...body]);
  };
}

export const kader: Component = {
  name: 'kader',
  type: 'containerDirective',
  render: (state, node, context) => renderBox('kader')(state, node as ContainerDirective, context),
};

export const meerInfo: Component = {
  name: 'meer-info',
  type: 'containerDirective',
  render: (state, node, context) => renderBox('meer-info')(state, node as ContainerDirective, context),
};
