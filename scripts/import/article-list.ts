/**
 * issue.yaml with the article added at the end of `articles:`, everything else (comments,
 * order, quoting) as it was: the yaml package's document model keeps them.
 */
import { isSeq, parseDocument } from 'yaml';

export function withArticleListed(issueYaml: string, article: string): string {
  const document = parseDocument(issueYaml);
  const articles = document.get('articles');
  if (!isSeq(articles)) {
    document.set('articles', [article]);
    return document.toString();
  }
  if (articles.items.some((item) => String((item as { value?: unknown }).value ?? item) === article)) return issueYaml;
  articles.add(document.createNode(article));
  return document.toString();
}
