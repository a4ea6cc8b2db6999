/**
 * Phase 4 of `npm run seed:scale` (issue 13): training, certificates and protective equipment for every active scale
 * enterprise, as their people would have left them by the seed day, in one transaction with its own app_settings
 * marker (`seed_scale_competence`), set-based (`insert … select`, a pseudo-random draw per row from its own values):
 * - ONE big enterprise of 5,000 employees (an org tree of 97 units, 14 posts, a principal and a safety manager with
 *   accounts, no usable password) is added first, for the 5,000-person shortfall figure of the benchmark;
 * - training (R-TRN-1), `--history-years` before the year and the year itself, up to the seed day: a yearly plan with
 *   its items; per year a legal-education session, a regular one (a second, longer one in the sectors the `training`
 *   rule-set calls high-risk) and an emergency one, attended by everyone on the roster then except ~5 % a session,
 *   and ~10 % of the people miss the year's regular training (short of hours in the high-risk sectors); the three
 *   induction levels once a month for the people hired that month (hours making up the initial minimum); and a
 *   "trained before joining" row (training_prior) for everyone hired before the period;
 * - certificates (R-TRN-2): one certificate of the post's type (the `certificates` rule-set's catalogue, matched by
 *   `typeOfPost` as the module does) for each person on a special-operation post whose type the catalogue knows,
 *   ~3 % expired, reviews recorded where the 3-year review has passed, some coming due (the drivers' posts, whose
 *   road-transport qualification is not a special operation, first lose the flag); a safety qualification for
 *   the principal and the safety manager in the sectors the rule-set names (~5 % expired);
 * - PPE (R-PPE-1): every post mapped to a post type of the `ppe` rule-set, each person issued his post's items (the
 *   current issue and the one of the previous cycle), the receipt signed — the account holders with their password,
 *   the others on the safety manager's shared pad (`proxy_pad`, its own drawn image, linked and locked, the content
 *   hash of exactly what the ppe service signs); ~4 % overdue for replacement, ~2 % never issued, ~3 % awaiting signature.
 * Principals' quarterly plan reviews are not seeded (they need the principal's own signature with comments).
 * After commit, the certificates job opens the hazards of the special-operation workers without a valid certificate.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { hashPassword } from '../platform/auth/password';
import type { Db, Executor } from '../platform/db/database';
import { currentRulesByDistrict } from '../platform/rules';
import { idLast4Hash } from '../platform/signatures';
import { LOCAL_OFFSET_SQL, localDay } from '../platform/time';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../modules/org/credit-code';
import { hashIdNumber, idNumberCheckChar, maskIdNumber } from '../modules/org/id-number';
import { CERTIFICATE_RULES } from '../modules/management/certificates/certificates.rule-sets';
import { typeOfPost } from '../modules/management/certificates/certificates.rules';
import { openUncertifiedHazards } from '../modules/management/certificates/certificates.service';
import { PPE_RULES } from '../modules/management/ppe/ppe.rule-sets';
import { TRAINING_RULES } from '../modules/management/training/training.rule-sets';
import { asOfDay, printCounts, seedPhase, unnestInsert } from './seed-scale-phase';

export const SCALE_COMPETENCE_MARKER = 'seed_scale_competence';
/** The big enterprise's size (the shortfall figure is for 5,000 people). */
export const BIG_ENTERPRISE_EMPLOYEES = 5_000;

type Args = { seed: number; year: number; historyYears: number };
type Sql = RawBuilder<unknown>;

/** A pseudo-random number in 0..999 from the row's own values, so one statement gives every row its own draw. */
const draw = (...parts: Sql[]) => sql`(abs(hashtext(${sql.join(parts, sql` || '/' || `)})::bigint) % 1000)`;
/** A local day and minute of the day as a timestamptz (China time). */
const localAt = (day: Sql, minute: Sql) => sql`((${day})::timestamp + (${minute}) * interval '1 minute') at time zone ${sql.raw(LOCAL_OFFSET_SQL)}`;

/** A 1×1 transparent PNG: the stand-in for a drawn signature (each proxy signature has its own, as the pad uploads one per signing). */
const DRAWN_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
  '0d0a2db40000000049454e44ae426082', 'hex');

export const COMPETENCE_TABLES = ['training_plans', 'training_plan_items', 'training_sessions', 'training_attendance', 'training_prior', 'certificates',
  'certificate_reviews', 'ppe_posts', 'ppe_issues'] as const;

export async function competenceCounts(db: Executor): Promise<Record<string, number>> {
  const r = await sql<Record<string, number>>`select ${sql.join(COMPETENCE_TABLES.map((t) => sql`(select count(*)::int from ${sql.table(t)}) as ${sql.ref(t)}`))},
    (select count(*)::int from signatures) as signatures, (select count(*)::int from attachments) as attachments`.execute(db);
  return r.rows[0]!;
}

// ---- the big enterprise ----

const BIG_DEPARTMENTS = ['安全环保部', '生产技术部', '设备动力部', '质量管理部', '仓储物流部', '工程部'];
const BIG_WORKSHOPS = ['一车间', '二车间', '三车间'];
const BIG_TEAMS = ['甲班', '乙班', '丙班', '丁班'];
/**
 * The posts (name, key post, certificate type as the post writes it), as the scale generator names them. The driver's
 * road-transport qualification (道路运输从业人员从业资格证, issued by the transport authority) is neither a special
 * operation nor special equipment, so no catalogue type matches it: his post needs no certificate of this module (R-TRN-2).
 */
const BIG_POSTS: [string, boolean, string | null][] = [['操作工', false, null], ['班组长', true, null], ['质检员', false, null], ['仓管员', false, null],
  ['设备维修工', false, null], ['叉车司机', false, '特种设备作业（场（厂）内专用机动车辆）'], ['电工', true, '电工作业'], ['焊工', true, '焊接与热切割作业'],
  ['安全员', true, null], ['调度员', true, null], ['化验员', false, null], ['驾驶员', false, null], ['门卫', false, null], ['保洁员', false, null]];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红娥建国志海燕文晓东春梅永德学婷俊子涵宇轩浩然欣怡思远佳琪'];
const FORMS = ['regular', 'regular', 'regular', 'regular', 'regular', 'regular', 'dispatched', 'temporary', 'migrant', 'intern'];

/**
 * 9-character organisation code (GB 11714): 'MA', six symbols numbering the enterprise, and a MOD 11 check (10 → X,
 * 11 → 0). Shared with seed-scale.ts, which imports it from here (this file has no side effects on import).
 */
export function organisationCode(seq: number): string {
  let digits = '';
  for (let i = 0, n = seq; i < 6; i++, n = Math.floor(n / 31)) digits = CREDIT_CODE_ALPHABET[n % 31]! + digits;
  const body = `MA${digits}`;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  // Letters count as 10 (A) to 35 (Z), which is what base-36 parsing yields.
  for (let i = 0; i < 8; i++) sum += parseInt(body[i]!, 36) * weights[i]!;
  const c = 11 - (sum % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

/** A unified social credit code of a scale enterprise: '91', the division, the organisation code, the check character. */
export function scaleCreditCode(divisionCode: string, seq: number): string {
  const first17 = `91${divisionCode}${organisationCode(seq)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** mulberry32: a small deterministic generator, so two runs with the same seed produce the same names, codes and people. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof rng>;

export type BigEnterprise = { id: string; name: string; creditCode: string; principalUserId: string; safetyUserId: string; employees: number };

/**
 * Adds an enterprise of `employees` people (a high-risk sector, in the first subdistrict) with its org tree, posts, the
 * people on them (hired over the last 15 years, adults), and the principal's and safety manager's accounts (linked to
 * the first two people; no usable password). Works on both engines (the benchmark builds it in an embedded data dir too).
 */
export async function createBigEnterprise(db: Executor, o: { employees: number; secret: string; seed: number; asOf: string }): Promise<BigEnterprise> {
  const r = rng(o.seed + 5_000);
  const sub = (await sql<{ id: string; name: string; district_id: string; code: string }>`select s.id, s.name, s.district_id, d.code
      from subdistricts s join districts d on d.id = s.district_id order by s.code limit 1`.execute(db)).rows[0];
  if (!sub) throw new Error('no subdistrict (load the demo district first)');
  const industry = (await sql<{ code: string; name: string }>`select code, name from industries where high_risk order by (code = 'metal_smelting') desc, sort, code limit 1`.execute(db)).rows[0]
    ?? (await sql<{ code: string; name: string }>`select code, name from industries order by sort, code limit 1`.execute(db)).rows[0]!;
  const division = /^\d{6}$/.test(sub.code) ? sub.code : '530102';
  const codes = new Set((await sql<{ credit_code: string }>`select credit_code from enterprises where credit_code like ${`91${division}MA%`}`.execute(db)).rows.map((x) => x.credit_code));
  let seq = 9_000_000;
  let creditCode: string;
  do creditCode = scaleCreditCode(division, seq++); while (codes.has(creditCode));
  const id = randomUUID();
  const name = `滇中${industry.name.replace(/[（(].*$/, '').slice(0, 6)}集团有限公司`;
  const principalName = r.pick(SURNAMES) + r.pick(GIVEN) + r.pick(GIVEN);
  await sql`insert into enterprises (id, district_id, credit_code, name, address, subdistrict_id, industry_code, legal_representative, principal_name, principal_phone,
      employee_count, above_scale, central_provincial, state_owned, crowded_venue, high_risk, status, onboarded_on)
    values (${id}, ${sub.district_id}, ${creditCode}, ${name}, ${`${sub.name}工业园区1号`}, ${sub.id}, ${industry.code}, ${principalName}, ${principalName}, '13987100001',
      ${o.employees}, true, false, true, false, true, 'active', date '2020-01-01')`.execute(db);

  const units: unknown[][] = [];
  const companyId = randomUUID();
  units.push([id, companyId, null, 'company', name, `/${companyId}/`, 0]);
  const teams: string[] = [];
  let safetyDept = companyId;
  BIG_DEPARTMENTS.forEach((dn, di) => {
    const deptId = randomUUID();
    if (di === 0) safetyDept = deptId;
    const deptPath = `/${companyId}/${deptId}/`;
    units.push([id, deptId, companyId, 'department', dn, deptPath, di]);
    BIG_WORKSHOPS.forEach((wn, wi) => {
      const wsId = randomUUID();
      units.push([id, wsId, deptId, 'workshop', wn, `${deptPath}${wsId}/`, wi]);
      BIG_TEAMS.forEach((tn, ti) => {
        const teamId = randomUUID();
        units.push([id, teamId, wsId, 'team', tn, `${deptPath}${wsId}/${teamId}/`, ti]);
        teams.push(teamId);
      });
    });
  });
  await unnestInsert(db, 'org_units', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['parent_id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['path', 'text'], ['sort', 'int']], units);
  const posts = BIG_POSTS.map(([pn, key, cert]) => ({ id: randomUUID(), name: pn, unit: pn === '安全员' ? safetyDept : r.pick(teams), key, cert }));
  await unnestInsert(db, 'posts', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['org_unit_id', 'uuid'], ['name', 'text'], ['key_post', 'bool'], ['special_operation', 'bool'],
    ['certificate_type', 'text']], posts.map((p) => [id, p.id, p.unit, p.name, p.key, p.cert !== null, p.cert]));

  const people: unknown[][] = [];
  const onPost: unknown[][] = [];
  const today = Date.parse(`${o.asOf}T00:00:00Z`);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < o.employees; i++) {
    let birth: Date;
    let first17: string;
    do {
      birth = new Date(Date.UTC(r.int(1966, 2004), r.int(0, 11), r.int(1, 28)));
      first17 = `${division}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(r.int(0, 999)).padStart(3, '0')}`;
    } while (seen.has(first17));
    seen.add(first17);
    const idNumber = first17 + idNumberCheckChar(first17);
    const emp = randomUUID();
    ids.push(emp);
    // Everyone on a post; the principal on none, the safety manager on 安全员.
    const post = i === 0 ? null : i === 1 ? posts.find((p) => p.name === '安全员')! : r.pick(posts);
    const adult = birth.getTime() + 18 * 365.25 * 86_400_000;
    const hired = new Date(Math.max(adult, today - r.int(30, 15 * 365) * 86_400_000));
    people.push([id, emp, i === 0 ? principalName : r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.6 ? r.pick(GIVEN) : ''), maskIdNumber(idNumber),
      hashIdNumber(idNumber, o.secret), idLast4Hash(o.secret, id, emp, idNumber.slice(-4)), `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
      i < 2 ? 'regular' : r.pick(FORMS), post?.unit ?? companyId, hired.toISOString().slice(0, 10)]);
    if (post) onPost.push([id, emp, post.id]);
  }
  await unnestInsert(db, 'employees', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['name', 'text'], ['id_number_masked', 'text'], ['id_number_hash', 'text'],
    ['id_last4_hash', 'text'], ['phone', 'text'], ['employment_form', 'text'], ['org_unit_id', 'uuid'], ['hire_date', 'date']], people);
  await unnestInsert(db, 'employee_posts', [['enterprise_id', 'uuid'], ['employee_id', 'uuid'], ['post_id', 'uuid']], onPost);
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const principalUserId = randomUUID();
  const safetyUserId = randomUUID();
  await sql`insert into users (id, username, display_name, password_hash, role, enterprise_id, employee_id, must_change_password)
    values (${principalUserId}, ${`p${creditCode}`}, ${principalName}, ${passwordHash}, 'enterprise_principal', ${id}, ${ids[0]!}, false),
           (${safetyUserId}, ${`s${creditCode}`}, ${String(people[1]![2])}, ${passwordHash}, 'safety_manager', ${id}, ${ids[1]!}, false)`.execute(db);
  return { id, name, creditCode, principalUserId, safetyUserId, employees: o.employees };
}

// ---- the set: the enterprises seeded, with their account holders and rule-set answers ----

/** The temp table `seed_comp` of the enterprises to seed (dropped at commit), with the high-risk flag of the `training` rule-set. */
async function prepareSet(tx: Executor, where: Sql): Promise<number> {
  await sql`create temp table seed_comp on commit drop as
    select e.id, e.district_id, e.industry_code, false as strict, p.id as principal, p.employee_id as principal_emp, m.id as safety, m.employee_id as safety_emp
      from enterprises e
      join users p on p.username = 'p' || e.credit_code and p.enterprise_id = e.id
      join users m on m.username = 's' || e.credit_code and m.enterprise_id = e.id
     where ${where} and e.status = 'active'`.execute(tx);
  await sql`alter table seed_comp add primary key (id)`.execute(tx);
  for (const [districtId, rules] of await currentRulesByDistrict(tx, TRAINING_RULES)) {
    await sql`update seed_comp set strict = industry_code = any(${[...rules.value.highRiskIndustries]}::text[]) where district_id = ${districtId}`.execute(tx);
  }
  await sql`analyze seed_comp`.execute(tx);
  return Number((await sql<{ n: number }>`select count(*)::int as n from seed_comp`.execute(tx)).rows[0]!.n);
}

// ---- training (R-TRN-1) ----

/** Per year: the sessions of the whole staff (type, title, month, hours; `strict` only in the high-risk sectors). */
const STAFF_SESSIONS: { type: string; title: string; month: number; hours: number; strictOnly?: boolean }[] = [
  { type: 'legal_education', title: '安全生产法律法规学法培训', month: 3, hours: 4 },
  { type: 'regular', title: '年度安全生产再培训', month: 6, hours: 8 },
  { type: 'regular', title: '岗位安全操作规程专项培训', month: 9, hours: 12, strictOnly: true },
  { type: 'emergency', title: '应急救援基本知识与现场处置培训', month: 10, hours: 4 },
];
const INDUCTION: { type: string; title: string; hours: number; strictHours: number }[] = [
  { type: 'induction_company', title: '新员工公司级安全教育', hours: 8, strictHours: 24 },
  { type: 'induction_workshop', title: '新员工车间级安全教育', hours: 8, strictHours: 24 },
  { type: 'induction_team', title: '新员工班组级安全教育', hours: 8, strictHours: 24 },
];
const TRAINERS = ['安全环保部 李工', '外聘讲师 王教授', '生产技术部 张工', '安全员 赵师傅', '云南安信安全技术服务有限公司'];

async function seedTraining(tx: Executor, args: Args, asOf: string, now: Date): Promise<void> {
  const y0 = args.year - args.historyYears;
  const periodStart = `${y0}-01-01`;
  const created = (day: Sql) => sql`least(${now}::timestamptz, ${localAt(day, sql`600`)})`;
  // The yearly plans and their items.
  await sql`insert into training_plans (enterprise_id, year, note, created_by, created_at, updated_at)
    select se.id, y, '按年度安全生产教育培训计划组织实施', se.safety, ${created(sql`make_date(y, 1, 10)`)}, ${created(sql`make_date(y, 1, 10)`)}
      from seed_comp se cross join generate_series(${y0}::int, ${args.year}::int) y`.execute(tx);
  const items = [...STAFF_SESSIONS.map((s) => ({ ...s, target: '全体从业人员' })), { type: 'induction_company', title: '新员工三级安全教育', month: 1, hours: 24, target: '新入职人员（每月入职时）' }];
  await sql`insert into training_plan_items (enterprise_id, plan_id, line_no, course_type, title, target, planned_hours, month)
    select p.enterprise_id, p.id, i.n, i.type, i.title, i.target, case when i.type = 'induction_company' and se.strict then 72 else i.hours end, i.month
      from training_plans p join seed_comp se on se.id = p.enterprise_id
      cross join unnest(${items.map((i) => i.type)}::text[], ${items.map((i) => i.title)}::text[], ${items.map((i) => i.target)}::text[],
        ${items.map((i) => i.hours)}::numeric[], ${items.map((i) => i.month)}::int[], ${items.map((i) => !!('strictOnly' in i && i.strictOnly))}::bool[]) with ordinality as i (type, title, target, hours, month, strict_only, n)
     where p.year between ${y0} and ${args.year} and (se.strict or not i.strict_only)`.execute(tx);

  // The sessions of the whole staff, held on a day of their month (up to the seed day).
  const rs = draw(sql`se.id::text`, sql`y::text`, sql`k.n::text`);
  await sql`insert into training_sessions (enterprise_id, id, course_type, title, trainer, held_on, hours, exam_held, note, created_by, created_at, updated_at)
    select se.id, gen_random_uuid(), k.type, y || '年' || k.title, (${TRAINERS}::text[])[1 + ${rs} % ${TRAINERS.length}], d.held_on, k.hours, k.type = 'legal_education', '',
           se.safety, ${created(sql`d.held_on`)}, ${created(sql`d.held_on`)}
      from seed_comp se cross join generate_series(${y0}::int, ${args.year}::int) y
      cross join unnest(${STAFF_SESSIONS.map((s) => s.type)}::text[], ${STAFF_SESSIONS.map((s) => s.title)}::text[], ${STAFF_SESSIONS.map((s) => s.month)}::int[],
        ${STAFF_SESSIONS.map((s) => s.hours)}::numeric[], ${STAFF_SESSIONS.map((s) => !!s.strictOnly)}::bool[]) with ordinality as k (type, title, month, hours, strict_only, n)
      cross join lateral (select make_date(y, k.month, 5 + (${rs} % 20)::int) as held_on) d
     where (se.strict or not k.strict_only) and d.held_on <= ${asOf}::date`.execute(tx);
  // Everyone on the roster that day attends, but ~5 % a session, and ~10 % of the people miss this year's regular training.
  const miss = draw(sql`m.id::text`, sql`s.id::text`);
  const shortYear = draw(sql`m.id::text`, sql`'short'`);
  await sql`insert into training_attendance (enterprise_id, session_id, employee_id, held_on, hours, course_type, method, score, passed, signature_id, recorded_by, recorded_at)
    select s.enterprise_id, s.id, m.id, s.held_on, s.hours, s.course_type, case when s.held_on < ${`${args.year}-01-01`}::date then 'import' else 'manager' end,
           case when s.exam_held then 60 + ${miss} % 41 end, case when s.exam_held then true end, null, se.safety, ${created(sql`s.held_on`)}
      from seed_comp se join training_sessions s on s.enterprise_id = se.id
      join employees m on m.enterprise_id = se.id and m.status = 'active' and (m.hire_date is null or m.hire_date <= s.held_on)
     where s.course_type in ('legal_education', 'regular', 'emergency') and ${miss} >= 50
       and not (s.course_type = 'regular' and s.held_on >= ${`${args.year}-01-01`}::date and ${shortYear} < 100)`.execute(tx);

  // The three induction levels, once a month for the month's new people (the month's last day, or the seed day).
  await sql`create temp table seed_hire_months on commit drop as
    select distinct m.enterprise_id, date_trunc('month', m.hire_date)::date as month
      from seed_comp se join employees m on m.enterprise_id = se.id and m.status = 'active'
     where m.hire_date between ${periodStart}::date and ${asOf}::date`.execute(tx);
  await sql`insert into training_sessions (enterprise_id, id, course_type, title, trainer, held_on, hours, exam_held, note, created_by, created_at, updated_at)
    select se.id, gen_random_uuid(), k.type, to_char(h.month, 'YYYY"年"FMMM"月"') || k.title, (${TRAINERS}::text[])[1 + ${draw(sql`se.id::text`, sql`h.month::text`)} % ${TRAINERS.length}],
           d.held_on, case when se.strict then k.strict_hours else k.hours end, true, '', se.safety, ${created(sql`d.held_on`)}, ${created(sql`d.held_on`)}
      from seed_hire_months h join seed_comp se on se.id = h.enterprise_id
      cross join unnest(${INDUCTION.map((i) => i.type)}::text[], ${INDUCTION.map((i) => i.title)}::text[], ${INDUCTION.map((i) => i.hours)}::numeric[],
        ${INDUCTION.map((i) => i.strictHours)}::numeric[]) as k (type, title, hours, strict_hours)
      cross join lateral (select least((h.month + interval '1 month' - interval '1 day')::date, ${asOf}::date) as held_on) d`.execute(tx);
  // The month's new people attend all three (~5 % of this year's miss the team level), exam passed.
  await sql`insert into training_attendance (enterprise_id, session_id, employee_id, held_on, hours, course_type, method, score, passed, signature_id, recorded_by, recorded_at)
    select s.enterprise_id, s.id, m.id, s.held_on, s.hours, s.course_type, case when s.held_on < ${`${args.year}-01-01`}::date then 'import' else 'manager' end,
           70 + ${miss} % 31, true, null, se.safety, ${created(sql`s.held_on`)}
      from seed_comp se join training_sessions s on s.enterprise_id = se.id and s.course_type in ('induction_company', 'induction_workshop', 'induction_team')
      join employees m on m.enterprise_id = se.id and m.status = 'active' and date_trunc('month', m.hire_date)::date = date_trunc('month', s.held_on)::date
        and m.hire_date <= s.held_on
     where not (s.course_type = 'induction_team' and s.held_on >= ${`${args.year}-01-01`}::date and ${shortYear} < 50)`.execute(tx);
  // Hired before the period: trained before (the paper archive), so the pre-post training counts as passed (R-TRN-2).
  await sql`insert into training_prior (enterprise_id, employee_id, attachment_id, note, recorded_by, recorded_at)
    select se.id, m.id, null, '入职时已完成三级安全教育（纸质档案）', se.safety, ${created(sql`${periodStart}::date`)}
      from seed_comp se join employees m on m.enterprise_id = se.id and m.status = 'active'
     where m.hire_date is null or m.hire_date < ${periodStart}::date`.execute(tx);
}

// ---- certificates (R-TRN-2) ----

async function seedCertificates(tx: Executor, asOf: string, now: Date): Promise<void> {
  const byDistrict = await currentRulesByDistrict(tx, CERTIFICATE_RULES);
  const written = (await sql<{ certificate_type: string }>`select distinct p.certificate_type from posts p join seed_comp se on se.id = p.enterprise_id
    where p.special_operation and p.certificate_type is not null`.execute(tx)).rows.map((x) => x.certificate_type);
  const created = (day: Sql) => sql`least(${now}::timestamptz, ${localAt(day, sql`600`)})`;
  for (const [districtId, rules] of byDistrict) {
    const v = rules.value;
    const map = written.map((w) => [w, typeOfPost(v.types, w)] as const).filter((x) => x[1] !== null);
    if (map.length) {
      const r = draw(sql`m.id::text`, sql`t.code`, sql`'cert'`);
      // ~3 % expired; the others issued within their validity (some coming to their review).
      await sql`create temp table seed_certs on commit drop as
        select se.id as enterprise_id, m.id as employee_id, t.code, t.kind, se.safety,
               case when ${r} < 30 then ${asOf}::date - ((pp.valid * 365) + 10 + ${r} * 7)::int else ${asOf}::date - (${r} * (pp.valid * 365 - 5) / 1000)::int end as issued_on,
               pp.valid, pp.review, ${r} as r
          from seed_comp se join employee_posts ep on ep.enterprise_id = se.id
          join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id and p.special_operation
          join employees m on m.enterprise_id = ep.enterprise_id and m.id = ep.employee_id and m.status = 'active'
          join unnest(${map.map((x) => x[0])}::text[], ${map.map((x) => x[1]!.code)}::text[], ${map.map((x) => x[1]!.kind)}::text[]) as t (written, code, kind) on t.written = p.certificate_type
          cross join lateral (select case t.kind when 'special_operation' then ${v.periods.special_operation.validYears}::int when 'special_equipment' then ${v.periods.special_equipment.validYears}::int
              else ${v.periods.safety_qualification.validYears}::int end as valid,
            case t.kind when 'special_operation' then ${v.periods.special_operation.reviewYears}::int when 'special_equipment' then ${v.periods.special_equipment.reviewYears}::int
              else ${v.periods.safety_qualification.reviewYears}::int end as review) pp
         where se.district_id = ${districtId}`.execute(tx);
      // Safety qualifications of the principal and the safety manager in the sectors that need them (~5 % expired).
      const q = draw(sql`se.id::text`, sql`x.code`, sql`'sq'`);
      await sql`insert into seed_certs
        select se.id, x.emp, x.code, 'safety_qualification', se.safety,
               case when ${q} < 50 then ${asOf}::date - (${v.periods.safety_qualification.validYears * 365}::int + 10 + ${q} * 3)::int
                 else ${asOf}::date - (${q} * ${v.periods.safety_qualification.validYears * 365 - 5}::int / 1000)::int end,
               ${v.periods.safety_qualification.validYears}::int, ${v.periods.safety_qualification.reviewYears}::int, ${q}
          from seed_comp se cross join lateral (values (se.principal_emp, 'sq-principal'), (se.safety_emp, 'sq-manager')) as x (emp, code)
         where se.district_id = ${districtId} and se.industry_code = any(${[...v.qualificationIndustries]}::text[])
           and exists (select 1 from employees m where m.enterprise_id = se.id and m.id = x.emp and m.status = 'active')`.execute(tx);
      await sql`alter table seed_certs add column id uuid default gen_random_uuid(), add column valid_until date, add column first_review date`.execute(tx);
      await sql`update seed_certs set valid_until = (issued_on + make_interval(years => valid))::date,
        first_review = case when review > 0 and (issued_on + make_interval(years => review))::date < (issued_on + make_interval(years => valid))::date
          then (issued_on + make_interval(years => review))::date end`.execute(tx);
      // Where the first review has passed it was recorded (passed; the renewal is the next event); else it is the next review.
      await sql`insert into certificates (enterprise_id, id, employee_id, kind, type_code, number, issuer, issued_on, valid_until, next_review_on, compliant_since,
          extended_review, note, status, created_by, created_at, updated_at)
        select c.enterprise_id, c.id, c.employee_id, c.kind, c.code,
               case c.kind when 'special_operation' then 'T' when 'special_equipment' then 'TS' else 'AQ' end || upper(substr(md5(c.employee_id::text || c.code), 1, 14)),
               case c.kind when 'special_operation' then '云南省应急管理厅' when 'special_equipment' then '昆明市市场监督管理局' else '云南省应急管理厅' end,
               c.issued_on, c.valid_until, case when c.first_review > ${asOf}::date then c.first_review end, c.issued_on, false, '', 'active', c.safety,
               ${created(sql`c.issued_on + 7`)}, ${created(sql`coalesce(case when c.first_review <= ${asOf}::date then c.first_review - 10 end, c.issued_on + 7)`)}
          from seed_certs c
        on conflict (enterprise_id, kind, number) do nothing`.execute(tx);
      await sql`insert into certificate_reviews (enterprise_id, certificate_id, kind, reviewed_on, result, before_valid_until, before_next_review, after_valid_until,
          after_next_review, number, note, recorded_by, created_at)
        select c.enterprise_id, c.id, 'review', c.first_review - 10, 'pass', c.valid_until, c.first_review, c.valid_until, null, '', '复审合格', c.safety,
               ${created(sql`c.first_review - 10`)}
          from seed_certs c join certificates x on x.enterprise_id = c.enterprise_id and x.id = c.id
         where c.first_review <= ${asOf}::date`.execute(tx);
      await sql`drop table seed_certs`.execute(tx);
    }
  }
}

// ---- protective equipment (R-PPE-1) ----

/** The post type a post of the generator's names is mapped to (the chemical sectors' operators: chemical). */
const POST_TYPE_SQL = sql`case when p.name = '焊工' then 'welder' when p.name = '电工' then 'electrician' when p.name = '化验员' then 'chemical'
  when p.name in ('操作工', '设备维修工') and se.industry_code in ('hazardous_chemicals', 'fireworks', 'civil_explosives') then 'chemical'
  when p.name in ('操作工', '设备维修工') then 'machining' else 'general' end`;

async function seedPpe(tx: Executor, asOf: string, now: Date): Promise<void> {
  const created = (day: Sql, minute = sql`540`) => sql`least(${now}::timestamptz, ${localAt(day, minute)})`;
  await sql`insert into ppe_posts (enterprise_id, post_id, post_type, items, updated_by, updated_at)
    select se.id, p.id, ${POST_TYPE_SQL}, null, se.safety, ${created(sql`${asOf}::date - 400`)}
      from seed_comp se join posts p on p.enterprise_id = se.id`.execute(tx);
  // The standard lines of each district's rule-set.
  const std: unknown[][] = [];
  for (const [districtId, rules] of await currentRulesByDistrict(tx, PPE_RULES)) {
    const v = rules.value;
    for (const s of v.standards) {
      const item = v.items.find((i) => i.code === s.item);
      if (item) std.push([districtId, s.postType, s.item, item.name, item.standard, s.quantity, s.cycleMonths]);
    }
  }
  await sql`create temp table seed_ppe_std (district_id uuid, post_type text, item text, item_name text, standard text, quantity int, cycle int) on commit drop`.execute(tx);
  await unnestInsert(tx, 'seed_ppe_std', [['district_id', 'uuid'], ['post_type', 'text'], ['item', 'text'], ['item_name', 'text'], ['standard', 'text'], ['quantity', 'int'], ['cycle', 'int']], std);
  // Per person and item of his post: the current issue (~4 % overdue, ~2 % never issued) and the previous cycle's.
  const r = draw(sql`m.id::text`, sql`st.item`, sql`'ppe'`);
  await sql`create temp table seed_ppe on commit drop as
    select se.id as enterprise_id, m.id as employee_id, m.name as employee_name, p.id as post_id, p.name as post_name, st.item, st.item_name, st.standard, st.quantity, st.cycle,
           se.safety, case when m.id = se.principal_emp then se.principal when m.id = se.safety_emp then se.safety end as own_user, w.r, w.current,
           w.current::date as issued_on, 'current'::text as which, coalesce(m.hire_date, date '2010-01-01') as hire_date
      from seed_comp se join employee_posts ep on ep.enterprise_id = se.id
      join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id
      join employees m on m.enterprise_id = ep.enterprise_id and m.id = ep.employee_id and m.status = 'active'
      join ppe_posts pp on pp.enterprise_id = p.enterprise_id and pp.post_id = p.id
      join seed_ppe_std st on st.district_id = se.district_id and st.post_type = pp.post_type
      cross join lateral (select ${r} as r, greatest(coalesce(m.hire_date, date '2010-01-01'),
          case when st.cycle is null then ${asOf}::date - (${r} * 3)::int
               when ${r} < 40 then (${asOf}::date - make_interval(months => st.cycle) - make_interval(days => 3 + (${r} % 40)::int))::date
               else ${asOf}::date - ((${r} - 40) * st.cycle * 29 / 960)::int end) as current) w
     where w.r >= 960 or w.r < 940`.execute(tx);
  // (draws 940..959: the ~2 % never issued the item)
  await sql`insert into seed_ppe (enterprise_id, employee_id, employee_name, post_id, post_name, item, item_name, standard, quantity, cycle, safety, own_user, r, current,
      issued_on, which, hire_date)
    select enterprise_id, employee_id, employee_name, post_id, post_name, item, item_name, standard, quantity, cycle, safety, own_user, r, current,
           (current - make_interval(months => cycle))::date, 'previous', hire_date
      from seed_ppe where cycle is not null and (current - make_interval(months => cycle))::date >= hire_date`.execute(tx);
  await sql`alter table seed_ppe add column id uuid default gen_random_uuid(), add column sig uuid, add column img uuid, add column next_replacement date,
    add column content text`.execute(tx);
  // ~3 % of the current issues await the person's signature; the others are signed (own password, or the shared pad with an image).
  await sql`update seed_ppe set next_replacement = case when cycle is not null then (issued_on + make_interval(months => cycle))::date end,
      sig = case when which = 'previous' or r % 100 >= 3 then gen_random_uuid() end`.execute(tx);
  await sql`update seed_ppe set img = gen_random_uuid() where sig is not null and own_user is null`.execute(tx);
  // What the ppe service signs (ppe.service.ts receiptContent), as canonical JSON (keys sorted, no spaces).
  await sql`update seed_ppe set content = '{"ppeIssue":{"employee":{"id":' || to_json(employee_id::text)::text || ',"name":' || to_json(employee_name)::text
      || '},"id":' || to_json(id::text)::text || ',"issuedOn":"' || issued_on::text || '","item":{"code":' || to_json(item)::text || ',"name":' || to_json(item_name)::text
      || ',"standard":' || to_json(standard)::text || '},"nextReplacement":' || coalesce('"' || next_replacement::text || '"', 'null') || ',"post":' || to_json(post_name)::text
      || ',"quantity":' || quantity::text || '}}'
    where sig is not null`.execute(tx);
  const signedAt = created(sql`x.issued_on`, sql`600 + (x.r % 300)::int`);
  const pngSha = createHash('sha256').update(DRAWN_PNG).digest('hex');
  await sql`insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, name, width, height, uploaded_by, created_at, locked)
    select x.enterprise_id, x.img, 'signature', 'image/png', ${DRAWN_PNG.length}, ${pngSha}, ${DRAWN_PNG}, 'signature.png', 1, 1, x.safety, ${signedAt}, true
      from seed_ppe x where x.img is not null`.execute(tx);
  await sql`insert into signatures (enterprise_id, id, document_type, document_id, document_version, content_sha256, signer_user_id, signer_employee_id, signer_name,
      method, image_attachment_id, operator_user_id, device, signed_at)
    select x.enterprise_id, x.sig, 'ppe_issue', x.id::text, 1, encode(sha256(convert_to(x.content, 'UTF8')), 'hex'), x.own_user, x.employee_id, x.employee_name,
           case when x.own_user is null then 'proxy_pad' else 'password' end, x.img, case when x.own_user is null then x.safety end,
           case when x.own_user is null then '班组共享平板' else '手机' end, ${signedAt}
      from seed_ppe x where x.sig is not null`.execute(tx);
  await sql`insert into attachment_links (enterprise_id, attachment_id, owner_type, owner_id, created_at)
    select x.enterprise_id, x.img, 'signature', x.sig, ${signedAt} from seed_ppe x where x.img is not null`.execute(tx);
  await sql`insert into ppe_issues (enterprise_id, id, employee_id, post_id, item, item_name, standard, quantity, issued_on, cycle_months, next_replacement, batch_id, note,
      issued_by, created_at, signature_id, signed_at, sign_method, version)
    select x.enterprise_id, x.id, x.employee_id, x.post_id, x.item, x.item_name, x.standard, x.quantity, x.issued_on, x.cycle, x.next_replacement, null, '',
           x.safety, ${created(sql`x.issued_on`)}, x.sig, case when x.sig is not null then ${signedAt} end,
           case when x.sig is null then null when x.own_user is null then 'proxy_pad' else 'password' end, 1
      from seed_ppe x`.execute(tx);
}

// ---- the phase ----

/** The three parts for the active enterprises `where` selects (with their two account holders); the number of enterprises. */
export async function seedCompetenceOf(tx: Executor, args: Args, where: Sql, asOf: string, now: Date): Promise<number> {
  const s = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  let t = performance.now();
  const enterprises = await prepareSet(tx, where);
  await seedTraining(tx, args, asOf, now);
  console.log(`  training                ${s(t)} (${enterprises} enterprises, ${args.year - args.historyYears}–${args.year} as of ${asOf})`);
  t = performance.now();
  await seedCertificates(tx, asOf, now);
  console.log(`  certificates            ${s(t)}`);
  t = performance.now();
  await seedPpe(tx, asOf, now);
  console.log(`  protective equipment    ${s(t)}`);
  return enterprises;
}

/** Training, certificates and PPE of the scale enterprises (and the big enterprise), once (its own marker). */
export async function seedCompetence(db: Db, args: Args, where: string, secret: string): Promise<void> {
  const done = await seedPhase(db, {
    marker: SCALE_COMPETENCE_MARKER, what: 'training, certificates and PPE', where, year: args.year, printCounts: async () => printCounts(await competenceCounts(db)),
    write: async (tx, { now, asOf, s }) => {
      const t = performance.now();
      const big = await createBigEnterprise(tx, { employees: BIG_ENTERPRISE_EMPLOYEES, secret, seed: args.seed, asOf });
      console.log(`  big enterprise          ${s(t)} (${big.name}, ${big.employees} employees)`);
      const enterprises = await seedCompetenceOf(tx, args, sql`e.credit_code like '91______MA%'`, asOf, now);
      return { year: args.year, asOf, historyYears: args.historyYears, enterprises, bigEnterpriseId: big.id, bigEnterpriseEmployees: big.employees, createdAt: new Date().toISOString() };
    },
  });
  if (!done) return;
  const { value: summary, started, now, s } = done;
  let t = performance.now();
  await sql`analyze ${sql.join(COMPETENCE_TABLES.map((x) => sql.table(x)))}, enterprises, employees, employee_posts, posts, org_units, signatures, attachments, attachment_links`.execute(db);
  console.log(`  analyze                 ${s(t)}`);
  // The hourly certificates job opens the hazard of each special-operation worker without a valid certificate (a batch
  // a run): a few runs here, the rest on the server's job (each hazard is a transaction of its own, audited and notified).
  t = performance.now();
  let hazards = 0;
  let runs = 0;
  for (let n = -1; n !== 0 && runs < 10; runs++) hazards += n = await openUncertifiedHazards(db, now);
  console.log(`  uncertified hazards     ${s(t)} (${hazards} opened by ${runs} runs of the certificates job${runs === 10 ? '; the hourly job opens the rest' : ''})`);
  console.log(`seed:scale: added training, certificates and PPE of ${summary.enterprises} enterprises (as of ${summary.asOf}) on ${where} in ${s(started)}`);
  printCounts(await competenceCounts(db));
}

/** For the benchmark: the big enterprise and its 3 years of training on another database (the embedded engine). */
export async function seedBigEnterpriseTraining(db: Db, o: { secret: string; seed: number; year: number; historyYears: number; now: Date }): Promise<BigEnterprise> {
  const asOf = asOfDay(o.year, localDay(o.now));
  return db.transaction().execute(async (tx) => {
    const big = await createBigEnterprise(tx, { employees: BIG_ENTERPRISE_EMPLOYEES, secret: o.secret, seed: o.seed, asOf });
    await prepareSet(tx, sql`e.id = ${big.id}`);
    await seedTraining(tx, { seed: o.seed, year: o.year, historyYears: o.historyYears }, asOf, o.now);
    return big;
  });
}
