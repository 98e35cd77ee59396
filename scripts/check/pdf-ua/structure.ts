/**
 * The structure tree: standard or role-mapped types, figures with alternative text, list
 * syntax (ISO 32000-1 Table 336), heading levels in order, links tied to their annotations.
 */
import { type PDFDict, PDFRef } from '@cantoo/pdf-lib';
import { asArray, asDict, asName, asNumber, asText, N, refKey, resolve } from '../../pdf-read/objects.ts';
import { ParentTree } from '../../pdf-read/parent-tree.ts';
import { elementText } from '../../pdf-read/tree.ts';
import { kidsOf, roleMapOf, standardTypeOf, STANDARD_TYPES, typeOf, walkElements } from '../../pdf-read/tree.ts';
import type { CheckContext } from './types.ts';

export interface StructureFacts {
  hasHeadings: boolean;
}

export function checkStructure(ctx: CheckContext): StructureFacts {
  const { context, catalog } = ctx;
  const root = asDict(context, catalog.get(N('StructTreeRoot')));
  if (!root) return { hasHeadings: false };
  const roleMap = roleMapOf(context, root);
  const textInput = { context, structTreeRoot: root, pageIndex: ctx.pageIndex, mcidText: ctx.mcidText };

  const pageOf = (elem: PDFDict): number | undefined => {
    const pg = elem.get(N('Pg'));
    if (pg instanceof PDFRef) return ctx.pageIndex.get(refKey(pg));
    for (const kid of kidsOf(context, elem)) {
      if (kid.kind === 'mcid' && kid.page) return ctx.pageIndex.get(refKey(kid.page));
      if (kid.kind === 'elem') {
        const p = pageOf(kid.elem);
        if (p !== undefined) return p;
      }
    }
    return undefined;
  };
  const where = (elem: PDFDict): { page?: number } => {
    const index = pageOf(elem);
    return index === undefined ? {} : { page: index + 1 };
  };
  const label = (elem: PDFDict, type = typeOf(context, elem)): string => {
    const text = elementText(textInput, elem);
    return text ? `${type} “${text.length > 50 ? `${text.slice(0, 47)}…` : text}”` : type;
  };
  const stdType = (elem: PDFDict): string | undefined => standardTypeOf(context, roleMap, typeOf(context, elem)).type;

  // Role map: standard types must not be remapped; others must end at a standard type.
  if (roleMap) {
    for (const key of roleMap.keys()) {
      const name = key.decodeText();
      if (STANDARD_TYPES.has(name)) {
        ctx.report({
          checkpoint: '02-004',
          element: `RoleMap /${name}`,
          message: `the standard type ${name} is remapped to ${asName(context, roleMap.get(key)) ?? '?'}`,
        });
      }
    }
  }

  const reportedTypes = new Set<string>();
  const headings: { level: number; elem: PDFDict }[] = [];
  let hasHeadings = false;

  walkElements(context, root, (elem, _ref, ancestors) => {
    const raw = typeOf(context, elem);
    const resolved = standardTypeOf(context, roleMap, raw);
    if (!resolved.type && !reportedTypes.has(raw)) {
      reportedTypes.add(raw);
      ctx.report({
        checkpoint: resolved.cycle ? '02-003' : '02-001',
        ...where(elem),
        element: raw,
        message: resolved.cycle
          ? `the role mapping of ${raw} is circular`
          : `${raw} is not a standard structure type and is not role-mapped to one`,
      });
    }
    const type = resolved.type;
    const parentType = ancestors.length > 0 ? stdType(ancestors[ancestors.length - 1]!) : undefined;

    if (type === 'Figure') {
      const alt = asText(context, elem.get(N('Alt')))?.trim() || asText(context, elem.get(N('ActualText')))?.trim();
      if (!alt) {
        const inner = kidsOf(context, elem).some((k) => k.kind === 'elem')
          ? ' (it groups other elements: tag it Div, or give it /Alt)'
          : '';
        ctx.report({
          checkpoint: '13-004',
          ...where(elem),
          element: label(elem, raw),
          message: `Figure has no alternative text (Alt or ActualText)${inner}`,
        });
      }
    }

    if (type === 'L') {
      for (const kid of kidsOf(context, elem)) {
        if (kid.kind === 'elem') {
          const t = stdType(kid.elem);
          if (t !== 'LI' && t !== 'Caption' && t !== 'L') {
            ctx.report({
              checkpoint: '09-005',
              ...where(kid.elem),
              element: label(kid.elem),
              message:
                `L contains ${t ?? typeOf(context, kid.elem)}; ` +
                'a list holds LI elements ' +
                '(and an optional Caption)',
            });
          }
        } else if (kid.kind === 'mcid') {
          ctx.report({
            checkpoint: '09-005',
            ...where(elem),
            element: label(elem),
            message: 'L holds content directly; a list holds LI elements',
          });
        }
      }
    }
    if (type === 'LI') {
      if (parentType !== 'L') {
        ctx.report({
          checkpoint: '09-005',
          ...where(elem),
          element: label(elem),
          message: `LI is inside ${parentType ?? 'the tree root'}, not inside an L`,
        });
      }
      const loose = kidsOf(context, elem).filter(
        (kid) => kid.kind !== 'elem' || !['Lbl', 'LBody'].includes(stdType(kid.elem) ?? ''),
      );
      if (loose.length > 0) {
        const names = [
          ...new Set(
            loose.map((kid) =>
              kid.kind === 'elem' ? typeOf(context, kid.elem) : kid.kind === 'mcid' ? 'content' : 'object',
            ),
          ),
        ].join(', ');
        ctx.report({
          checkpoint: '09-005',
          ...where(elem),
          element: label(elem),
          message: `LI contains ${names}; a list item holds only Lbl and LBody`,
        });
      }
    }
    if ((type === 'Lbl' || type === 'LBody') && parentType !== 'LI') {
      ctx.report({
        checkpoint: '09-005',
        ...where(elem),
        element: label(elem),
        message: `${type} is inside ${parentType ?? 'the tree root'}, not inside an LI`,
      });
    }

    if (type && /^H[1-6]?$/.test(type)) {
      hasHeadings = true;
      if (type !== 'H') headings.push({ level: Number(type.slice(1)), elem });
    }

    if (type === 'Link') {
      const annots = kidsOf(context, elem).filter(
        (kid) => kid.kind === 'objr' && asName(context, asDict(context, kid.obj)?.get(N('Subtype'))) === 'Link',
      );
      if (annots.length === 0) {
        ctx.report({
          checkpoint: '28-011',
          ...where(elem),
          element: label(elem),
          message: 'Link element has no OBJR to a Link annotation',
        });
      }
    }
  });

  // Heading levels in reading order: start at H1, never skip a level going down.
  let previous = 0;
  for (const [i, { level, elem }] of headings.entries()) {
    if (i === 0 && level !== 1) {
      ctx.report({
        checkpoint: '14-002',
        ...where(elem),
        element: label(elem),
        message: `the first heading is H${level}, not H1`,
      });
    } else if (i > 0 && level > previous + 1) {
      ctx.report({
        checkpoint: '14-003',
        ...where(elem),
        element: label(elem),
        message: `H${level} follows H${previous}: heading level ${previous + 1} is skipped`,
      });
    }
    previous = level;
  }

  checkAnnotations(ctx, root, roleMap);
  return { hasHeadings };
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
