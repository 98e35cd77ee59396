/** An article's title block, the same in every edition: kicker, the page's h1, the lead. */
import { h } from 'hastscript';
import type { Element } from 'hast';
import type { FrontMatter } from '../issue/schema.ts';

export function articleHeader(data: FrontMatter, titleId: string): Element {
  return h('header.article-header', [
    data.kicker ? h('p.kicker', data.kicker) : undefined,
    h('h1', { id: titleId }, data.title),
    data.lead ? h('p.lead', data.lead) : undefined,
  ]);
}
