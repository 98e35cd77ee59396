/**
 * A ```` ```mermaid ```` block drawn by the diagram stage (`diagrams/`) is shown as its
 * drawing, inline SVG with real text, in every edition: vector in the PDF, SVG on the web and
 * in the EPUB. Its text alternative is the source, unless the fence gives one
 * (```` ```mermaid alt="…" ````). A block that was not drawn (a syntax error, warned at its
 * line by the stage) stays code, as does every other code block.
 */
import type { Element, Properties } from 'hast';
import { h } from 'hastscript';
import type { Code } from 'mdast';
import { defaultHandlers, type Handler, type State } from 'mdast-util-to-hast';
import { ID_PLACEHOLDER, type Diagrams } from '../../diagrams/types.ts';
import { cloneTree } from '../../util/clone.ts';

export type { Diagrams };

/** The code handler: drawn Mermaid blocks as diagrams, the rest as code. */
export function diagramHandler(diagrams: Diagrams, articleId: string): Handler {
  let count = 0;
  return (state: State, node: Code) => {
    const drawn = node.lang === 'mermaid' ? diagrams.get(node.value) : undefined;
    if (!drawn) return defaultHandlers.code(state, node);
    const svg = withIdPrefix(cloneTree(drawn), `${articleId}-schema-${++count}`);
    svg.properties = { ...svg.properties, role: 'img', ariaLabel: altOf(node) };
    return h('div.diagram', [svg]);
  };
}

/** `alt="…"` on the fence, else the diagram's source: what the drawing says, in words. */
export function altOf(node: Code): string {
  const given = node.meta ? /(?:^|\s)alt="([^"]*)"/.exec(node.meta)?.[1]?.trim() : undefined;
  return given || node.value.trim();
}

function withIdPrefix(svg: Element, prefix: string): Element {
  const stack: Element[] = [svg];
  while (stack.length > 0) {
    const element = stack.pop()!;
    element.properties = renamed(element.properties, prefix);
    for (const child of element.children) if (child.type === 'element') stack.push(child);
  }
  return svg;
}

function renamed(properties: Properties, prefix: string): Properties {
  const result: Properties = {};
  for (const [key, value] of Object.entries(properties)) {
    if (typeof value === 'string') result[key] = value.split(ID_PLACEHOLDER).join(prefix);
    else if (Array.isArray(value))
      result[key] = value.map((item) => (typeof item === 'string' ? item.split(ID_PLACEHOLDER).join(prefix) : item));
    else result[key] = value;
  }
  return result;
}
