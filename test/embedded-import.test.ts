import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idNumber(n: number): string {
  const first17 = `110101${1960 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * D25: on the embedded engine (one connection, statements run synchronously in this process) a large import used to
 * hold the event loop for its whole write phase. Now its statements are short with the loop turning between them:
 * requests keep being answered while the import's transaction is open. No timing is asserted, only the order.
 */
describe('a large import leaves other requests answering (D25)', () => {
  let tp: TestPlatform;
  let safety: Client;
  let enterprise: { id: string; name: string };

  before(async () => {
    tp = await createTestPlatform();
    safety = await tp.login('safety');
    enterprise = await tp.db.selectFrom('users as u').innerJoin('enterprises as e', 'e.id', 'u.enterprise_id')
      .select(['e.id', 'e.name']).where('u.username', '=', 'safety').executeTakeFirstOrThrow();
  });
  after(() => tp.close());

  test('health answers while the import transaction is open, and the import commits all its rows', async () => {
    const base = `/api/v1/enterprises/${enterprise.id}/employees`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await safety.get(`${base}/import-template`)).rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('员工信息')!;
    const N = 3000;
    for (let i = 0; i < N; i++) ws.getRow(i + 2).values = [`并发员工${i + 1}`, idNumber(i), '', '正式', enterprise.name, '', ''];
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = `----d25${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: ${XLSX}\r\n\r\n`),
      file, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);

    // Watch the one connection for the import's BEGIN … COMMIT (the test reads nothing else from the database while
    // the import runs, so the only transaction is the import's).
    let inTransaction = false;
    const wrapped = new WeakSet<object>();
    const onAcquire = (client: pg.PoolClient) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const first = args[0];
        const text = typeof first === 'string' ? first : (first as { text?: string } | null)?.text ?? '';
        if (/^\s*begin/i.test(text)) inTransaction = true;
        if (/^\s*(commit|rollback)/i.test(text)) inTransaction = false;
        return query(...args);
      };
    };
    const pool = tp.platform.database.pool;
    pool.on('acquire', onAcquire);

    let done = false;
    let answeredInTransaction = 0;
    const importing = safety.request('POST', `${base}/import?mode=strict`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` })
      .finally(() => { done = true; });
    while (!done) {
      const res = await tp.anonymous().get('/api/health');
      assert.equal(res.statusCode, 200);
      if (inTransaction && !done) answeredInTransaction++;
      await new Promise((r) => setImmediate(r));
    }
    pool.off('acquire', onAcquire);
    const res = await importing;
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.imported, N);
    assert.ok(answeredInTransaction > 0, 'a request was answered while the import transaction was open');
    const count = await tp.db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enterprise_id', '=', enterprise.id).where('name', 'like', '并发员工%').executeTakeFirstOrThrow();
    assert.equal(Number(count.n), N);
  });
});
