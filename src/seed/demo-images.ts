import { deflateSync, crc32 } from 'node:zlib';

/**
 * Pictures the demo draws itself (no download, the same bytes on every machine) as ordinary PNGs the attachments store
 * accepts: a pixel function over a w × h RGB canvas.
 */
export function pngOf(w: number, h: number, pixel: (x: number, y: number) => readonly [number, number, number]): Buffer {
  const raw = Buffer.alloc(h * (1 + w * 3));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) raw.set(pixel(x, y), y * (1 + w * 3) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A plain picture that differs by `n` (files are stored by content): a stroke across a pale card. */
export function png(w: number, h: number, n: number): Buffer {
  const slope = 0.2 + (n % 17) / 20;
  return pngOf(w, h, (x, y) => (Math.abs(y - h / 2 - (x - w / 2) * slope * Math.sin(x / 9 + n)) < 3 ? [20, 20, 60] : [250, 250, 246]));
}
