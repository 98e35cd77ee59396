/**
 * Stand-in photographs for the magazine issue.
 *
 * Why these exist: the magazine's original photographs are not available to this project,
 * but the pipeline (and its image stage in particular) needs realistic inputs. Each stand-in
 * is a photo-sized JPEG with photo-like content (soft backdrop, bokeh, grain, silhouettes of
 * the right number of people) and is clearly marked "VERVANGENDE FOTO — stand-in" with the
 * subject's name. Every file carries camera EXIF (Make/Model, lens, exposure), an Artist and
 * Copyright, a GPS position and an XMP packet, so the image stage's metadata stripping can be
 * tested against something real.
 *
 * Deterministic by design: all randomness comes from a PRNG seeded with the file name, and the
 * dates are fixed, so running the script twice yields byte-identical files.
 *
 * Run: npm run standins   (writes images/*.jpg, overwriting earlier stand-ins)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { mulberry32 } from '../util/prng.ts';

type Orientation = 'portrait' | 'landscape';

interface StandIn {
  /** File name in images/. */
  file: string;
  /** Text for the label: the person's name, or a description when names are unknown. */
  subject: string;
  /** Number of people drawn. */
  figures: number;
  orientation: Orientation;
  /** Overrides the orientation's default pixel size. */
  size?: PixelSize;
}

interface PixelSize {
  width: number;
  height: number;
}

// ---------------------------------------------------------------------------------------------
// The photographs to stand in for.
// ---------------------------------------------------------------------------------------------

const STAND_INS: readonly StandIn[] = [
  // The cover: A4 at 300 dpi.
  {
    file: 'cover-karen-van-den-bremen.jpg',
    subject: 'Karen van den Bremen',
    figures: 1,
    orientation: 'portrait',
    size: { width: 2480, height: 3508 },
  },
  { file: 'jannita-robberse.jpg', subject: 'Jannita Robberse', figures: 1, orientation: 'portrait' },
  { file: 'erik-pool.jpg', subject: 'Erik Pool', figures: 1, orientation: 'portrait' },
  { file: 'coos-maas.jpg', subject: 'Coos Maas', figures: 1, orientation: 'landscape' },
  { file: 'sara-abraha.jpg', subject: 'Sara Abraha', figures: 1, orientation: 'portrait' },
  { file: 'dominique-weststrate.jpg', subject: 'Dominique Weststrate', figures: 1, orientation: 'landscape' },
  { file: 'tamara-jopp.jpg', subject: 'Tamara Jopp', figures: 1, orientation: 'portrait' },
  { file: 'ed-van-ruyven.jpg', subject: 'Ed van Ruyven', figures: 1, orientation: 'landscape' },
  { file: 'evert-van-der-zwan.jpg', subject: 'Evert van der Zwan', figures: 1, orientation: 'portrait' },
  { file: 'mark-roscam-abbing.jpg', subject: 'Mark Roscam Abbing', figures: 1, orientation: 'landscape' },
  { file: 'rvdk-groep.jpg', subject: 'Groepsportret RvdK (vier personen)', figures: 4, orientation: 'landscape' },
  { file: 'gersom-stroop.jpg', subject: 'Gersom Stroop', figures: 1, orientation: 'portrait' },
  { file: 'yvonne-boon.jpg', subject: 'Yvonne Boon', figures: 1, orientation: 'landscape' },
  { file: 'geert-nitrauw.jpg', subject: 'Geert Nitrauw', figures: 1, orientation: 'portrait' },
  { file: 'karen-van-den-bremen.jpg', subject: 'Karen van den Bremen', figures: 1, orientation: 'portrait' },
  { file: 'marja-van-aken.jpg', subject: 'Marja van Aken', figures: 1, orientation: 'landscape' },
  { file: 'astrid-christiaans.jpg', subject: 'Astrid Christiaans', figures: 1, orientation: 'portrait' },
  { file: 'esther-van-duren.jpg', subject: 'Esther van Duren', figures: 1, orientation: 'landscape' },
  { file: 'rechtsbijstand-duo.jpg', subject: 'Rechtsbijstand (twee personen)', figures: 2, orientation: 'landscape' },
];

const DEFAULT_SIZES: Record<Orientation, PixelSize> = {
  portrait: { width: 2400, height: 3000 },
  landscape: { width: 3000, height: 2000 },
};

const OUTPUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../images');

/** Budget per file on disk; the script fails rather than write a heavier file. */
const MAX_BYTES = 600 * 1024;
const JPEG_QUALITY = 76;

/** The backdrop is drawn at 1/BACKDROP_SCALE of the final size and scaled up, which makes it soft. */
const BACKDROP_SCALE = 6;

/** Gaussian blur sigma (px) applied to the people layer. */
const PEOPLE_SOFTNESS = 1.6;

/** Standard deviation of the luminance grain, in 8-bit levels. */
const GRAIN_SIGMA = 5;

const PHOTOGRAPHER = 'Sjoerd van der Hucht';
// EXIF ASCII fields are 7-bit: libvips transliterates "©" to "(C)" there. XMP (UTF-8) keeps "©".
const COPYRIGHT = '© 2022 Sjoerd van der Hucht / Ministerie van Justitie en Veiligheid';
const SHOT_AT = '2022:05:12 10:00:00';
/** Turfmarkt 147, The Hague (WGS-84); each photo is placed a few tens of metres around it. */
const SHOOT_LOCATION = { latitude: 52.0786, longitude: 4.3184 };

const LABEL_TITLE = 'VERVANGENDE FOTO — stand-in';
const LABEL_NOTE = 'Origineel niet beschikbaar · niet publiceren';
const FONT_FAMILY = "'DejaVu Sans', sans-serif";

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.
// ---------------------------------------------------------------------------------------------

type Random = () => number;

/** 32-bit FNV-1a hash: turns a file name into a PRNG seed. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list');
  return item;
}

/** Approximately normal (mean 0, sd 1): sum of four uniforms, rescaled. Cheap and good enough for grain. */
function roughlyNormal(random: Random): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}

// ---------------------------------------------------------------------------------------------
// Colours: muted palettes, as in available-light editorial portraits.
// ---------------------------------------------------------------------------------------------

interface Palette {
  backdropTop: string;
  backdropBottom: string;
  bokeh: readonly string[];
  clothing: readonly string[];
  skin: readonly string[];
  hair: readonly string[];
}

const PALETTES: readonly Palette[] = [
  {
    // warm office, window light
    backdropTop: '#d9cbb4',
    backdropBottom: '#8f8473',
    bokeh: ['#f3e6c8', '#e8d2a6', '#fff3dc', '#c9b48f'],
    clothing: ['#3f4a5a', '#5b5048', '#2f3b3a', '#6b5d52'],
    skin: ['#b89580', '#a07c66', '#c7a58e', '#8a6550'],
    hair: ['#3a2c24', '#5a4636', '#2a2420', '#7a6a58'],
  },
  {
    // cool corridor, grey-blue
    backdropTop: '#b9c3cc',
    backdropBottom: '#5d6872',
    bokeh: ['#e4ecf2', '#cfdbe4', '#f5f1e6', '#a9b9c6'],
    clothing: ['#2d3440', '#4a4f58', '#5c4a44', '#374538'],
    skin: ['#b48f7a', '#9a7460', '#c9a892', '#7f5c4a'],
    hair: ['#2b2522', '#4b3c30', '#6a5a4c', '#8c8278'],
  },
  {
    // green courtyard
    backdropTop: '#b7bfa4',
    backdropBottom: '#5c6450',
    bokeh: ['#e6ecc9', '#d3dcae', '#f4f0d6', '#9fae84'],
    clothing: ['#3b3f46', '#58493f', '#44505c', '#6a6358'],
    skin: ['#b9937c', '#9d7862', '#caa88f', '#84604c'],
    hair: ['#31271f', '#52402f', '#6e5c48', '#2a2624'],
  },
  {
    // dusty rose meeting room
    backdropTop: '#d2bcb4',
    backdropBottom: '#7e6a66',
    bokeh: ['#f2e2da', '#e6cfc4', '#fbf0e4', '#c4a79c'],
    clothing: ['#353a44', '#4f4a55', '#5a4c42', '#3d4a48'],
    skin: ['#b8927c', '#a17b65', '#c8a690', '#87624e'],
    hair: ['#2e2520', '#4e3e32', '#6c5848', '#231f1d'],
  },
];

// ---------------------------------------------------------------------------------------------
// Scene layout.
// ---------------------------------------------------------------------------------------------

interface Figure {
  /** Horizontal centre of the head, px. */
  centreX: number;
  /** Vertical centre of the head, px. */
  headY: number;
  /** Head half-width, px; everything else scales from it. */
  headRadius: number;
  clothing: string;
  skin: string;
  hair: string;
  longHair: boolean;
}

/** Places the figures side by side, heads in the upper part of the frame, slightly staggered. */
function layoutFigures(size: PixelSize, count: number, palette: Palette, random: Random): Figure[] {
  const short = Math.min(size.width, size.height);
  const headRadius = count === 1 ? short * 0.13 : short * (count === 2 ? 0.1 : 0.075);
  const spacing = size.width / (count + (count === 1 ? 1 : 0.6));
  const firstX = count === 1 ? size.width * between(random, 0.44, 0.56) : (size.width - spacing * (count - 1)) / 2;
  const figures: Figure[] = [];
  for (let index = 0; index < count; index++) {
    figures.push({
      centreX: firstX + index * spacing + between(random, -0.06, 0.06) * spacing * (count > 1 ? 1 : 0),
      headY: size.height * (count === 1 ? between(random, 0.33, 0.38) : between(random, 0.34, 0.42)),
      headRadius: headRadius * between(random, 0.92, 1.06),
      clothing: pick(random, palette.clothing),
      skin: pick(random, palette.skin),
      hair: pick(random, palette.hair),
      longHair: random() < 0.5,
    });
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------
// SVG layers.
// ---------------------------------------------------------------------------------------------

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function round(value: number): string {
  return value.toFixed(1);
}

/**
 * Backdrop at reduced size: a gradient wall, out-of-focus light discs, a soft light patch
 * and a faint shadow behind each figure. Scaled up afterwards, so it stays soft.
 */
function backdropSvg(size: PixelSize, figures: readonly Figure[], palette: Palette, random: Random): string {
  const width = Math.round(size.width / BACKDROP_SCALE);
  const height = Math.round(size.height / BACKDROP_SCALE);
  const discs: string[] = [];
  const discCount = Math.round(between(random, 14, 26));
  for (let index = 0; index < discCount; index++) {
    const radius = Math.min(width, height) * between(random, 0.025, 0.09);
    discs.push(
      `<circle cx="${round(between(random, 0, width))}" ` +
        `cy="${round(between(random, 0, height * 0.75))}" r="${round(radius)}" ` +
        `fill="${pick(random, palette.bokeh)}" fill-opacity="${between(random, 0.12, 0.42).toFixed(2)}"/>`,
    );
  }
  const shadows = figures.map((figure) => {
    const x = figure.centreX / BACKDROP_SCALE + (figure.headRadius / BACKDROP_SCALE) * 0.5;
    const y = figure.headY / BACKDROP_SCALE + (figure.headRadius / BACKDROP_SCALE) * 2.5;
    return (
      `<ellipse cx="${round(x)}" cy="${round(y)}" rx="${round((figure.headRadius / BACKDROP_SCALE) * 3)}" ` +
      `ry="${round((figure.headRadius / BACKDROP_SCALE) * 4)}" fill="#000" fill-opacity="0.16"/>`
    );
  });
  const lightX = between(random, 0.15, 0.85);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <linearGradient id="wall" x1="0" y1="0" x2="${between(random, 0.2, 0.5).toFixed(2)}" y2="1">
      <stop offset="0" stop-color="${palette.backdropTop}"/>
      <stop offset="1" stop-color="${palette.backdropBottom}"/>
    </linearGradient>
    <radialGradient id="light" cx="${lightX.toFixed(2)}" cy="0.2" r="0.6">
      <stop offset="0" stop-color="#fff8ec" stop-opacity="0.45"/>
      <stop offset="1" stop-color="#fff8ec" stop-opacity="0"/>
    </radialGradient>
    <radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75">
      <stop offset="0.55" stop-color="#000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000" stop-opacity="0.35"/>
    </radialGradient>
    <filter id="defocus" x="-20%" y="-20%" width="140%" height="140%">
      <feGaussianBlur stdDeviation="${round(Math.min(width, height) * 0.008)}"/>
    </filter>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%">
      <feGaussianBlur stdDeviation="${round(Math.min(width, height) * 0.05)}"/>
    </filter>
  </defs>
  <rect width="100%" height="100%" fill="url(#wall)"/>
  <rect width="100%" height="100%" fill="url(#light)"/>
  <g filter="url(#defocus)">${discs.join('')}</g>
  <g filter="url(#soft)">${shadows.join('')}</g>
  <rect width="100%" height="100%" fill="url(#vignette)"/>
</svg>`;
}

/** One person, head and shoulders: torso, neck, ears, head and hair, with gradients for a sense of light. */
function figureSvg(figure: Figure, index: number, frameHeight: number): string {
  const { centreX: x, headY: y, headRadius: r } = figure;
  const shoulderY = y + r * 1.85;
  const shoulderHalf = r * 2.35;
  const bottom = frameHeight + 2;
  const torso =
    `M ${round(x - r * 0.55)} ${round(y + r * 1.25)} ` +
    `C ${round(x - r * 1.3)} ${round(shoulderY - r * 0.15)}, ${round(x - shoulderHalf)} ` +
    `${round(shoulderY - r * 0.05)}, ${round(x - shoulderHalf * 1.02)} ${round(shoulderY + r * 0.7)} ` +
    `L ${round(x - shoulderHalf * 1.12)} ${round(bottom)} L ${round(x + shoulderHalf * 1.12)} ${round(bottom)} ` +
    `L ${round(x + shoulderHalf * 1.02)} ${round(shoulderY + r * 0.7)} ` +
    `C ${round(x + shoulderHalf)} ${round(shoulderY - r * 0.05)}, ${round(x + r * 1.3)}` +
    ` ${round(shoulderY - r * 0.15)}, ${round(x + r * 0.55)} ${round(y + r * 1.25)} Z`;
  const collar =
    `M ${round(x - r * 0.5)} ${round(y + r * 1.3)} L ${round(x)} ` +
    `${round(y + r * 2.1)} L ${round(x + r * 0.5)} ${round(y + r * 1.3)} Z`;
  // Hair cap over the crown, with a side parting (the hairline is not symmetric).
  const hairCap =
    `M ${round(x - r * 1.06)} ${round(y + r * 0.15)} ` +
    `C ${round(x - r * 1.12)} ${round(y - r * 1.8)}, ${round(x + r * 1.12)}` +
    ` ${round(y - r * 1.8)}, ${round(x + r * 1.06)} ${round(y + r * 0.15)} ` +
    `C ${round(x + r * 0.9)} ${round(y - r * 0.55)}, ${round(x - r * 0.5)} ` +
    `${round(y - r * 0.8)}, ${round(x - r * 1.06)} ${round(y + r * 0.15)} Z`;
  const longHairBehindHead = figure.longHair
    ? `<ellipse cx="${round(x)}" cy="${round(y + r * 0.3)}" ` +
      `rx="${round(r * 1.25)}" ry="${round(r * 1.6)}" fill="${figure.hair}"/>`
    : '';
  const ears = [-1, 1]
    .map(
      (side) =>
        `<ellipse cx="${round(x + side * r * 0.97)}" cy="${round(y + r * 0.12)}" ` +
        `rx="${round(r * 0.16)}" ry="${round(r * 0.27)}" fill="${figure.skin}"/>`,
    )
    .join('');
  return `<defs>
    <linearGradient id="cloth${index}" x1="0" y1="0" x2="1" y2="0.3">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.12"/>
      <stop offset="0.4" stop-color="#000000" stop-opacity="0"/>
      <stop offset="1" stop-color="#000000" stop-opacity="0.5"/>
    </linearGradient>
    <radialGradient id="face${index}" cx="0.38" cy="0.38" r="0.75">
      <stop offset="0" stop-color="${figure.skin}"/>
      <stop offset="0.65" stop-color="${figure.skin}"/>
      <stop offset="1" stop-color="#3a2e28"/>
    </radialGradient>
  </defs>
  ${longHairBehindHead}
  <path d="${torso}" fill="${figure.clothing}"/>
  <path d="${torso}" fill="url(#cloth${index})"/>
  <rect x="${round(x - r * 0.42)}" y="${round(y + r * 0.6)}" width="${round(r * 0.84)}" height="${round(r * 0.9)}"
    rx="${round(r * 0.2)}" fill="${figure.skin}"/>
  <rect x="${round(x - r * 0.42)}" y="${round(y + r * 0.6)}" width="${round(r * 0.84)}" height="${round(r * 0.9)}"
    rx="${round(r * 0.2)}" fill="#000" fill-opacity="0.22"/>
  <path d="${collar}" fill="#e9e4da" fill-opacity="0.85"/>
  ${ears}
  <ellipse cx="${round(x)}" cy="${round(y)}" rx="${round(r)}" ry="${round(r * 1.22)}" fill="url(#face${index})"/>
  <path d="${hairCap}" fill="${figure.hair}"/>`;
}

function figuresSvg(size: PixelSize, figures: readonly Figure[]): string {
  // Draw back to front: smaller heads (further away) first.
  const ordered = [...figures].sort((a, b) => a.headRadius - b.headRadius);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">
  ${ordered.map((figure, index) => figureSvg(figure, index, size.height)).join('\n  ')}
</svg>`;
}

/** A font size that keeps `text` within `maxWidth` (DejaVu Sans averages about 0.6 em per character). */
function fittingFontSize(text: string, preferred: number, maxWidth: number, emPerChar: number): number {
  return Math.min(preferred, maxWidth / (text.length * emPerChar));
}

/** The stand-in marking: a dark band across the lower part of the frame, with title, subject and note. */
function labelSvg(size: PixelSize, subject: string): string {
  const usable = size.width * 0.9;
  const titleSize = fittingFontSize(LABEL_TITLE, size.width * 0.05, usable, 0.66);
  const subjectSize = fittingFontSize(subject, size.width * 0.04, usable, 0.6);
  const noteSize = Math.min(titleSize, subjectSize) * 0.5;
  const bandHeight = titleSize * 1.3 + subjectSize * 1.3 + noteSize * 1.6 + titleSize * 0.8;
  const bandTop = size.height * 0.72 - bandHeight / 2;
  const centre = size.width / 2;
  const titleY = bandTop + titleSize * 0.4 + titleSize;
  const subjectY = titleY + subjectSize * 1.35;
  const noteY = subjectY + noteSize * 1.7;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">
  <rect x="0" y="${round(bandTop)}" width="${size.width}" height="${round(bandHeight)}"
    fill="#141414" fill-opacity="0.74"/>
  <rect x="0" y="${round(bandTop)}" width="${size.width}" height="${round(titleSize * 0.08)}" fill="#f2c230"/>
  <rect x="0" y="${round(bandTop + bandHeight - titleSize * 0.08)}" width="${size.width}"
    height="${round(titleSize * 0.08)}" fill="#f2c230"/>
  <g font-family="${FONT_FAMILY}" text-anchor="middle" fill="#ffffff">
    <text x="${round(centre)}" y="${round(titleY)}" font-size="${round(titleSize)}"
      font-weight="bold">${escapeXml(LABEL_TITLE)}</text>
    <text x="${round(centre)}" y="${round(subjectY)}" font-size="${round(subjectSize)}">${escapeXml(subject)}</text>
    <text x="${round(centre)}" y="${round(noteY)}" font-size="${round(noteSize)}"
      fill="#d8d8d8">${escapeXml(LABEL_NOTE)}</text>
  </g>
</svg>`;
}

// ---------------------------------------------------------------------------------------------
// Pixels.
// ---------------------------------------------------------------------------------------------

/** Adds monochrome (luminance) grain to interleaved 8-bit RGB pixels, in place. */
function addLuminanceGrain(rgb: Buffer, sigma: number, random: Random): void {
  for (let offset = 0; offset < rgb.length; offset += 3) {
    const delta = Math.round(roughlyNormal(random) * sigma);
    for (let channel = 0; channel < 3; channel++) {
      const value = (rgb[offset + channel] ?? 0) + delta;
      rgb[offset + channel] = value < 0 ? 0 : Math.min(value, 255);
    }
  }
}

/** Backdrop and people, flattened to raw RGB at the final size. */
async function renderScene(
  size: PixelSize,
  figures: readonly Figure[],
  palette: Palette,
  random: Random,
): Promise<Buffer> {
  // Rasterise the backdrop at its small size first: given an SVG and a resize in one pipeline,
  // sharp would re-render the vector at full size (slow, and no longer soft).
  const smallBackdrop = await sharp(Buffer.from(backdropSvg(size, figures, palette, random)))
    .png()
    .toBuffer();
  // A slight blur takes the vector crispness off the people, as a real lens would.
  const people = await sharp(Buffer.from(figuresSvg(size, figures)))
    .blur(PEOPLE_SOFTNESS)
    .png({ compressionLevel: 1 })
    .toBuffer();
  return sharp(smallBackdrop)
    .resize(size.width, size.height, { fit: 'fill', kernel: 'cubic' })
    .composite([{ input: people }])
    .removeAlpha()
    .raw()
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------
// Metadata.
// ---------------------------------------------------------------------------------------------

/** Decimal degrees to an EXIF degrees/minutes/seconds triple of rationals, e.g. "52/1 4/1 4296/100". */
function toExifDegrees(decimal: number): string {
  // Work in whole hundredths of a second so rounding can never produce "60 seconds".
  const hundredths = Math.round(Math.abs(decimal) * 3600 * 100);
  const degrees = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const seconds = hundredths % 6000;
  return `${degrees}/1 ${minutes}/1 ${seconds}/100`;
}

interface Exposure {
  lensModel: string;
  focalLength: number;
  fNumberTenths: number;
  exposureDenominator: number;
  iso: number;
}

/** Plausible settings: a fast prime wide open for a single portrait, a zoom stopped down for groups. */
function chooseExposure(figureCount: number, random: Random): Exposure {
  const optics =
    figureCount > 1
      ? {
          lensModel: 'RF24-70mm F2.8 L IS USM',
          focalLength: pick(random, [35, 50]),
          fNumberTenths: pick(random, [40, 56]),
        }
      : pick(random, [
          { lensModel: 'RF85mm F1.2 L USM', focalLength: 85, fNumberTenths: pick(random, [18, 20, 28]) },
          { lensModel: 'RF50mm F1.2 L USM', focalLength: 50, fNumberTenths: pick(random, [20, 28]) },
        ]);
  return {
    ...optics,
    exposureDenominator: pick(random, [100, 125, 160, 200]),
    iso: pick(random, [200, 400, 640, 800]),
  };
}

/**
 * EXIF as libvips field names ("exif-ifd3-GPSLatitude" and so on): IFD0 = main image,
 * IFD1 = thumbnail (unused), IFD2 = Exif sub-IFD, IFD3 = GPS. Rationals are "num/den",
 * several values separated by spaces.
 */
function exifFor(standIn: StandIn, random: Random): Record<string, Record<string, string>> {
  const exposure = chooseExposure(standIn.figures, random);
  // Up to about ±30 m around the shoot location.
  const latitude = SHOOT_LOCATION.latitude + between(random, -0.0003, 0.0003);
  const longitude = SHOOT_LOCATION.longitude + between(random, -0.0005, 0.0005);
  return {
    IFD0: {
      Make: 'Canon',
      Model: 'Canon EOS R5',
      Artist: PHOTOGRAPHER,
      Copyright: COPYRIGHT,
      DateTime: SHOT_AT,
      ImageDescription: `Stand-in for ${standIn.subject}; original photograph unavailable`,
    },
    IFD2: {
      DateTimeOriginal: SHOT_AT,
      DateTimeDigitized: SHOT_AT,
      FNumber: `${exposure.fNumberTenths}/10`,
      ExposureTime: `1/${exposure.exposureDenominator}`,
      ISOSpeedRatings: String(exposure.iso),
      FocalLength: `${exposure.focalLength}/1`,
      LensMake: 'Canon',
      LensModel: exposure.lensModel,
      ColorSpace: '1', // sRGB, matching the embedded profile
      BodySerialNumber: '032021001234',
    },
    IFD3: {
      GPSLatitudeRef: latitude >= 0 ? 'N' : 'S',
      GPSLatitude: toExifDegrees(latitude),
      GPSLongitudeRef: longitude >= 0 ? 'E' : 'W',
      GPSLongitude: toExifDegrees(longitude),
      GPSMapDatum: 'WGS-84',
    },
  };
}

function xmpFor(standIn: StandIn): string {
  return `<?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:creator><rdf:Seq><rdf:li>${escapeXml(PHOTOGRAPHER)}</rdf:li></rdf:Seq></dc:creator>
      <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(COPYRIGHT)}</rdf:li></rdf:Alt></dc:rights>
      <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(
        `Stand-in for ${standIn.subject}; original photograph unavailable`,
      )}</rdf:li></rdf:Alt></dc:description>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

// ---------------------------------------------------------------------------------------------
// One stand-in, and all of them.
// ---------------------------------------------------------------------------------------------

async function makeStandIn(standIn: StandIn): Promise<{ size: PixelSize; bytes: number }> {
  const random = mulberry32(hashString(standIn.file));
  const size = standIn.size ?? DEFAULT_SIZES[standIn.orientation];
  const palette = pick(random, PALETTES);
  const figures = layoutFigures(size, standIn.figures, palette, random);

  const scene = await renderScene(size, figures, palette, random);
  addLuminanceGrain(scene, GRAIN_SIGMA, random);

  const jpeg = await sharp(scene, { raw: { width: size.width, height: size.height, channels: 3 } })
    .composite([{ input: Buffer.from(labelSvg(size, standIn.subject)) }])
    .withIccProfile('srgb')
    .withDensity(300)
    .withExif(exifFor(standIn, random))
    .withXmp(xmpFor(standIn))
    .jpeg({ quality: JPEG_QUALITY, mozjpeg: true, chromaSubsampling: '4:2:0' })
    .toBuffer();

  if (jpeg.length > MAX_BYTES) {
    throw new Error(`${standIn.file} is ${jpeg.length} bytes, over the ${MAX_BYTES}-byte budget`);
  }
  await writeFile(path.join(OUTPUT_DIR, standIn.file), jpeg);
  return { size, bytes: jpeg.length };
}

async function main(): Promise<void> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  for (const standIn of STAND_INS) {
    const { size, bytes } = await makeStandIn(standIn);
    console.log(
      `${standIn.file.padEnd(34)} ${size.width}×${size.height}` + `  ${(bytes / 1024).toFixed(0).padStart(4)} KB`,
    );
  }
}

await main();
