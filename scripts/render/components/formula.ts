/**
 * `$…$` and `$$…$$` (remark-math) set as MathML by Temml, in every edition: browsers and EPUB 3
 * reading systems lay MathML out themselves, and screen readers read it. The TeX source goes
 * with each formula twice: as its `alttext` and as the TeX annotation. A formula Temml cannot
 * read stays its source, shown as code, with a warning at its line.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Handler, State } from 'mdast-util-to-hast';
import temml from 'temml';
import type { VFile } from 'vfile';

/** The `math` and `inlineMath` handlers for the article in `file`. */
export function formulaHandlers(file: VFile): { math: Handler; inlineMath: Handler } {
  const formula = (node: Math | InlineMath, display: boolean): ElementContent => {
    const mathml = mathmlOf(node.value, display);
    if (mathml) return display ? h('div.formula', [mathml]) : mathml;
    const reason = `Unexpected formula Temml cannot read (${mathml === undefined ? 'empty' : 'syntax'}): shown as its TeX source; check the TeX`;
    file.message(reason, { place: node.position, ruleId: 'math-syntax', source: 'persklaar' });
    return display ? h('pre.formula-source', h('code', node.value)) : h('code.formula-source', `$${node.value}$`);
  };
  return {
    math: (_state: State, node: Math) => formula(node, true),
    inlineMath: (_state: State, node: InlineMath) => formula(node, false),
  };
}

/** The formula as a `<math>` element, or null when Temml cannot read it (undefined when empty). */
function mathmlOf(tex: string, display: boolean): Element | null | undefined {
  if (tex.trim() === '') return undefined;
  let markup: string;
  try {
    markup = temml.renderToString(tex, { displayMode: display, annotate: true, throwOnError: true });
  } catch {
    return null;
  }
  const math = fromHtml(markup, { fragment: true }).children[0];
  if (math?.type !== 'element' || math.tagName !== 'math') return null;
  // Temml's class and inline style serve its own stylesheet; the theme sets formulas.
  math.properties = { display: display ? 'block' : 'inline', alttext: tex.trim() };
  return math;
}
