/** Text as PDF writes it in hex: its UTF-16 code units, four digits each (a surrogate pair as its two units). */
export function utf16Hex(text: string): string {
  let hex = '';
  for (let k = 0; k < text.length; k++) hex += text.charCodeAt(k).toString(16).padStart(4, '0').toUpperCase();
  return hex;
}
