import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkRaster } from '../src/platform/files/images';
import { readExif, stripMetadata } from '../src/platform/files/metadata';
import { planBytes } from '../src/modules/risk/map/risk-map.image';
import { PHOTO_QUOTA_BYTES } from '../src/platform/files/photos';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';
import { decoded, pngHeaderOnly, realImage } from './fixtures/images';

// D21 (and D16 for photos): a photo is judged by its whole header, not its first three bytes.

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

const png = (w: number, h: number): Buffer => pngHeaderOnly(w, h, { bitDepth: 1, colorType: 0 });
function webp(w: number, h: number): Buffer {
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0);
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(w - 1, 12, 3);
  vp8x.writeUIntLE(h - 1, 15, 3);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0);
  riff.writeUInt32LE(4 + vp8x.length, 4);
  riff.write('WEBP', 8);
  return Buffer.concat([riff, vp8x]);
}

async function upload(c: Client, file: Buffer) {
  const boundary = '----sdphoto';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', `/api/v1/enterprises/${ids.ownEnterprise.id}/photos`, body, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en-US' });
}

test('photo headers: polyglots, truncated files and undecodable sizes are refused; whole images pass', () => {
  const all = ['image/png', 'image/jpeg', 'image/webp'] as const;
  assert.deepEqual(checkRaster(png(4032, 3024), all), { ok: true, mime: 'image/png', width: 4032, height: 3024 });
  assert.deepEqual(checkRaster(webp(1920, 1080), all), { ok: true, mime: 'image/webp', width: 1920, height: 1080 });
  assert.deepEqual(checkRaster(Buffer.concat([png(10, 10), Buffer.from([7])]), all).ok, true, 'a stray byte after IEND is harmless');
  assert.deepEqual(checkRaster(Buffer.concat([png(10, 10), Buffer.from('<html><script>alert(1)</script>')]), all), { ok: false, reason: 'type' });
  assert.deepEqual(checkRaster(Buffer.concat([webp(10, 10), Buffer.from('<script>')]), all), { ok: false, reason: 'type' });
  assert.deepEqual(checkRaster(webp(10, 10).subarray(0, 20), all), { ok: false, reason: 'type' }, 'a truncated WebP');
  assert.deepEqual(checkRaster(Buffer.from('\xff\xd8\xff<script>alert(1)</script>', 'latin1'), all), { ok: false, reason: 'type' });
  assert.deepEqual(checkRaster(png(50_000, 50_000), all), { ok: false, reason: 'pixels' });
  assert.deepEqual(checkRaster(webp(16_000, 100), all), { ok: false, reason: 'pixels' });
  assert.deepEqual(checkRaster(png(10, 10), ['image/jpeg']), { ok: false, reason: 'type' });
});

test('an employee uploading a polyglot or a 2.5-gigapixel photo gets a translated 415; a real photo is stored', async () => {
  const worker = await t.login('worker');
  const good = await upload(worker, await realImage('image/png', 800, 600));
  assert.equal(good.statusCode, 201, good.body);
  const polyglot = await upload(worker, Buffer.concat([png(10, 10), Buffer.from('<html><script>alert(1)</script></html>')]));
  assert.equal(polyglot.statusCode, 415);
  assert.equal(polyglot.data.error.code, 'UNSUPPORTED_FILE');
  const fakeJpeg = await upload(worker, Buffer.from('\xff\xd8\xff<script>alert(1)</script>', 'latin1'));
  assert.equal(fakeJpeg.statusCode, 415);
  const huge = await upload(worker, png(50_000, 50_000));
  assert.equal(huge.statusCode, 415);
  assert.equal(huge.data.error.code, 'UNSUPPORTED_FILE');
  assert.match(huge.data.error.message, /12000 pixels a side/);
});

// ---------------------------------------------------------------- D16/D21: metadata stripped, capture time kept, quota

type Entry = { tag: number; type: number; count: number; value: Buffer };
const ascii = (tag: number, s: string): Entry => ({ tag, type: 2, count: s.length + 1, value: Buffer.from(`${s}\0`, 'latin1') });
const u16be = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const u32be = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };

/** A big-endian TIFF: IFD0 (with pointers to the Exif and GPS IFDs), the Exif IFD, the GPS IFD, then their values. */
function tiff(o: { taken?: string; offset?: string; orientation?: number }): Buffer {
  const exifIfd: Entry[] = [];
  if (o.taken) exifIfd.push(ascii(0x9003, o.taken));
  if (o.offset) exifIfd.push(ascii(0x9011, o.offset));
  const rational = Buffer.concat([u32be(25), u32be(1), u32be(2), u32be(1), u32be(3), u32be(1)]);
  const gpsIfd: Entry[] = [ascii(0x0001, 'N'), { tag: 0x0002, type: 5, count: 3, value: rational }];
  const ifd0: Entry[] = [];
  if (o.orientation) ifd0.push({ tag: 0x0112, type: 3, count: 1, value: Buffer.concat([u16be(o.orientation), Buffer.alloc(2)]) });
  const size = (n: number) => 2 + 12 * n + 4;
  const at0 = 8;
  const atExif = at0 + size(ifd0.length + 2);
  const atGps = atExif + size(exifIfd.length);
  ifd0.push({ tag: 0x8769, type: 4, count: 1, value: u32be(atExif) }, { tag: 0x8825, type: 4, count: 1, value: u32be(atGps) });
  let dataAt = atGps + size(gpsIfd.length);
  const data: Buffer[] = [];
  const ifd = (entries: Entry[]) => Buffer.concat([u16be(entries.length), ...entries.map((e) => {
    let field = e.value;
    if (e.value.length > 4) { field = u32be(dataAt); data.push(e.value); dataAt += e.value.length; }
    return Buffer.concat([u16be(e.tag), u16be(e.type), u32be(e.count), field, Buffer.alloc(4 - field.length)]);
  }), u32be(0)]);
  const ifds = Buffer.concat([ifd(ifd0), ifd(exifIfd), ifd(gpsIfd)]);
  return Buffer.concat([Buffer.from('MM\0*', 'latin1'), u32be(at0), ifds, ...data]);
}
const segment = (marker: number, payload: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);

/**
 * A phone JPEG as it leaves the camera: JFIF, Exif (GPS, capture time), XMP, IPTC, a comment, then the image itself —
 * made byte by byte (for the metadata walk), or around a real image's bytes `base` (for uploads, whose pixels decode).
 */
function phoneJpeg(w: number, h: number, o: { taken?: string; offset?: string; orientation?: number } = {}, base?: Buffer) {
  const image = {
    dqt: segment(0xdb, Buffer.alloc(65, 1)),
    sof: segment(0xc0, Buffer.from([8, h >> 8, h & 255, w >> 8, w & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])),
    sos: segment(0xda, Buffer.from([3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0])),
    // Entropy-coded data with a stuffed 0xFF00 and a restart marker, which the walk must step over.
    scan: Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a]),
  };
  const app0 = segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'));
  const meta = [
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff(o)])),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>25,2.05N</exif:GPSLatitude></x:xmpmeta>', 'latin1')),
    segment(0xed, Buffer.from('Photoshop 3.0\x008BIM owner: Zhang San', 'latin1')),
    segment(0xfe, Buffer.from('taken at 25.0341N 102.7122E', 'latin1')),
  ];
  const soi = Buffer.from([0xff, 0xd8]);
  const eoi = Buffer.from([0xff, 0xd9]);
  const body = base ? base.subarray(2) : Buffer.concat([image.dqt, image.sof, image.sos, image.scan, eoi]);
  const file = Buffer.concat([soi, app0, ...meta, body, Buffer.from('motion-photo video with its own GPS')]);
  const clean = Buffer.concat([soi, app0, body]);
  return { file, clean };
}

function pngChunk(type: string, data: Buffer) {
  return Buffer.concat([u32be(data.length), Buffer.from(type, 'latin1'), data, Buffer.alloc(4, 0xab)]);
}
/** A PNG with text, XMP and eXIf chunks around its image; with `base` (a real PNG), the image chunks are its own. */
function phonePng(w: number, h: number, base?: Buffer) {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = base ? base.subarray(8, 33) : pngChunk('IHDR', Buffer.concat([u32be(w), u32be(h), Buffer.from([8, 2, 0, 0, 0])]));
  const phys = pngChunk('pHYs', Buffer.concat([u32be(2835), u32be(2835), Buffer.from([1])]));
  const idat = base ? base.subarray(33, base.length - 12) : pngChunk('IDAT', Buffer.from([0x78, 0xda, 0x63, 0xf8, 0xff, 0x3f, 0x00]));
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  const meta = [
    pngChunk('tEXt', Buffer.from('Comment\0GPS 25.0341N 102.7122E', 'latin1')),
    pngChunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>', 'latin1')),
    pngChunk('zTXt', Buffer.from('Author\0\0xyz', 'latin1')),
    pngChunk('eXIf', tiff({ taken: '2026:11:02 08:30:00', offset: '+00:00' })),
  ];
  return { file: Buffer.concat([sig, ihdr, ...meta.slice(0, 2), phys, ...meta.slice(2), idat, iend]), clean: Buffer.concat([sig, ihdr, phys, idat, iend]) };
}

async function storedPhoto(id: string) {
  const row = await t.db.selectFrom('attachments').select(['data', 'size', 'taken_at', 'mime']).where('id', '=', id).where('kind', '=', 'photo').executeTakeFirstOrThrow();
  const bytes = row.data as Uint8Array;
  return { ...row, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

test('D16/D21: a phone JPEG is decoded and encoded again: no Exif, GPS, XMP, IPTC, comment or trailing bytes; its capture time kept', async () => {
  const worker = await t.login('worker');
  const { file } = phoneJpeg(1200, 900, { taken: '2026:11:30 14:05:09' }, await realImage('image/jpeg', 1200, 900));
  const res = await upload(worker, file);
  assert.equal(res.statusCode, 201, res.body);
  const stored = await storedPhoto(res.data.ids[0]);
  assert.equal(stored.data.indexOf(Buffer.from([0xff, 0xe1])), -1, 'no APP1 (Exif, XMP) is left');
  assert.equal(stored.data.indexOf('GPS'), -1);
  assert.equal(stored.data.indexOf('Zhang San'), -1);
  assert.equal(stored.data.indexOf('motion-photo'), -1, 'bytes after EOI are dropped');
  assert.deepEqual(await decoded(stored.data), { format: 'jpeg', width: 1200, height: 900, exif: false, xmp: false });
  assert.equal(stored.size, stored.data.length);
  // No offset in the Exif: the district's local time (UTC+8).
  assert.equal(stored.taken_at?.toISOString(), '2026-11-30T06:05:09.000Z');
});

test('D16: an image whose header parses but whose pixels do not decode is refused, not stored', async () => {
  const worker = await t.login('worker');
  for (const file of [png(800, 600), phoneJpeg(64, 48).file]) {
    const res = await upload(worker, file);
    assert.equal(res.statusCode, 415, res.body);
    assert.equal(res.data.error.code, 'UNSUPPORTED_FILE');
  }
  const truncated = (await realImage('image/png', 400, 300)).subarray(0, 60);
  assert.equal((await upload(worker, truncated)).statusCode, 415);
});

test('D16/D21: a PNG loses its text and eXIf chunks; a WebP loses EXIF/XMP', async () => {
  const worker = await t.login('worker');
  const { file } = phonePng(800, 600, await realImage('image/png', 800, 600));
  const res = await upload(worker, file);
  assert.equal(res.statusCode, 201, res.body);
  const stored = await storedPhoto(res.data.ids[0]);
  assert.equal(stored.data.indexOf('tEXt'), -1);
  assert.equal(stored.data.indexOf('GPS'), -1);
  assert.equal(stored.data.indexOf('xmpmeta'), -1);
  assert.deepEqual(await decoded(stored.data), { format: 'png', width: 800, height: 600, exif: false, xmp: false });
  assert.equal(stored.taken_at?.toISOString(), '2026-11-02T08:30:00.000Z');
  const webpPhoto = await upload(worker, await realImage('image/webp', 320, 200));
  assert.equal(webpPhoto.statusCode, 201, webpPhoto.body);
  assert.deepEqual(await decoded((await storedPhoto(webpPhoto.data.ids[0])).data), { format: 'webp', width: 320, height: 200, exif: false, xmp: false });
  // A clean PNG walks through unchanged.
  const plain = png(20, 10);
  const again = stripMetadata(plain, 'image/png');
  assert.ok(again.ok && again.data.equals(plain) && again.takenAt === null);

  // WebP: a VP8X image with EXIF and XMP chunks (and an odd-length chunk, padded).
  const chunk = (fourcc: string, data: Buffer) => Buffer.concat([Buffer.from(fourcc, 'latin1'), Buffer.from([data.length & 255, (data.length >> 8) & 255, 0, 0]), data, Buffer.alloc(data.length & 1)]);
  const vp8x = Buffer.alloc(10);
  vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP, alpha
  vp8x.writeUIntLE(1919, 4, 3);
  vp8x.writeUIntLE(1079, 7, 3);
  const body = [chunk('VP8X', vp8x), chunk('ALPH', Buffer.from([1, 2, 3])), chunk('VP8L', Buffer.from([0x2f, 1, 2, 3, 4])),
    chunk('EXIF', Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff({ taken: '2026:10:01 09:00:00', offset: '-05:00' })])), chunk('XMP ', Buffer.from('<x:xmpmeta/>'))];
  const riff = (parts: Buffer[]) => { const b = Buffer.concat(parts); const h = Buffer.from('RIFF\0\0\0\0WEBP', 'latin1'); h.writeUInt32LE(b.length + 4, 4); return Buffer.concat([h, b]); };
  const webpFile = riff(body);
  const out = stripMetadata(webpFile, 'image/webp');
  assert.ok(out.ok);
  const expectedVp8x = Buffer.from(body[0]!);
  expectedVp8x[8] = 0x10;
  assert.ok(out.data.equals(riff([expectedVp8x, body[1]!, body[2]!])), 'EXIF and XMP gone, flags cleared, RIFF size fixed');
  assert.equal(out.takenAt?.toISOString(), '2026-10-01T14:00:00.000Z');
  assert.deepEqual(checkRaster(out.data, ['image/webp']), { ok: true, mime: 'image/webp', width: 1920, height: 1080 });
});

test('D16: a rotated phone photo keeps only its orientation, and is stored upright; impossible dates and broken segments', async () => {
  const { file, clean } = phoneJpeg(640, 480, { taken: '2026:02:30 10:00:00', orientation: 6 });
  const out = stripMetadata(file, 'image/jpeg');
  assert.ok(out.ok);
  assert.equal(out.takenAt, null, '30 February is no capture time');
  assert.equal(out.data.indexOf('GPS'), -1);
  const app1 = out.data.indexOf(Buffer.from([0xff, 0xe1]));
  assert.equal(app1, 20, 'a minimal Exif right after JFIF');
  assert.deepEqual(readExif(out.data.subarray(app1 + 10, app1 + 36)), { takenAt: null, orientation: 6 });
  assert.equal(out.data.length, clean.length + 36);
  assert.deepEqual(checkRaster(out.data, ['image/jpeg']), { ok: true, mime: 'image/jpeg', width: 640, height: 480 });
  // D16: a raster floor plan (often a phone photo of the evacuation plan) is re-encoded as well, turned upright.
  const phonePlan = phoneJpeg(640, 480, { orientation: 6 }, await realImage('image/jpeg', 640, 480)).file;
  const plan = await planBytes(phonePlan, 'image/jpeg');
  assert.ok(plan && plan.data.indexOf('GPS') === -1 && plan.data.indexOf('Exif') === -1);
  assert.deepEqual([plan.width, plan.height], [480, 640], 'orientation 6 applied to the pixels');
  assert.deepEqual(await decoded(plan.data), { format: 'jpeg', width: 480, height: 640, exif: false, xmp: false });
  // A segment whose length runs past the end of the file is refused, not copied.
  const broken = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.from([0xff, 0xe1, 0x7f, 0xff]), Buffer.from('Exif')]);
  assert.deepEqual(stripMetadata(broken, 'image/jpeg'), { ok: false });
  assert.equal(await planBytes(broken, 'image/jpeg'), null);
  // A PNG with a wrong chunk length (the 1×1 PNG other tests use): walked as far as it reads, then closed with IEND.
  const short = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4cd0000000049454e44ae426082', 'hex');
  const closed = stripMetadata(Buffer.concat([short.subarray(0, 33), phonePng(1, 1).file.subarray(33, 33 + 42), short.subarray(33)]), 'image/png');
  assert.ok(closed.ok && closed.data.indexOf('GPS') === -1 && closed.data.subarray(-8).toString('latin1', 0, 4) === 'IEND');
  assert.deepEqual(checkRaster(closed.data, ['image/png']), { ok: true, mime: 'image/png', width: 1, height: 1 });
});

test('D21: an upload past the enterprise photo quota is refused with a translated 413', async () => {
  const worker = await t.login('worker');
  const filler = await t.db.insertInto('attachments').values({
    enterprise_id: ids.ownEnterprise.id, kind: 'photo', mime: 'image/png', size: PHOTO_QUOTA_BYTES - 10, sha256: 'x', data: png(1, 1),
  }).returning('id').executeTakeFirstOrThrow();
  try {
    const res = await upload(worker, await realImage('image/png', 800, 600));
    assert.equal(res.statusCode, 413, res.body);
    assert.equal(res.data.error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(res.data.error.reason, 'PHOTO_QUOTA');
    assert.match(res.data.error.message, /2 GB/);
  } finally {
    await t.db.deleteFrom('attachments').where('id', '=', filler.id).execute();
  }
  const ok = await upload(worker, await realImage('image/png', 800, 600));
  assert.equal(ok.statusCode, 201);
});
