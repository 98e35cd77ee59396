/**
 * What the press edition is made with: the bleed, and the printer's CMYK profile with the
 * output condition it characterises. Both come from `press:` in issue.yaml; without a profile
 * the default is Ghostscript's CMYK profile from Debian's `libgs-common` (see the README's
 * press section for why). A profile that is not a CMYK printer profile stops the build at its
 * line in issue.yaml.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Issue } from '../issue/load.ts';
import { InputError } from '../util/errors.ts';

export const DEFAULT_PROFILE = '/usr/share/color/icc/ghostscript/default_cmyk.icc';
/** The characterisation behind the default profile: SWOP coated, as registered with the ICC. */
export const DEFAULT_CONDITION = 'CGATS TR 001';
/** sRGB, for the DefaultRGB colour space that tells the printer what the RGB content means. */
export const SRGB_PROFILE = '/usr/share/color/icc/ghostscript/srgb.icc';
const PROFILE_PACKAGE = 'libgs-common';

export const MM = 72 / 25.4;
/** Trim size: A4. */
export const TRIM_MM = { width: 210, height: 297 } as const;

export interface PressSettings {
  bleedMm: number;
  /** The CMYK output profile's bytes, its file, and the output condition it stands for. */
  profile: { bytes: Uint8Array; file: string; condition: string; description: string };
  srgb: Uint8Array;
}

export async function pressSettings(issue: Issue): Promise<PressSettings> {
  const asked = typeof issue.meta.press === 'object' ? issue.meta.press : undefined;
  const file = asked?.profile ? path.resolve(issue.dir, asked.profile) : DEFAULT_PROFILE;
  const fail = (reason: string): never => {
    const text = String(issue.file.value);
    const line = asked?.profile ? lineOf(text, /^\s+profile\s*:/m) : lineOf(text, /^press\s*:/m);
    issue.file.message(reason, {
      place: line ? { line, column: 1 } : undefined,
      ruleId: 'press-profile',
      source: 'persklaar',
    }).fatal = true;
    throw new InputError([issue.file], reason);
  };
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) {
    return fail(
      asked?.profile
        ? `Cannot read the press profile \`${asked.profile}\` (${file})`
        : `The default press profile ${file} is missing: ` +
            `install the Debian package ${PROFILE_PACKAGE}, or set press.profile`,
    );
  }
  const header = iccClass(bytes);
  if (header.signature !== 'acsp') fail(`The press profile \`${file}\` is not an ICC profile`);
  if (header.deviceClass !== 'prtr' || header.colourSpace !== 'CMYK') {
    fail(
      `The press profile \`${file}\` is a ${header.deviceClass} ${header.colourSpace} profile; ` +
        'expected a CMYK printer (prtr) profile',
    );
  }
  const srgb = await readFile(SRGB_PROFILE).catch(() => undefined);
  if (!srgb) fail(`The sRGB profile ${SRGB_PROFILE} is missing: install the Debian package ${PROFILE_PACKAGE}`);
  const description = profileDescription(bytes) ?? path.basename(file);
  const condition =
    asked?.condition ?? (asked?.profile ? path.basename(file).replace(/\.ic[cm]$/i, '') : DEFAULT_CONDITION);
  return {
    bleedMm: asked?.bleed ?? 3,
    profile: { bytes: new Uint8Array(bytes), file, condition, description },
    srgb: new Uint8Array(srgb!),
  };
}

/** The four-letter fields of an ICC header: device class (12), colour space (16), 'acsp' (36). */
function iccClass(bytes: Uint8Array): { deviceClass: string; colourSpace: string; signature: string } {
  const at = (offset: number) =>
    bytes.length >= offset + 4
      ? Buffer.from(bytes.subarray(offset, offset + 4))
          .toString('latin1')
          .trim()
      : '';
  return { deviceClass: at(12), colourSpace: at(16), signature: at(36) };
}

/** The profile's 'desc' tag (ICC v2 textDescriptionType or v4 multiLocalizedUnicodeType). */
function profileDescription(bytes: Uint8Array): string | undefined {
  const view = Buffer.from(bytes);
  if (view.length < 132) return undefined;
  const count = view.readUInt32BE(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= view.length; i++) {
    const entry = 132 + i * 12;
    if (view.toString('latin1', entry, entry + 4) !== 'desc') continue;
    const offset = view.readUInt32BE(entry + 4);
    const type = view.toString('latin1', offset, offset + 4);
    if (type === 'desc') {
      const length = view.readUInt32BE(offset + 8);
      return view.toString('latin1', offset + 12, offset + 12 + length).replace(/\0+$/, '') || undefined;
    }
    if (type === 'mluc') {
      const size = view.readUInt32BE(offset + 20);
      const start = view.readUInt32BE(offset + 24);
      const utf16 = view.subarray(offset + start, offset + start + size);
      return Buffer.from(utf16).swap16().toString('utf16le') || undefined;
    }
  }
  return undefined;
}

function lineOf(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index + match[0].length).split('\n').length : undefined;
}
