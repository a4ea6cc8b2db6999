import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { brokenJpeg, phoneJpeg } from './fixtures/images';
import type { Ctx } from '../src/platform/auth/actor';
import { ATTACHMENT_PROCESS_JOB, storeFiles } from '../src/platform/files/attachments';
import {
  ATTACHMENT_MAX_ATTEMPTS, ATTACHMENT_SWEEP_AFTER_MS, ATTACHMENT_SWEEP_EVERY_MS, ATTACHMENT_SWEEP_JOB, PROCESSING_FAILED, processPendingFiles, sweepPendingFiles,
} from '../src/platform/files/deferred';
import { KINDS } from '../src/platform/files/kinds';
import { registerPlatformJobs } from '../src/platform/jobs/platform-jobs';
import { JobRunner } from '../src/platform/jobs/runner';
import { createTestPlatform, type TestPlatform } from './helpers';
import { makeEnterprise } from './factories';

/*
 * Issue 14 §4: the sweep of pending files (platform/files/deferred.ts). A photo stored pending whose processing job was
 * lost or gave up is processed by the periodic `attachments.sweep` once it is ATTACHMENT_SWEEP_AFTER_MS old; an upload
 * whose processing keeps throwing is rejected after ATTACHMENT_MAX_ATTEMPTS tries ('processing failed', audited).
 */

let t: TestPlatform;
/** A multiple of the sweep's period, so the slots of the scheduled sweep fall where the tests expect them. */
const T0 = new Date('2026-05-11T02:00:00Z');
/** Each test has an hour of its own, later than the previous test's. */
const hour = (n: number) => new Date(T0.getTime() + n * 3600_000);
const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

before(async () => {
  t = await createTestPlatform();
  t.clock.now = T0;
});
after(() => t.close());

/** Stores photos pending, as the accident quick report does (`deferred`), at the test clock's time. */
async function storePending(enterpriseId: string, buffers: Buffer[]): Promise<string[]> {
  const ctx: Ctx = { actor: null, ip: null, requestId: 'test', locale: 'zh-CN', now: t.clock.now };
  const stored = await t.db.transaction().execute((tx) => storeFiles(tx, ctx, enterpriseId, 'photo', buffers.map((buffer) => ({ buffer })), undefined, { deferred: true }));
  return stored.map((f) => f.id);
}

/** The processing jobs written with the files are lost (deleted, or gone with an instance). */
async function loseProcessJobs(): Promise<void> {
  await t.db.deleteFrom('jobs').where('name', '=', ATTACHMENT_PROCESS_JOB).where('state', '=', 'pending').execute();
}

const stateOf = async (enterpriseId: string, id: string) => (await t.db.selectFrom('attachments').select('state')
  .where('enterprise_id', '=', enterpriseId).where('id', '=', id).executeTakeFirstOrThrow()).state;
const attemptsOf = async (enterpriseId: string, id: string) => (await t.db.selectFrom('attachment_quarantine').select('attempts')
  .where('enterprise_id', '=', enterpriseId).where('attachment_id', '=', id).executeTakeFirst())?.attempts;
const processAudit = (enterpriseId: string, id: string) => t.db.selectFrom('audit_log').select(['action', 'after', 'actor_id'])
  .where('enterprise_id', '=', enterpriseId).where('entity_id', '=', id).where('action', '=', 'photo.process').execute();

type Line = { o: object; m?: string };

/**
 * A runner with the platform's own jobs, the sweep's schedule among them, logging into `lines`. Not the test
 * platform's: its first pass would run every module's daily job over the demo district, which is not under test here.
 * Named 'postgres' so it leaves out the embedded engine's hourly `analyze`, for the same reason.
 */
function platformRunner(lines: Line[] = []): JobRunner {
  const runner = new JobRunner(t.db, { pollMs: 1000, now: () => t.clock.now, log: { info: (o, m) => lines.push({ o, m }), error: (o, m) => lines.push({ o, m }) } });
  registerPlatformJobs(runner, 'postgres');
  return runner;
}

/** Makes the photo decoder throw on `bad` (a decoder crash), counting its calls on it, until the test ends. */
function crashOn(bad: Buffer, test: { after: (fn: () => void) => void }): { calls: number } {
  const original = KINDS.photo.accept;
  const seen = { calls: 0 };
  KINDS.photo.accept = async (buf, now) => {
    if (!buf.equals(bad)) return original(buf, now);
    seen.calls++;
    throw new Error('decoder crashed');
  };
  test.after(() => { KINDS.photo.accept = original; });
  return seen;
}

test('a pending photo whose job was lost is processed by the scheduled sweep once it is old enough, and not before', async () => {
  t.clock.now = hour(1);
  const ent = await makeEnterprise(t);
  const [id] = await storePending(ent.id, [await phoneJpeg()]);
  await loseProcessJobs();
  const lines: Line[] = [];
  const jobs = platformRunner(lines);
  t.clock.now = later(hour(1), ATTACHMENT_SWEEP_AFTER_MS - 1000);
  await jobs.tick();
  const sweeps = () => t.db.selectFrom('jobs').select('state').where('name', '=', ATTACHMENT_SWEEP_JOB).where('state', '=', 'done').execute();
  assert.equal((await sweeps()).length, 1, 'the sweep ran in this slot');
  assert.equal(await stateOf(ent.id, id!), 'pending', 'not before the threshold');
  assert.equal(lines.filter((l) => l.m?.startsWith('attachments swept')).length, 0);

  t.clock.now = later(hour(1), ATTACHMENT_SWEEP_AFTER_MS + 1000);
  await jobs.tick();
  assert.equal((await sweeps()).length, 2, 'the next slot ran the sweep again');
  const file = await t.db.selectFrom('attachments').select(['state', 'data', 'mime']).where('enterprise_id', '=', ent.id).where('id', '=', id!).executeTakeFirstOrThrow();
  assert.deepEqual([file.state, file.mime], ['ready', 'image/jpeg']);
  assert.ok(file.data.length > 0);
  // Processed as its job would have: the camera's Exif, GPS among it, is gone (D16).
  assert.equal((await sharp(file.data).metadata()).exif, undefined);
  assert.equal(await attemptsOf(ent.id, id!), undefined, 'its quarantined upload is deleted');
  assert.deepEqual((await processAudit(ent.id, id!)).map((a) => (a.after as { state: string }).state), ['ready']);
  const swept = lines.find((l) => l.m?.startsWith('attachments swept'));
  assert.ok(swept, 'the sweep logs what it found');
  assert.deepEqual(swept.o, { found: 1, ready: 1, rejected: 0, failed: 0 });
});

test('the sweep rejects a pending photo whose upload does not decode, keeping no bytes', async () => {
  t.clock.now = hour(2);
  const ent = await makeEnterprise(t);
  const [id] = await storePending(ent.id, [await brokenJpeg()]);
  await loseProcessJobs();
  await sweepPendingFiles(t.db, later(hour(2), ATTACHMENT_SWEEP_AFTER_MS - 1000));
  assert.equal(await stateOf(ent.id, id!), 'pending', 'not before the threshold');
  const swept = await sweepPendingFiles(t.db, later(hour(2), ATTACHMENT_SWEEP_AFTER_MS + 1000));
  assert.deepEqual([swept.ready, swept.rejected, swept.failed.length], [0, 1, 0]);
  const file = await t.db.selectFrom('attachments').select(['state', 'data']).where('enterprise_id', '=', ent.id).where('id', '=', id!).executeTakeFirstOrThrow();
  assert.deepEqual([file.state, file.data.length], ['rejected', 0]);
  assert.equal(await attemptsOf(ent.id, id!), undefined);
  // Rejected by its kind's rules (the 415's message), not as a processing failure.
  const audit = await processAudit(ent.id, id!);
  assert.equal(audit.length, 1);
  const reason = (audit[0]!.after as { reason: string }).reason;
  assert.notEqual(reason, PROCESSING_FAILED);
  assert.match(reason, /^[a-z]+(\.[a-zA-Z]+)+$/);
});

test('a photo whose processing keeps throwing is rejected after its job\'s tries, and its neighbour is processed meanwhile', async (ctx) => {
  t.clock.now = hour(3);
  const ent = await makeEnterprise(t);
  const bad = await phoneJpeg();
  const crash = crashOn(bad, ctx);
  const [badId, goodId] = await storePending(ent.id, [bad, await phoneJpeg()]);
  const jobs = platformRunner();
  await jobs.tick();
  assert.equal(await stateOf(ent.id, goodId!), 'ready', 'a file that throws does not hold back the others');
  assert.equal(await stateOf(ent.id, badId!), 'pending');
  assert.equal(await attemptsOf(ent.id, badId!), 1);
  const job = await t.db.selectFrom('jobs').select(['state', 'last_error', 'run_at']).where('name', '=', ATTACHMENT_PROCESS_JOB).where('state', '=', 'pending').executeTakeFirstOrThrow();
  assert.match(job.last_error ?? '', /decoder crashed/);
  // The runner's retries, after their backoff, until the file's tries are spent.
  for (let i = 1; i < ATTACHMENT_MAX_ATTEMPTS; i++) {
    const next = await t.db.selectFrom('jobs').select('run_at').where('name', '=', ATTACHMENT_PROCESS_JOB).where('state', '=', 'pending').executeTakeFirstOrThrow();
    t.clock.now = next.run_at;
    await jobs.tick();
  }
  assert.equal(crash.calls, ATTACHMENT_MAX_ATTEMPTS);
  assert.equal(await stateOf(ent.id, badId!), 'rejected');
  assert.equal(await attemptsOf(ent.id, badId!), undefined, 'its quarantined upload is deleted');
  const audit = await processAudit(ent.id, badId!);
  assert.deepEqual(audit.map((a) => [a.after, a.actor_id]), [[{ state: 'rejected', reason: PROCESSING_FAILED, attempts: ATTACHMENT_MAX_ATTEMPTS }, null]]);
  const done = await t.db.selectFrom('jobs').select('state').where('name', '=', ATTACHMENT_PROCESS_JOB).where('state', 'in', ['pending', 'failed']).execute();
  assert.deepEqual(done, [], 'the job ended once the file was rejected');
});

test('the sweep stops trying a photo whose processing keeps throwing: rejected after its tries, with an audit row', async (ctx) => {
  t.clock.now = hour(4);
  const ent = await makeEnterprise(t);
  const bad = await phoneJpeg();
  const crash = crashOn(bad, ctx);
  const [id] = await storePending(ent.id, [bad]);
  await loseProcessJobs();
  for (let run = 1; run <= ATTACHMENT_MAX_ATTEMPTS; run++) {
    const swept = await sweepPendingFiles(t.db, later(hour(4), ATTACHMENT_SWEEP_AFTER_MS + run * ATTACHMENT_SWEEP_EVERY_MS));
    if (run < ATTACHMENT_MAX_ATTEMPTS) {
      assert.deepEqual(swept.failed.map((f) => [f.id, f.attempts, f.error]), [[id, run, 'decoder crashed']]);
      assert.equal(await stateOf(ent.id, id!), 'pending');
      assert.equal(await attemptsOf(ent.id, id!), run);
    } else assert.deepEqual([swept.rejected, swept.failed.length], [1, 0]);
  }
  assert.equal(await stateOf(ent.id, id!), 'rejected');
  const audit = await processAudit(ent.id, id!);
  assert.deepEqual(audit.map((a) => a.after), [{ state: 'rejected', reason: PROCESSING_FAILED, attempts: ATTACHMENT_MAX_ATTEMPTS }]);
  await sweepPendingFiles(t.db, later(hour(4), 3600_000 - 1));
  assert.equal(crash.calls, ATTACHMENT_MAX_ATTEMPTS, 'not tried again');
});

test('a photo whose every try killed the process is rejected without decoding it again', async (ctx) => {
  t.clock.now = hour(5);
  const ent = await makeEnterprise(t);
  const bad = await phoneJpeg();
  const crash = crashOn(bad, ctx);
  const [id] = await storePending(ent.id, [bad]);
  await loseProcessJobs();
  // Each try was counted before the decoder ran; none came back to record its failure.
  await t.db.updateTable('attachment_quarantine').set({ attempts: ATTACHMENT_MAX_ATTEMPTS }).where('enterprise_id', '=', ent.id).where('attachment_id', '=', id!).execute();
  const swept = await sweepPendingFiles(t.db, later(hour(5), ATTACHMENT_SWEEP_AFTER_MS + 1000));
  assert.equal(swept.rejected, 1);
  assert.equal(crash.calls, 0);
  assert.equal(await stateOf(ent.id, id!), 'rejected');
  assert.deepEqual((await processAudit(ent.id, id!)).map((a) => a.after), [{ state: 'rejected', reason: PROCESSING_FAILED, attempts: ATTACHMENT_MAX_ATTEMPTS }]);
});

test('the sweep leaves ready and rejected files as they are', async () => {
  t.clock.now = hour(6);
  const ent = await makeEnterprise(t);
  const ctx: Ctx = { actor: null, ip: null, requestId: 'test', locale: 'zh-CN', now: t.clock.now };
  const direct = await t.db.transaction().execute(async (tx) => storeFiles(tx, ctx, ent.id, 'photo', [{ buffer: await phoneJpeg() }]));
  const [processed, rejected] = await storePending(ent.id, [await phoneJpeg(), await brokenJpeg()]);
  await loseProcessJobs();
  assert.deepEqual(await processPendingFiles(t.db, ent.id, [processed!, rejected!], t.clock.now), { ready: 1, rejected: 1, failed: [] });
  const ids = [direct[0]!.id, processed!, rejected!];
  const snapshot = () => t.db.selectFrom('attachments').select(['id', 'state', 'sha256', 'size', 'data', 'mime']).where('enterprise_id', '=', ent.id).where('id', 'in', ids).orderBy('id').execute();
  const audits = () => t.db.selectFrom('audit_log').select('seq').where('enterprise_id', '=', ent.id).execute();
  const before = await snapshot();
  assert.deepEqual(before.map((f) => f.state).sort(), ['ready', 'ready', 'rejected']);
  const auditsBefore = (await audits()).length;
  await sweepPendingFiles(t.db, later(hour(6), 3 * ATTACHMENT_SWEEP_AFTER_MS));
  assert.deepEqual(await snapshot(), before);
  assert.equal((await audits()).length, auditsBefore);
});

test('one sweep takes a bounded number of files, oldest first, across enterprises', async () => {
  t.clock.now = hour(7);
  const a = await makeEnterprise(t);
  const b = await makeEnterprise(t);
  const [first] = await storePending(a.id, [await phoneJpeg()]);
  t.clock.now = later(hour(7), 1000);
  const [second] = await storePending(b.id, [await phoneJpeg()]);
  t.clock.now = later(hour(7), 2000);
  const [third] = await storePending(a.id, [await phoneJpeg()]);
  await loseProcessJobs();
  const at = later(hour(7), ATTACHMENT_SWEEP_AFTER_MS + 5000);
  const one = await sweepPendingFiles(t.db, at, 'direct', { maxFiles: 2 });
  assert.deepEqual([one.found, one.ready], [2, 2]);
  assert.deepEqual([await stateOf(a.id, first!), await stateOf(b.id, second!), await stateOf(a.id, third!)], ['ready', 'ready', 'pending']);
  const two = await sweepPendingFiles(t.db, at, 'direct', { maxFiles: 2 });
  assert.deepEqual([two.found, two.ready], [1, 1]);
  assert.equal(await stateOf(a.id, third!), 'ready');
});
