import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { defineExport, runExportJob, storedParams } from '../src/platform/files/exports';
import { makeEnterprise, makeHazard, type FreshEnterprise } from './factories';
import { createTestPlatform, type Client, type Res, type TestPlatform } from './helpers';

// Exports of more than three rows run as jobs in this file.
let t: TestPlatform;
let ent: FreshEnterprise;
let safety: Client;
const exportUrl = (query = '') => `/api/v1/enterprises/${ent.id}/hazards/export${query}`;

before(async () => {
  t = await createTestPlatform({ exportJobRows: 3, exportKeepHours: 24 });
  ent = await makeEnterprise(t);
  for (let i = 0; i < 5; i++) await makeHazard(t, ent, { title: `导出隐患${i}` });
  safety = await ent.login('safety');
});
after(async () => t.close());

async function rowsOf(res: Res): Promise<string[][]> {
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

const auditActions = async (entityId: string) =>
  (await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'export').where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);

test('an export under the threshold is a direct download', async () => {
  const res = await safety.get(exportUrl('?q=导出隐患1'));
  const rows = await rowsOf(res);
  assert.equal(rows.length, 2);
  assert.equal(await t.db.selectFrom('export_jobs').select('id').executeTakeFirst(), undefined, 'no job');
});

test('over the threshold the export runs as a job: 202, progress, then the file for its owner only', async () => {
  const started = await safety.get(exportUrl('?q=导出隐患'));
  assert.equal(started.statusCode, 202, started.body);
  const { exportId } = started.json() as { exportId: string };
  assert.deepEqual(await auditActions(exportId), ['export.start']);

  const pending = await safety.get(`/api/v1/exports/${exportId}`);
  assert.equal(pending.statusCode, 200, pending.body);
  assert.equal(pending.json().state, 'pending');
  assert.equal(pending.json().rowsTotal, 5);
  assert.equal(pending.json().rowsDone, 0);
  const early = await safety.get(`/api/v1/exports/${exportId}/download`);
  assert.equal(early.statusCode, 409);
  assert.equal(early.json().error.code, 'STATE');

  // Anyone else, even a manager of the same enterprise, does not learn that it exists.
  const principal = await ent.login('principal');
  assert.equal((await principal.get(`/api/v1/exports/${exportId}`)).statusCode, 404);
  const other = await makeEnterprise(t);
  assert.equal((await (await other.login('safety')).get(`/api/v1/exports/${exportId}`)).statusCode, 404);
  assert.equal((await t.anonymous().get(`/api/v1/exports/${exportId}`)).statusCode, 401);

  await t.platform.jobs.tick();
  const done = await safety.get(`/api/v1/exports/${exportId}`);
  assert.equal(done.json().state, 'done');
  assert.equal(done.json().rowsDone, 5);
  assert.match(done.json().filename, /^隐患台账-.+\.xlsx$/);

  assert.equal((await principal.get(`/api/v1/exports/${exportId}/download`)).statusCode, 404);
  const file = await safety.get(`/api/v1/exports/${exportId}/download`);
  const rows = await rowsOf(file);
  assert.equal(rows.length, 6, 'the header and five hazards');
  assert.deepEqual(rows.slice(1).map((r) => r[1]).sort(), ['导出隐患0', '导出隐患1', '导出隐患2', '导出隐患3', '导出隐患4']);
  assert.match(String(file.headers['content-disposition']), /attachment; filename="hazards-\d{4}-\d{2}-\d{2}\.xlsx"/);
  assert.deepEqual(await auditActions(exportId), ['export.start', 'export.done', 'export.download']);
});

test('a finished export expires: its file is gone for its owner too, and the clean-up deletes it', async () => {
  const started = await safety.get(exportUrl());
  assert.equal(started.statusCode, 202);
  const { exportId } = started.json() as { exportId: string };
  await t.platform.jobs.tick();
  assert.equal((await safety.get(`/api/v1/exports/${exportId}/download`)).statusCode, 200);
  const was = t.clock.now;
  t.clock.now = new Date(was.getTime() + 25 * 3_600_000);
  try {
    assert.equal((await safety.get(`/api/v1/exports/${exportId}`)).statusCode, 404);
    assert.equal((await safety.get(`/api/v1/exports/${exportId}/download`)).statusCode, 404);
    await t.platform.jobs.tick();
    assert.equal(await t.db.selectFrom('export_jobs').select('id').where('id', '=', exportId).executeTakeFirst(), undefined);
  } finally {
    t.clock.now = was;
  }
});

test('a job stores its progress as it writes, and a failing export ends failed', async () => {
  let seenDuringRun = -1;
  defineExport<{ n: number }>({
    kind: 'test.progress', params: storedParams,
    count: async (_db, _ctx, p) => p.n,
    run: async (db, _ctx, p, progress) => {
      await progress(3);
      seenDuringRun = (await db.selectFrom('export_jobs').select('rows_done').where('kind', '=', 'test.progress').executeTakeFirstOrThrow()).rows_done;
      if (p.n < 0) throw new Error('boom');
      return { filename: '测试.xlsx', fallbackName: 'test.xlsx', buffer: Buffer.from('PK') };
    },
  });
  const insert = (n: number) => t.db.insertInto('export_jobs').values({
    user_id: ent.users.safety.id, kind: 'test.progress', params: JSON.stringify({ n }), rows_total: 10,
    created_at: t.clock.now, expires_at: new Date(t.clock.now.getTime() + 3_600_000),
  }).returning('id').executeTakeFirstOrThrow();
  const ok = await insert(10);
  await runExportJob(t.db, t.clock.now, ok.id);
  assert.equal(seenDuringRun, 3, 'progress is stored while the job runs');
  const okRow = await t.db.selectFrom('export_jobs').select(['state', 'rows_done']).where('id', '=', ok.id).executeTakeFirstOrThrow();
  assert.deepEqual(okRow, { state: 'done', rows_done: 10 });
  await t.db.deleteFrom('export_jobs').where('id', '=', ok.id).execute();

  const bad = await insert(-1);
  await runExportJob(t.db, t.clock.now, bad.id);
  // The clean-up run a day ahead in the test before signed everybody out: sign in again.
  const owner = await t.login(ent.users.safety.username);
  const status = await owner.get(`/api/v1/exports/${bad.id}`);
  assert.equal(status.statusCode, 200, status.body);
  assert.equal(status.json().state, 'failed');
  assert.equal(status.json().failed, true);
  assert.equal((await owner.get(`/api/v1/exports/${bad.id}/download`)).statusCode, 409);
});
