#!/usr/bin/env node
// Draws the add-on's icon.png (128x128) and logo.png (250x100): a blue disc with a
// microphone-like bar and three sound arcs, and on the logo the disc beside three bars.
// Plain RGBA written as PNG with node:zlib, so it runs anywhere: `node scripts/addon-images.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const BLUE = [3, 169, 244, 255];
const WHITE = [255, 255, 255, 255];
const NONE = [0, 0, 0, 0];

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(width, height, pixel) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      raw.set(pixel(x + 0.5, y + 0.5), y * (width * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The mark centred on (cx, cy) with radius r: what colour a point is, or undefined outside. */
function mark(x, y, cx, cy, r) {
  const dx = x - cx;
  const dy = y - cy;
  const d = Math.hypot(dx, dy);
  if (d > r) return undefined;
  const u = r / 10;
  // The microphone: a rounded bar left of centre.
  if (Math.abs(dx + 2.5 * u) < 1.2 * u && Math.abs(dy) < 3 * u) return WHITE;
  if (Math.hypot(dx + 2.5 * u, Math.abs(dy) - 3 * u) < 1.2 * u) return WHITE;
  // Three arcs to its right.
  const a = Math.hypot(dx + 2.5 * u, dy);
  if (dx + 2.5 * u > 0 && Math.abs(dy) < (dx + 2.5 * u) * 1.1) {
    for (const ring of [3.2, 4.9, 6.6]) if (Math.abs(a - ring * u) < 0.55 * u) return WHITE;
  }
  return BLUE;
}

const icon = png(128, 128, (x, y) => mark(x, y, 64, 64, 62) ?? NONE);
const logo = png(250, 100, (x, y) => {
  const inMark = mark(x, y, 50, 50, 46);
  if (inMark) return inMark;
  // Three bars of a level meter, the brand's shape in place of a word.
  for (const [i, h] of [
    [0, 30],
    [1, 60],
    [2, 42],
  ]) {
    const left = 120 + i * 40;
    if (x >= left && x < left + 24 && Math.abs(y - 50) < h / 2) return BLUE;
  }
  return NONE;
});
const dir = new URL('../ha-addon/', import.meta.url);
writeFileSync(new URL('icon.png', dir), icon);
writeFileSync(new URL('logo.png', dir), logo);
