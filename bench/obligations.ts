/**
 * `npm run bench -- obligations [--duration 10] [--connections 32]`: the figures of issue 11 on PostgreSQL, each against
 * the raw SQL measured in the same run, over the 10k-enterprise data set with its duties (npm run seed:scale: a year of
 * occurrences plus two of history, ≥ 1M rows, the year's letters and signatures; loaded once).
 *
 * 1. Materialising a year of occurrences: the engine's own insert (`insertOccurrencesForDistrict`, what the daily job
 *    calls) for every periodic definition and every period window of the year, with the job's parameter reading, vs one
 *    hand-written `INSERT … SELECT` of the same rows (same table, columns, conflict target); each on emptied tables, in a
 *    transaction rolled back afterwards, so the data set is left as it was.
 * 2. The daily job on 1 January of the next year (the yearly occurrences open, December's close, reminders and
 *    escalations go out): `runObligationsDay` vs its statements written by hand (one insert for every definition and
 *    window, the same status moves, one reminder and one escalation statement into the outbox); rolled back likewise.
 *    Both must give the same counts, which are printed.
 * 3. The regulators' board (GET /api/v1/obligations/board?year=…) as the district admin, at 1 and 4 connections, vs its
 *    three queries (taken from the repository: the kept counts by rule, subdistrict and industry in one GROUPING SETS pass, and the names) through `pg`.
 * 4. Signing a letter with a drawn signature (POST …/letters/:id/sign, method pad): N signers of one enterprise at once,
 *    then N enterprises with one signer each, vs the writes the service performs sent through `pg` at the same
 *    concurrency. The 20 KB PNG is uploaded by its own request (POST …/signature-images) beforehand, one per letter,
 *    and is not in the timed figure (its rate is printed apart). Each signer is a fresh employee with an account and
 *    one letter in a campaign made for this run (a past year's, so no later-hire sweep runs), a fixed number per loop.
 * 5. The check-task run (which now also fulfils the principal's monthly inspection): bench/check-task.ts as it is.
 *
 * The server runs with its job runner off; figures 1–2 run with no server at all. Every loop is bounded by a deadline
 * or a fixed amount of work, and every statement by a timeout.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import sharp from 'sharp';
import { ROOT, startServer, type RunningServer } from '../e2e/server';
import { openBench, type BenchKit } from './kit';
import { drive, percentile, request, type Load } from './load';
import { auditAppend } from './raw-audit';
import { SCALE_DUTIES_MARKER } from '../src/cli/seed-scale-phase';
import { hashPassword } from '../src/platform/auth/password';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session';
import type { DB } from '../src/platform/db/schema';
import { systemScope } from '../src/platform/db/scope';
import { obligationDefinitions, type ObligationApplies, type ObligationDefinition, type ObligationParams } from '../src/platform/obligations';
import type { PeriodicCadence } from '../src/platform/obligations/obligation.definition';
import { openStatusOn, windowsOfYear, windowsToMaterialise, type OccurrenceWindow } from '../src/platform/obligations/obligation.rules';
import { currentRulesByDistrict } from '../src/platform/rules';
import { contentHash } from '../src/platform/signatures';
import { LOCAL_OFFSET_SQL, localDay, localInstant } from '../src/platform/time';
import { keyIndustryOf, sizeEligibleIds } from '../src/modules/obligations/obligation.facts';
import { appliesSql, boardCountsByDimension, districtsWithEnterprises, insertOccurrencesForDistrict } from '../src/modules/obligations/obligation.repository';
import { OBLIGATION_RULES } from '../src/modules/obligations/obligation.rule-set';
import { paramsOf, runObligationsDay } from '../src/modules/obligations/obligation.service';
import { BUILTIN_TEMPLATES, LETTER_KINDS, letterContent, type LetterKind } from '../src/modules/responsibility/letters/letters.rules';

/** Figure 1 (figure 2): each side this many times, alternating; the best of each is reported (batch timings). */
const REPS = Math.max(1, Math.min(5, Number(process.env.BENCH_OBLIGATIONS_REPS ?? 2)));
const DAY_REPS = Math.max(1, Math.min(5, Number(process.env.BENCH_OBLIGATIONS_DAY_REPS ?? 1)));
/** Which figures to run (BENCH_OBLIGATIONS_ONLY=3,4), all by default. */
const ONLY = new Set((process.env.BENCH_OBLIGATIONS_ONLY ?? '1,2,3,4,5').split(',').map((x) => Number(x.trim())));
/** Dead rows left by the rolled-back measurements are cleared before the next one, as autovacuum would. */
const VACUUM = 'vacuum (analyze) obligation_occurrences, obligation_history, obligation_counts, outbox';
/** Figure 4: timed signatures per loop (after WARM_UP each), so a scenario signs N × this many letters per side. */
const SIGN_PER_LOOP = Math.max(5, Math.min(200, Number(process.env.BENCH_SIGN_PER_LOOP ?? 25)));
const WARM_UP = 2;
const STATEMENT_TIMEOUT = '600s';
const BENCH_PASSWORD = 'Benchsign2026';

type Session = { cookie: string; csrf: string };
type DutiesMarker = { year: number; asOf: string; historyYears: number };

// ---- helpers -----------------------------------------------------------------------------------------------------

async function login(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
  const body = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error('login returned no session cookie');
  return { cookie, csrf: body.csrfToken };
}


/** `loops` loops, each doing its own `perLoop` operations in turn: a fixed amount of work, timed as a whole. */
async function fixedWork(loops: number, perLoop: number, op: (loop: number, k: number) => Promise<boolean>): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  await Promise.all(Array.from({ length: loops }, async (_, i) => {
    for (let k = 0; k < perLoop; k++) {
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await op(i, k);
      } catch (err) {
        firstError ??= err;
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  if (firstError) console.log(`  first error: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  const sorted = Float64Array.from(latencies).sort();
  return { requests: latencies.length, errors, seconds: elapsed, rate: latencies.length / elapsed, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function runNodeCaptured(args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code: code ?? 1, out }); });
  });
}

type Periodic = { def: ObligationDefinition; params: ObligationParams & { cadence: PeriodicCadence } };

/** The enabled periodic definitions of a district's rule-set, as the daily job reads them. */
function periodicOf(value: { definitions: Record<string, ObligationParams> }): Periodic[] {
  const out: Periodic[] = [];
  for (const def of obligationDefinitions()) {
    const params = paramsOf(value, def);
    if (params.enabled && params.cadence.kind !== 'event') out.push({ def, params: params as Periodic['params'] });
  }
  return out;
}

/** One connection, in a transaction rolled back at the end: `op` is timed, `prepare` is not. */
async function rolledBack<T>(pool: pg.Pool, prepare: string | null, op: () => Promise<T>): Promise<{ ms: number; out: T }> {
  await pool.query('begin');
  try {
    if (prepare) await pool.query(prepare);
    const t = performance.now();
    const out = await op();
    return { ms: performance.now() - t, out };
  } finally {
    await pool.query('rollback');
  }
}

// ---- 1. a year materialised ----------------------------------------------------------------------------------------

/** The engine's statement for each definition and window of the year, with the daily job's reading of its parameters. */
async function engineYear(db: Kysely<DB>, year: number, now: Date): Promise<number> {
  let created = 0;
  const byDistrict = await currentRulesByDistrict(db, OBLIGATION_RULES);
  for (const districtId of await districtsWithEnterprises(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    const keyIndustry = await keyIndustryOf(db, districtId);
    for (const { def, params } of periodicOf(rules.value)) {
      const sizeIds = await sizeEligibleIds(db, districtId, params);
      for (const window of windowsOfYear(params.cadence, year)) {
        created += await insertOccurrencesForDistrict(db, systemScope, districtId, {
          def, version: rules.version, window, status: openStatusOn(window.startsOn, window.dueOn, window.startsOn),
          applies: appliesSql(params.applies, keyIndustry, sizeIds), effectiveFrom: params.effectiveFrom, now,
        });
      }
    }
  }
  return created;
}

type WindowRow = { districtId: string; def: ObligationDefinition; version: number; params: ObligationParams; window: OccurrenceWindow; status: string };

/** A definition's `applies` as the columns the hand-written statement tests (the conditions used by periodic duties). */
function appliesColumns(a: ObligationApplies): { stateOwned: boolean | null; highRisk: boolean | null; congress: boolean | null; carrier: boolean | null; categories: string | null } {
  if (a.keyIndustry !== undefined || a.sizeClasses?.length) throw new Error('the raw statement does not cover keyIndustry or sizeClasses: extend bench/obligations.ts');
  return {
    stateOwned: a.stateOwned ?? null, highRisk: a.highRisk ?? null, congress: a.hasWorkersCongress ?? null, carrier: a.hazardousGoodsCarrier ?? null,
    categories: a.industryCategories?.length ? `{${a.industryCategories.join(',')}}` : null,
  };
}

/** The hand-written insert: every (district, definition, window) as one row of parameters, joined to the enterprises. */
async function rawInsert(pool: pg.Pool, rows: WindowRow[], now: Date): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(f: (r: WindowRow) => T) => rows.map(f);
  const applies = rows.map((r) => appliesColumns(r.params.applies));
  const res = await pool.query(`
    insert into obligation_occurrences (enterprise_id, definition_key, rule_id, rule_set_version, period_key, owner, reported_to, starts_on, due_on, status, created_at, updated_at)
    select e.id, w.definition_key, w.rule_id, w.version, w.period_key, w.owner, w.reported_to, w.starts_on, w.due_on, w.status, $1, $1
      from unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::date[], $10::date[], $11::text[], $12::date[],
                  $13::bool[], $14::bool[], $15::bool[], $16::bool[], $17::text[])
           as w (district_id, definition_key, rule_id, version, period_key, owner, reported_to, starts_on, due_on, status, effective_from,
                 state_owned, high_risk, congress, carrier, categories)
      join enterprises e on e.district_id = w.district_id
      join industries i on i.code = e.industry_code
     where e.status = 'active'
       and coalesce(e.onboarded_on, (e.created_at at time zone ${LOCAL_OFFSET_SQL})::date) <= w.starts_on and w.effective_from <= w.starts_on
       and (w.state_owned is null or e.state_owned = w.state_owned)
       and (w.high_risk is null or (e.high_risk or i.high_risk) = w.high_risk)
       and (w.congress is null or e.has_workers_congress = w.congress)
       and (w.carrier is null or e.hazardous_goods_carrier = w.carrier)
       and (w.categories is null or i.categories && w.categories::text[])
    on conflict (enterprise_id, definition_key, period_key, subject_key) do nothing`,
  [now, col((r) => r.districtId), col((r) => r.def.key), col((r) => r.def.ruleId), col((r) => r.version), col((r) => r.window.periodKey), col((r) => r.def.owner),
    col((r) => r.def.reportedTo), col((r) => r.window.startsOn), col((r) => r.window.dueOn), col((r) => r.status), col((r) => r.params.effectiveFrom),
    applies.map((a) => a.stateOwned), applies.map((a) => a.highRisk), applies.map((a) => a.congress), applies.map((a) => a.carrier), applies.map((a) => a.categories)]);
  return res.rowCount ?? 0;
}

async function windowRows(db: Kysely<DB>, windowsOf: (cadence: PeriodicCadence) => { window: OccurrenceWindow; status: string }[]): Promise<WindowRow[]> {
  const byDistrict = await currentRulesByDistrict(db, OBLIGATION_RULES);
  const rows: WindowRow[] = [];
  for (const districtId of await districtsWithEnterprises(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    for (const { def, params } of periodicOf(rules.value)) {
      for (const w of windowsOf(params.cadence)) rows.push({ districtId, def, version: rules.version, params, ...w });
    }
  }
  return rows;
}

// ---- 2. the daily job on 1 January, by hand -------------------------------------------------------------------------

/** Who hears of an occurrence (the engine's OWNERS), written out. */
const OWNERS = `u.enterprise_id = r.enterprise_id and not u.disabled and (
    (r.owner = 'principal' and u.role = 'enterprise_principal')
 or (r.owner = 'safety_manager' and u.role = 'safety_manager')
 or (r.owner in ('enterprise', 'regulator') and u.role in ('enterprise_principal', 'safety_manager'))
 or (r.owner = 'person' and (u.employee_id = r.owner_employee_id or u.id = r.owner_user_id)))`;
const ESCALATE_TO = `(u.enterprise_id = r.enterprise_id and not u.disabled and u.role in ('enterprise_principal', 'safety_manager'))
 or (r.reported_to <> 'internal' and r.step_index > 0 and not u.disabled and (
      (u.role = 'subdistrict_officer' and u.subdistrict_id = r.subdistrict_id)
   or (u.role = 'department_officer' and u.department_id in (select department_id from department_industries where industry_code = r.industry_code))))`;

type DayCounts = { created: number; overdue: number; waived: number; reminded: number; escalated: number };

async function rawDay(pool: pg.Pool, db: Kysely<DB>, now: Date): Promise<DayCounts> {
  const today = localDay(now);
  const out: DayCounts = { created: 0, overdue: 0, waived: 0, reminded: 0, escalated: 0 };
  out.created = await rawInsert(pool, await windowRows(db, (c) => windowsToMaterialise(c, today).map((window) => ({ window, status: openStatusOn(window.startsOn, window.dueOn, today) }))), now);
  await pool.query(`update obligation_occurrences set status = 'due', updated_at = $1, version = version + 1
    where status = 'upcoming' and starts_on <= $2::date and due_on >= $2::date`, [now, today]);
  out.overdue = (await pool.query(`with moved as (
      update obligation_occurrences o set status = 'overdue', updated_at = $1, version = version + 1
       where o.status in ('upcoming', 'due') and o.due_on < $2::date returning o.enterprise_id, o.id)
    insert into obligation_history (enterprise_id, occurrence_id, at, actor_user_id, action, from_status, to_status, note)
    select enterprise_id, id, $1, null, 'overdue', 'due', 'overdue', null from moved`, [now, today])).rowCount ?? 0;
  out.waived = (await pool.query(`with w as (
      update obligation_occurrences o set status = 'waived', waived_reason = 'suspended', waived_at = $1, updated_at = $1, version = o.version + 1
        from enterprises e where e.id = o.enterprise_id and e.status = 'suspended' and o.status in ('upcoming', 'due') returning o.enterprise_id, o.id)
    insert into obligation_history (enterprise_id, occurrence_id, at, actor_user_id, action, from_status, to_status, note)
    select enterprise_id, id, $1, null, 'waive', null, 'waived', 'suspended' from w`, [now])).rowCount ?? 0;
  const byDistrict = await currentRulesByDistrict(db, OBLIGATION_RULES);
  for (const districtId of await districtsWithEnterprises(db, systemScope)) {
    const rules = byDistrict.get(districtId);
    if (!rules) continue;
    const defs = obligationDefinitions().map((def) => ({ def, params: paramsOf(rules.value, def) })).filter((d) => d.params.enabled);
    const steps = (f: (p: ObligationParams) => readonly number[]) => [
      defs.map((d) => d.def.key), defs.map((d) => `{${[...f(d.params)].sort((a, b) => a - b).join(',')}}`),
      defs.map((d) => d.def.names['zh-CN']), defs.map((d) => d.def.names['en-US']),
    ];
    // Reminders: an open occurrence due within a step it has not had gets one message per owner, marked with every step passed.
    out.reminded += (await pool.query(`with d (definition_key, steps, zh, en) as (select k, s::int[], zh, en from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x (k, s, zh, en)),
      r as (
        update obligation_occurrences o set reminded = (select coalesce(array_agg(s), '{}') from unnest(d.steps) s where s >= (o.due_on - $5::date))
          from enterprises e, d
         where e.id = o.enterprise_id and e.district_id = $6 and d.definition_key = o.definition_key
           and o.status in ('upcoming', 'due') and o.due_on >= $5::date
           and exists (select 1 from unnest(d.steps) s where s >= o.due_on - $5::date and not (s = any(o.reminded)))
        returning o.enterprise_id, o.id, o.owner, o.owner_employee_id, o.owner_user_id, o.due_on, o.subject_label, e.name, d.zh, d.en)
      insert into outbox (topic, payload)
      select 'notify', jsonb_build_object('userId', u.id, 'kind', 'obligation', 'titleKey', 'notify.obligation.remind.title', 'bodyKey', 'notify.obligation.remind.body',
        'link', '/duties/' || r.enterprise_id || '/' || r.id,
        'params', jsonb_build_object('enterprise', r.name, 'duty', r.zh, 'dutyEn', r.en, 'due', to_char(r.due_on, 'YYYY-MM-DD'), 'subject', r.subject_label))
        from r join users u on ${OWNERS}`, [...steps((p) => p.remindDaysBefore), today, districtId])).rowCount ?? 0;
    // Escalations: an overdue occurrence past a step it has not had, at the largest such step (its index picks the recipients).
    out.escalated += (await pool.query(`with d (definition_key, steps, zh, en) as (select k, s::int[], zh, en from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as x (k, s, zh, en)),
      c as (
        select o.enterprise_id, o.id, d.steps, d.zh, d.en, (select count(*) from unnest(d.steps) s where s < x.top)::int as step_index
          from obligation_occurrences o join enterprises e on e.id = o.enterprise_id join d on d.definition_key = o.definition_key
          cross join lateral (select max(s) as top from unnest(d.steps) s where s <= $5::date - o.due_on and not (s = any(o.escalated))) x
         where e.district_id = $6 and o.status = 'overdue' and x.top is not null),
      r as (
        update obligation_occurrences o set escalated = (select coalesce(array_agg(s), '{}') from unnest(c.steps) s where s <= ($5::date - o.due_on))
          from c, enterprises e
         where o.enterprise_id = c.enterprise_id and o.id = c.id and e.id = o.enterprise_id
        returning o.enterprise_id, o.id, o.owner, o.owner_employee_id, o.owner_user_id, o.due_on, o.subject_label, o.reported_to, e.name,
          e.subdistrict_id, e.industry_code, c.step_index, c.zh, c.en)
      insert into outbox (topic, payload)
      select 'notify', jsonb_build_object('userId', u.id, 'kind', 'obligation', 'titleKey', 'notify.obligation.escalate.title', 'bodyKey', 'notify.obligation.escalate.body',
        'link', case when u.enterprise_id is null then '/duties/board?enterprise=' || r.enterprise_id else '/duties/' || r.enterprise_id || '/' || r.id end,
        'params', jsonb_build_object('enterprise', r.name, 'duty', r.zh, 'dutyEn', r.en, 'due', to_char(r.due_on, 'YYYY-MM-DD'),
          'days', $5::date - r.due_on, 'subject', r.subject_label))
        from r join users u on (${OWNERS}) or (${ESCALATE_TO})`, [...steps((p) => p.escalateDaysAfter), today, districtId])).rowCount ?? 0;
  }
  return out;
}

// ---- 4. signing ----------------------------------------------------------------------------------------------------

/** A drawn signature of about 20 KB: a stroke and ink specks on a transparent pad, different for each `seed`. */
async function signaturePng(seed: number): Promise<Buffer> {
  const w = 480;
  const h = 180;
  const raw = Buffer.alloc(w * h * 4);
  let a = seed >>> 0;
  const rnd = () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (Math.abs(Math.sin(x / 23 + seed) * 60 + 90 - y) < 6 || rnd() < 0.05) {
        const i = (y * w + x) * 4;
        raw[i] = 20;
        raw[i + 1] = 20;
        raw[i + 2] = 40 + Math.floor(rnd() * 40);
        raw[i + 3] = 255;
      }
    }
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 4 } }).png({ compressionLevel: 9 }).toBuffer();
}

type Enterprise = { id: string; name: string; rootUnit: string };
type SignItem = { enterpriseId: string; letterId: string; employeeId: string; employeeName: string; contentSha: string; imageId: string; userId: string | null; session: Session | null };

/**
 * Makes `perLoop` signers for each of `loops` loops (loop i signs in enterprise i mod n): a fresh employee each, with a
 * pending letter in a campaign made for this run. API signers get an account, a session and their PNG uploaded through
 * the API (that upload is timed apart); raw ones get a copy of an uploaded PNG as their own attachment row.
 */
async function makeSigners(pool: pg.Pool, db: Kysely<DB>, server: RunningServer, ents: Enterprise[], loops: number, perLoop: number, tag: string, png: Buffer,
  report: BenchKit['report'], command: string): Promise<{ api: SignItem[][]; raw: SignItem[][]; campaigns: number; uploads: Load }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  // Two campaigns per enterprise (API, raw), each in a past year and kind the enterprise has no campaign of yet.
  type Campaign = { id: string; year: number; kind: LetterKind };
  const campaignOf = new Map<string, { api: Campaign; raw: Campaign }>();
  const lastYear = new Date().getUTCFullYear() - 2;
  for (const e of ents) {
    const used = new Set((await pool.query<{ y: string }>(`select year || kind as y from letter_campaigns where enterprise_id = $1`, [e.id])).rows.map((r) => r.y));
    const free = Array.from({ length: lastYear - 2000 + 1 }, (_, i) => 2000 + i).flatMap((year) => LETTER_KINDS.map((kind) => ({ year, kind })))
      .filter((c) => !used.has(`${c.year}${c.kind}`));
    if (free.length < 2) throw new Error(`enterprise ${e.id} has no past year left for a bench campaign`);
    const pair = { api: { id: randomUUID(), ...free[0]! }, raw: { id: randomUUID(), ...free[1]! } };
    for (const c of [pair.api, pair.raw]) {
      const t = BUILTIN_TEMPLATES[c.kind];
      await pool.query(`insert into letter_campaigns (enterprise_id, id, year, kind, template_version, title, body, starts_on, late_hire_days, rule_set_version, created_at, updated_at)
        values ($1, $2, $3, $4, 0, $5, $6, $7, 30, 0, now(), now())`, [e.id, c.id, c.year, c.kind, t.title, t.body, `${c.year}-01-05`]);
    }
    campaignOf.set(e.id, pair);
  }
  const make = (side: 'api' | 'raw') => Array.from({ length: loops }, (_, i) => Array.from({ length: perLoop }, (_, k) => {
    const e = ents[i % ents.length]!;
    const c = campaignOf.get(e.id)![side];
    const employeeId = randomUUID();
    const employeeName = `签署测试${side === 'api' ? '甲' : '乙'}${i}-${k}`;
    const contentSha = contentHash(letterContent({
      campaignId: c.id, year: c.year, kind: c.kind, templateVersion: 0, title: BUILTIN_TEMPLATES[c.kind].title, body: BUILTIN_TEMPLATES[c.kind].body,
      enterpriseId: e.id, enterpriseName: e.name, employeeId, employeeName,
    }));
    return { enterpriseId: e.id, letterId: randomUUID(), employeeId, employeeName, contentSha, imageId: '', userId: side === 'api' ? randomUUID() : null, session: null as Session | null, campaignId: c.id, unit: e.rootUnit };
  }));
  const api = make('api');
  const raw = make('raw');
  const all = [...api.flat(), ...raw.flat()];
  const cols = <T>(f: (x: (typeof all)[number]) => T) => all.map(f);
  await pool.query(`insert into employees (enterprise_id, id, name, id_number_masked, id_number_hash, employment_form, org_unit_id, hire_date)
    select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::date[])`,
  [cols((x) => x.enterpriseId), cols((x) => x.employeeId), cols((x) => x.employeeName), cols(() => `530102********${String(Math.floor(Math.random() * 9000) + 1000)}`),
    cols(() => randomBytes(32).toString('hex')), cols(() => 'regular'), cols((x) => x.unit), cols(() => '2010-01-01')]);
  await pool.query(`insert into letters (enterprise_id, id, campaign_id, employee_id, employee_name, org_unit_id, content_sha256, created_at, updated_at)
    select e, id, c, emp, n, u, h, now(), now() from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[]) as x (e, id, c, emp, n, u, h)`,
  [cols((x) => x.enterpriseId), cols((x) => x.letterId), cols((x) => x.campaignId), cols((x) => x.employeeId), cols((x) => x.employeeName), cols((x) => x.unit), cols((x) => x.contentSha)]);
  const withUser = api.flat();
  await pool.query(`insert into users (id, username, display_name, password_hash, role, enterprise_id, employee_id, must_change_password)
    select id, 'benchsign-' || $1 || '-' || n, d, $2, 'employee', e, emp, false from unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::uuid[]) as x (id, n, d, e, emp)`,
  [tag, passwordHash, withUser.map((x) => x.userId), withUser.map((_, n) => n), withUser.map((x) => x.employeeName), withUser.map((x) => x.enterpriseId), withUser.map((x) => x.employeeId)]);
  for (const x of withUser) {
    const s = await createSession(db, x.userId!, 2, { ip: '127.0.0.1', userAgent: 'bench/obligations', now: new Date() });
    x.session = { cookie: `${SESSION_COOKIE}=${s.token}`, csrf: s.csrfToken };
  }
  // Each API signer uploads their own PNG through the API (multipart, field `file`), all loops at once.
  const agent = new http.Agent({ keepAlive: true, maxSockets: loops });
  const boundary = `----benchsign${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="signature.png"\r\nContent-Type: image/png\r\n\r\n`), png, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const uploads = await fixedWork(loops, perLoop, async (i, k) => {
    const x = api[i]![k]!;
    const res = await request(agent, new URL(`/api/v1/enterprises/${x.enterpriseId}/signature-images`, server.url), 'POST', {
      cookie: x.session!.cookie, 'x-csrf-token': x.session!.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length),
    }, body);
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text.slice(0, 300)}`);
    x.imageId = (JSON.parse(res.text) as { id: string }).id;
    return true;
  });
  agent.destroy();
  if (uploads.errors) throw new Error(`${uploads.errors} signature uploads failed`);
  report({ name: `signature PNG uploads/s (${png.length} B, ${loops} connections; not in the figure below)`, value: uploads.rate, unit: 'req/s', command });
  // The raw side's images: each its own unlinked copy of an uploaded PNG of the same enterprise.
  const template0 = new Map(withUser.map((x) => [x.enterpriseId, x.imageId]));
  const rawFlat = raw.flat();
  for (const x of rawFlat) x.imageId = randomUUID();
  await pool.query(`insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, name, width, height, uploaded_by, created_at)
    select a.enterprise_id, x.id, a.kind, a.mime, a.size, a.sha256, a.data, a.name, a.width, a.height, a.uploaded_by, now()
      from unnest($1::uuid[], $2::uuid[], $3::uuid[]) as x (e, id, src) join attachments a on a.enterprise_id = x.e and a.id = x.src`,
  [rawFlat.map((x) => x.enterpriseId), rawFlat.map((x) => x.imageId), rawFlat.map((x) => template0.get(x.enterpriseId)!)]);
  return { api, raw, campaigns: campaignOf.size * 2, uploads };
}


/**
 * The writes of signLetter with a drawn signature (src/modules/responsibility/letters/letters.service.ts and
 * platform/signatures), statement for statement: the signature row with its image linked and locked (one statement),
 * the letter marked signed, and the three audit rows (link, signature, letter) appended to the enterprise's chain in
 * one go (two statements), in one transaction — without the reads and checks around them (scope, the letter under
 * its lock with its campaign and enterprise, the signer and image checks, the duty it may fulfil, whether the roster
 * is complete) or HTTP.
 */
async function rawSign(pool: pg.Pool, x: SignItem): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const now = new Date();
    const actor = { userId: null, role: 'employee' };
    const written = (await client.query<{ id: string; locked: number }>(`with sig as (
        insert into signatures (enterprise_id, document_type, document_id, document_version, content_sha256, signer_user_id,
          signer_employee_id, signer_name, method, image_attachment_id, operator_user_id, device, ip, signed_at)
        values ($1, 'letter', $2, 1, $3, null, $4, $5, 'pad', $6, null, 'bench', '127.0.0.1', $7) returning id
      ), link as (
        insert into attachment_links (enterprise_id, attachment_id, owner_type, owner_id, role, created_at)
        select $1::uuid, $6::uuid, 'signature', sig.id, '', $7::timestamptz from sig
      ), locked as (
        update attachments set locked = true where enterprise_id = $1 and id = $6 and locked = false returning id
      )
      select sig.id, (select count(*)::int from locked) as locked from sig`,
    [x.enterpriseId, x.letterId, x.contentSha, x.employeeId, x.employeeName, x.imageId, now])).rows[0]!;
    const sig = written.id;
    if (written.locked !== 1) throw new Error(`image ${x.imageId} was not fresh`);
    const upd = await client.query(`update letters set status = 'signed', signature_id = $3, signed_at = $4, method = 'pad', updated_at = $4
      where enterprise_id = $1 and id in ($2) and status = 'pending'`, [x.enterpriseId, x.letterId, sig, now]);
    await auditAppend(client, x.enterpriseId, actor, [
      { action: 'attachment.link', entityType: 'attachment', entityId: x.imageId, after: { ownerType: 'signature', ownerId: sig, role: '', locked: true } },
      {
        action: 'signature.sign', entityType: 'signature', entityId: sig, after: {
          documentType: 'letter', documentId: x.letterId, documentVersion: 1, contentSha256: x.contentSha, method: 'pad', signerUserId: null,
          signerEmployeeId: x.employeeId, signerName: x.employeeName, operatorUserId: null, imageAttachmentId: x.imageId, device: 'bench',
        },
      },
      {
        action: 'letters.sign', entityType: 'letter', entityId: x.letterId, before: { status: 'pending' },
        after: { status: 'signed', method: 'pad', signatureId: sig, contentSha256: x.contentSha, employeeId: x.employeeId },
      },
    ], now);
    await client.query('commit');
    return upd.rowCount === 1;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * CPU seconds used so far by the server, by every PostgreSQL process and by this process (Linux /proc; zeros
 * elsewhere): printed per signature beside the figures, to show where the time of each side goes.
 */
function cpuNow(serverPid: number): { server: number; postgres: number; client: number } {
  const ticks = (pid: string) => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: the postmaster's reaped backends count with it.
      return { comm: f.slice(f.indexOf('(') + 1, f.lastIndexOf(')')), t: (Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14])) / 100 };
    } catch {
      return { comm: '', t: 0 };
    }
  };
  let postgres = 0;
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const x = ticks(pid);
      if (x.comm === 'postgres') postgres += x.t;
    }
  } catch { /* not Linux */ }
  const u = process.cpuUsage();
  return { server: ticks(String(serverPid)).t, postgres, client: (u.user + u.system) / 1e6 };
}

function cpuPer(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, ops: number): string {
  const ms = (k: keyof typeof before) => ((after[k] - before[k]) * 1000 / ops).toFixed(2);
  return `CPU per signature: server ${ms('server')} ms, PostgreSQL ${ms('postgres')} ms, bench client ${ms('client')} ms`;
}

async function signScenario(kit: BenchKit, pool: pg.Pool, db: Kysely<DB>, server: RunningServer, label: string, ents: Enterprise[], png: Buffer, tag: string): Promise<Record<string, unknown>> {
  const n = kit.connections;
  const perLoop = SIGN_PER_LOOP + WARM_UP;
  const command = `POST /api/v1/enterprises/:id/letters/:id/sign {method: 'pad', imageAttachmentId} — ${label}: ${n} keep-alive connections, ${SIGN_PER_LOOP} letters each ` +
    `(after ${WARM_UP}), a fresh signer per letter, images pre-uploaded (npm run bench -- obligations)`;
  const signers = await makeSigners(pool, db, server, ents, n, perLoop, tag, png, kit.report, command);
  const agent = new http.Agent({ keepAlive: true, maxSockets: n });
  let firstFailure = '';
  const apiSign = async (x: SignItem) => {
    const body = JSON.stringify({ method: 'pad', imageAttachmentId: x.imageId, device: 'bench' });
    const res = await request(agent, new URL(`/api/v1/enterprises/${x.enterpriseId}/letters/${x.letterId}/sign`, server.url), 'POST', {
      cookie: x.session!.cookie, 'x-csrf-token': x.session!.csrf, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)),
    }, body);
    if (res.status !== 200 && !firstFailure) firstFailure = `${res.status} ${res.text.slice(0, 300)}`;
    return res.status === 200;
  };
  await fixedWork(n, WARM_UP, (i, k) => apiSign(signers.api[i]![k]!));
  const apiCpu = cpuNow(server.pid);
  const api = await fixedWork(n, SIGN_PER_LOOP, (i, k) => apiSign(signers.api[i]![WARM_UP + k]!));
  const apiCpuText = cpuPer(apiCpu, cpuNow(server.pid), n * SIGN_PER_LOOP);
  agent.destroy();
  if (firstFailure) console.log(`  a sign request failed: ${firstFailure}`);
  await fixedWork(n, WARM_UP, (i, k) => rawSign(pool, signers.raw[i]![k]!));
  const rawCpu = cpuNow(server.pid);
  const raw = await fixedWork(n, SIGN_PER_LOOP, (i, k) => rawSign(pool, signers.raw[i]![WARM_UP + k]!));
  console.log(`  API: ${apiCpuText}\n  raw SQL: ${cpuPer(rawCpu, cpuNow(server.pid), n * SIGN_PER_LOOP)}`);
  // The accounts made for this run are disabled and their sessions dropped; letters and signatures stay (they are immutable).
  const users = signers.api.flat().map((x) => x.userId!);
  await pool.query('delete from sessions where user_id = any($1::uuid[])', [users]);
  await pool.query('update users set disabled = true where id = any($1::uuid[])', [users]);

  kit.report({ name: `API signatures/s, ${label}`, value: api.rate, unit: 'req/s', command });
  kit.report({ name: `API sign latency p50, ${label}`, value: api.p50, unit: 'ms', command });
  kit.report({ name: `API sign latency p99, ${label}`, value: api.p99, unit: 'ms', command });
  const sqlCommand = `the same writes (signature with its image linked + locked, letter, 3 audit rows appended to the enterprise's chain in one go) in one transaction through pg.Pool(max ${n}), ` +
    `${n} concurrent, ${SIGN_PER_LOOP} letters each — ${label}`;
  kit.report({ name: `raw SQL signature writes/s, ${label}`, value: raw.rate, unit: 'tx/s', command: sqlCommand });
  kit.report({ name: `raw SQL sign latency p99, ${label}`, value: raw.p99, unit: 'ms', command: sqlCommand });
  kit.report({ name: `API efficiency, ${label} (API req/s ÷ raw SQL tx/s)`, value: api.rate / raw.rate, unit: '×', command: 'ratio of the two figures above', target: '≥ 0.6' });
  if (api.errors || raw.errors) console.log(`  errors: API ${api.errors}, SQL ${raw.errors}`);
  return { enterprises: ents.length, campaigns: signers.campaigns, uploads: signers.uploads, api, sql: raw, efficiency: api.rate / raw.rate };
}

// ---- the part --------------------------------------------------------------------------------------------------------

type Run = { kit: BenchKit; year: number; single: pg.Pool; singleDb: Kysely<DB>; pool: pg.Pool; db: Kysely<DB>; serverCommand: string };

/** Figure 1: a year of occurrences, by the engine's statement per definition and window, and by one statement. */
async function figureYear({ kit, year, single, singleDb }: Run): Promise<Record<string, unknown>> {
  const now = new Date();
  const clear = 'truncate obligation_history, obligation_occurrences, obligation_counts';
  const yearRows = await windowRows(singleDb, (c) => windowsOfYear(c, year).map((window) => ({ window, status: openStatusOn(window.startsOn, window.dueOn, window.startsOn) })));
  const engineMs: number[] = [];
  const rawMs: number[] = [];
  let made = { engine: 0, raw: 0 };
  for (let i = 0; i < REPS; i++) {
    const e = await rolledBack(single, clear, () => engineYear(singleDb, year, now));
    const r = await rolledBack(single, clear, () => rawInsert(single, yearRows, now));
    engineMs.push(e.ms);
    rawMs.push(r.ms);
    made = { engine: e.out, raw: r.out };
  }
  const statements = yearRows.length;
  console.log(`  a year materialised: engine ${made.engine} rows in ${statements} statements, hand-written ${made.raw} rows in 1${made.engine === made.raw ? '' : '   ROW COUNTS DIFFER'}`);
  const command = `insertOccurrencesForDistrict for every periodic definition × period window of ${year} (${statements} statements), on emptied tables in a ` +
    `rolled-back transaction, best of ${REPS} (npm run bench -- obligations)`;
  kit.report({ name: `engine: a year materialised (${made.engine} occurrences)`, value: Math.min(...engineMs) / 1000, unit: 's', command });
  const sqlCommand = `one hand-written INSERT … SELECT of the same rows (same table, columns, ON CONFLICT DO NOTHING), emptied tables, rolled back, best of ${REPS}`;
  kit.report({ name: `raw SQL: the same rows (${made.raw})`, value: Math.min(...rawMs) / 1000, unit: 's', command: sqlCommand });
  kit.report({ name: 'efficiency (raw time ÷ engine time)', value: Math.min(...rawMs) / Math.min(...engineMs), unit: '×', command: 'ratio of the two figures above', target: '≥ 0.5' });
  return { year, engineMs, rawMs, rows: made, statements };
}

/** Figure 2: the daily job on 1 January of the next year, by the engine and by hand, on the data set (rolled back). */
async function figureDay({ kit, year, single, singleDb }: Run): Promise<Record<string, unknown>> {
  const jan1 = localInstant(year + 1, 0, 1, 6);
  const engineMs: number[] = [];
  const rawMs: number[] = [];
  let counts: { engine?: DayCounts; raw?: DayCounts } = {};
  for (let i = 0; i < DAY_REPS; i++) {
    const e = await rolledBack(single, null, () => runObligationsDay(singleDb, jan1));
    await single.query(VACUUM);
    const r = await rolledBack(single, null, () => rawDay(single, singleDb, jan1));
    await single.query(VACUUM);
    engineMs.push(e.ms);
    rawMs.push(r.ms);
    counts = { engine: e.out, raw: r.out };
  }
  const same = JSON.stringify(counts.engine) === JSON.stringify(counts.raw);
  const c = counts.engine!;
  console.log(`  1 January: ${c.created} occurrences opened ahead, ${c.overdue} became overdue, ${c.waived} waived, ${c.reminded} reminders and ${c.escalated} escalations ` +
    `to the outbox${same ? ' (the hand-written statements did the same)' : `   HAND-WRITTEN DIFFERS: ${JSON.stringify(counts.raw)}`}`);
  const command = `runObligationsDay(db, ${jan1.toISOString()} = ${year + 1}-01-01 06:00 China time) on the data set, rolled back, best of ${DAY_REPS} (npm run bench -- obligations)`;
  kit.report({ name: 'engine: the daily job on 1 January', value: Math.min(...engineMs) / 1000, unit: 's', command });
  const sqlCommand = `its statements by hand: one insert for every definition and window, the two status moves, the waiver, one reminder and one escalation ` +
    `statement into the outbox (the engine's recipient conditions copied); rolled back, best of ${DAY_REPS}`;
  kit.report({ name: 'raw SQL: the same day', value: Math.min(...rawMs) / 1000, unit: 's', command: sqlCommand });
  kit.report({ name: 'efficiency (raw time ÷ engine time)', value: Math.min(...rawMs) / Math.min(...engineMs), unit: '×', command: 'ratio of the two figures above', target: '≥ 0.5' });
  return { day: jan1.toISOString(), engineMs, rawMs, counts };
}

/** Figure 3: the regulators' board as the district admin, and its three queries through pg. */
async function figureBoard({ kit, year, pool, serverCommand }: Run, server: RunningServer): Promise<Record<string, unknown>> {
  const { seconds } = kit;
  const demo = (await (await fetch(`${server.url}/api/v1/auth/demo-accounts`)).json()) as { accounts: { username: string; password: string; role: string }[] };
  const admin = demo.accounts.find((a) => a.role === 'district_admin');
  if (!admin) throw new Error('no demo district admin');
  const s = await login(server.url, admin.username, admin.password);
  const url = new URL(`/api/v1/obligations/board?year=${year}`, server.url);
  const first = await fetch(url, { headers: { cookie: s.cookie } });
  const board = (await first.json()) as { total: { due: number; overdue: number; fulfilled: number }; byRule: unknown[]; bySubdistrict: unknown[] };
  if (first.status !== 200) throw new Error(`board: ${first.status} ${JSON.stringify(board)}`);
  const scope = `${board.total.due} due, ${board.total.fulfilled} fulfilled, ${board.total.overdue} overdue in ${year}; ${board.byRule.length} duties, ${board.bySubdistrict.length} subdistricts`;
  console.log(`  board as ${admin.username}: ${scope}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const op = async () => (await request(agent, url, 'GET', { cookie: s.cookie, accept: 'application/json' })).status === 200;
  await drive(2, 2, op);
  const one = await drive(1, seconds, op);
  const four = await drive(4, seconds, op);
  agent.destroy();
  // Its three queries, compiled by the repository for the admin's scope and captured, then sent through pg together.
  const captured: CompiledQuery[] = [];
  const capture = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: (ev) => { if (ev.level === 'query') captured.push(ev.query); } });
  const districtId = (await pool.query<{ district_id: string }>('select district_id from users where username = $1', [admin.username])).rows[0]!.district_id;
  const scopeOf = { kind: 'district' as const, districtId };
  await Promise.all([
    boardCountsByDimension(capture, scopeOf, year),
    capture.selectFrom('subdistricts').select(['id', 'name']).execute(), capture.selectFrom('industries').select(['code', 'name', 'name_en']).execute(),
  ]);
  const rawOp = async () => {
    await Promise.all(captured.map((q) => pool.query(q.sql, [...q.parameters])));
    return true;
  };
  await drive(2, 2, rawOp);
  const rawFour = await drive(4, seconds, rawOp);
  const command = `GET /api/v1/obligations/board?year=${year} as ${admin.username} (district scope; ${scope}), ${seconds} s (npm run bench -- obligations; server: ${serverCommand})`;
  kit.report({ name: 'board p95, 1 connection', value: one.p95, unit: 'ms', command });
  kit.report({ name: `board p95, 4 connections (${four.rate.toFixed(0)} req/s)`, value: four.p95, unit: 'ms', command, target: '≤ 100 ms' });
  kit.report({ name: 'board p50, 4 connections', value: four.p50, unit: 'ms', command });
  const sqlCommand = `its ${captured.length} queries (obligation_counts by rule, subdistrict and industry; the names) together through pg, 4 concurrent, ${seconds} s`;
  kit.report({ name: `raw SQL board queries p95, 4 concurrent (${rawFour.rate.toFixed(0)} sets/s)`, value: rawFour.p95, unit: 'ms', command: sqlCommand });
  kit.report({ name: 'API efficiency, 4 connections (API req/s ÷ raw SQL sets/s)', value: four.rate / rawFour.rate, unit: '×', command: 'ratio of the two rates above' });
  if (one.errors || four.errors || rawFour.errors) console.log(`  errors: ${one.errors + four.errors} API, ${rawFour.errors} SQL`);
  return { scope, one, four, sql: rawFour, queries: captured.map((q) => q.sql) };
}

/** Figure 4: signing, N signers of one enterprise, then N enterprises with one signer each. */
async function figureSign(run: Run, server: RunningServer): Promise<Record<string, unknown>> {
  const { kit, pool, db } = run;
  const n = kit.connections;
  const png = await signaturePng(11);
  const ents = (await pool.query<Enterprise>(`select e.id, e.name, u.id as "rootUnit" from enterprises e
      join org_units u on u.enterprise_id = e.id and u.parent_id is null
     where e.status = 'active' and e.credit_code like '91______MA%'
       and (select count(*) from letter_campaigns c where c.enterprise_id = e.id) < 40
     order by e.credit_code limit $1`, [n + 1])).rows;
  if (ents.length < n + 1) throw new Error(`only ${ents.length} scale enterprises for ${n + 1}`);
  const tag = Date.now().toString(36);
  // BENCH_SIGN_SCENARIOS=one or =many runs one of the two (both by default).
  const which = process.env.BENCH_SIGN_SCENARIOS ?? 'one,many';
  return {
    oneEnterprise: which.includes('one') ? await signScenario(kit, pool, db, server, `${n} signers of one enterprise`, ents.slice(0, 1), png, `${tag}a`) : null,
    manyEnterprises: which.includes('many') ? await signScenario(kit, pool, db, server, `${n} enterprises, one signer each`, ents.slice(1, n + 1), png, `${tag}b`) : null,
  };
}

/** Figure 5: bench/check-task.ts as it stands, its output passed through. */
async function figureCheckTask(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('  $ npx tsx bench/check-task.ts   (embedded engine; its own output follows)');
  const ct = await runNodeCaptured(['--import', 'tsx', 'bench/check-task.ts'], {}, 15 * 60_000);
  process.stdout.write(ct.out.split('\n').map((l) => (l ? `  | ${l}` : l)).join('\n'));
  const median = /median ([\d.]+) ms/.exec(ct.out)?.[1];
  if (ct.code !== 0 || !median) console.log(`  bench/check-task.ts exited ${ct.code}`);
  else kit.report({ name: 'check task run (30 items, 5 photos, 5 hazards; also the monthly inspection) median', value: Number(median), unit: 'ms', command: 'npx tsx bench/check-task.ts', target: '≤ 300 ms' });
  return { code: ct.code, medianMs: median ? Number(median) : null, output: ct.out };
}

export async function benchObligations(kit: BenchKit): Promise<Record<string, unknown>> {
  console.log('\n== obligations, letters and signatures (issue 11) ==');
  const bench = await openBench(kit, { prefix: 'safeduty-bench-ob-', jobs: false, poolMax: Math.max(kit.connections, 8), statementTimeout: STATEMENT_TIMEOUT });
  const { pool, db, serverEnv, logFile, serverCommand } = bench;
  let server: RunningServer | undefined;
  const out: Record<string, unknown> = { connections: kit.connections, seconds: kit.seconds, serverCommand };
  // Figures 1–2: one connection, each measurement in its own transaction, rolled back.
  const { pool: single, db: singleDb } = bench.morePool(1);
  try {
    // The first start migrates and loads the demo district; seed:scale adds the enterprises and then their duties.
    server = await startServer({ env: serverEnv, logFile });
    if (!(await kit.hasScaleData()) || !(await bench.hasMarker(SCALE_DUTIES_MARKER))) await bench.seedScale();
    await server.stop();
    server = undefined;
    const marker = (await pool.query<{ value: DutiesMarker }>(`select value from app_settings where key = $1`, [SCALE_DUTIES_MARKER])).rows[0]!.value;
    const set = (await pool.query<{ enterprises: number; occurrences: number; counts: number; letters: number; signatures: number }>(`select
      (select count(*)::int from enterprises) as enterprises, (select count(*)::int from obligation_occurrences) as occurrences,
      (select count(*)::int from obligation_counts) as counts, (select count(*)::int from letters) as letters, (select count(*)::int from signatures) as signatures`)).rows[0]!;
    console.log(`  data set: ${set.enterprises} enterprises, ${set.occurrences} occurrences (${set.counts} count rows), ${set.letters} letters, ${set.signatures} signatures; ` +
      `duties seeded for ${marker.year} as of ${marker.asOf}`);
    out.dataSet = { ...set, ...marker };
    const run: Run = { kit, year: marker.year, single, singleDb, pool, db, serverCommand };

    // Figures 1–2 with no server running; the tables vacuumed before, between and after (the rolled-back rows are dead rows).
    await single.query(VACUUM);
    if (ONLY.has(1)) out.materialise = await figureYear(run);
    if (ONLY.has(2)) out.daily = await figureDay(run);
    if (ONLY.has(3) || ONLY.has(4)) {
      server = await startServer({ env: serverEnv, logFile });
      if (ONLY.has(3)) out.board = await figureBoard(run, server);
      if (ONLY.has(4)) out.sign = await figureSign(run, server);
      await server.stop();
      server = undefined;
    }
    if (ONLY.has(5)) out.checkTask = await figureCheckTask(kit);
    return out;
  } finally {
    await server?.stop();
    await bench.close();
  }
}
