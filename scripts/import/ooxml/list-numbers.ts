/**
 * The number Word shows before each numbered paragraph. mammoth joins list paragraphs that
 * follow each other into one list, so a list that Word restarts (or continues after other text)
 * would be numbered on from the one before it; these numbers let `lists.ts` start a new list
 * where Word does, at the number Word gives it.
 *
 * Word's rule: the lists (w:num) of one definition (w:abstractNum) share their counters, unless
 * a list overrides a level's start; a counter goes back to its start when a shallower level of
 * the same list is numbered.
 */
import type { DocxPackage } from '../docx-package.ts';
import { attribute, children, descendants, isInside, parseXml, type Element } from './xml.ts';

export interface ListNumber {
  level: number;
  ordered: boolean;
  /** The number Word shows. */
  number: number;
}

interface ListDefinition {
  /** Counters are shared by this key. */
  counterKey: string;
  starts: Map<number, number>;
  bullets: Set<number>;
}

/** The numbered paragraphs in the order mammoth reads them (alternative content's fallback, not its choice). */
export function listNumbers(docx: DocxPackage): ListNumber[] {
  const definitions = readDefinitions(docx.parts.get('word/numbering.xml')?.toString('utf8'));
  const styleNumbering = readStyleNumbering(docx.parts.get('word/styles.xml')?.toString('utf8'));
  const document = parseXml(docx.parts.get('word/document.xml')?.toString('utf8') ?? '');
  const counters = new Map<string, number[]>();
  const numbers: ListNumber[] = [];
  for (const paragraph of descendants(document, 'p')) {
    if (isInside(paragraph, 'Choice')) continue;
    const numbering = paragraphNumbering(paragraph) ?? styleNumbering.get(paragraphStyle(paragraph) ?? '');
    const definition = numbering && definitions.get(numbering.numId);
    if (!numbering || !definition) continue;
    const { level } = numbering;
    const counter = counters.get(definition.counterKey) ?? [];
    const number = counter[level] === undefined ? (definition.starts.get(level) ?? 1) : counter[level] + 1;
    counter.length = level;
    counter[level] = number;
    counters.set(definition.counterKey, counter);
    numbers.push({ level, ordered: !definition.bullets.has(level), number });
  }
  return numbers;
}

function paragraphNumbering(paragraph: Element): { numId: string; level: number } | undefined {
  const properties = children(paragraph, 'pPr')[0];
  const numPr = properties && children(properties, 'numPr')[0];
  if (!numPr) return undefined;
  const numId = attribute(children(numPr, 'numId')[0] ?? numPr, 'val');
  const level = Number(attribute(children(numPr, 'ilvl')[0] ?? numPr, 'val') ?? 0);
  return numId && numId !== '0' ? { numId, level } : undefined;
}

function paragraphStyle(paragraph: Element): string | undefined {
  const properties = children(paragraph, 'pPr')[0];
  const style = properties && children(properties, 'pStyle')[0];
  return style ? attribute(style, 'val') : undefined;
}

function readDefinitions(xml: string | undefined): Map<string, ListDefinition> {
  const definitions = new Map<string, ListDefinition>();
  if (!xml) return definitions;
  const root = parseXml(xml);
  const abstracts = new Map<string, { starts: Map<number, number>; bullets: Set<number> }>();
  for (const abstract of descendants(root, 'abstractNum')) {
    const starts = new Map<number, number>();
    const bullets = new Set<number>();
    for (const level of children(abstract, 'lvl')) {
      const index = Number(attribute(level, 'ilvl') ?? 0);
      const start = children(level, 'start')[0];
      if (start) starts.set(index, Number(attribute(start, 'val') ?? 1));
      const format = children(level, 'numFmt')[0];
      if (format && ['bullet', 'none'].includes(attribute(format, 'val') ?? '')) bullets.add(index);
    }
    abstracts.set(attribute(abstract, 'abstractNumId') ?? '', { starts, bullets });
  }
  for (const num of descendants(root, 'num')) {
    const numId = attribute(num, 'numId') ?? '';
    const abstractId = attribute(children(num, 'abstractNumId')[0] ?? num, 'val') ?? '';
    const abstract = abstracts.get(abstractId);
    if (!abstract) continue;
    const starts = new Map(abstract.starts);
    const overrides = children(num, 'lvlOverride');
    for (const override of overrides) {
      const start = children(override, 'startOverride')[0];
      if (start) starts.set(Number(attribute(override, 'ilvl') ?? 0), Number(attribute(start, 'val') ?? 1));
    }
    const counterKey = overrides.length > 0 ? `num ${numId}` : `abstract ${abstractId}`;
    definitions.set(numId, { counterKey, starts, bullets: abstract.bullets });
  }
  return definitions;
}

/** Paragraph styles that number their paragraphs themselves (a "List Number" style). */
function readStyleNumbering(xml: string | undefined): Map<string, { numId: string; level: number }> {
  const found = new Map<string, { numId: string; level: number }>();
  if (!xml) return found;
  for (const style of descendants(parseXml(xml), 'style')) {
    const numbering = paragraphNumbering(style);
    const id = attribute(style, 'styleId');
    if (numbering && id) found.set(id, numbering);
  }
  return found;
}
