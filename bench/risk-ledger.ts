/**
 * `npx tsx bench/risk-ledger.ts [--points 5000] [--database-url postgres://…]`: the risk-ledger figures of issue 3 —
 * export of an N-point ledger to .xlsx (target ≤ 3 s at 5,000) and import of the same file into an enterprise with
 * an empty ledger (target ≤ 10 s), through the HTTP API in process, on the embedded engine unless a URL is given.
 *
 * The ledger is the demo enterprise's six points repeated (each with its assessment, controllers, measures and post),
 * written straight to the tables; the people it names are registered in the target enterprise so every row imports.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createPlatform } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { DEMO_PASSWORD } from '../src/seed/demo';

const { values } = parseArgs({ args: process.argv.slice(2), options: { points: { type: 'string', default: '5000' }, 'database-url': { type: 'string', default: '' } } });
const N = Number(values.points);
const BATCH = 500;
/** CPU time of this process since `from`: the embedded engine runs in it, so this is the whole cost, whatever the machine's load. */
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
};

async function main() {
  const platform = await createPlatform(loadConfig({}, {
    dataDir: 'memory://', databaseUrl: values['database-url'] ?? '', logLevel: 'silent', jobsEnabled: false, webDist: '/none', rateLimitPerMinute: 100_000,
  }));
  const { app, database } = platform;
  const db = database.db;
  try {
    const login = async (username: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      return { cookie: res.cookies.map((k) => `${k.name}=${k.value}`).join('; '), csrf: (res.json() as { csrfToken: string }).csrfToken };
    };
    const source = (await db.selectFrom('users').select('enterprise_id').where('username', '=', 'safety').executeTakeFirstOrThrow()).enterprise_id!;
    const target = (await db.selectFrom('enterprises').select('id').where('id', '!=', source).orderBy('credit_code').limit(1).executeTakeFirstOrThrow()).id;

    // ---- an N-point ledger in the demo enterprise ----
    const demo = await db.selectFrom('risk_points').selectAll().where('enterprise_id', '=', source).orderBy('code').execute();
    const [assessments, controllers, measures, posts] = await Promise.all([
      db.selectFrom('risk_assessments').selectAll().where('enterprise_id', '=', source).execute(),
      db.selectFrom('risk_controllers').selectAll().where('enterprise_id', '=', source).execute(),
      db.selectFrom('control_measures').selectAll().where('enterprise_id', '=', source).execute(),
      db.selectFrom('risk_point_posts').selectAll().where('enterprise_id', '=', source).execute(),
    ]);
    const t0 = performance.now();
    // The six demo points count towards N.
    const extra = Math.max(0, N - demo.length);
    await db.transaction().execute(async (tx) => {
      for (let start = 0; start < extra; start += BATCH) {
        const chunk = Array.from({ length: Math.min(BATCH, extra - start) }, (_, k) => {
          const i = start + k;
          const model = demo[i % demo.length]!;
          return { id: randomUUID(), i, model };
        });
        await tx.insertInto('risk_points').values(chunk.map(({ id, i, model }) => {
          const { id: _id, code: _c, name, hazard_factors, shape: _s, ...rest } = model;
          return { ...rest, id, code: `B-${String(i + 1).padStart(5, '0')}`, name: `${name} ${i + 1}`, hazard_factors: JSON.stringify(hazard_factors), shape: null, floor_plan_id: null };
        })).execute();
        await tx.insertInto('risk_assessments').values(chunk.flatMap(({ id, model }) => assessments.filter((a) => a.risk_point_id === model.id)
          .map(({ id: _id, seq: _seq, methods, ...a }) => ({ ...a, risk_point_id: id, methods: JSON.stringify(methods) })))).execute();
        await tx.insertInto('risk_controllers').values(chunk.flatMap(({ id, model }) => controllers.filter((c) => c.risk_point_id === model.id).map((c) => ({ ...c, risk_point_id: id })))).execute();
        await tx.insertInto('control_measures').values(chunk.flatMap(({ id, model }) => measures.filter((m) => m.risk_point_id === model.id).map(({ id: _id, ...m }) => ({ ...m, risk_point_id: id })))).execute();
        const links = chunk.flatMap(({ id, model }) => posts.filter((p) => p.risk_point_id === model.id).map((p) => ({ ...p, risk_point_id: id })));
        if (links.length) await tx.insertInto('risk_point_posts').values(links).execute();
      }
    });
    await sql`analyze`.execute(db);
    const total = await db.selectFrom('risk_points').select((eb) => eb.fn.countAll<number>().as('n')).where('enterprise_id', '=', source).executeTakeFirstOrThrow();
    console.log(`ledger of ${Number(total.n)} points written in ${((performance.now() - t0) / 1000).toFixed(1)} s (engine: ${database.engine})`);

    // The people the ledger names exist in the target enterprise under the same names.
    const names = await db.selectFrom('risk_controllers as c').innerJoin('employees as e', 'e.id', 'c.employee_id').select('e.name').distinct().where('c.enterprise_id', '=', source).execute();
    const root = await db.selectFrom('org_units').select('id').where('enterprise_id', '=', target).where('kind', '=', 'company').executeTakeFirstOrThrow();
    for (const { name } of names) {
      const has = await db.selectFrom('employees').select('id').where('enterprise_id', '=', target).where('name', '=', name).where('status', '=', 'active').execute();
      if (has.length === 0) {
        await db.insertInto('employees').values({
          enterprise_id: target, name, id_number_masked: '530111********0000', id_number_hash: randomUUID(), employment_form: 'regular', org_unit_id: root.id, created_at: new Date(), updated_at: new Date(),
        }).execute();
      }
    }

    // ---- the figures ----
    const safety = await login('safety');
    const admin = await login('admin');
    const exportOnce = async () => {
      const s = performance.now();
      const cpu = process.cpuUsage();
      const res = await app.inject({ method: 'GET', url: `/api/v1/enterprises/${source}/risk-points/export`, headers: { cookie: safety.cookie } });
      if (res.statusCode !== 200) throw new Error(`export: ${res.statusCode} ${res.body}`);
      return { seconds: (performance.now() - s) / 1000, cpu: cpuSeconds(cpu), file: res.rawPayload };
    };
    const first = await exportOnce();
    const second = await exportOnce();
    console.log(`export ${N} points → .xlsx (${(first.file.length / 1024).toFixed(0)} KiB): first ${first.seconds.toFixed(2)} s (${first.cpu.toFixed(2)} s CPU, loads exceljs), ` +
      `then ${second.seconds.toFixed(2)} s (${second.cpu.toFixed(2)} s CPU)   (target ≤ 3 s)`);

    const boundary = `----bench${Date.now()}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ledger.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
      second.file, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const s = performance.now();
    const cpu = process.cpuUsage();
    const res = await app.inject({
      method: 'POST', url: `/api/v1/enterprises/${target}/risk-points/import?mode=strict`, payload: body,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const seconds = (performance.now() - s) / 1000;
    const cpuUsed = cpuSeconds(cpu);
    const report = res.json() as { imported: number; errorCount: number; errors: unknown[] };
    if (res.statusCode !== 200 || report.imported !== N) throw new Error(`import: ${res.statusCode} ${JSON.stringify(report).slice(0, 500)}`);
    console.log(`import of the same file into an empty ledger (${report.imported} points): ${seconds.toFixed(2)} s (${cpuUsed.toFixed(2)} s CPU)   (target ≤ 10 s)`);
  } finally {
    await platform.close();
  }
}

await main();
