/**
 * The layers of scripts/, bottom to top: the picture of the data flow (docs/architecture.md
 * draws it from here). A folder imports its own files and folders of lower layers only, so
 * folders in one layer (lint, images and render: three readers of the same parse) know
 * nothing of each other.
 */
export const LAYERS = [
  // Errors, files, hashes and termination; the diagnostics' reporter; the neutral PDF reader.
  ['util', 'types', 'report', 'pdf-read'],
  // What both PDFs write: the XMP packet, the Info dictionary, the glyph text.
  ['pdf-write'],
  // Markdown facts every stage shares: parse, directives, placements, links; drawings made safe.
  ['markdown', 'drawings'],
  // load: issue.yaml and the manuscripts into one Issue.
  ['issue'],
  // The Mermaid blocks drawn, before the render sets them.
  ['diagrams'],
  ['lint', 'images', 'render'],
  // The editions from the rendered hast; the press edition prints the print's document.
  ['web', 'pdf', 'epub'],
  ['press'],
  // The referee judges the files, never through the code that made them.
  ['check'],
  // Orchestration: the build's steps, what it skips, what it keeps.
  ['build'],
  ['watch', 'new', 'import'],
  // The command line: arguments, then a runner.
  ['cli'],
] as const satisfies readonly (readonly string[])[];
