import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KINDS } from '../src/platform/files/kinds';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { png } from './fixtures/images';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';

/*
 * Issue 14 §3: a drill record keeps videos besides its photos. A video is judged by its container's header (MP4/MOV by
 * the `ftyp` box and its brand, WebM by the EBML DocType): anything else is 415, over the video limit 413, more than
 * the `drills` rule-set allows 400. It follows the drill's visibility (another enterprise gets 404) and its lock (an
 * evaluated drill's files are locked), and is served with its stored type, a single Range answered 206.
 */

let t: TestPlatform;
let ent: FreshEnterprise;
let other: FreshEnterprise;
let safety: Client;
let admin: Client;
let planId: string;
let seq = 0;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-06-20T02:00:00Z');
  ent = await makeEnterprise(t, { onboardedOn: '2025-12-01' });
  other = await makeEnterprise(t, { onboardedOn: '2025-12-01' });
  safety = await ent.login('safety');
  admin = await t.login('admin');
  planId = (await t.db.insertInto('emergency_plans').values({
    enterprise_id: ent.id, kind: 'comprehensive', title: '综合应急预案', status: 'issued', issued_at: t.clock.now, created_at: t.clock.now, updated_at: t.clock.now,
  }).returning('id').executeTakeFirstOrThrow()).id;
});
after(async () => { await t.close(); });

const api = (p: string, enterpriseId = ent.id) => `/api/v1/enterprises/${enterpriseId}${p}`;

const box = (type: string, payload: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
};
/** A tiny ISO BMFF file: an `ftyp` box of `brand` and an `mdat` box (different on each call). */
const mp4 = (brand = 'isom', extra = 0) => Buffer.concat([
  box('ftyp', Buffer.concat([Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp41`, 'latin1')])),
  box('mdat', Buffer.concat([Buffer.from(`frame ${seq++}`), Buffer.alloc(extra)])),
]);
/** A tiny WebM: the EBML header with DocType `webm`, then the start of a Segment. */
const webm = () => Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08,
    0x42, 0x82, 0x84]), Buffer.from('webm', 'latin1'), Buffer.from([0x42, 0x87, 0x81, 0x02, 0x42, 0x85, 0x81, 0x02]),
  Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x08]), Buffer.from(`cluster${seq++}`),
]);

function multipart(files: { field: string; name: string; data: Buffer }[]) {
  const boundary = `----sdvid${seq++}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: video/mp4\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function newDrill(): Promise<string> {
  const employee = (await t.db.selectFrom('users').select('employee_id').where('id', '=', ent.users.safety.id).executeTakeFirstOrThrow()).employee_id!;
  const res = await safety.post(api('/drills'), {
    planId, form: 'practical', scenario: '仓库火灾疏散演练', startedAt: '2026-06-18T09:00:00+08:00', endedAt: '2026-06-18T10:00:00+08:00',
    place: '仓库', organiserEmployeeId: employee, participants: [],
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id;
}

function upload(drillId: string, files: { field: string; name: string; data: Buffer }[], c = safety, enterpriseId = ent.id): Promise<Res> {
  const m = multipart(files);
  return c.request('POST', api(`/drills/${drillId}/files`, enterpriseId), m.body, m.headers);
}

test('an MP4, a MOV and a WebM are accepted beside a photo, kept as uploaded with their type, and listed on the drill', async () => {
  const id = await newDrill();
  const [a, b, c] = [mp4(), mp4('qt  '), webm()];
  const res = await upload(id, [{ field: 'file', name: '现场.png', data: png(64, 48) }, { field: 'video', name: '疏散.mp4', data: a },
    { field: 'video', name: '疏散.mov', data: b }, { field: 'video', name: '疏散.webm', data: c }]);
  assert.equal(res.statusCode, 201, res.body);
  const detail = await safety.get(api(`/drills/${id}`));
  assert.equal(detail.statusCode, 200, detail.body);
  const files = detail.data.files as { id: string; kind: string; mime: string; size: number; name: string }[];
  assert.deepEqual(files.map((f) => [f.kind, f.mime]).sort(), [['photo', 'image/png'], ['video', 'video/mp4'], ['video', 'video/quicktime'], ['video', 'video/webm']]);
  assert.equal(detail.data.maxVideos, 3);
  const stored = await t.db.selectFrom('attachments').select(['kind', 'data']).where('enterprise_id', '=', ent.id).where('kind', '=', 'video').execute();
  assert.ok(stored.some((s) => Buffer.from(s.data).equals(c)), 'the WebM is stored byte for byte');
  const video = files.find((f) => f.mime === 'video/mp4')!;
  const got = await safety.get(api(`/drill-files/${video.id}`));
  assert.equal(got.statusCode, 200);
  assert.equal(got.headers['content-type'], 'video/mp4');
  assert.equal(got.headers['accept-ranges'], 'bytes');
  assert.match(String(got.headers['content-disposition']), /^inline; filename="drill-video\.mp4"/);
  assert.ok(got.rawPayload.equals(a));
  const more = await upload(id, [{ field: 'video', name: '第四个.mp4', data: mp4() }]);
  assert.deepEqual([more.statusCode, more.data.error.issues[0].path], [400, 'body.video'], 'three videos is the default limit');
});

test('a renamed PNG, a text file or an unknown ISO brand sent as a video is 415; a photo field still takes only photos', async () => {
  const id = await newDrill();
  for (const data of [png(40, 30), Buffer.from('这不是视频，只是一段文字。'.repeat(4)), mp4('heic')]) {
    const res = await upload(id, [{ field: 'video', name: 'clip.mp4', data }]);
    assert.deepEqual([res.statusCode, res.data.error.code, res.data.error.issues[0].path], [415, 'UNSUPPORTED_FILE', 'body.video'], res.body);
    assert.equal(res.data.error.message, '视频只支持 MP4、MOV 或 WebM 格式');
  }
  const asPhoto = await upload(id, [{ field: 'file', name: 'a.png', data: mp4() }]);
  assert.equal(asPhoto.statusCode, 415);
  const n = await t.db.selectFrom('attachment_links').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', id).executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 0, 'nothing refused was stored');
});

test('a video over its size limit is 413 (the limit lowered for the test; the photo limit still holds for the photo field)', async () => {
  const id = await newDrill();
  const limit = KINDS.video.maxBytes;
  KINDS.video.maxBytes = 64 * 1024;
  try {
    const big = await upload(id, [{ field: 'video', name: 'big.mp4', data: mp4('mp42', 64 * 1024) }]);
    assert.deepEqual([big.statusCode, big.data.error.code], [413, 'PAYLOAD_TOO_LARGE'], big.body);
    const fits = await upload(id, [{ field: 'video', name: 'fits.mp4', data: mp4('mp42', 1024) }]);
    assert.equal(fits.statusCode, 201, fits.body);
  } finally {
    KINDS.video.maxBytes = limit;
  }
  // 6 MB is within the video field's limit but not the photo field's: the edge refuses it before any kind reads it.
  const photo = await upload(id, [{ field: 'file', name: 'big.png', data: Buffer.concat([png(40, 30), Buffer.alloc(6 * 1024 * 1024)]) }]);
  assert.equal(photo.statusCode, 413);
});

test('the number of videos is the drills rule-set\'s: lowered to 1, a second video is refused (400)', async () => {
  const saved = await admin.put('/api/v1/rules/drills', { value: { maxVideos: 1 }, note: '每次演练一个视频' });
  assert.equal(saved.statusCode, 200, saved.body);
  try {
    const id = await newDrill();
    const two = await upload(id, [{ field: 'video', name: 'a.mp4', data: mp4() }, { field: 'video', name: 'b.mp4', data: mp4() }]);
    assert.deepEqual([two.statusCode, two.data.error.issues[0].path, two.data.error.issues[0].message], [400, 'body.video', '每条演练记录最多上传 1 个视频']);
    assert.equal((await upload(id, [{ field: 'video', name: 'a.mp4', data: mp4() }])).statusCode, 201);
    assert.equal((await upload(id, [{ field: 'video', name: 'b.mp4', data: mp4() }])).statusCode, 400);
  } finally {
    const back = await admin.put('/api/v1/rules/drills', { value: { maxVideos: 3 }, note: '恢复' });
    assert.equal(back.statusCode, 200, back.body);
  }
});

test('a video follows its drill: another enterprise\'s user gets 404, a worker of the enterprise sees it; evaluation locks it', async () => {
  const id = await newDrill();
  const res = await upload(id, [{ field: 'video', name: 'a.webm', data: webm() }]);
  assert.equal(res.statusCode, 201, res.body);
  const [videoId] = res.data.ids as string[];
  const stranger = await other.login('safety');
  assert.equal((await stranger.get(api(`/drill-files/${videoId}`))).statusCode, 404);
  assert.equal((await stranger.get(api(`/drill-files/${videoId}`, other.id))).statusCode, 404);
  const worker = await ent.login('worker');
  assert.equal((await worker.get(api(`/drill-files/${videoId}`))).statusCode, 200);
  assert.equal((await t.db.selectFrom('attachments').select('locked').where('id', '=', videoId).executeTakeFirstOrThrow()).locked, false);
  const evaluated = await safety.post(api(`/drills/${id}/evaluate`), { wentWell: '疏散有序', problems: '', planNeedsRevision: false, actions: [] });
  assert.equal(evaluated.statusCode, 200, evaluated.body);
  assert.equal((await t.db.selectFrom('attachments').select('locked').where('id', '=', videoId).executeTakeFirstOrThrow()).locked, true);
  // A video added to the evaluated drill is locked at once.
  const late = await upload(id, [{ field: 'video', name: 'b.mp4', data: mp4() }]);
  assert.equal(late.statusCode, 201, late.body);
  assert.equal((await t.db.selectFrom('attachments').select('locked').where('id', '=', late.data.ids[0]).executeTakeFirstOrThrow()).locked, true);
  assert.deepEqual((await safety.get(api(`/drills/${id}`))).data.files.map((f: { locked: boolean }) => f.locked), [true, true]);
});

test('a single Range is answered 206 with exactly its bytes, for a video as for a photo; a suffix range too; past the end 416', async () => {
  const id = await newDrill();
  const data = mp4('avc1', 200);
  const res = await upload(id, [{ field: 'video', name: 'r.mp4', data }]);
  assert.equal(res.statusCode, 201, res.body);
  const url = api(`/drill-files/${res.data.ids[0]}`);
  const part = await safety.get(url, { range: 'bytes=4-11' });
  assert.equal(part.statusCode, 206);
  assert.equal(part.headers['content-range'], `bytes 4-11/${data.length}`);
  assert.equal(part.rawPayload.toString('latin1'), 'ftypavc1');
  const tail = await safety.get(url, { range: 'bytes=-10', 'accept-encoding': 'gzip' });
  assert.equal(tail.statusCode, 206);
  assert.equal(tail.headers['content-encoding'], undefined);
  assert.ok(tail.rawPayload.equals(data.subarray(data.length - 10)));
  const open = await safety.get(url, { range: `bytes=${data.length - 3}-` });
  assert.ok(open.rawPayload.equals(data.subarray(data.length - 3)));
  const past = await safety.get(url, { range: `bytes=${data.length}-` });
  assert.deepEqual([past.statusCode, past.headers['content-range']], [416, `bytes */${data.length}`]);
  const several = await safety.get(url, { range: 'bytes=0-1,4-5' });
  assert.equal(several.statusCode, 200, 'several ranges: the whole file');
  assert.ok(several.rawPayload.equals(data));
  // Any kind: the first bytes of a drill photo are its PNG signature (the stored, re-encoded file).
  const photo = await upload(id, [{ field: 'file', name: 'p.png', data: png(32, 24) }]);
  assert.equal(photo.statusCode, 201, photo.body);
  const head = await safety.get(api(`/drill-files/${photo.data.ids[0]}`), { range: 'bytes=0-7' });
  assert.deepEqual([head.statusCode, head.headers['content-type']], [206, 'image/png']);
  assert.deepEqual([...head.rawPayload], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});
