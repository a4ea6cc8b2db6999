import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { brokenJpeg, phoneJpeg } from './fixtures/images';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';
import { makeEnterprise, type FreshEnterprise } from './factories';

/*
 * Issue 14 §4: a quick report's photos travel with it in one request and are processed after it is saved (the
 * attachments store's deferred processing): pending, then ready once the job ran — or rejected, the report kept.
 */

let t: TestPlatform;
const T0 = new Date('2026-05-11T02:00:00Z');

before(async () => {
  t = await createTestPlatform();
  t.clock.now = T0;
});
after(() => t.close());

function multipart(report: Record<string, unknown>, photos: Buffer[]) {
  const boundary = `----sd${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n\r\n${JSON.stringify(report)}\r\n`)];
  photos.forEach((p, i) => parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), p, Buffer.from('\r\n'),
  ));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const send = (c: Client, url: string, report: Record<string, unknown>, photos: Buffer[]) => {
  const m = multipart(report, photos);
  return c.request('POST', url, m.body, m.headers);
};

type Photo = { id: string; url: string; state: string };
const photosOf = async (c: Client, ent: FreshEnterprise, id: string): Promise<Photo[]> => {
  const res = await c.get(`/api/v1/enterprises/${ent.id}/accidents/${id}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.data.photos as Photo[];
};

test('a quick report with three phone photos is one request: the photos are pending, then ready without their Exif and GPS once the job ran', async () => {
  const ent = await makeEnterprise(t);
  const worker = await ent.login('worker');
  const principal = await ent.login('principal');
  const res = await send(worker, `/api/v1/enterprises/${ent.id}/accidents`, { summary: '储罐区管线泄漏', place: '储罐区' }, [await phoneJpeg(), await phoneJpeg(), await phoneJpeg()]);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual([res.data.photosLinked, res.data.photosRefused], [3, 0]);
  const id = res.data.id as string;

  const pending = await photosOf(principal, ent, id);
  assert.deepEqual(pending.map((p) => p.state), ['pending', 'pending', 'pending']);
  const early = await principal.get(pending[0]!.url);
  assert.deepEqual([early.statusCode, early.data.error.reason], [409, 'ATTACHMENT_PENDING']);
  assert.match(early.data.error.message, /处理中/);
  // The upload waits in quarantine; nothing of it is in the served bytes.
  const stored = await t.db.selectFrom('attachments').select(['data', 'locked']).where('enterprise_id', '=', ent.id).where('id', 'in', pending.map((p) => p.id)).execute();
  assert.ok(stored.every((s) => s.data.length === 0 && s.locked));
  const quarantined = await t.db.selectFrom('attachment_quarantine').select('attachment_id').where('enterprise_id', '=', ent.id).execute();
  assert.equal(quarantined.length, 3);

  await t.platform.jobs.tick();
  const ready = await photosOf(principal, ent, id);
  assert.deepEqual(ready.map((p) => p.state), ['ready', 'ready', 'ready']);
  const photo = await principal.get(ready[0]!.url);
  assert.equal(photo.statusCode, 200);
  const bytes = photo.rawPayload;
  assert.equal(bytes.indexOf(Buffer.from('Exif')), -1, 'no Exif is served');
  const meta = await sharp(bytes).metadata();
  assert.deepEqual([meta.format, meta.exif, meta.width], ['jpeg', undefined, 64]);
  assert.equal((await t.db.selectFrom('attachment_quarantine').select('attachment_id').where('enterprise_id', '=', ent.id).execute()).length, 0);
  const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', ready[0]!.id).orderBy('seq').execute();
  assert.deepEqual(audit.map((a) => a.action), ['photo.upload', 'photo.link', 'photo.process']);
});

test('a photo that does not decode is rejected by the job and the report is kept; a file that is no image is refused on arrival', async () => {
  const ent = await makeEnterprise(t);
  const worker = await ent.login('worker');
  const res = await send(worker, `/api/v1/enterprises/${ent.id}/accidents`, { summary: '配电室冒烟' }, [await brokenJpeg(), Buffer.from('<html>not a photo</html>'), await phoneJpeg()]);
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual([res.data.photosLinked, res.data.photosRefused], [2, 1]);
  const id = res.data.id as string;
  await t.platform.jobs.tick();
  const photos = await photosOf(worker, ent, id);
  assert.deepEqual(photos.map((p) => p.state).sort(), ['ready', 'rejected']);
  const rejected = photos.find((p) => p.state === 'rejected')!;
  const served = await worker.get(rejected.url);
  assert.deepEqual([served.statusCode, served.data.error.reason], [409, 'ATTACHMENT_REJECTED']);
  const report = await worker.get(`/api/v1/enterprises/${ent.id}/accidents/${id}`);
  assert.equal(report.data.summary, '配电室冒烟');
  // A report with a summary only, as multipart without photos, is accepted too; without one it is refused on its field.
  const bare = await send(worker, `/api/v1/enterprises/${ent.id}/accidents`, { summary: '有人摔倒' }, []);
  assert.equal(bare.statusCode, 201, bare.body);
  const empty = await send(worker, `/api/v1/enterprises/${ent.id}/accidents`, {}, [await phoneJpeg()]);
  assert.deepEqual([empty.statusCode, empty.data.error.issues.map((i: { path: string }) => i.path)], [400, ['body.summary']]);
  assert.equal((await t.db.selectFrom('accidents').select('id').where('enterprise_id', '=', ent.id).execute()).length, 2);
});

test('the public QR form takes up to three photos under the public forms\' limits; a bot\'s photos are not stored', async () => {
  const ent = await makeEnterprise(t);
  const post = await t.db.insertInto('posts').values({ enterprise_id: ent.id, org_unit_id: ent.units.team1, name: '装车岗', created_at: T0 }).returning('id').executeTakeFirstOrThrow();
  const token = randomBytes(16).toString('hex');
  await t.db.insertInto('post_card_tokens').values({ token, enterprise_id: ent.id, post_id: post.id, created_at: T0 }).execute();
  const anon = t.anonymous();
  const url = `/api/v1/public/accident-report/${token}`;
  const report = { summary: '装车时有人被夹伤', reporterName: '李四', reporterPhone: '13900000000' };

  const ok = await send(anon, url, report, [await phoneJpeg(), await phoneJpeg(), await phoneJpeg()]);
  assert.equal(ok.statusCode, 201, ok.body);
  assert.deepEqual([ok.data.photosAccepted, ok.data.photosRefused], [3, 0]);
  const four = await send(anon, url, report, [await phoneJpeg(), await phoneJpeg(), await phoneJpeg(), await phoneJpeg()]);
  assert.equal(four.statusCode, 413, four.body);
  const huge = Buffer.concat([await phoneJpeg(), randomBytes(5 * 1024 * 1024)]);
  const big = await send(anon, url, report, [huge]);
  assert.equal(big.statusCode, 413, big.body);
  const bot = await send(anon, url, { ...report, website: 'http://spam.example' }, [await phoneJpeg()]);
  assert.equal(bot.statusCode, 201, bot.body);

  const accidents = await t.db.selectFrom('accidents').select(['id', 'source']).where('enterprise_id', '=', ent.id).execute();
  assert.deepEqual(accidents.map((a) => a.source), ['qr']);
  const files = await t.db.selectFrom('attachments').select(['state', 'uploaded_by']).where('enterprise_id', '=', ent.id).execute();
  assert.deepEqual(files.map((f) => [f.state, f.uploaded_by]), [['pending', null], ['pending', null], ['pending', null]]);
  await t.platform.jobs.tick();
  const principal = await ent.login('principal');
  assert.deepEqual((await photosOf(principal, ent, accidents[0]!.id)).map((p) => p.state), ['ready', 'ready', 'ready']);

  // Five reports a minute from one address, as before photos came: the sixth is refused.
  assert.equal((await anon.post(url, report)).statusCode, 201);
  const sixth = await anon.post(url, report);
  assert.equal(sixth.statusCode, 429, sixth.body);
});
