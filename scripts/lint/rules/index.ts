/** Every lint rule, in the order their messages are easiest to read. Adding one is a file and a line here. */
import type { RuleModule } from '../types.ts';
import { alertKind } from './alert-kind.ts';
import { anchorExists } from './anchor-exists.ts';
import { anchorNearMiss } from './anchor-near-miss.ts';
import { articleListed } from './article-listed.ts';
import { figureHasImage } from './figure-has-image.ts';
import { headingEmpty } from './heading-empty.ts';
import { headingIncrement } from './heading-increment.ts';
import { htmlImgAlt } from './html-img-alt.ts';
import { imageAltFilename } from './image-alt-filename.ts';
import { imageAltLength } from './image-alt-length.ts';
import { imageAltMissing } from './image-alt-missing.ts';
import { imageMissing } from './image-missing.ts';
import { linkTextDescriptive } from './link-text-descriptive.ts';
import { linkTextEmpty } from './link-text-empty.ts';
import { localFileExists } from './local-file-exists.ts';
import { localPathInside } from './local-path-inside.ts';
import { mathSyntax } from './math-syntax.ts';
import { noPlaceholderLink } from './no-placeholder-link.ts';
import { rawHtmlUnsafe } from './raw-html-unsafe.ts';
import { referenceDefined } from './reference-defined.ts';
import { spelling } from './spelling.ts';
import { unknownDirective } from './unknown-directive.ts';
import { urlReachable } from './url-reachable.ts';

export const rules: readonly RuleModule[] = [
  imageAltMissing,
  imageAltFilename,
  imageAltLength,
  imageMissing,
  htmlImgAlt,
  rawHtmlUnsafe,
  figureHasImage,
  noPlaceholderLink,
  linkTextEmpty,
  linkTextDescriptive,
  anchorExists,
  anchorNearMiss,
  localPathInside,
  localFileExists,
  referenceDefined,
  urlReachable,
  headingIncrement,
  headingEmpty,
  unknownDirective,
  alertKind,
  mathSyntax,
  articleListed,
  spelling,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
