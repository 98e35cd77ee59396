/**
 * The prose inside YAML (an article's title and lead, the cover quote in issue.yaml), found
 * line by line so each word keeps its line and column. Only the keys named are read: names,
 * file names and slugs are not prose. Handles `key: value`, quoted values, `- key: value` list
 * items and block scalars (`lead: >-` followed by indented lines).
 */
export interface YamlText {
  /** 1-based line inside the YAML text. */
  line: number;
  /** 0-based column where `text` starts on that line. */
  column: number;
  text: string;
}

export function yamlProse(yaml: string, keys: ReadonlySet<string>): YamlText[] {
  const lines = yaml.split(/\r?\n/);
  const found: YamlText[] = [];
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\s*(?:-\s+)?)([\w-]+):[ \t]*(.*)$/u.exec(lines[index]!);
    if (!match || !keys.has(match[2]!)) continue;
    const indent = match[1]!.length;
    const value = match[3]!;
    const valueColumn = lines[index]!.length - value.length;
    if (/^[>|][+-]?\s*(#.*)?$/u.test(value)) {
      // A block scalar: every following line indented deeper than the key belongs to it.
      while (index + 1 < lines.length && (lines[index + 1]!.trim() === '' || leading(lines[index + 1]!) > indent)) {
        index++;
        const text = lines[index]!;
        if (text.trim() !== '') found.push({ line: index + 1, column: leading(text), text: text.trimStart() });
      }
      continue;
    }
    const quoted = /^["']/.test(value);
    // A plain scalar ends at ` #` (a comment); quotes are not letters, so the tokenizer skips them.
    const text = quoted ? value : value.replace(/\s+#.*$/, '');
    if (text.trim() !== '') found.push({ line: index + 1, column: valueColumn, text });
  }
  return found;
}

function leading(line: string): number {
  return line.length - line.trimStart().length;
}
