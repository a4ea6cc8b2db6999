import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { idNumberCheckChar } from '../src/modules/org/id-number';
import { createTestPlatform, type Client, type TestPlatform } from './helpers';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function idNumber(n: number): string {
  const first17 = `110101${1960 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/**
 * D25: on the embedded engine (one connection, statements run synchronously in this process) a large import must not
 * hold every other request for its whole length: the file is parsed and checked before the import's transaction
 * opens, so reads — including those that need the database — are answered while the import is in flight. No timing
 * is asserted, only the order; `bench/embedded-import.ts` measures the latencies.
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

  test('the health endpoint and the employee list answer while a 3,000-row import runs; the import commits every row', async () => {
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

    let done = false;
    const importing = safety.request('POST', `${base}/import?mode=strict`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` })
      .finally(() => { done = true; });
    const health = await tp.anonymous().get('/api/health');
    const healthDuringImport = !done;
    const list = await safety.get(`${base}?page=1&pageSize=20`);
    const listDuringImport = !done;
    assert.equal(health.statusCode, 200);
    assert.equal(list.statusCode, 200, list.body);
    const res = await importing;
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.data.imported, N);
    assert.ok(healthDuringImport, 'the health endpoint answered while the import was in flight');
    assert.ok(listDuringImport, 'the employee list (a database read) answered while the import was in flight');
    const count = await tp.db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enterprise_id', '=', enterprise.id).where('name', 'like', '并发员工%').executeTakeFirstOrThrow();
    assert.equal(Number(count.n), N);
  });
});
