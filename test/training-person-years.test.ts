import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestPlatform, type TestPlatform } from './helpers';
import { addLocalDays, localDay, localYear } from '../src/platform/time';
import { makeEnterprise } from './factories';
import { trainingSteps } from './training-helpers';

// R-TRN-1, issue 13's shortfall figure: each person's yearly hours are kept as state (migration 0111) by the
// attendance table's own triggers. These tests hold that state to the attendance it sums through every path that
// writes attendance (record, edit the session's day into another year, remove one, delete the session), and the
// shortfall list to the hours attended up to the day asked about.

let t: TestPlatform;
before(async () => { t = await createTestPlatform(); });
after(async () => { await t.close(); });

const { api, today, session, employeeOf, attend } = trainingSteps(() => t);

/** The stored totals and the attendance grouped the same way, for one enterprise (rows with nothing left dropped). */
async function storedAndSummed(enterpriseId: string) {
  const stored = (await sql<{ k: string }>`select year || ' ' || employee_id || ' ' || hours::numeric(10,1) || ' ' || sessions || ' ' || legal_sessions as k
    from training_person_years where enterprise_id = ${enterpriseId} and sessions <> 0 order by 1`.execute(t.db)).rows.map((r) => r.k);
  const summed = (await sql<{ k: string }>`select extract(year from held_on)::int || ' ' || employee_id || ' ' || sum(hours)::numeric(10,1) || ' ' || count(*) || ' ' ||
      count(*) filter (where course_type = 'legal_education') as k
    from training_attendance where enterprise_id = ${enterpriseId} group by extract(year from held_on), employee_id order by 1`.execute(t.db)).rows.map((r) => r.k);
  return { stored, summed };
}

test('R-TRN-1: the stored yearly hours follow every attendance write — recorded, a session moved into last year, one removed, a session deleted', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const worker = await employeeOf(ent, 'worker');
  const leader = await employeeOf(ent, 'leader');
  const year = localYear(t.clock.now);
  const s1 = await session(safety, ent, { hours: 6 });
  const legal = await session(safety, ent, { courseType: 'legal_education', title: '学法培训', hours: 2 });
  const s3 = await session(safety, ent, { hours: 4, title: '岗位操作规程', courseType: 'special' });
  for (const s of [s1, legal, s3]) for (const p of [worker, leader]) await attend(safety, ent, s.id, p);
  let x = await storedAndSummed(ent.id);
  assert.deepEqual(x.stored, x.summed);
  assert.ok(x.stored.includes(`${year} ${worker} 12.0 3 1`), x.stored.join('\n'));

  // The session's day moved into last year: its hours leave this year's totals and join last year's.
  const lastYearDay = `${year - 1}-12-15`;
  const moved = await safety.patch(api(ent, `/sessions/${s3.id}`), { courseType: 'special', title: '岗位操作规程', trainer: '张老师', heldOn: lastYearDay, hours: 5, version: s3.version });
  assert.equal(moved.statusCode, 200, moved.body);
  x = await storedAndSummed(ent.id);
  assert.deepEqual(x.stored, x.summed);
  assert.ok(x.stored.includes(`${year} ${worker} 8.0 2 1`) && x.stored.includes(`${year - 1} ${worker} 5.0 1 0`), x.stored.join('\n'));

  // One attendance removed, then a whole session deleted (its attendance cascades).
  const removed = await safety.delete(api(ent, `/sessions/${legal.id}/attendance/${leader}`));
  assert.ok([200, 204].includes(removed.statusCode), removed.body);
  const del = await safety.delete(api(ent, `/sessions/${s1.id}`));
  assert.ok([200, 204].includes(del.statusCode), del.body);
  x = await storedAndSummed(ent.id);
  assert.deepEqual(x.stored, x.summed);
  assert.ok(x.stored.includes(`${year} ${worker} 2.0 1 1`), x.stored.join('\n'));

  // The list reads the stored hours: the worker's done is what he attended this year.
  const list = await safety.get(api(ent, '/shortfalls?all=yes'));
  const row = list.data.items.find((i: { employeeId: string }) => i.employeeId === worker);
  assert.equal(row.done, 2);
});

test('R-TRN-1: asked about a day before a session of the same year, the list leaves that session\'s hours and legal education out', async () => {
  const ent = await makeEnterprise(t);
  const safety = await ent.login('safety');
  const worker = await employeeOf(ent, 'worker');
  const start = t.clock.now;
  // Sessions may not be dated after today: record one today, then ask as of an earlier day of the same year.
  const day = today();
  if (day.slice(5) === '01-01') return; // no earlier day of the year to ask about
  const legal = await session(safety, ent, { courseType: 'legal_education', title: '学法培训', hours: 3 });
  await attend(safety, ent, legal.id, worker);
  const now = (await safety.get(api(ent, '/shortfalls?all=yes'))).data.items.find((i: { employeeId: string }) => i.employeeId === worker);
  assert.equal(now.done, 3);
  try {
    t.clock.now = new Date(start.getTime() - 24 * 3600_000);
    assert.equal(localDay(t.clock.now), addLocalDays(day, -1));
    const earlier = await safety.get(api(ent, '/shortfalls?all=yes'));
    const row = earlier.data.items.find((i: { employeeId: string }) => i.employeeId === worker);
    assert.equal(row.done, 0);
    const overview = await safety.get(api(ent));
    assert.equal(overview.statusCode, 200, overview.body);
    assert.equal(overview.data.legalEducation.covered, 0);
  } finally {
    t.clock.now = start;
  }
});
