/**
 * Tables as a typesetter sets them: a column of numbers (amounts, counts, codes of digits) is
 * aligned right in tabular figures, so that units sit under units, unless the editor aligned
 * it otherwise in the Markdown (`:---`, `:---:`).
 */
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const numeric = /^[-+−]?(?:[€$£%]\s?)?\d[\d.,\s ]*(?:%|\s?[a-zA-Z€]{1,3})?$/;

export function alignNumbers(table: Element): void {
  const rows = rowsOf(table);
  const body = rows.filter((row) => row.children.some((cell) => cell.type === 'element' && cell.tagName === 'td'));
  const width = Math.max(0, ...rows.map((row) => cellsOf(row).length));
  for (let column = 0; column < width; column++) {
    const cells = body.map((row) => cellsOf(row)[column]).filter((cell) => cell !== undefined);
    const texts = cells.map((cell) => toString(cell).trim()).filter((text) => text !== '');
    if (texts.length === 0 || !texts.every((text) => numeric.test(text))) continue;
    for (const row of rows) {
      const cell = cellsOf(row)[column];
      if (!cell || cell.properties.align !== undefined) continue;
      cell.properties.className = ['num'];
    }
  }
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  visit(table, 'element', (node: Element) => {
    if (node.tagName === 'tr') rows.push(node);
  });
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter(
    (cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'),
  );
}
