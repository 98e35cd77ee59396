/**
 * Paragraphs that are no body text but say something about the article (its title, intro,
 * kicker) or about a picture (its caption). The style map gives them a class; the Markdown
 * tree carries it as `data.importRole` until `article-fields.ts` and `figures.ts` place them.
 */
import type { Paragraph, RootContent } from 'mdast';

export type Role = 'titel' | 'intro' | 'bovenregel' | 'bijschrift';

export const roles: readonly Role[] = ['titel', 'intro', 'bovenregel', 'bijschrift'];

interface RoleData {
  importRole?: Role;
}

export function withRole(paragraph: Paragraph, role: Role): Paragraph {
  paragraph.data = { ...paragraph.data, importRole: role } as Paragraph['data'];
  return paragraph;
}

export function roleOf(node: RootContent): Role | undefined {
  return node.type === 'paragraph' ? (node.data as RoleData | undefined)?.importRole : undefined;
}

/** The paragraph without its role, as ordinary text. */
export function withoutRole(paragraph: Paragraph): Paragraph {
  const { importRole: _, ...data } = (paragraph.data ?? {}) as RoleData & Record<string, unknown>;
  return { ...paragraph, data: Object.keys(data).length > 0 ? data : undefined };
}
