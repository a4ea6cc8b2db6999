import { imageSize } from 'image-size';
import sharp from 'sharp';

/*
 * Raster images (floor plans, hazard and check photos), judged by their bytes: the magic number says which type, the
 * whole header must then parse as that type, and the declared size must be one a browser can decode (D16, D21).
 */

export type RasterMime = 'image/png' | 'image/jpeg' | 'image/webp';

/**
 * D16: at most 12,000 px a side and 50 megapixels. Every viewer's browser decodes the image to 4 bytes a pixel, so
 * this is at most 200 MB per image (the refused 50,000² PNG asked for 10 GB from a 300 KB file). It still takes a
 * 50-megapixel phone photo (8,160 × 6,120) and an A1 drawing scanned at 200 dpi (6,622 × 4,677); the side cap keeps
 * long strips within the texture sizes browsers handle.
 */
export const RASTER_MAX_SIDE = 12_000;
export const RASTER_MAX_PIXELS = 50_000_000;

export type RasterCheck =
  | { ok: true; mime: RasterMime; width: number; height: number }
  | { ok: false; reason: 'type' | 'dimensions' | 'pixels' };

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIZE_TYPE: Record<RasterMime, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** The type is read from the bytes themselves, never from the file name or the client's content type. */
export function sniffRaster(buf: Buffer): RasterMime | null {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  if (buf.length >= 12 && buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/** The IEND chunk's type and CRC, the last eight bytes of every whole PNG. */
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Where a PNG's IEND chunk ends; -1 when it has none (a truncated file). */
function pngEnd(buf: Buffer): number {
  const at = buf.lastIndexOf(PNG_IEND);
  return at < 8 ? -1 : at + PNG_IEND.length;
}

/**
 * D21: a polyglot (a PNG with an HTML page after it, `FF D8 FF` then `<script>`) is refused. The header must parse
 * for its type; a PNG must reach its IEND chunk, and a WebP must hold its whole RIFF length. Bytes after
 * the image are ignored by every decoder, so they are tolerated unless they hold markup (`<`) that a sniffing client
 * could run. A JPEG may carry data after its image (phones append motion-photo video there), so only its header is
 * checked.
 */
export function checkRaster(buf: Buffer, allowed: readonly RasterMime[]): RasterCheck {
  const mime = sniffRaster(buf);
  if (!mime || !allowed.includes(mime)) return { ok: false, reason: 'type' };
  let end = buf.length;
  if (mime === 'image/png') end = pngEnd(buf);
  if (mime === 'image/webp') end = buf.readUInt32LE(4) + 8;
  if (end < 0 || end > buf.length || buf.indexOf(0x3c, end) !== -1) return { ok: false, reason: 'type' };
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(buf);
  } catch {
    return { ok: false, reason: 'type' };
  }
  if (size.type !== SIZE_TYPE[mime]) return { ok: false, reason: 'type' };
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (!(width > 0 && height > 0)) return { ok: false, reason: 'dimensions' };
  if (width > RASTER_MAX_SIDE || height > RASTER_MAX_SIDE || width * height > RASTER_MAX_PIXELS) return { ok: false, reason: 'pixels' };
  return { ok: true, mime, width, height };
}

// libvips keeps recently decoded images in a cache; an upload is decoded once, so the memory is given back at once.
sharp.cache(false);

export type Reencoded = { data: Buffer; width: number; height: number };

/**
 * D16: the image is decoded and encoded again (libvips through sharp, installed from npm as prebuilt packages), so what
 * is stored and later sent to every viewer's browser is pixels the platform wrote itself: nothing of the upload's
 * structure survives — no metadata, no trailing bytes, no crafted chunk aimed at a decoder. The header was judged
 * first (checkRaster), so no decode starts on an image above the pixel cap, and libvips enforces the cap again while
 * reading. The work runs on libuv's worker threads, never on the event loop. A rotated phone photo is turned upright
 * (its Exif orientation applied), as the orientation tag goes with the rest of the metadata. Null when the pixels do
 * not decode (a truncated or corrupt image is refused, not stored).
 */
export async function reencodeRaster(buf: Buffer, mime: RasterMime): Promise<Reencoded | null> {
  try {
    const image = sharp(buf, { limitInputPixels: RASTER_MAX_PIXELS, failOn: 'error', sequentialRead: true }).rotate();
    const encoded = mime === 'image/png' ? image.png({ compressionLevel: 6 })
      : mime === 'image/webp' ? image.webp({ quality: REENCODE_QUALITY })
        // Huffman tables are not optimised: a few per cent larger, several times faster (a check run brings five photos).
        : image.jpeg({ quality: REENCODE_QUALITY, optimiseCoding: false });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}

/** JPEG and WebP quality of a re-encoded image: above the web app's own 0.82, so a second encoding loses little. */
const REENCODE_QUALITY = 88;
