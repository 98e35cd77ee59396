/**
 * The content-stream tokenizer: operation boundaries must be exact, because the finishing step
 * inserts marked-content operators at them; a mis-measured string or inline image would put
 * an EMC inside an operand.
 */
import { describe, expect, it } from 'vitest';
import {
  insertAt,
  isString,
  Lexer,
  tokenize,
  ContentSyntaxError,
  type Operand,
  type Operation,
} from '../../scripts/pdf-read/tokenizer.ts';

const bytes = (s: string): Uint8Array => Buffer.from(s, 'latin1');
const text = (b: Uint8Array): string => Buffer.from(b).toString('latin1');

/** Re-slicing every operation from the source gives back the stream minus inter-op spacing. */
function reassemble(source: Uint8Array, ops: Operation[]): string {
  return ops.map((op) => text(source.subarray(op.start, op.end))).join(' ');
}

function stringOperand(op: Operation | undefined, index = 0): string {
  const o = op?.operands[index];
  if (!isString(o)) throw new Error(`operand ${index} of ${op?.op} is not a string`);
  return text(o.bytes);
}

describe('content-stream tokenizer', () => {
  it('reads operators with numbers, names, arrays and dictionaries', () => {
    const src = bytes(
      'q 1 0 0 -1 .5 -3. cm /F4 12 Tf [(A) -120 (B)] TJ /Span ' +
        '<</MCID 3 /ActualText (x) /Nested <</A [1 2]>> >>BDC EMC Q',
    );
    const ops = tokenize(src);
    expect(ops.map((o) => o.op)).toEqual(['q', 'cm', 'Tf', 'TJ', 'BDC', 'EMC', 'Q']);
    expect(ops[1]!.operands).toEqual([1, 0, 0, -1, 0.5, -3]);
    expect(ops[2]!.operands[0]).toEqual({ type: 'name', value: 'F4' });
    const tj = ops[3]!.operands[0] as Extract<Operand, { type: 'array' }>;
    expect(tj.items).toHaveLength(3);
    const props = ops[4]!.operands[1] as Extract<Operand, { type: 'dict' }>;
    expect(props.entries.get('MCID')).toBe(3);
    expect(props.entries.get('Nested')).toMatchObject({ type: 'dict' });
  });

  it('decodes literal strings with escapes and nested parentheses', () => {
    const src =
      bytes(String.raw`(a\(b\)c) Tj (nested (balanced) parens) Tj (\\ and \) and \n\r\t\b\f) Tj (\101\60\0061) Tj (line\
continued) Tj (unknown \q escape) Tj`);
    const ops = tokenize(src);
    expect(ops.map((o) => o.op)).toEqual(['Tj', 'Tj', 'Tj', 'Tj', 'Tj', 'Tj']);
    expect(stringOperand(ops[0])).toBe('a(b)c');
    expect(stringOperand(ops[1])).toBe('nested (balanced) parens');
    expect(stringOperand(ops[2])).toBe('\\ and ) and \n\r\t\b\f');
    expect(stringOperand(ops[3])).toBe('A0\u00061');
    expect(stringOperand(ops[4])).toBe('linecontinued');
    expect(stringOperand(ops[5])).toBe('unknown q escape');
  });

  it('normalises unescaped line ends inside strings to \\n', () => {
    const ops = tokenize(bytes('(a\r\nb\rc) Tj'));
    expect(stringOperand(ops[0])).toBe('a\nb\nc');
  });

  it('reads hex strings with whitespace and an odd digit count', () => {
    const ops = tokenize(bytes('<00 2e0052 0053> Tj <4A6> Tj <> Tj'));
    expect([...(ops[0]!.operands[0] as { bytes: Uint8Array }).bytes]).toEqual([0x00, 0x2e, 0x00, 0x52, 0x00, 0x53]);
    expect([...(ops[1]!.operands[0] as { bytes: Uint8Array }).bytes]).toEqual([0x4a, 0x60]);
    expect((ops[2]!.operands[0] as { bytes: Uint8Array }).bytes).toHaveLength(0);
  });

  it('skips comments, but not a % inside a string', () => {
    const ops = tokenize(bytes('% a comment (with a paren\nq (100% sure) Tj %another\rQ'));
    expect(ops.map((o) => o.op)).toEqual(['q', 'Tj', 'Q']);
    expect(stringOperand(ops[1])).toBe('100% sure');
  });

  it('decodes #xx escapes in names and keeps delimiters out of names', () => {
    const ops = tokenize(bytes('/A#20B/C BMC EMC'));
    expect(ops[0]!.operands).toEqual([
      { type: 'name', value: 'A B' },
      { type: 'name', value: 'C' },
    ]);
  });

  it('finds the end of an unfiltered inline image by its size, even with EI in the data', () => {
    // 4×1 RGB at 8 bits: 12 bytes of data that include " EI " themselves.
    const data = ' EI EI EI\xff\x00\n';
    const src = bytes(`q BI /W 4 /H 1 /CS /RGB /BPC 8 ID ${data} EI Q`);
    const ops = tokenize(src);
    expect(ops.map((o) => o.op)).toEqual(['q', 'BI', 'Q']);
    const image = ops[1]!.inlineImage!;
    expect(text(src.subarray(image.dataStart, image.dataEnd))).toBe(data);
    expect(image.dict.get('W')).toBe(4);
  });

  it('finds the end of a filtered inline image by scanning for a plausible EI', () => {
    const binary = 'x\x9c\x01\x02EIabc\x00\xfe';
    const src = bytes(`BI /W 2 /H 2 /CS /G /BPC 8 /F /Fl ID ${binary}\nEI\n0 0 1 rg`);
    const ops = tokenize(src);
    expect(ops.map((o) => o.op)).toEqual(['BI', 'rg']);
    expect(text(src.subarray(ops[0]!.inlineImage!.dataStart, ops[0]!.inlineImage!.dataEnd))).toBe(binary);
  });

  it('round-trips tricky content byte for byte through operation offsets', () => {
    const src = bytes(
      [
        'BT /F1 12 Tf 1 0 0 1 72 720 Tm (Paren \\( and \\) and (nested)) Tj <48656c6c6f> Tj ET',
        'q 10 0 0 10 0 0 cm BI /W 2 /H 1 /CS /G /BPC 8 ID \x00\xff EI Q',
        '[(a) 10 (b)] TJ /P <</MCID 0>> BDC 0 0 m 10 10 l S EMC',
        '(quote) \' 1 2 (dq) "',
      ].join('\n'),
    );
    const ops = tokenize(src);
    const again = tokenize(bytes(reassemble(src, ops)));
    expect(again.map((o) => o.op)).toEqual(ops.map((o) => o.op));
    expect(
      again.map((o) =>
        JSON.stringify(o.operands, (_, v) => (v instanceof Uint8Array ? [...v] : v instanceof Map ? [...v] : v)),
      ),
    ).toEqual(
      ops.map((o) =>
        JSON.stringify(o.operands, (_, v) => (v instanceof Uint8Array ? [...v] : v instanceof Map ? [...v] : v)),
      ),
    );
    expect(ops.map((o) => o.op)).toEqual([
      'BT',
      'Tf',
      'Tm',
      'Tj',
      'Tj',
      'ET',
      'q',
      'cm',
      'BI',
      'Q',
      'TJ',
      'BDC',
      'm',
      'l',
      'S',
      'EMC',
      "'",
      '"',
    ]);
  });

  it('inserts text at operation boundaries without disturbing the rest', () => {
    const src = bytes('q (a\\)b) Tj Q');
    const ops = tokenize(src);
    const out = insertAt(src, [
      { offset: ops[1]!.start, text: '\n/Artifact BMC\n' },
      { offset: ops[1]!.end, text: '\nEMC\n' },
    ]);
    expect(text(out)).toBe('q \n/Artifact BMC\n(a\\)b) Tj\nEMC\n Q');
    expect(tokenize(out).map((o) => o.op)).toEqual(['q', 'BMC', 'Tj', 'EMC', 'Q']);
  });

  it('rejects what it cannot measure instead of guessing', () => {
    expect(() => tokenize(bytes('(unterminated Tj'))).toThrow(ContentSyntaxError);
    expect(() => tokenize(bytes('<4g> Tj'))).toThrow(ContentSyntaxError);
    expect(() => tokenize(bytes('1 2'))).toThrow(ContentSyntaxError);
  });

  it('finds the names of a stream and where they stand, past strings, hex strings and comments', () => {
    const src = bytes('BT /F1 12 Tf (a /F2 \\) /x) Tj <2F46> Tj % /F3\n/X5 Do [(/F4)] TJ << /MCID 1 >> BDC /A#42 gs');
    const lexer = new Lexer(src);
    const names: string[] = [];
    for (let token = lexer.nextName(); token; token = lexer.nextName()) {
      names.push(`${token.value} ${text(src.subarray(token.start, token.end))}`);
    }
    expect(names).toEqual(['F1 /F1', 'X5 /X5', 'MCID /MCID', 'AB /A#42']);
  });
});
