import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkRaster } from '../src/platform/files/images';
import { createTestPlatform, demoIds, type Client, type TestPlatform } from './helpers';

// D21 (and D16 for photos): a photo is judged by its whole header, not its first three bytes.

let t: TestPlatform;
let ids: Awaited<ReturnType<typeof demoIds>>;
before(async () => { t = await createTestPlatform(); ids = await demoIds(t.db); });
after(async () => { await t.close(); });

function png(w: number, h: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4);
  ihdr.writeUInt32BE(w, 8);
  ihdr.writeUInt32BE(h, 12);
  ihdr[16] = 1;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
}
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
  const good = await upload(worker, png(800, 600));
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
