/**
 * Tables. A Markdown table has one header row and no merged cells: Word's header rows (marked
 * "repeat as header row") stay the header, and where Word has none the first row becomes it;
 * a merged cell's text stays in its first cell and the cells it covered are left empty (as
 * hast-util-to-mdast does), which the editor is told, table by table.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { firstWords, warning, type ImportWarning } from './warning.ts';

export function tableWarnings(tree: Root): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  let number = 0;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') warnings.push(...problems(child, ++number));
      visit(child);
    }
  };
  visit(tree);
  return warnings;
}

function problems(table: Element, number: number): ImportWarning[] {
  const rows = elements(table, 'tr');
  const firstRow = elements(rows[0] ?? table, 'td', 'th').map((cell) => toString(cell));
  const where = `table ${number} (“${firstWords(firstRow.join(' '), 6)}”)`;
  const found: ImportWarning[] = [];
  const merged = rows.flatMap((row) =>
    elements(row, 'td', 'th').filter(
      (cell) => Number(cell.properties.colSpan ?? 1) > 1 || Number(cell.properties.rowSpan ?? 1) > 1,
    ),
  );
  if (merged.length > 0) {
    found.push(
      warning(
        'import-merged-cells',
        `${where} has ${merged.length} merged cell${merged.length === 1 ? '' : 's'}: a Markdown table cannot merge ` +
          'cells, so each text stays in its first cell and the cells it covered are left empty; check the table',
      ),
    );
  }
  const headerRows = rows.filter((row) => elements(row, 'td', 'th').every((cell) => cell.tagName === 'th')).length;
  if (headerRows > 1) {
    found.push(
      warning(
        'import-table-header',
        `${where} has ${headerRows} header rows: the first is the header, the others are ordinary rows`,
      ),
    );
  }
  return found;
}

/** Elements named `names` below `node`, not inside a nested table. */
function elements(node: Element, ...names: string[]): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element' || child.tagName === 'table') continue;
    if (names.includes(child.tagName)) found.push(child);
    else found.push(...elements(child, ...names));
  }
  return found;
}
