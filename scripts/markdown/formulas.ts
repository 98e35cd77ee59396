/**
 * A formula's TeX set as MathML by Temml, with the TeX as its annotation; shared by the
 * renderer, which shows it, and the linter, which names a formula Temml cannot read.
 */
import temml from 'temml';

export type Typeset = { mathml: string } | { error: string };

export function typeset(tex: string, display: boolean): Typeset {
  if (tex.trim() === '') return { error: 'the formula is empty' };
  try {
    return { mathml: temml.renderToString(tex, { displayMode: display, annotate: true, throwOnError: true }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.replace(/^ParseError:\s*/i, '').trim() };
  }
}
