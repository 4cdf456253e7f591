/**
 * Draws SegmentKit's icon, a Pareto chart of three bars (the leading one amber) on a teal rounded square,
 * and writes it as PNG files at the sizes the manifest and the Office Store ask for:
 * assets/icon-16.png, -32 and -80 (ribbon), -64 (high-resolution add-in icon), -128 (Store listing).
 * Shapes are sampled 8 × 8 times per pixel for smooth edges; PNGs are written with node:zlib, no image library.
 * Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0x0e, 0x6e, 0x78];
const LEAD_BAR: Rgb = [0xff, 0xb9, 0x00];
const BAR: Rgb = [0xff, 0xff, 0xff];

/** Bars in a unit square: centre height, right end; all start at x = 0.2 and are 0.15 thick with round ends. */
const BARS: readonly { y: number; end: number; color: Rgb }[] = [
  { y: 0.29, end: 0.8, color: LEAD_BAR },
  { y: 0.5, end: 0.6, color: BAR },
  { y: 0.71, end: 0.42, color: BAR },
];
const BAR_START = 0.2;
const BAR_RADIUS = 0.075;
const CORNER = 0.22;
const SAMPLES = 8;

function inRoundedSquare(x: number, y: number): boolean {
  if (x < 0 || x > 1 || y < 0 || y > 1) return false;
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function inBar(x: number, y: number, bar: { y: number; end: number }): boolean {
  const left = BAR_START + BAR_RADIUS;
  const right = bar.end - BAR_RADIUS;
  const nearestX = Math.min(Math.max(x, left), right);
  const dx = x - nearestX;
  const dy = y - bar.y;
  return dx * dx + dy * dy <= BAR_RADIUS * BAR_RADIUS;
}

/** The colour at a point of the unit square, or undefined outside the icon. */
function colorAt(x: number, y: number): Rgb | undefined {
  if (!inRoundedSquare(x, y)) return undefined;
  for (const bar of BARS) if (inBar(x, y, bar)) return bar.color;
  return BACKGROUND;
}

/** RGBA pixels, row by row, straight (not premultiplied) alpha. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = colorAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          covered++;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return pixels;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A PNG file (8-bit RGBA, no filtering) of square RGBA pixels. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function makeIcons(): void {
  mkdirSync(ASSETS, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(`${ASSETS}icon-${size}.png`, encodePng(size, drawIcon(size)));
  }
  console.log(`assets/icon-{${ICON_SIZES.join(',')}}.png written`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  makeIcons();
}
