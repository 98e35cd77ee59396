/**
 * The structure tree: standard or role-mapped types, figures with alternative text, list
 * syntax (ISO 32000-1 Table 336), heading levels in order, links tied to their annotations.
 */
import { type PDFContext, type PDFDict, PDFRef } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, asText, N, refKey, resolve } from '../../pdf-read/objects.ts';
import { ParentTree } from '../../pdf-read/parent-tree.ts';
import { elementText, type ElementTextSource } from '../../pdf-read/tree.ts';
import { kidsOf, roleMapOf, standardTypeOf, STANDARD_TYPES, typeOf, walkElements } from '../../pdf-read/tree.ts';
import type { CheckContext } from './types.ts';

export interface StructureFacts {
  hasHeadings: boolean;
}

export function checkStructure(ctx: CheckContext): StructureFacts {
  const root = asDict(ctx.context, ctx.catalog.get(N('StructTreeRoot')));
  if (!root) return { hasHeadings: false };
  const check = new StructureCheck(ctx, root);
  check.roleMap();
  walkElements(ctx.context, root, (elem, _ref, ancestors) => check.element(elem, ancestors.at(-1)));
  check.headingOrder();
  checkAnnotations(ctx, root, check.roles);
  return { hasHeadings: check.hasHeadings };
}

/** The checks of one structure tree, element by element, with what they share. */
class StructureCheck {
  readonly roles: PDFDict | undefined;
  hasHeadings = false;
  private readonly context: PDFContext;
  private readonly textInput: ElementTextSource;
  /** Each non-standard type is reported once. */
  private readonly reportedTypes = new Set<string>();
  private readonly headings: { level: number; elem: PDFDict }[] = [];

  constructor(
    private readonly ctx: CheckContext,
    root: PDFDict,
  ) {
    this.context = ctx.context;
    this.roles = roleMapOf(ctx.context, root);
    this.textInput = { context: ctx.context, pageIndex: ctx.pageIndex, mcidText: ctx.mcidText };
  }

  /** Role map: standard types must not be remapped; others must end at a standard type. */
  roleMap(): void {
    const { context, roles } = this;
    for (const key of roles?.keys() ?? []) {
      const name = key.decodeText();
      if (!STANDARD_TYPES.has(name)) continue;
      this.ctx.report({
        checkpoint: '02-004',
        element: `RoleMap /${name}`,
        message: `the standard type ${name} is remapped to ${asName(context, roles!.get(key)) ?? '?'}`,
      });
    }
  }

  element(elem: PDFDict, parent: PDFDict | undefined): void {
    const raw = typeOf(this.context, elem);
    const resolved = standardTypeOf(this.context, this.roles, raw);
    if (!resolved.type && !this.reportedTypes.has(raw)) {
      this.reportedTypes.add(raw);
      this.ctx.report({
        checkpoint: resolved.cycle ? '02-003' : '02-001',
        ...this.where(elem),
        element: raw,
        message: resolved.cycle
          ? `the role mapping of ${raw} is circular`
          : `${raw} is not a standard structure type and is not role-mapped to one`,
      });
    }
    const type = resolved.type;
    const parentType = parent ? this.stdType(parent) : undefined;
    if (type === 'Figure') this.figure(elem, raw);
    if (type === 'L') this.list(elem);
    if (type === 'LI') this.listItem(elem, parentType);
    if ((type === 'Lbl' || type === 'LBody') && parentType !== 'LI') {
      this.ctx.report({
        checkpoint: '09-005',
        ...this.where(elem),
        element: this.label(elem),
        message: `${type} is inside ${parentType ?? 'the tree root'}, not inside an LI`,
      });
    }
    if (type && /^H[1-6]?$/.test(type)) {
      this.hasHeadings = true;
      if (type !== 'H') this.headings.push({ level: Number(type.slice(1)), elem });
    }
    if (type === 'Link') this.link(elem);
  }

  private figure(elem: PDFDict, raw: string): void {
    const { context } = this;
    const alt = asText(context, elem.get(N('Alt')))?.trim() || asText(context, elem.get(N('ActualText')))?.trim();
    if (alt) return;
    const inner = kidsOf(context, elem).some((k) => k.kind === 'elem')
      ? ' (it groups other elements: tag it Div, or give it /Alt)'
      : '';
    this.ctx.report({
      checkpoint: '13-004',
      ...this.where(elem),
      element: this.label(elem, raw),
      message: `Figure has no alternative text (Alt or ActualText)${inner}`,
    });
  }

  private list(elem: PDFDict): void {
    for (const kid of kidsOf(this.context, elem)) {
      if (kid.kind === 'elem') {
        const t = this.stdType(kid.elem);
        if (t === 'LI' || t === 'Caption' || t === 'L') continue;
        const found = t ?? typeOf(this.context, kid.elem);
        this.ctx.report({
          checkpoint: '09-005',
          ...this.where(kid.elem),
          element: this.label(kid.elem),
          message: `L contains ${found}; a list holds LI elements (and an optional Caption)`,
        });
      } else if (kid.kind === 'mcid') {
        this.ctx.report({
          checkpoint: '09-005',
          ...this.where(elem),
          element: this.label(elem),
          message: 'L holds content directly; a list holds LI elements',
        });
      }
    }
  }

  private listItem(elem: PDFDict, parentType: string | undefined): void {
    const { context } = this;
    if (parentType !== 'L') {
      this.ctx.report({
        checkpoint: '09-005',
        ...this.where(elem),
        element: this.label(elem),
        message: `LI is inside ${parentType ?? 'the tree root'}, not inside an L`,
      });
    }
    const loose = kidsOf(context, elem).filter(
      (kid) => kid.kind !== 'elem' || !['Lbl', 'LBody'].includes(this.stdType(kid.elem) ?? ''),
    );
    if (loose.length === 0) return;
    const kinds = loose.map((kid) =>
      kid.kind === 'elem' ? typeOf(context, kid.elem) : kid.kind === 'mcid' ? 'content' : 'object',
    );
    this.ctx.report({
      checkpoint: '09-005',
      ...this.where(elem),
      element: this.label(elem),
      message: `LI contains ${[...new Set(kinds)].join(', ')}; a list item holds only Lbl and LBody`,
    });
  }

  private link(elem: PDFDict): void {
    const { context } = this;
    const annots = kidsOf(context, elem).filter(
      (kid) => kid.kind === 'objr' && asName(context, asDict(context, kid.obj)?.get(N('Subtype'))) === 'Link',
    );
    if (annots.length > 0) return;
    this.ctx.report({
      checkpoint: '28-011',
      ...this.where(elem),
      element: this.label(elem),
      message: 'Link element has no OBJR to a Link annotation',
    });
  }

  /** Heading levels in reading order: start at H1, never skip a level going down. */
  headingOrder(): void {
    let previous = 0;
    for (const [i, { level, elem }] of this.headings.entries()) {
      if (i === 0 && level !== 1) {
        this.ctx.report({
          checkpoint: '14-002',
          ...this.where(elem),
          element: this.label(elem),
          message: `the first heading is H${level}, not H1`,
        });
      } else if (i > 0 && level > previous + 1) {
        this.ctx.report({
          checkpoint: '14-003',
          ...this.where(elem),
          element: this.label(elem),
          message: `H${level} follows H${previous}: heading level ${previous + 1} is skipped`,
        });
      }
      previous = level;
    }
  }

  private pageOf(elem: PDFDict): number | undefined {
    const pg = elem.get(N('Pg'));
    if (pg instanceof PDFRef) return this.ctx.pageIndex.get(refKey(pg));
    for (const kid of kidsOf(this.context, elem)) {
      if (kid.kind === 'mcid' && kid.page) return this.ctx.pageIndex.get(refKey(kid.page));
      if (kid.kind === 'elem') {
        const p = this.pageOf(kid.elem);
        if (p !== undefined) return p;
      }
    }
    return undefined;
  }

  private where(elem: PDFDict): { page?: number } {
    const index = this.pageOf(elem);
    return index === undefined ? {} : { page: index + 1 };
  }

  private label(elem: PDFDict, type = typeOf(this.context, elem)): string {
    const text = elementText(this.textInput, elem);
    return text ? `${type} “${text.length > 50 ? `${text.slice(0, 47)}…` : text}”` : type;
  }

  private stdType(elem: PDFDict): string | undefined {
    return standardTypeOf(this.context, this.roles, typeOf(this.context, elem)).type;
  }
}

/** Annotations: in the tree under the right element, described, and in structure tab order. */
function checkAnnotations(ctx: CheckContext, root: PDFDict, roleMap: PDFDict | undefined): void {
  const { context } = ctx;
  const parentTree = ParentTree.read(context, root);
  ctx.pages.forEach((page, index) => {
    const pageNo = index + 1;
    const annots = asArray(context, page.node.get(N('Annots')));
    if (!annots || annots.size() === 0) return;
    const tabs = asName(context, page.node.get(N('Tabs')));
    if (tabs === undefined)
      ctx.report({
        checkpoint: '28-008',
        page: pageNo,
        element: 'Page',
        message: 'the page has annotations but no /Tabs entry',
      });
    else if (tabs !== 'S')
      ctx.report({
        checkpoint: '28-009',
        page: pageNo,
        element: 'Page',
        message: `the page has annotations and /Tabs /${tabs}, not /S`,
      });

    for (const raw of annots.asArray()) {
      const annot = asDict(context, raw);
      if (!annot) continue;
      const subtype = asName(context, annot.get(N('Subtype'))) ?? '?';
      if (subtype === 'Popup' || subtype === 'PrinterMark') continue;
      const target = describeAnnotation(context, annot);
      const key = asNumber(context, annot.get(N('StructParent')));
      const ownerRef = key === undefined ? undefined : parentTree.objectOwner(key);
      const owner = asDict(context, ownerRef);
      const ownerHasIt =
        owner !== undefined &&
        kidsOf(context, owner).some(
          (kid) =>
            kid.kind === 'objr' && kid.obj !== undefined && raw instanceof PDFRef && refKey(kid.obj) === refKey(raw),
        );
      if (subtype === 'Link') {
        const ownerType = owner ? standardTypeOf(context, roleMap, typeOf(context, owner)).type : undefined;
        if (!owner || !ownerHasIt || ownerType !== 'Link') {
          ctx.report({
            checkpoint: '28-011',
            page: pageNo,
            element: `Link annotation ${target}`,
            message: 'the link annotation is not in the structure tree as an OBJR of a Link element',
          });
        }
      } else if (subtype !== 'Widget' && (!owner || !ownerHasIt)) {
        ctx.report({
          checkpoint: '28-002',
          page: pageNo,
          element: `${subtype} annotation`,
          message: 'the annotation is not in the structure tree',
        });
      }
      if (subtype !== 'Widget') {
        const contents = asText(context, annot.get(N('Contents')))?.trim();
        const alt = owner ? asText(context, owner.get(N('Alt')))?.trim() : undefined;
        if (!contents && !alt) {
          ctx.report({
            checkpoint: '28-004',
            page: pageNo,
            element: `${subtype} annotation ${target}`,
            message: 'the annotation has no /Contents (nor /Alt on its structure element)',
          });
        }
      }
    }
  });
}

function describeAnnotation(context: CheckContext['context'], annot: PDFDict): string {
  const action = asDict(context, annot.get(N('A')));
  const uri = asText(context, action?.get(N('URI')));
  if (uri) return `to ${uri}`;
  const dest = resolve(context, annot.get(N('Dest')));
  const named = asName(context, dest) ?? asText(context, dest);
  if (named) return `to #${named}`;
  return '';
}
