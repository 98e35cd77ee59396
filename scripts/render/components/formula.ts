/**
 * `$…$` and `$$…$$` (remark-math) set as MathML by Temml (`markdown/formulas.ts`), in every
 * edition: browsers and EPUB 3 reading systems lay MathML out themselves, and screen readers
 * read it. The TeX source goes with each formula twice: as its `alttext` and as the TeX
 * annotation. A formula Temml cannot read stays its source, shown as code, with a warning at
 * its line (the linter names it too: `math-syntax`).
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import type { Handler, State } from 'mdast-util-to-hast';
import type { InlineMath, Math } from 'mdast-util-math';
import type { VFile } from 'vfile';
import { typeset } from '../../markdown/formulas.ts';

/** The `math` and `inlineMath` handlers for the article in `file`. */
export function formulaHandlers(file: VFile): { math: Handler; inlineMath: Handler } {
  const formula = (node: Math | InlineMath, display: boolean): ElementContent => {
    const set = typeset(node.value, display);
    const math = 'mathml' in set ? mathElement(set.mathml, node.value, display) : undefined;
    if (math) return display ? h('div.formula', [math]) : math;
    const why = 'error' in set ? set.error : 'Temml wrote no <math>';
    file.message(`Unexpected formula that cannot be set (${why}): shown as its TeX source`, {
      place: node.position,
      ruleId: 'math-syntax',
      source: 'persklaar',
    });
    return display ? h('pre.formula-source', h('code', node.value)) : h('code.formula-source', `$${node.value}$`);
  };
  return {
    math: (_state: State, node: Math) => formula(node, true),
    inlineMath: (_state: State, node: InlineMath) => formula(node, false),
  };
}

function mathElement(markup: string, tex: string, display: boolean): Element | undefined {
  const math = fromHtml(markup, { fragment: true }).children[0];
  if (math?.type !== 'element' || math.tagName !== 'math') return undefined;
  // Temml's class and inline style serve its own stylesheet; the theme sets formulas.
  math.properties = { display: display ? 'block' : 'inline', alttext: tex.trim() };
  return math;
}
