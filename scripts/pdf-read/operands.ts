/** Operands of a content-stream operation, read as what the operator takes. */
import type { Matrix } from './matrix.ts';
import { isArray, isString, type Operand } from './tokenizer.ts';

/** A number operand; anything else (a malformed stream) reads as 0. */
export function num(operand: Operand | undefined): number {
  return typeof operand === 'number' ? operand : 0;
}

/** The six numbers of `cm` or `Tm`. */
export function matrix(operands: readonly Operand[]): Matrix {
  return [num(operands[0]), num(operands[1]), num(operands[2]), num(operands[3]), num(operands[4]), num(operands[5])];
}

/** The strings a text-showing operator (`Tj`, `'`, `"`, `TJ`) shows, in order. */
export function shownStrings(operands: readonly Operand[]): Uint8Array[] {
  const last = operands.at(-1);
  if (isString(last)) return [last.bytes];
  if (isArray(last)) return last.items.filter(isString).map((item) => item.bytes);
  return [];
}
