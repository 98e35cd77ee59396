/**
 * A formula's TeX set as MathML by Temml, with the TeX as its annotation; shared by the
 * renderer, which shows it, and the linter, which names a formula Temml cannot read.
 */
import { createRequire } from 'node:module';
import type Temml from 'temml';

const require = createRequire(import.meta.url);
/** Temml is loaded with the first formula: an issue without formulas does not pay for it. */
let temml: typeof Temml | undefined;

export type Typeset = { mathml: string } | { error: string };

export function typeset(tex: string, display: boolean): Typeset {
  if (tex.trim() === '') return { error: 'the formula is empty' };
  temml ??= require('temml') as typeof Temml;
  try {
    return { mathml: temml.renderToString(tex, { displayMode: display, annotate: true, throwOnError: true }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message.replace(/^ParseError:\s*/i, '').trim() };
  }
}
