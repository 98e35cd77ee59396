/**
 * The diagram stage: every ```` ```mermaid ```` block of the issue drawn into SVG before the
 * render, which shows each as its drawing (`render/components/diagram.ts`). Drawings are kept
 * in the cache folder by the block's content (with Mermaid's version, its settings and the
 * drawing code); a browser
 * is started only for blocks not drawn before, and never for an issue without diagrams.
 * A block Mermaid cannot read gets a warning at its line and stays code.
 */
import path from 'node:path';
import type { Code } from 'mdast';
import type { Browser } from 'puppeteer-core';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { hashOf } from '../util/fingerprint.ts';
import { readCacheJson, writeFileAtomic } from '../util/output.ts';
import type { Article } from '../issue/load.ts';
import { drawingSettings, drawInBrowser, type DrawResult } from './draw.ts';
import { sanitisedSvg } from './sanitise.ts';
import type { Diagrams } from './types.ts';

export type { Diagrams };

interface Block {
  file: VFile;
  node: Code;
}

export interface DiagramOptions {
  cacheDir: string;
  /** A browser for the drawings, and how to let go of it; called only when there is something to draw. */
  browser: () => Promise<{ browser: Browser; close: () => Promise<void> }>;
}

/** The Mermaid blocks of the articles (most issues have none). */
export function mermaidBlocks(articles: readonly Pick<Article, 'file' | 'tree'>[]): Block[] {
  const blocks: Block[] = [];
  for (const { file, tree } of articles)
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'mermaid') blocks.push({ file, node });
    });
  return blocks;
}

export async function drawDiagrams(blocks: readonly Block[], options: DiagramOptions): Promise<Diagrams> {
  const sources = [...new Set(blocks.map((block) => block.node.value))];
  const drawn = await cachedOrDrawn(sources, options);
  const diagrams = new Map<string, NonNullable<ReturnType<typeof sanitisedSvg>>>();
  for (const block of blocks) {
    const result = drawn.get(block.node.value)!;
    const svg = 'svg' in result ? sanitisedSvg(result.svg) : undefined;
    if (svg) diagrams.set(block.node.value, svg);
    else warnAt(block, 'error' in result ? result.error : 'nothing drawable is left once sanitised');
  }
  return diagrams;
}

async function cachedOrDrawn(sources: readonly string[], options: DiagramOptions): Promise<Map<string, DrawResult>> {
  const settings = drawingSettings();
  const fileOf = (source: string) => path.join(options.cacheDir, 'diagrams', `${hashOf(settings, source)}.json`);
  const results = new Map<string, DrawResult>();
  for (const source of sources) {
    const cached = await readCacheJson<DrawResult>(fileOf(source));
    if (cached && ('svg' in cached || 'error' in cached)) results.set(source, cached);
  }
  const missing = sources.filter((source) => !results.has(source));
  if (missing.length === 0) return results;
  const { browser, close } = await options.browser();
  try {
    const fresh = await drawInBrowser(browser, missing);
    for (const [index, source] of missing.entries()) {
      results.set(source, fresh[index]!);
      await writeFileAtomic(fileOf(source), JSON.stringify(fresh[index]));
    }
  } finally {
    await close();
  }
  return results;
}

/** Mermaid says "Parse error on line 3": the line inside the block, below its opening fence. */
function warnAt({ file, node }: Block, error: string): void {
  const inner = /on line (\d+)/.exec(error)?.[1];
  const start = node.position?.start;
  const place = start && inner ? { line: start.line + Number(inner), column: 1 } : node.position;
  const reason = `Unexpected Mermaid diagram that cannot be drawn (${firstLine(error)}): shown as code`;
  file.message(reason, { place, ruleId: 'mermaid-syntax', source: 'persklaar' });
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim().replace(/[.:]$/, '');
}
