/**
 * What a file that is not a zip package is, by its first bytes, so that a refusal can say it:
 * an old Word .doc and a password-protected .docx are both OLE compound files, told apart by
 * the streams their directory names (WordDocument, EncryptionInfo).
 */
const ole = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const zip = Buffer.from('504b0304', 'hex');
const emptyZip = Buffer.from('504b0506', 'hex');

export function isZip(bytes: Buffer): boolean {
  return bytes.subarray(0, 4).equals(zip) || bytes.subarray(0, 4).equals(emptyZip);
}

/** Why `bytes` is no .docx, when they are not a zip package at all. */
export function notZipReason(bytes: Buffer): string {
  if (bytes.length === 0) return 'the file is empty: expected a Word document (.docx)';
  if (bytes.subarray(0, 8).equals(ole)) return compoundFileReason(bytes);
  const start = bytes.subarray(0, 8).toString('latin1');
  if (start.startsWith('{\\rtf')) return 'this is a Rich Text (.rtf) file, not a .docx: save it from Word as .docx';
  if (start.startsWith('%PDF')) return 'this is a PDF, not a .docx: ask the author for the Word document';
  return 'this is not a Word document (.docx): a .docx is a zip package, and this file is not one';
}

function compoundFileReason(bytes: Buffer): string {
  // Directory entries name their streams in UTF-16LE.
  const has = (name: string) => bytes.includes(Buffer.from(name, 'utf16le'));
  if (has('EncryptionInfo') || has('EncryptedPackage')) {
    return 'this document is protected with a password: ask the author for a copy without one';
  }
  if (has('WordDocument')) {
    return 'this is an old Word 97–2003 document (.doc), not a .docx: open it in Word and save it as .docx';
  }
  return 'this is an OLE compound file (an old Office format), not a .docx';
}
