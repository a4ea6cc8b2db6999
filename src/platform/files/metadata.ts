import { LOCAL_UTC_OFFSET_MINUTES } from '../time';
import type { RasterMime } from './images';

/*
 * D16/D21: photos and raster floor plans keep no personal metadata. GPS is personal data, and so are camera serial
 * numbers, owner names and editing histories. Every Exif/XMP/IPTC block, comment and text chunk is dropped at upload by
 * walking the file's own structure (JPEG markers, PNG chunks, RIFF chunks); the image data is copied byte for byte and
 * never decoded, so this costs a few milliseconds a photo. Bytes after the image's end (a phone's motion-photo video,
 * which carries its own metadata) are dropped too. Only the capture time is read before the Exif goes: a location the
 * platform needs is an explicit field, never read from metadata.
 */

export type StripResult = { ok: true; data: Buffer; takenAt: Date | null } | { ok: false };

/** Every walk is bounded: a file with more segments than this is not a photo. */
const MAX_PARTS = 10_000;
const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');

export function stripMetadata(buf: Buffer, mime: RasterMime): StripResult {
  if (mime === 'image/jpeg') return stripJpeg(buf);
  if (mime === 'image/png') return stripPng(buf);
  return stripWebp(buf);
}

// ---------------------------------------------------------------- Exif (TIFF) reader: two IFDs, bounds-checked

type ExifFacts = { takenAt: Date | null; orientation: number | null };

/** The capture time (DateTimeOriginal with OffsetTimeOriginal, else the district's offset) and the orientation. */
export function readExif(tiff: Buffer): ExifFacts {
  const none: ExifFacts = { takenAt: null, orientation: null };
  if (tiff.length < 8) return none;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return none;
  const le = order === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (le ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return none;
  /** The entries of one IFD: tag → [type, count, offset of the value field]. */
  const ifd = (at: number) => {
    const out = new Map<number, { type: number; count: number; field: number }>();
    if (at < 8 || at + 2 > tiff.length) return out;
    const n = Math.min(u16(at), 1000);
    for (let i = 0; i < n; i++) {
      const e = at + 2 + i * 12;
      if (e + 12 > tiff.length) break;
      out.set(u16(e), { type: u16(e + 2), count: u32(e + 4), field: e + 8 });
    }
    return out;
  };
  const ascii = (entry: { type: number; count: number; field: number } | undefined): string | null => {
    if (!entry || entry.type !== 2 || entry.count > 64) return null;
    const at = entry.count <= 4 ? entry.field : u32(entry.field);
    if (at + entry.count > tiff.length) return null;
    return tiff.toString('latin1', at, at + entry.count).replace(/\0.*$/s, '');
  };
  const ifd0 = ifd(u32(4));
  const orient = ifd0.get(0x0112);
  const orientation = orient && orient.type === 3 && orient.count === 1 ? u16(orient.field) : null;
  const exifPtr = ifd0.get(0x8769);
  const exif = exifPtr && (exifPtr.type === 4 || exifPtr.type === 13) ? ifd(u32(exifPtr.field)) : new Map();
  const takenAt = exifTime(ascii(exif.get(0x9003)), ascii(exif.get(0x9011)));
  return { takenAt, orientation: orientation !== null && orientation >= 1 && orientation <= 8 ? orientation : null };
}

/** `YYYY:MM:DD HH:MM:SS` (a local wall-clock time) and an optional `±HH:MM` offset; null unless a real date. */
function exifTime(value: string | null, offset: string | null): Date | null {
  const m = value ? /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim()) : null;
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1990 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const o = offset ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null;
  const offsetMin = o ? (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3])) : LOCAL_UTC_OFFSET_MINUTES;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d) return null; // 30 February
  return new Date(utc - offsetMin * 60_000);
}

/** A minimal big-endian Exif APP1 holding only the orientation, so a rotated phone photo still shows upright. */
function orientationApp1(orientation: number): Buffer {
  const b = Buffer.alloc(2 + 2 + 6 + 8 + 2 + 12 + 4);
  b.writeUInt16BE(0xffe1, 0);
  b.writeUInt16BE(b.length - 2, 2);
  EXIF_HEADER.copy(b, 4);
  b.write('MM', 10, 'latin1');
  b.writeUInt16BE(42, 12);
  b.writeUInt32BE(8, 14);
  b.writeUInt16BE(1, 18);
  b.writeUInt16BE(0x0112, 20);
  b.writeUInt16BE(3, 22);
  b.writeUInt32BE(1, 24);
  b.writeUInt16BE(orientation, 28);
  return b; // next-IFD offset: zero
}

// ---------------------------------------------------------------- JPEG: a marker walk

/** What a JPEG keeps besides frames, tables and scans: JFIF, an ICC colour profile, Adobe's colour transform. */
function keepJpegApp(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0 || marker === 0xee) return true;
  return marker === 0xe2 && payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
}

function stripJpeg(buf: Buffer): StripResult {
  const out: Buffer[] = [buf.subarray(0, 2)];
  let facts: ExifFacts = { takenAt: null, orientation: null };
  let pos = 2;
  let afterHeader = -1;
  for (let parts = 0; pos < buf.length; parts++) {
    if (parts > MAX_PARTS || buf[pos] !== 0xff) return { ok: false };
    let marker = buf[pos + 1] ?? -1;
    while (marker === 0xff) marker = buf[++pos + 1] ?? -1; // fill bytes
    if (marker === 0xd9) { out.push(buf.subarray(pos, pos + 2)); pos = buf.length; break; } // EOI: trailing bytes dropped
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { out.push(buf.subarray(pos, pos + 2)); pos += 2; continue; }
    if (pos + 4 > buf.length) return { ok: false };
    const len = buf.readUInt16BE(pos + 2);
    const end = pos + 2 + len;
    if (len < 2 || end > buf.length) return { ok: false };
    const payload = buf.subarray(pos + 4, end);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xe1 && payload.subarray(0, 6).equals(EXIF_HEADER) && !facts.takenAt) facts = readExif(payload.subarray(6));
    if (isApp || marker === 0xfe) {
      if (isApp && keepJpegApp(marker, payload)) out.push(buf.subarray(pos, end));
      if (afterHeader < 0 && marker === 0xe0) afterHeader = out.length;
      pos = end;
      continue;
    }
    out.push(buf.subarray(pos, end));
    pos = end;
    if (marker !== 0xda) continue;
    // A scan's entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart marker.
    let i = pos;
    for (;;) {
      i = buf.indexOf(0xff, i);
      if (i < 0 || i + 1 >= buf.length) { i = buf.length; break; }
      const next = buf[i + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) { i += next === 0xff ? 1 : 2; continue; }
      break;
    }
    out.push(buf.subarray(pos, i));
    pos = i;
  }
  if (facts.orientation !== null && facts.orientation !== 1) out.splice(afterHeader < 0 ? 1 : afterHeader, 0, orientationApp1(facts.orientation));
  return { ok: true, data: Buffer.concat(out), takenAt: facts.takenAt };
}

// ---------------------------------------------------------------- PNG: a chunk walk

/** Ancillary chunks that change how the image is drawn (colour, transparency, density, animation); the rest go. */
const PNG_KEEP = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'sPLT', 'cICP', 'mDCv', 'cLLi', 'acTL', 'fcTL', 'fdAT']);

const PNG_IEND_CHUNK = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

function stripPng(buf: Buffer): StripResult {
  const out: Buffer[] = [buf.subarray(0, 8)];
  let takenAt: Date | null = null;
  let pos = 8;
  for (let parts = 0; ; parts++) {
    if (parts > MAX_PARTS) return { ok: false };
    const len = pos + 12 <= buf.length ? buf.readUInt32BE(pos) : Infinity;
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + len;
    if (end > buf.length) {
      // A chunk that overruns the file (checkRaster found an IEND, so a length is wrong): what the walk could not read
      // is dropped, never copied, and the file is closed with IEND. A decoder fares no worse than on the bytes sent.
      if (pos === 8) return { ok: false };
      out.push(PNG_IEND_CHUNK);
      break;
    }
    const critical = (buf[pos + 4]! & 0x20) === 0; // an upper-case first letter: IHDR, PLTE, IDAT, IEND
    if (type === 'eXIf' && !takenAt) takenAt = readExif(buf.subarray(pos + 8, pos + 8 + len)).takenAt;
    if (critical || PNG_KEEP.has(type)) out.push(buf.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break; // trailing bytes dropped
  }
  return { ok: true, data: Buffer.concat(out), takenAt };
}

// ---------------------------------------------------------------- WebP: a RIFF chunk walk

const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(buf: Buffer): StripResult {
  const riffEnd = buf.readUInt32LE(4) + 8;
  if (riffEnd > buf.length) return { ok: false };
  const out: Buffer[] = [];
  let takenAt: Date | null = null;
  let pos = 12;
  for (let parts = 0; pos < riffEnd; parts++) {
    if (parts > MAX_PARTS || pos + 8 > riffEnd) return { ok: false };
    const fourcc = buf.toString('latin1', pos, pos + 4);
    const len = buf.readUInt32LE(pos + 4);
    const end = Math.min(pos + 8 + len + (len & 1), riffEnd); // chunks are padded to an even length
    if (pos + 8 + len > riffEnd) return { ok: false };
    if (fourcc === 'EXIF') {
      const body = buf.subarray(pos + 8, pos + 8 + len);
      if (!takenAt) takenAt = readExif(body.subarray(0, 6).equals(EXIF_HEADER) ? body.subarray(6) : body).takenAt;
    } else if (fourcc !== 'XMP ') {
      let chunk = buf.subarray(pos, end);
      if (fourcc === 'VP8X' && chunk.length > 8) {
        chunk = Buffer.from(chunk); // a copy: the caller's bytes are not changed
        chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      }
      out.push(chunk);
    }
    pos = end;
  }
  const header = Buffer.from(buf.subarray(0, 12));
  const body = Buffer.concat(out);
  header.writeUInt32LE(4 + body.length, 4);
  return { ok: true, data: Buffer.concat([header, body]), takenAt };
}
