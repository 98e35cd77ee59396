/**
 * The EJS templates handed to epub-gen-memory in place of its stock ones. The stock package
 * hard-codes `xml:lang="en"`, one comma-joined creator, "All rights reserved", a random
 * identifier and the build time; these write the issue's own metadata (from `book`, passed to
 * the library as an extra option, which it forwards to the templates untouched).
 *
 * Variables the library provides: `lang`, `title` (per chapter), `content` (chapters, or the
 * sanitised chapter body inside chapterXHTML), `images` ({ url, id, extension, mediaType }),
 * `fonts` ({ filename, mediaType }). `<%= %>` escapes for XML; `-%>` swallows the newline.
 */
import type { BookMetadata } from './metadata.ts';

export interface NavEntry {
  href: string;
  label: string;
}

/** Everything the templates need beyond what the library passes. */
export interface TemplateBook {
  metadata: BookMetadata;
  /** The `file://` URL of the cover's variant, to mark its manifest item `cover-image`. */
  coverImageUrl?: string;
  toc: NavEntry[];
  pageList: NavEntry[];
  /** Print pages of the contents (after the cover): their markers open the contents page. */
  contentsPages: { id: string; label: string }[];
  landmarks: (NavEntry & { type: string })[];
  /** Visible heading of the contents page. */
  tocTitle: string;
}

/** Extra chapter fields the templates read (the library keeps unknown chapter fields). */
export interface ChapterExtras {
  manifestId: string;
  bodyClass: string;
  /** Manifest properties of the content document (`mathml`, `svg`). */
  properties?: string;
}

export const contentOpf = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="<%= lang %>">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="pub-id"><%= book.metadata.identifier %></dc:identifier>
    <dc:title id="title"><%= book.metadata.title %></dc:title>
    <dc:language><%= lang %></dc:language>
<% book.metadata.creators.forEach(function (person, index) { -%>
    <dc:creator id="creator-<%= index + 1 %>"><%= person.name %></dc:creator>
    <meta refines="#creator-<%= index + 1 %>" property="role" scheme="marc:relators"><%= person.role %></meta>
<% }) -%>
<% book.metadata.contributors.forEach(function (person, index) { -%>
    <dc:contributor id="contributor-<%= index + 1 %>"><%= person.name %></dc:contributor>
    <meta refines="#contributor-<%= index + 1 %>" property="role" scheme="marc:relators"><%= person.role %></meta>
<% }) -%>
<% if (book.metadata.publisher) { -%>
    <dc:publisher><%= book.metadata.publisher %></dc:publisher>
<% } -%>
<% if (book.metadata.rights) { -%>
    <dc:rights><%= book.metadata.rights %></dc:rights>
<% } -%>
    <dc:date><%= book.metadata.date %></dc:date>
    <meta property="dcterms:modified"><%= book.metadata.modified %></meta>
<% if (book.metadata.series) { -%>
    <meta property="belongs-to-collection" id="series"><%= book.metadata.series.title %></meta>
    <meta refines="#series" property="collection-type">series</meta>
<% if (book.metadata.series.position !== undefined) { -%>
    <meta refines="#series" property="group-position"><%= book.metadata.series.position %></meta>
<% } -%>
<% } -%>
    <dc:source id="print-edition"><%= book.metadata.paginationSource %></dc:source>
    <meta refines="#print-edition" property="source-of">pagination</meta>
<% book.metadata.accessibility.accessModes.forEach(function (value) { -%>
    <meta property="schema:accessMode"><%= value %></meta>
<% }) -%>
<% book.metadata.accessibility.accessModesSufficient.forEach(function (value) { -%>
    <meta property="schema:accessModeSufficient"><%= value %></meta>
<% }) -%>
<% book.metadata.accessibility.features.forEach(function (value) { -%>
    <meta property="schema:accessibilityFeature"><%= value %></meta>
<% }) -%>
<% book.metadata.accessibility.hazards.forEach(function (value) { -%>
    <meta property="schema:accessibilityHazard"><%= value %></meta>
<% }) -%>
    <meta property="schema:accessibilitySummary" xml:lang="<%= lang %>"><%
      %><%= book.metadata.accessibility.summary %></meta>
    <meta property="dcterms:conformsTo"><%= book.metadata.accessibility.conformsTo %></meta>
<% images.forEach(function (image, index) { if (image.url === book.coverImageUrl) { -%>
    <meta name="cover" content="image-<%= index + 1 %>"/>
<% } }) -%>
  </metadata>
  <manifest>
    <item id="nav" href="toc.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
<% fonts.forEach(function (font, index) { -%>
    <item id="font-<%= index + 1 %>" href="fonts/<%= font.filename %>" media-type="<%= font.mediaType %>"/>
<% }) -%>
<% images.forEach(function (image, index) { -%>
    <item id="image-<%= index + 1 %>" href="images/<%= image.id %>.<%= image.extension %>"<%
      %> media-type="<%= image.mediaType %>"<%
      if (image.url === book.coverImageUrl) { %> properties="cover-image"<% } %>/>
<% }) -%>
<% content.forEach(function (chapter) { -%>
    <item id="<%= chapter.manifestId %>" href="<%= chapter.filename %>" media-type="application/xhtml+xml"<%
      if (chapter.properties) { %> properties="<%= chapter.properties %>"<% } %>/>
<% }) -%>
  </manifest>
  <spine toc="ncx">
<% content.filter(function (chapter) { return chapter.beforeToc; }).forEach(function (chapter) { -%>
    <itemref idref="<%= chapter.manifestId %>"/>
<% }) -%>
    <itemref idref="nav"/>
<% content.filter(function (chapter) { return !chapter.beforeToc; }).forEach(function (chapter) { -%>
    <itemref idref="<%= chapter.manifestId %>"/>
<% }) -%>
  </spine>
</package>
`;

/** The navigation document: visible contents, then the page-list and landmarks (hidden lists). */
export const tocXhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"<%
  %> xml:lang="<%= lang %>" lang="<%= lang %>">
<head>
  <meta charset="UTF-8"/>
  <title><%= book.tocTitle %> — <%= book.metadata.title %></title>
  <link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body class="page-nav">
<% book.contentsPages.forEach(function (page) { -%>
  <span epub:type="pagebreak" role="doc-pagebreak" id="<%= page.id %>" aria-label="<%= page.label %>"></span>
<% }) -%>
  <nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-titel">
    <h1 id="toc-titel"><%= book.tocTitle %></h1>
    <ol>
<% book.toc.forEach(function (entry) { -%>
      <li><a href="<%= entry.href %>"><%= entry.label %></a></li>
<% }) -%>
    </ol>
  </nav>
<% if (book.pageList.length > 0) { -%>
  <nav epub:type="page-list" role="doc-pagelist" id="page-list" aria-labelledby="page-list-titel" hidden="hidden">
    <h2 id="page-list-titel">Pagina’s van de gedrukte editie</h2>
    <ol>
<% book.pageList.forEach(function (entry) { -%>
      <li><a href="<%= entry.href %>"><%= entry.label %></a></li>
<% }) -%>
    </ol>
  </nav>
<% } -%>
  <nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-titel" hidden="hidden">
    <h2 id="landmarks-titel">Oriëntatiepunten</h2>
    <ol>
<% book.landmarks.forEach(function (entry) { -%>
      <li><a epub:type="<%= entry.type %>" href="<%= entry.href %>"><%= entry.label %></a></li>
<% }) -%>
    </ol>
  </nav>
</body>
</html>
`;

/** EPUB 2 reading systems read toc.ncx; its uid must equal the package identifier. */
export const tocNcx = `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="<%= lang %>">
  <head>
    <meta name="dtb:uid" content="<%= book.metadata.identifier %>"/>
    <meta name="dtb:depth" content="1"/>
    <meta name="dtb:totalPageCount" content="0"/>
    <meta name="dtb:maxPageNumber" content="0"/>
  </head>
  <docTitle><text><%= book.metadata.title %></text></docTitle>
  <navMap>
<% book.toc.forEach(function (entry, index) { -%>
    <navPoint id="navpoint-<%= index + 1 %>" playOrder="<%= index + 1 %>">
      <navLabel><text><%= entry.label %></text></navLabel>
      <content src="<%= entry.href %>"/>
    </navPoint>
<% }) -%>
  </navMap>
</ncx>
`;

/** One content document; `content` is the chapter body after the library's sanitiser. */
export const chapterXhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"<%
  %> xml:lang="<%= lang %>" lang="<%= lang %>">
<head>
  <meta charset="UTF-8"/>
  <title><%= title %></title>
  <link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body class="<%= bodyClass %>">
<%- content %>
</body>
</html>
`;
