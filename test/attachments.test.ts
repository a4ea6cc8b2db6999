import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Ctx } from '../src/platform/auth/actor';
import { AppError } from '../src/platform/errors';
import { acceptFile, ATTACHMENT_QUOTA_BYTES, storeFiles } from '../src/platform/files/attachments';
import { KINDS } from '../src/platform/files/kinds';
import { excel } from '../src/platform/files/xlsx';
import { makeEnterprise, type FreshEnterprise } from './factories';
import { png as realPng } from './fixtures/images';
import { docx } from './fixtures/office';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';

/*
 * Issue 8 §3: the attachments store. Kinds judged by content (415) and size (413), the enterprise's quota, a file
 * that follows the visibility of the record it is attached to (404 otherwise, across tenants too), an audit row for
 * every write, locked files that neither the API nor the database lets go, and uploads that honour the
 * Idempotency-Key (D18).
 */

let t: TestPlatform;
let e: FreshEnterprise;
let other: FreshEnterprise;
let safety: Client;
let leader: Client;
let worker2: Client;

before(async () => {
  t = await createTestPlatform();
  t.clock.now = new Date('2026-12-02T02:00:00Z');
  e = await makeEnterprise(t);
  other = await makeEnterprise(t);
  safety = await e.login('safety');
  leader = await e.login('leader');
  worker2 = await e.login('worker2');
});
after(async () => { await t.close(); });

let seed = 0;
/** A whole PNG, different on each call so each upload is its own file. */
/** A real PNG, a different one each call. */
const png = () => realPng(64 + (seed++ % 500), 48);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

async function xlsx(): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.addWorksheet('表').addRow(['a', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(files: { field?: string; name?: string; data: Buffer }[], fields: Record<string, string> = {}) {
  const boundary = `----sdatt${seed++}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.name ?? 'a.png'}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en-US' } };
}

const api = (p: string, enterpriseId = e.id) => `/api/v1/enterprises/${enterpriseId}${p}`;
async function upload(c: Client, files: Buffer[], headers: Record<string, string> = {}, enterpriseId = e.id): Promise<Res> {
  const m = multipart(files.map((data) => ({ data })));
  return c.request('POST', api('/photos', enterpriseId), m.body, { ...m.headers, ...headers });
}
async function photoId(c: Client): Promise<string> {
  const res = await upload(c, [png()]);
  assert.equal(res.statusCode, 201, res.body);
  return res.data.ids[0];
}
async function report(c: Client, orgUnitId: string, photoIds: string[]): Promise<string> {
  const res = await c.post(api('/hazards'), { title: '附件测试隐患', location: '现场', orgUnitId, photoIds });
  assert.equal(res.statusCode, 201, res.body);
  return res.data.id;
}
const ctxOf = (): Ctx => ({ actor: null, ip: null, requestId: null, locale: 'zh-CN', now: t.clock.now });
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return [err.code, err.messageKey];
  }
  assert.fail('accepted');
};

test('each kind accepts only its own content, judged by the bytes (415), within its size limit (413)', async () => {
  const now = t.clock.now;
  const book = await xlsx();
  assert.equal((await acceptFile('photo', png(), now)).mime, 'image/png');
  assert.equal((await acceptFile('floor_plan', png(), now)).mime, 'image/png');
  assert.equal((await acceptFile('document', PDF, now)).mime, 'application/pdf');
  assert.equal((await acceptFile('spreadsheet', book, now)).mime, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // A Word document is a document (minutes, plans); a workbook is not, nor a .docm renamed (its macros), nor a Word
  // document offered as a spreadsheet.
  assert.equal((await acceptFile('document', docx('会议纪要'), now)).mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.deepEqual(await refusal(acceptFile('document', book, now)), ['UNSUPPORTED_FILE', 'attachment.document.type']);
  assert.deepEqual(await refusal(acceptFile('document', docx('宏', { macro: true }), now)), ['UNSUPPORTED_FILE', 'attachment.document.type']);
  assert.deepEqual(await refusal(acceptFile('spreadsheet', docx('表'), now)), ['UNSUPPORTED_FILE', 'attachment.spreadsheet.type']);
  // The wrong content for the kind, whatever its name says.
  assert.deepEqual(await refusal(acceptFile('photo', PDF, now)), ['UNSUPPORTED_FILE', 'validation.photo.type']);
  assert.deepEqual(await refusal(acceptFile('document', png(), now)), ['UNSUPPORTED_FILE', 'attachment.document.type']);
  assert.deepEqual(await refusal(acceptFile('document', PDF.subarray(0, 30), now)), ['UNSUPPORTED_FILE', 'attachment.document.type'], 'a truncated PDF');
  assert.deepEqual(await refusal(acceptFile('spreadsheet', PDF, now)), ['UNSUPPORTED_FILE', 'attachment.spreadsheet.type']);
  assert.deepEqual(await refusal(acceptFile('floor_plan', book, now)), ['UNSUPPORTED_FILE', 'riskMap.plan.type']);
  assert.deepEqual(await refusal(acceptFile('photo', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), now)), ['UNSUPPORTED_FILE', 'validation.photo.type']);
  // One byte over the limit is refused before anything is read.
  for (const kind of ['photo', 'floor_plan', 'document', 'spreadsheet'] as const) {
    const big = Buffer.concat([PDF, Buffer.alloc(KINDS[kind].maxBytes + 1 - PDF.length)]);
    assert.deepEqual(await refusal(acceptFile(kind, big, now)), ['PAYLOAD_TOO_LARGE', KINDS[kind].tooLargeKey], kind);
  }
});

test('over HTTP: a PDF sent as a photo or a floor plan is a translated 415, a 6 MB photo a 413', async () => {
  const asPhoto = await upload(safety, [PDF]);
  assert.deepEqual([asPhoto.statusCode, asPhoto.data.error.code], [415, 'UNSUPPORTED_FILE']);
  assert.match(asPhoto.data.error.message, /PNG, JPEG or WebP/);
  const m = multipart([{ data: PDF, name: 'plan.png' }], { name: '厂区' });
  const asPlan = await safety.request('POST', api('/floor-plans'), m.body, m.headers);
  assert.deepEqual([asPlan.statusCode, asPlan.data.error.code, asPlan.data.error.issues[0].path], [415, 'UNSUPPORTED_FILE', 'body.file']);
  const big = await upload(safety, [Buffer.concat([png(), Buffer.alloc(6 * 1024 * 1024)])]);
  assert.deepEqual([big.statusCode, big.data.error.code], [413, 'PAYLOAD_TOO_LARGE']);
  const none = Number((await t.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', e.id).where('mime', '=', 'application/pdf').executeTakeFirstOrThrow()).n);
  assert.equal(none, 0, 'nothing refused was stored');
});

test('the enterprise quota counts every kind: a document past it is refused (413, FILE_QUOTA), another enterprise is not affected', async () => {
  const filler = await t.db.insertInto('attachments').values({
    enterprise_id: other.id, kind: 'document', mime: 'application/pdf', size: ATTACHMENT_QUOTA_BYTES - 10, sha256: 'x', data: PDF,
  }).returning('id').executeTakeFirstOrThrow();
  try {
    const err = await refusal(t.db.transaction().execute((tx) => storeFiles(tx, ctxOf(), other.id, 'document', [{ buffer: PDF, name: 'a.pdf' }])));
    assert.deepEqual(err, ['PAYLOAD_TOO_LARGE', 'attachment.quota']);
    const mine = await t.db.transaction().execute((tx) => storeFiles(tx, ctxOf(), e.id, 'document', [{ buffer: PDF, name: '制度.pdf' }]));
    assert.deepEqual(mine.map((f) => [f.kind, f.mime, f.size, f.name]), [['document', 'application/pdf', PDF.length, '制度.pdf']]);
    // A photo past the quota keeps its historic reason code.
    const photo = await upload(await other.login('safety'), [png()], {}, other.id);
    assert.deepEqual([photo.statusCode, photo.data.error.reason], [413, 'PHOTO_QUOTA']);
  } finally {
    await t.db.deleteFrom('attachments').where('enterprise_id', '=', other.id).where('id', '=', filler.id).execute();
  }
});

test('a photo follows its hazard: the leader of 一车间 gets 404 for the photo of a 二车间 hazard, another enterprise too', async () => {
  const ws2Photo = await photoId(safety);
  const ws1Photo = await photoId(safety);
  await report(safety, e.units.ws2, [ws2Photo]);
  await report(safety, e.units.ws1, [ws1Photo]);
  const get = (c: Client, id: string, enterpriseId = e.id) => c.get(api(`/photos/${id}`, enterpriseId));
  assert.equal((await get(safety, ws2Photo)).statusCode, 200);
  assert.equal((await get(leader, ws2Photo)).statusCode, 404, 'the hazard of 二车间 is not his');
  assert.equal((await get(leader, ws1Photo)).statusCode, 200, 'the hazard of 一车间 is');
  // Another enterprise's manager, through its own path or this one's: not found.
  const foreign = await other.login('safety');
  assert.equal((await get(foreign, ws1Photo)).statusCode, 404);
  assert.equal((await get(foreign, ws1Photo, other.id)).statusCode, 404);
  // Attached to nothing yet, a photo is its uploader's: the leader sees his own, not the safety manager's.
  const loose = await photoId(safety);
  const own = await photoId(leader);
  assert.equal((await get(leader, loose)).statusCode, 404);
  assert.equal((await get(leader, own)).statusCode, 200);
  // A worker of 二车间 who reported a hazard sees its photo, and the leader of 一车间 still does not.
  const reported = await photoId(worker2);
  await report(worker2, e.units.ws2, [reported]);
  assert.equal((await get(worker2, reported)).statusCode, 200);
  assert.equal((await get(leader, reported)).statusCode, 404);
});

test('every write is audited: upload and link (locking it) of a photo, upload, link and delete of a floor plan image', async () => {
  const id = await photoId(safety);
  const hazard = await report(safety, e.units.ws1, [id]);
  const rows = await t.db.selectFrom('audit_log').select(['action', 'entity_type', 'after', 'enterprise_id']).where('entity_id', '=', id).orderBy('seq').execute();
  assert.deepEqual(rows.map((r) => [r.action, r.entity_type, r.enterprise_id]), [['photo.upload', 'photo', e.id], ['photo.link', 'photo', e.id]]);
  assert.deepEqual(rows[1]!.after, { ownerType: 'hazard', ownerId: hazard, role: 'before', locked: true });

  const m = multipart([{ data: png(), name: '厂区.png' }], { name: '厂区平面图' });
  const plan = await safety.request('POST', api('/floor-plans'), m.body, m.headers);
  assert.equal(plan.statusCode, 201, plan.body);
  const file = await t.db.selectFrom('attachment_links').select('attachment_id').where('owner_type', '=', 'floor_plan').where('owner_id', '=', plan.data.id).executeTakeFirstOrThrow();
  assert.equal((await safety.request('DELETE', api(`/floor-plans/${plan.data.id}`))).statusCode, 200);
  const planRows = await t.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_id', '=', file.attachment_id).orderBy('seq').execute();
  assert.deepEqual(planRows.map((r) => r.action), ['attachment.upload', 'attachment.link', 'attachment.delete']);
  assert.equal(await t.db.selectFrom('attachments').select('id').where('id', '=', file.attachment_id).executeTakeFirst(), undefined, 'the image went with its plan');
});

test('a photo attached to a submitted record is locked: the API refuses to delete it (409) and so does the database', async () => {
  const loose = await photoId(worker2);
  // Another account's loose photo is not even visible to a worker; the uploader deletes it, with its audit row.
  assert.equal((await leader.request('DELETE', api(`/photos/${loose}`))).statusCode, 404);
  const del = await worker2.request('DELETE', api(`/photos/${loose}`));
  assert.equal(del.statusCode, 200, del.body);
  assert.equal((await worker2.get(api(`/photos/${loose}`))).statusCode, 404);
  assert.equal((await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', loose).where('action', '=', 'photo.delete').execute()).length, 1);

  const id = await photoId(worker2);
  await report(worker2, e.units.ws2, [id]);
  const refused = await worker2.request('DELETE', api(`/photos/${id}`));
  assert.deepEqual([refused.statusCode, refused.data.error.code, refused.data.error.reason], [409, 'STATE', 'ATTACHMENT_LOCKED']);
  const asManager = await safety.request('DELETE', api(`/photos/${id}`));
  assert.deepEqual([asManager.statusCode, asManager.data.error.reason], [409, 'ATTACHMENT_LOCKED']);

  // The database refuses too: deleting the row, changing its bytes, unlocking it, or taking it off its hazard.
  await assert.rejects(sql`delete from attachments where id = ${id}`.execute(t.db), /locked/);
  await assert.rejects(sql`update attachments set data = ${Buffer.from('x')} where id = ${id}`.execute(t.db), /locked/);
  await assert.rejects(sql`update attachments set locked = false where id = ${id}`.execute(t.db), /locked/);
  await assert.rejects(sql`delete from attachment_links where attachment_id = ${id}`.execute(t.db), /locked/);
  const still = await t.db.selectFrom('attachments').select(['locked', 'size']).where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(still.locked, true);
  assert.equal((await worker2.get(api(`/photos/${id}`))).statusCode, 200);
});

test('D18: an upload repeated with the same Idempotency-Key gets the first answer and stores one file', async () => {
  const file = png();
  const count = async () => Number((await t.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', e.id).where('kind', '=', 'photo').where('uploaded_by', '=', e.users.safety.id).executeTakeFirstOrThrow()).n);
  const before = await count();
  const first = await upload(safety, [file], { 'idempotency-key': 'att-upload-1' });
  const again = await upload(safety, [file], { 'idempotency-key': 'att-upload-1' });
  assert.equal(first.statusCode, 201, first.body);
  assert.deepEqual([again.statusCode, again.data], [201, first.data]);
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(await count(), before + 1);
  // The same key with another file is refused; without a key a repeat is a new upload.
  const otherFile = await upload(safety, [png()], { 'idempotency-key': 'att-upload-1' });
  assert.deepEqual([otherFile.statusCode, otherFile.data.error.code], [422, 'IDEMPOTENCY_KEY_REUSED']);
  assert.equal((await upload(safety, [file])).statusCode, 201);
  assert.equal(await count(), before + 2);

  // A floor plan: the same key, one plan.
  const plans = async () => (await t.db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', e.id).where('name', '=', '幂等平面图').execute()).length;
  const plan = png();
  const send = () => {
    const m = multipart([{ data: plan, name: 'p.png' }], { name: '幂等平面图' });
    return safety.request('POST', api('/floor-plans'), m.body, { ...m.headers, 'idempotency-key': 'att-plan-1' });
  };
  const a = await send();
  const b = await send();
  assert.equal(a.statusCode, 201, a.body);
  assert.deepEqual([b.statusCode, b.data.id], [201, a.data.id]);
  assert.equal(await plans(), 1);
});
