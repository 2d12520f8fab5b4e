import type { RgbaImage } from './teams-png';

/** The assistant's accent colour, as in the web page and the Teams manifest. */
export const ACCENT = { r: 0x0b, g: 0x53, b: 0x94 } as const;

type Point = [number, number];

/** Distance from p to the segment a–b. */
function segmentDistance(p: Point, a: Point, b: Point): number {
  const [px, py] = [p[0] - a[0], p[1] - a[1]];
  const [bx, by] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, (px * bx + py * by) / (bx * bx + by * by)));
  return Math.hypot(px - t * bx, py - t * by);
}

/** Signed distance to a rounded rectangle (negative inside). */
function roundedRect(p: Point, min: Point, max: Point, radius: number): number {
  const cx = (min[0] + max[0]) / 2;
  const cy = (min[1] + max[1]) / 2;
  const hx = (max[0] - min[0]) / 2 - radius;
  const hy = (max[1] - min[1]) / 2 - radius;
  const qx = Math.abs(p[0] - cx) - hx;
  const qy = Math.abs(p[1] - cy) - hy;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/**
 * The mark, in a unit square: a certificate (a page outline) with a check mark — "your access, sorted".
 * True where the point is ink.
 */
function mark(p: Point): boolean {
  const page = Math.abs(roundedRect(p, [0.2, 0.08], [0.8, 0.92], 0.08)) <= 0.045;
  const check = Math.min(segmentDistance(p, [0.33, 0.52], [0.46, 0.66]), segmentDistance(p, [0.46, 0.66], [0.68, 0.36])) <= 0.055;
  return page || check;
}

/** Draws by supersampling: each pixel's coverage is the share of 4×4 sample points inside the shape. */
function draw(size: number, pixel: (x: number, y: number) => { r: number; g: number; b: number; a: number }): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const { r, g, b, a } = pixel(x, y);
      data.set([r, g, b, Math.round(a * 255)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

function coverage(x: number, y: number, inside: (p: Point) => boolean): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (inside([x + (sx + 0.5) / 4, y + (sy + 0.5) / 4])) hits += 1;
  return hits / 16;
}

/** Teams colour icon: the white mark on an accent-coloured rounded square, full bleed (192×192 for Teams). */
export function colorIcon(size = 192): RgbaImage {
  const inset = size * 0.2;
  const markSize = size - 2 * inset;
  return draw(size, (x, y) => {
    const background = coverage(x, y, (p) => roundedRect([p[0] / size, p[1] / size], [0, 0], [1, 1], 0.18) <= 0);
    const ink = coverage(x, y, (p) => mark([(p[0] - inset) / markSize, (p[1] - inset) / markSize]));
    // White ink over the accent; the square's own edge is anti-aliased by its alpha.
    const mix = (c: number) => Math.round(c * (1 - ink) + 255 * ink);
    return { r: mix(ACCENT.r), g: mix(ACCENT.g), b: mix(ACCENT.b), a: background };
  });
}

/** Teams outline icon: the mark in white on transparent (32×32 for Teams). */
export function outlineIcon(size = 32): RgbaImage {
  const inset = size * 0.06;
  const markSize = size - 2 * inset;
  return draw(size, (x, y) => {
    const ink = coverage(x, y, (p) => mark([(p[0] - inset) / markSize, (p[1] - inset) / markSize]));
    return { r: 255, g: 255, b: 255, a: ink };
  });
}
