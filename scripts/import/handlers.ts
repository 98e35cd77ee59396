/**
 * How the HTML mammoth writes becomes the Markdown the rest of Persklaar reads, where
 * hast-util-to-mdast's own handlers do not know it: the components the style map made
 * (`style-map.ts`), note references, links to Word's own bookmarks, lists that Word starts
 * anew (`list-starts.ts`), and the paragraphs with a role (`roles.ts`).
 */
import type { Element, ElementContent } from 'hast';
import { defaultHandlers, type Handle, type State } from 'hast-util-to-mdast';
import { toString } from 'hast-util-to-string';
import type { BlockContent, List, Paragraph, PhrasingContent } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { splitAtMarkedStarts, tightened } from './list-starts.ts';
import { noteIdentifier } from './notes.ts';
import { roles, withRole, type Role } from './roles.ts';

const classes = (node: Element) => (node.properties.className as string[] | undefined) ?? [];
const hasClass = (node: Element, name: string) => classes(node).includes(name);

const aside: Handle = (state, node) => {
  if (!hasClass(node, 'citaat')) return state.toFlow(state.all(node));
  const sources = node.children.filter((child) => child.type === 'element' && hasClass(child, 'citaat-bron'));
  const quoted = { ...node, children: node.children.filter((child) => !sources.includes(child)) };
  const who = sources
    .map((source) => toString(source).trim())
    .filter(Boolean)
    .join(', ');
  return directive('citaat', state.toFlow(state.all(quoted)), who ? { wie: who } : undefined);
};

const div: Handle = (state, node) => {
  const name = ['kader', 'meer-info'].find((each) => hasClass(node, each));
  if (!name) return state.toFlow(state.all(node));
  const [title, ...rest] = node.children.filter((child) => child.type === 'element');
  const titled = title && hasClass(title, 'kadertitel');
  const label: Paragraph[] = titled
    ? [{ type: 'paragraph', children: state.all(title) as PhrasingContent[], data: { directiveLabel: true } }]
    : [];
  const body = titled ? rest : node.children;
  return directive(name, [...label, ...state.toFlow(state.all({ ...node, children: body as ElementContent[] }))]);
};

const span: Handle = (state, node) => {
  const children = state.all(node) as PhrasingContent[];
  if (!hasClass(node, 'spreker')) return children;
  const speaker: TextDirective = { type: 'textDirective', name: 'spreker', attributes: {}, children };
  return speaker;
};

const sup: Handle = (state, node) => {
  const [only] = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const identifier = only?.type === 'element' && only.tagName === 'a' ? noteIdentifier(only) : undefined;
  if (identifier) return { type: 'footnoteReference', identifier, label: identifier };
  return defaultHandlers.sup(state, node);
};

/** Links to Word's own bookmarks (a table of contents, cross-references) lead nowhere in an article. */
const a: Handle = (state, node) => {
  const href = String(node.properties.href ?? '');
  if (href === '' || href.startsWith('#')) return state.all(node);
  return defaultHandlers.a(state, node);
};

const ol: Handle = (state, node) =>
  splitAtMarkedStarts(node).map(({ start, list }) => {
    const converted = tightened(defaultHandlers.ol(state, list) as List);
    if (start !== undefined && start !== 1) converted.start = start;
    return converted;
  });

const ul: Handle = (state, node) => tightened(defaultHandlers.ul(state, node) as List);

const p: Handle = (state, node) => {
  const paragraph = defaultHandlers.p(state, node) as Paragraph | undefined;
  const role = roles.find((each) => hasClass(node, each)) as Role | undefined;
  return paragraph && role ? withRole(paragraph, role) : paragraph;
};

function directive(
  name: string,
  children: BlockContent[] | ReturnType<State['toFlow']>,
  attributes?: Record<string, string>,
): ContainerDirective {
  return { type: 'containerDirective', name, attributes: attributes ?? {}, children: children as BlockContent[] };
}

export const handlers: Record<string, Handle> = { a, aside, div, ol, p, span, sup, ul };
