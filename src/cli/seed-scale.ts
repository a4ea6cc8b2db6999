/**
 * `npm run seed:scale -- --enterprises 10000`: adds a large, realistic data set for benchmarks on top of the demo
 * district (10k enterprises, each with an org tree, posts and ~50 employees: ~500k employees in all).
 *
 * Runs on the configured database (DATABASE_URL, else the embedded engine under DATA_DIR), after migrations.
 * Rows are generated here and written with `insert … select from unnest($1::type[], …)` in large batches, all in
 * one transaction together with an app_settings marker, so a run either lands whole or not at all and a second
 * run finds the marker and skips. Seed data is not a user action, so it writes no audit rows.
 *
 * Then, in a second transaction with its own marker (so a data set made before issue 11 gains it on the next run),
 * the duties of issue 11 for those enterprises (`--year`, default this year; `--history-years`, default 2):
 * - each enterprise's principal and safety manager get an account (linked to an employee; no usable password), so
 *   reminders, escalations and signatures have someone to go to;
 * - onboarding dates (mostly years back, a few inside the period seeded: never retroactively);
 * - occurrences of every periodic definition (monthly, quarterly, yearly) as the engine's daily job would have left
 *   them on the seed day: every period of the year begun by then, plus the next one (created ahead), under the
 *   engine's own conditions (rule-set parameters, `applies` through `appliesSql`, effective date, onboarding) — one
 *   set-based `INSERT … SELECT` per definition, the counts table kept by the triggers of migration 0080. Before the
 *   year, `--history-years` of past periods are added as history (the definitions' effective dates are not applied
 *   to them: a district that has run its duties for a while), which brings a 10k-enterprise set past a million rows.
 *   Most past occurrences are fulfilled (some late), some overdue, a few waived; a third of the current ones done;
 * - the year's responsibility-letter campaign in every active enterprise: one letter per person of the roster, with
 *   the hash of exactly what they sign; the two account holders sign with their password, the others on a scanned
 *   paper list confirmed by the safety manager; six in ten campaigns complete (fulfilling the principal's yearly
 *   duty), the others leave a few letters pending.
 *
 * Then, in a third transaction with its own marker, the management system of issue 12 for every active scale
 * enterprise (as its people would have left it by the seed day; see `seedManagement`): the safety organisation and
 * staff, the required rules and post procedures with published versions and acknowledgements, the year's safety-fee
 * ledger, 安责险 policies with their insured people and work-injury coverage, and the equipment register with special
 * equipment and its inspections. After it commits, the equipment job opens the hazards of the overdue inspections.
 *
 * Then, in a fourth transaction with its own marker, issue 13 (see `seed-scale-competence.ts`): one big enterprise of
 * 5,000 employees, and for every active scale enterprise 3 years of training (plans, sessions, attendance, "trained
 * before joining"), the certificates of the special-operation posts and the safety qualifications, and the PPE issue
 * ledger with signed receipts. After it commits, the certificates job opens the hazards of the lapsed certificates.
 *
 * Then, in a fifth transaction with its own marker, issue 14 (see `seed-scale-emergency.ts`): for every active scale
 * enterprise its emergency plans in every state of their life cycle (versions, reviews, the principal's signatures,
 * read receipts, filings with each receiving office accepted, pending or returned), the drills of `--history-years`
 * and the year (participants, evaluations, follow-up actions, reports), and five years of accidents and near misses
 * at district-wide rates, graded by R-ACC-1, with their lateness, inbox rows, supplements, forwards, interviews,
 * investigations and actions.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type pg from 'pg';
import { hashPassword } from '../platform/auth/password';
import { loadConfig } from '../platform/config';
import { exitIfLocked } from '../platform/db/data-dir-lock';
import { openDatabase, type Db, type Executor } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';
import { obligationDefinition, obligationDefinitions } from '../platform/obligations';
import type { PeriodicCadence } from '../platform/obligations/obligation.definition';
import { windowOfDay, windowsOfYear, windowsToMaterialise, type OccurrenceWindow } from '../platform/obligations/obligation.rules';
import { currentRulesByDistrict } from '../platform/rules';
import { contentHash, idLast4Hash } from '../platform/signatures';
import { addLocalDays, LOCAL_OFFSET_SQL, localDay, localYear } from '../platform/time';
import { keyIndustryOf, sizeEligibleIds } from '../modules/obligations/obligation.facts';
import { appliesSql } from '../modules/obligations/obligation.repository';
import { OBLIGATION_RULES } from '../modules/obligations/obligation.rule-set';
import { paramsOf } from '../modules/obligations/obligation.service';
import { eventDays } from '../modules/obligations/obligation.params';
import { BUILTIN_TEMPLATES, letterContent } from '../modules/responsibility/letters/letters.rules';
import { REQUIRED_RULES } from '../modules/management/documents/documents.rule-sets';
import { requiredFor } from '../modules/management/documents/documents.rules';
import { EQUIPMENT_RULES } from '../modules/management/equipment/equipment.rule-sets';
import { openOverdueHazards } from '../modules/management/equipment/equipment.service';
import { LIABILITY_INSURANCE_RULES } from '../modules/management/insurance/insurance.rule-sets';
import { OUTSIDE_CATEGORY, SAFETY_FEE_RULES } from '../modules/management/investment/investment.rule-sets';
import { computeAccrual, formatFen, type AccrualInput } from '../modules/management/investment/investment.rules';
import { hashIdNumber, idNumberCheckChar, maskIdNumber } from '../modules/org/id-number';
import { rng, scaleCreditCode, seedCompetence, type Rng } from './seed-scale-competence';
import { seedEmergency } from './seed-scale-emergency';
import { SCALE_DUTIES_MARKER, SCALE_MANAGEMENT_MARKER, SCALE_MARKER, seedPhase, type PhaseClock } from './seed-scale-phase';
/** The scale enterprises: their organisation codes start with MA (the demo's do not). */
const SCALE_ENTERPRISE = sql`e.credit_code like '91______MA%'`;

type Subdistrict = { id: string; name: string; district_id: string; district_code: string };
type Industry = { code: string; name: string; high_risk: boolean };

type Args = { enterprises: number; employees: number; seed: number; year: number; historyYears: number };

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      enterprises: { type: 'string', default: '10000' },
      'employees-per-enterprise': { type: 'string', default: '50' },
      seed: { type: 'string', default: '20260101' },
      year: { type: 'string', default: String(localYear(new Date())) },
      'history-years': { type: 'string', default: '2' },
    },
    strict: true,
  });
  const enterprises = Number(values.enterprises);
  const employees = Number(values['employees-per-enterprise']);
  const seed = Number(values.seed);
  if (!Number.isInteger(enterprises) || enterprises < 1 || enterprises > 1_000_000) throw new Error('--enterprises must be an integer in 1..1000000');
  if (!Number.isInteger(employees) || employees < 2 || employees > 10_000) throw new Error('--employees-per-enterprise must be an integer in 2..10000');
  const year = Number(values.year);
  const historyYears = Number(values['history-years']);
  if (!Number.isInteger(year) || year < 2001 || year > localYear(new Date())) throw new Error('--year must be a year up to this one');
  if (!Number.isInteger(historyYears) || historyYears < 0 || historyYears > 5) throw new Error('--history-years must be an integer in 0..5');
  return { enterprises, employees, seed, year, historyYears };
}

const PLACES = ['滇池', '金马', '碧鸡', '盘龙', '五华', '西山', '官渡', '呈贡', '春城', '翠湖', '大观', '螺峰', '圆通', '金殿',
  '长坡', '海埂', '龙泉', '云岭', '高原', '彩云', '南屏', '东风', '青云', '金星', '昆明', '北辰', '新迎', '世博', '小康', '吴井'];
const BRANDS = ['宏达', '恒信', '瑞丰', '鑫源', '华泰', '永安', '金诚', '众联', '博远', '盛世', '天合', '嘉禾', '利民', '中兴',
  '德隆', '安泰', '润华', '同创', '弘业', '正阳', '新锐', '兴邦', '聚福', '通达', '汇川', '立信', '鼎盛', '佳和', '明远', '长青',
  '旭日', '晨光', '远航', '凯越', '华信', '益民', '广源', '创新', '泰和', '祥云', '锦程', '万顺', '方圆', '信达', '百川', '宏图'];
const SUFFIX_BY_KEYWORD: [RegExp, string[]][] = [
  [/化/, ['化工', '化学品经营', '精细化工', '气体']],
  [/建|施工/, ['建筑工程', '建设', '建工', '市政工程']],
  [/冶|金属|钢/, ['冶金', '金属制品', '铸造', '钢铁']],
  [/运|交通|物流/, ['运输', '物流', '客运', '货运']],
  [/商|零售|贸/, ['商贸', '购物中心', '超市', '百货']],
  [/食品|餐饮/, ['食品', '餐饮管理', '乳业', '粮油']],
  [/烟花|爆/, ['烟花爆竹经营']],
  [/矿/, ['矿业', '采石']],
  [/燃气|能源|电/, ['燃气', '能源', '电力']],
];
const GENERIC_SUFFIX = ['制造', '机械', '科技', '实业', '工贸', '制品', '电子', '包装'];
const COMPANY_FORM = ['有限公司', '有限责任公司', '股份有限公司'];
const ROADS = ['人民路', '北京路', '环城南路', '滇池路', '金马路', '春城路', '东风东路', '广福路', '白塔路', '新闻路', '昌源路', '二环西路'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建国志强海燕文军晓东春梅丽华永红德明学文婷婷俊杰子涵宇轩浩然欣怡思远佳琪';
const DEPARTMENTS = ['安全环保部', '生产技术部', '设备动力部', '质量管理部', '综合办公室', '仓储物流部', '工程部', '运营部'];
const WORKSHOPS = ['一车间', '二车间', '三车间', '装配车间', '机加车间', '包装车间', '维修中心', '仓库', '项目部', '调度中心'];
const TEAMS = ['甲班', '乙班', '丙班', '丁班', '维修班', '检验班', '装卸班', '巡检班'];
const POSTS = ['操作工', '班组长', '质检员', '仓管员', '设备维修工', '叉车司机', '电工', '焊工', '安全员', '调度员', '化验员', '驾驶员', '门卫', '保洁员'];
// R-TRN-2: the posts that need a special-operation or special-equipment certificate. A driver's road-transport
// qualification (道路运输从业资格, the transport authority's) is neither, so his post needs none here.
const SPECIAL: Record<string, string> = { 电工: '电工作业', 焊工: '焊接与热切割作业', 叉车司机: '特种设备作业（场（厂）内专用机动车辆）' };
const KEY_POSTS = new Set(['班组长', '安全员', '调度员', '电工', '焊工']);
const FORMS = ['regular', 'regular', 'regular', 'regular', 'regular', 'regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;

const SURNAME_LIST = [...SURNAMES];
const GIVEN_LIST = [...GIVEN];
function personName(r: Rng): string {
  const given = r.chance(0.6) ? r.pick(GIVEN_LIST) + r.pick(GIVEN_LIST) : r.pick(GIVEN_LIST);
  return r.pick(SURNAME_LIST) + given;
}

function phone(r: Rng): string {
  return `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Collects rows column by column, then writes them with one `insert … select * from unnest(…)` per batch. */
class ColumnBatch {
  private cols: unknown[][];
  rows = 0;
  constructor(private readonly table: string, private readonly columns: [name: string, type: string][]) {
    this.cols = columns.map(() => []);
  }
  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.cols[i]!.push(values[i]);
    this.rows++;
  }
  async flush(client: pg.PoolClient): Promise<number> {
    if (this.rows === 0) return 0;
    const names = this.columns.map(([n]) => n).join(', ');
    const unnest = this.columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ');
    await client.query(`insert into ${this.table} (${names}) select * from unnest(${unnest})`, this.cols);
    const n = this.rows;
    this.cols = this.columns.map(() => []);
    this.rows = 0;
    return n;
  }
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const config = loadConfig();
  const started = performance.now();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 }).catch(exitIfLocked);
  const where = database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded engine (${config.dataDir})`;
  try {
    await migrate(database.pool);
    if (!(await seedEnterprises(database.pool, args, where, config.appSecret, started))) return;
    await seedDuties(database.db, args, where);
    await seedManagement(database.db, args, where);
    await seedCompetence(database.db, args, where, config.appSecret);
    await seedEmergency(database.db, args, where);
  } finally {
    await database.close();
  }
}

/** The enterprises, their trees and people (once). False when there is no demo district to add them to. */
async function seedEnterprises(pool: pg.Pool, args: Args, where: string, secret: string, started: number): Promise<boolean> {
  const client = await pool.connect();
  try {
    const marker = await client.query<{ value: { enterprises: number; employees: number; createdAt: string } }>(
      'select value from app_settings where key = $1', [SCALE_MARKER]);
    if (marker.rows[0]) {
      const v = marker.rows[0].value;
      console.log(`seed:scale: scale data already present on ${where} (${v.enterprises} enterprises, ${v.employees} employees, created ${v.createdAt})`);
      return true;
    }
    const subdistricts = (await client.query<Subdistrict>(
      `select s.id, s.name, s.district_id, d.code as district_code
         from subdistricts s join districts d on d.id = s.district_id order by s.code`)).rows;
    const industries = (await client.query<Industry>('select code, name, high_risk from industries order by sort, code')).rows;
    if (subdistricts.length === 0 || industries.length === 0) {
      console.error(`seed:scale: no demo district on ${where} (subdistricts: ${subdistricts.length}, industries: ${industries.length}).\n` +
        'Load the demo data first: run `SEED_DEMO=true npm start` once against this database (on PostgreSQL demo data is off by default), then run this again.');
      process.exitCode = 1;
      return false;
    }
    const existingCodes = new Set((await client.query<{ credit_code: string }>('select credit_code from enterprises')).rows.map((r) => r.credit_code));
    await client.query('begin');
    const counts = await generate(client, args, subdistricts, industries, existingCodes, secret);
    await client.query('insert into app_settings (key, value) values ($1, $2)', [SCALE_MARKER,
      JSON.stringify({ enterprises: counts.enterprises, employees: counts.employees, createdAt: new Date().toISOString() })]);
    await client.query('commit');
    const analyzeStart = performance.now();
    await client.query('analyze enterprises, org_units, posts, employees, employee_posts');
    console.log(`  analyze                 ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`seed:scale: created ${counts.enterprises} enterprises, ${counts.units} org units, ${counts.posts} posts, ` +
      `${counts.employees} employees (${counts.employeePosts} post assignments) on ${where} in ${seconds} s`);
    return true;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

type Counts = { enterprises: number; units: number; posts: number; employees: number; employeePosts: number };

async function generate(client: pg.PoolClient, args: Args, subdistricts: Subdistrict[], industries: Industry[],
  existingCodes: Set<string>, secret: string): Promise<Counts> {
  const r = rng(args.seed);
  const counts: Counts = { enterprises: 0, units: 0, posts: 0, employees: 0, employeePosts: 0 };
  const enterprises = new ColumnBatch('enterprises', [
    ['id', 'uuid'], ['district_id', 'uuid'], ['credit_code', 'text'], ['name', 'text'], ['address', 'text'],
    ['subdistrict_id', 'uuid'], ['industry_code', 'text'], ['legal_representative', 'text'], ['principal_name', 'text'],
    ['principal_phone', 'text'], ['employee_count', 'int'], ['above_scale', 'bool'], ['central_provincial', 'bool'],
    ['state_owned', 'bool'], ['crowded_venue', 'bool'], ['high_risk', 'bool'], ['status', 'text']]);
  const units = new ColumnBatch('org_units', [
    ['enterprise_id', 'uuid'], ['id', 'uuid'], ['parent_id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['path', 'text'], ['sort', 'int']]);
  const posts = new ColumnBatch('posts', [
    ['enterprise_id', 'uuid'], ['id', 'uuid'], ['org_unit_id', 'uuid'], ['name', 'text'], ['key_post', 'bool'],
    ['special_operation', 'bool'], ['certificate_type', 'text']]);
  const employees = new ColumnBatch('employees', [
    ['enterprise_id', 'uuid'], ['id', 'uuid'], ['name', 'text'], ['id_number_masked', 'text'], ['id_number_hash', 'text'], ['id_last4_hash', 'text'],
    ['phone', 'text'], ['employment_form', 'text'], ['org_unit_id', 'uuid'], ['hire_date', 'date']]);
  const employeePosts = new ColumnBatch('employee_posts', [['enterprise_id', 'uuid'], ['employee_id', 'uuid'], ['post_id', 'uuid']]);

  const names = new Set<string>();
  const idNumbers = new Set<string>();
  const today = Date.UTC(2026, 0, 1);
  const phase = { enterprises: 0, tree: 0, employees: 0, generate: 0 };
  // ~200 enterprises per round: ~10k employee rows per statement keeps parameters small and round trips few.
  const FLUSH_EVERY = 200;
  let lastReport = 0;

  // Parents are written before children, so every batch's foreign keys already resolve.
  const flushAll = async (force: boolean) => {
    if (force || enterprises.rows >= FLUSH_EVERY) {
      let t = performance.now();
      counts.enterprises += await enterprises.flush(client);
      phase.enterprises += performance.now() - t;
      t = performance.now();
      counts.units += await units.flush(client);
      counts.posts += await posts.flush(client);
      phase.tree += performance.now() - t;
      t = performance.now();
      counts.employees += await employees.flush(client);
      counts.employeePosts += await employeePosts.flush(client);
      phase.employees += performance.now() - t;
      if (counts.enterprises - lastReport >= 2_000 || (force && counts.enterprises > lastReport)) {
        lastReport = counts.enterprises;
        console.log(`  written ${counts.enterprises}/${args.enterprises} enterprises, ${counts.employees} employees`);
      }
    }
  };

  let seq = 0;
  for (let e = 0; e < args.enterprises; e++) {
    const g0 = performance.now();
    const sub = subdistricts[e % subdistricts.length]!;
    const industry = r.pick(industries);
    const divisionCode = /^\d{6}$/.test(sub.district_code) ? sub.district_code : '530102';
    let code: string;
    do code = scaleCreditCode(divisionCode, 1_000_000 + seq++); while (existingCodes.has(code));
    existingCodes.add(code);
    const suffixes = SUFFIX_BY_KEYWORD.find(([re]) => re.test(industry.name))?.[1] ?? GENERIC_SUFFIX;
    let name: string;
    do name = `${r.pick(PLACES)}${r.pick(BRANDS)}${r.pick(suffixes)}${r.pick(COMPANY_FORM)}`; while (names.has(name) && names.size < 200_000);
    if (names.has(name)) name = `${name}（${e}）`;
    names.add(name);
    const size = r.int(Math.ceil(args.employees * 0.4), Math.floor(args.employees * 1.6));
    const eid = randomUUID();
    const principal = personName(r);
    enterprises.push(eid, sub.district_id, code, name, `${sub.name}${r.pick(ROADS)}${r.int(1, 999)}号`, sub.id, industry.code,
      r.chance(0.7) ? principal : personName(r), principal, phone(r), size, r.chance(0.3), r.chance(0.02), r.chance(0.06),
      /商|零售|文旅|酒店|娱乐|体育|学校|医/.test(industry.name) && r.chance(0.6), industry.high_risk,
      r.chance(0.97) ? 'active' : r.pick(['suspended', 'closed']));

    // company → 2-4 departments → 1-2 workshops each → 1-2 teams each; `path` lists the ids from the root.
    const companyId = randomUUID();
    const companyPath = `/${companyId}/`;
    units.push(eid, companyId, null, 'company', name, companyPath, 0);
    const leafUnits: string[] = [];
    const allUnits: string[] = [companyId];
    const deptNames = [...DEPARTMENTS].sort(() => r.next() - 0.5).slice(0, r.int(2, 4));
    deptNames.forEach((deptName, di) => {
      const deptId = randomUUID();
      const deptPath = `${companyPath}${deptId}/`;
      units.push(eid, deptId, companyId, 'department', deptName, deptPath, di);
      allUnits.push(deptId);
      const nWorkshops = r.int(1, 2);
      for (let w = 0; w < nWorkshops; w++) {
        const wsId = randomUUID();
        const wsPath = `${deptPath}${wsId}/`;
        units.push(eid, wsId, deptId, 'workshop', WORKSHOPS[(di * 2 + w) % WORKSHOPS.length]!, wsPath, w);
        allUnits.push(wsId);
        const nTeams = r.int(1, 2);
        for (let t = 0; t < nTeams; t++) {
          const teamId = randomUUID();
          units.push(eid, teamId, wsId, 'team', TEAMS[(w * 2 + t) % TEAMS.length]!, `${wsPath}${teamId}/`, t);
          allUnits.push(teamId);
          leafUnits.push(teamId);
        }
      }
    });

    const postIds: { id: string; unit: string }[] = [];
    const postNames = [...POSTS].sort(() => r.next() - 0.5).slice(0, r.int(5, 10));
    for (const postName of postNames) {
      const pid = randomUUID();
      const unit = postName === '安全员' ? allUnits[1]! : r.pick(leafUnits);
      const cert = SPECIAL[postName] ?? null;
      posts.push(eid, pid, unit, postName, KEY_POSTS.has(postName), cert !== null, cert);
      postIds.push({ id: pid, unit });
    }

    for (let p = 0; p < size; p++) {
      let first17: string;
      let birth: Date;
      do {
        birth = new Date(Date.UTC(r.int(1966, 2004), r.int(0, 11), r.int(1, 28)));
        first17 = `${divisionCode}${isoDate(birth).replaceAll('-', '')}${String(r.int(0, 999)).padStart(3, '0')}`;
      } while (idNumbers.has(first17));
      idNumbers.add(first17);
      const idNumber = first17 + idNumberCheckChar(first17);
      const post = r.pick(postIds);
      const empId = randomUUID();
      // Hired in the last 15 years, and never before the 18th birthday.
      const adult = birth.getTime() + 18 * 365.25 * 86_400_000;
      const hired = new Date(Math.max(adult, today - r.int(30, 15 * 365) * 86_400_000));
      employees.push(eid, empId, personName(r), maskIdNumber(idNumber), hashIdNumber(idNumber, secret), idLast4Hash(secret, eid, empId, idNumber.slice(-4)), phone(r),
        r.pick(FORMS), post.unit, isoDate(hired));
      employeePosts.push(eid, empId, post.id);
    }
    phase.generate += performance.now() - g0;
    await flushAll(false);
  }
  await flushAll(true);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(`  generate rows           ${s(phase.generate)}`);
  console.log(`  insert enterprises      ${s(phase.enterprises)}`);
  console.log(`  insert org units, posts ${s(phase.tree)}`);
  console.log(`  insert employees        ${s(phase.employees)}`);
  return counts;
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 11: the scale enterprises' duties, letters and signatures.

/**
 * The windows the seed gives a definition: every period begun by `asOf` in the history years and the year, and the
 * next one the daily job creates ahead. History windows are flagged (the definition's effective date is not applied).
 */
function seedWindows(cadence: PeriodicCadence, year: number, historyYears: number, asOf: string): (OccurrenceWindow & { history: boolean })[] {
  const out = new Map<string, OccurrenceWindow & { history: boolean }>();
  for (let y = year - historyYears; y <= year; y++) {
    for (const w of windowsOfYear(cadence, y)) if (w.startsOn <= asOf) out.set(w.periodKey, { ...w, history: y < year });
  }
  for (const w of windowsToMaterialise(cadence, asOf)) if (!out.has(w.periodKey)) out.set(w.periodKey, { ...w, history: false });
  return [...out.values()];
}

/** A pseudo-random number in 0..999 from the row's own values, so one statement gives every row its own draw. */
const draw = (...parts: ReturnType<typeof sql>[]) => sql`(abs(hashtext(${sql.join(parts, sql` || '/' || `)})::bigint) % 1000)`;
/** A local day and minute of the day as a timestamptz (China time). */
const localAt = (day: ReturnType<typeof sql>, minute: ReturnType<typeof sql>) =>
  sql`((${day})::timestamp + (${minute}) * interval '1 minute') at time zone ${sql.raw(LOCAL_OFFSET_SQL)}`;

/** Writes rows column by column with one `insert … select * from unnest(…)` per call. */
async function unnestInsert(db: Executor, table: string, columns: [name: string, type: string][], rows: unknown[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const arrays = columns.map(([, type], i) => sql`${sql.val(rows.map((r) => r[i]))}::${sql.raw(type)}[]`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([n]) => sql.ref(n)))}) select * from unnest(${sql.join(arrays)})`.execute(db);
  return rows.length;
}

/** A one-page PDF standing for the scan of a signed paper list. */
const SCAN_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

type DutyCounts = { occurrences: number; counts: number; campaigns: number; letters: number; signatures: number; users: number };

async function tableCounts(db: Executor): Promise<DutyCounts> {
  const r = await sql<DutyCounts>`select (select count(*)::int from obligation_occurrences) as occurrences, (select count(*)::int from obligation_counts) as counts,
    (select count(*)::int from letter_campaigns) as campaigns, (select count(*)::int from letters) as letters,
    (select count(*)::int from signatures) as signatures, (select count(*)::int from users) as users`.execute(db);
  return r.rows[0]!;
}

function printCounts(c: DutyCounts): void {
  console.log(`  rows: obligation_occurrences ${c.occurrences}, obligation_counts ${c.counts}, letter_campaigns ${c.campaigns}, letters ${c.letters}, ` +
    `signatures ${c.signatures} (users ${c.users})`);
}

async function seedDuties(db: Db, args: Args, where: string): Promise<void> {
  const year = args.year;
  const historyStart = `${year - args.historyYears}-01-01`;
  const write = async (tx: Executor, { now, asOf, s }: PhaseClock) => {
    const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
    let t = performance.now();
    await sql`create temp table seed_ents on commit drop as select e.id from enterprises e where ${SCALE_ENTERPRISE}`.execute(tx);
    await sql`alter table seed_ents add primary key (id)`.execute(tx);
    await sql`analyze seed_ents`.execute(tx);

    // Onboarding: nine in ten long before the history, the others within it (they owe only the periods after).
    await sql`update enterprises e set onboarded_on = case
        when ${draw(sql`e.id::text`, sql`'onboarded'`)} < 920 then date '2005-01-01' + (abs(hashtext(e.id::text || '/day')::bigint) % (${historyStart}::date - date '2005-01-01'))::int
        else ${historyStart}::date + (abs(hashtext(e.id::text || '/day')::bigint) % greatest(1, ${asOf}::date - ${historyStart}::date))::int end
      where e.id in (select id from seed_ents)`.execute(tx);

    // The principal and a safety manager of each enterprise get an account, linked to an employee of theirs.
    const users = await sql`insert into users (username, display_name, password_hash, role, enterprise_id, employee_id, must_change_password)
      select x.prefix || e.credit_code, m.name, ${passwordHash}, x.role, e.id, m.id, false
        from enterprises e join seed_ents se on se.id = e.id
        cross join (values ('enterprise_principal', 'p', 0), ('safety_manager', 's', 1)) as x (role, prefix, n)
        cross join lateral (select m.id, m.name from employees m where m.enterprise_id = e.id and m.status = 'active' order by m.id offset x.n limit 1) m
       where e.status <> 'closed'
      on conflict (username) do nothing`.execute(tx);
    console.log(`  accounts, onboarding    ${s(t)} (${Number(users.numAffectedRows ?? 0)} accounts)`);

    // ---- occurrences: one statement per district and periodic definition ----
    t = performance.now();
    let occurrences = 0;
    const byDistrict = await currentRulesByDistrict(tx, OBLIGATION_RULES);
    const districts = (await sql<{ district_id: string }>`select distinct e.district_id from enterprises e join seed_ents se on se.id = e.id`.execute(tx)).rows;
    for (const { district_id: districtId } of districts) {
      const rules = byDistrict.get(districtId);
      if (!rules) continue;
      const keyIndustry = await keyIndustryOf(tx, districtId);
      for (const def of obligationDefinitions()) {
        const params = paramsOf(rules.value, def);
        // Per-subject duties (an on-site plan's half-years) are opened by their module for each subject, never per enterprise.
        if (!params.enabled || params.cadence.kind === 'event' || def.perSubject) continue;
        const windows = seedWindows(params.cadence, year, args.historyYears, asOf);
        const sizeIds = await sizeEligibleIds(tx, districtId, params);
        const remind = [...params.remindDaysBefore];
        const escalate = [...params.escalateDaysAfter];
        const r = draw(sql`e.id::text`, sql`${def.key}::text`, sql`w.period_key`);
        const res = await sql`
          insert into obligation_occurrences (enterprise_id, definition_key, rule_id, rule_set_version, period_key, owner, reported_to, starts_on, due_on,
            status, fulfilled_at, fulfilment, waived_reason, waived_at, reminded, escalated, created_at, updated_at)
          select e.id, ${def.key}, ${def.ruleId}, ${rules.version}, w.period_key, ${def.owner}, ${def.reportedTo}, w.starts_on, w.due_on,
            st.status, f.fulfilled_at, case when f.fulfilled_at is not null then 'evidence' end,
            case when st.status = 'waived' then '停产整顿期间免于履行' end, f.waived_at,
            case when w.due_on >= ${asOf}::date then array(select x from unnest(${remind}::int[]) x where x >= w.due_on - ${asOf}::date) else ${remind}::int[] end,
            case when st.status = 'overdue' then array(select x from unnest(${escalate}::int[]) x where x <= ${asOf}::date - w.due_on) else '{}'::int[] end,
            c.created_at, coalesce(f.fulfilled_at, f.waived_at, c.created_at)
            from enterprises e join seed_ents se on se.id = e.id join industries i on i.code = e.industry_code
           cross join unnest(${windows.map((w) => w.periodKey)}::text[], ${windows.map((w) => w.startsOn)}::date[], ${windows.map((w) => w.dueOn)}::date[],
             ${windows.map((w) => w.history)}::bool[]) as w (period_key, starts_on, due_on, history)
           cross join lateral (select ${r} as r) h
           -- Past periods: 86 % on time, 6 % late, 7 % overdue, 1 % waived; the current period: a third done; later: upcoming.
           cross join lateral (select case
               when w.due_on < ${asOf}::date then case when h.r < 860 then 'fulfilled' when h.r < 920 then 'late_fulfilled' when h.r < 990 then 'overdue' else 'waived' end
               when w.starts_on <= ${asOf}::date then case when h.r < 330 then 'fulfilled' else 'due' end
               else 'upcoming' end as status) st
           cross join lateral (select least(${now}::timestamptz, ${localAt(sql`w.starts_on - 1`, sql`360`)}) as created_at) c
           cross join lateral (select
               case st.status
                 when 'fulfilled' then least(${now}::timestamptz, ${localAt(sql`least(w.due_on, ${asOf}::date) - (h.r % least(21, least(w.due_on, ${asOf}::date) - w.starts_on + 1))::int`, sql`540 + h.r % 480`)})
                 when 'late_fulfilled' then least(${now}::timestamptz, ${localAt(sql`least(${asOf}::date, w.due_on + 1 + (h.r % 15)::int)`, sql`540 + h.r % 480`)})
               end as fulfilled_at,
               case when st.status = 'waived' then ${localAt(sql`w.starts_on + (h.r % (w.due_on - w.starts_on + 1))::int`, sql`600`)} end as waived_at) f
           where e.district_id = ${districtId} and e.status = 'active'
             and coalesce(e.onboarded_on, (e.created_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date) <= w.starts_on
             and (w.history or ${params.effectiveFrom}::date <= w.starts_on)
             and ${appliesSql(params.applies, keyIndustry, sizeIds)}
          on conflict (enterprise_id, definition_key, period_key, subject_key) do nothing`.execute(tx);
        occurrences += Number(res.numAffectedRows ?? 0);
      }
    }
    console.log(`  occurrences             ${s(t)} (${occurrences}, ${year - args.historyYears}–${year} as of ${asOf})`);

    // ---- the year's letter campaign of every active enterprise, its letters and signatures ----
    t = performance.now();
    const letters = await seedLetters(tx, args, year, asOf, now);
    console.log(`  letters, signatures     ${s(t)} (${letters.campaigns} campaigns, ${letters.letters} letters, ${letters.signatures} signatures)`);

    // R-RESP-5: the yearly letter signing is fulfilled by the completed campaign, and open while it is not.
    const lettersDef = obligationDefinition('resp.ten.letters');
    const lettersCadence = lettersDef?.defaults.cadence;
    if (lettersCadence && lettersCadence.kind !== 'event') {
      const period = windowOfDay(lettersCadence, `${year}-01-01`).periodKey;
      await sql`update obligation_occurrences o set
          status = case when c.status = 'completed' then case when (c.completed_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date <= o.due_on then 'fulfilled' else 'late_fulfilled' end
                        when o.due_on < ${asOf}::date then 'overdue' else 'due' end,
          fulfilled_at = c.completed_at, fulfilment = case when c.status = 'completed' then 'record' end,
          record_type = case when c.status = 'completed' then 'letter_campaign' end, record_id = case when c.status = 'completed' then c.id::text end,
          waived_reason = null, waived_at = null, updated_at = coalesce(c.completed_at, o.updated_at)
        from letter_campaigns c
       where c.enterprise_id = o.enterprise_id and c.year = ${year} and c.kind = 'responsibility' and c.enterprise_id in (select id from seed_ents)
         and o.definition_key = 'resp.ten.letters' and o.period_key = ${period}`.execute(tx);
    }
    return { year, asOf, historyYears: args.historyYears, occurrences, ...letters, createdAt: new Date().toISOString() };
  };
  const done = await seedPhase(db, { marker: SCALE_DUTIES_MARKER, what: 'duties', where, year, printCounts: async () => printCounts(await tableCounts(db)), write });
  if (!done) return;
  const { value: summary, started, s } = done;
  const t = performance.now();
  await sql`analyze users, enterprises, obligation_occurrences, obligation_counts, letter_campaigns, letters, signatures, attachments, attachment_links`.execute(db);
  console.log(`  analyze                 ${s(t)}`);
  console.log(`seed:scale: added duties for ${summary.year} (as of ${summary.asOf}, with ${summary.historyYears} years of history) on ${where} in ${s(started)}`);
  printCounts(await tableCounts(db));
}

type LetterSummary = { campaigns: number; letters: number; signatures: number };

/**
 * One responsibility-letter campaign per active scale enterprise for `year` (started on 1 March, or the seed day if
 * earlier), a letter per person active on its start, each with the hash of the content exactly as the letters module
 * makes it. Six in ten enterprises have everyone signed (the campaign completed); the others leave 3–15 % pending.
 * The principal and the safety manager sign with their password; the rest are on one scanned paper list, confirmed.
 */
async function seedLetters(tx: Executor, args: Args, year: number, asOf: string, now: Date): Promise<LetterSummary> {
  const r = rng(args.seed + year);
  const out: LetterSummary = { campaigns: 0, letters: 0, signatures: 0 };
  // R-RESP-3 [cfg]: the later-hire days are the engine's for `resp.letter.new_hire` (as letters.service.ts reads them).
  const rules = await currentRulesByDistrict(tx, OBLIGATION_RULES);
  const newHire = obligationDefinition('resp.letter.new_hire')!;
  const template = BUILTIN_TEMPLATES.responsibility;
  const startsOn = `${year}-03-01` < asOf ? `${year}-03-01` : asOf;
  const scanSha = createHash('sha256').update(SCAN_PDF).digest('hex');
  const ents = (await sql<{ id: string; name: string; district_id: string; principal: string; principal_emp: string; safety: string; safety_emp: string }>`
    select e.id, e.name, e.district_id, p.id as principal, p.employee_id as principal_emp, m.id as safety, m.employee_id as safety_emp
      from enterprises e join seed_ents se on se.id = e.id
      join users p on p.username = 'p' || e.credit_code and p.enterprise_id = e.id
      join users m on m.username = 's' || e.credit_code and m.enterprise_id = e.id
     where e.status = 'active' order by e.id`.execute(tx)).rows;
  const at = (day: string, minute: number) => {
    const d = new Date(`${day}T00:00:00+08:00`);
    return new Date(Math.min(now.getTime(), d.getTime() + minute * 60_000));
  };
  const span = Math.max(0, Math.min(30, Math.round((Date.parse(asOf) - Date.parse(startsOn)) / 86_400_000)));
  const CHUNK = 500;
  for (let c = 0; c < ents.length; c += CHUNK) {
    const chunk = ents.slice(c, c + CHUNK);
    const people = (await sql<{ enterprise_id: string; id: string; name: string; org_unit_id: string; hire_date: string | null }>`
      select m.enterprise_id, m.id, m.name, m.org_unit_id, m.hire_date from employees m
       where m.enterprise_id = any(${chunk.map((e) => e.id)}::uuid[]) and m.status = 'active' and (m.hire_date is null or m.hire_date <= ${startsOn}::date)
       order by m.enterprise_id, m.id`.execute(tx)).rows;
    const byEnterprise = new Map<string, typeof people>();
    for (const p of people) (byEnterprise.get(p.enterprise_id) ?? byEnterprise.set(p.enterprise_id, []).get(p.enterprise_id)!).push(p);
    const campaigns: unknown[][] = [];
    const scans: unknown[][] = [];
    const signatures: unknown[][] = [];
    const letterRows: unknown[][] = [];
    for (const e of chunk) {
      const roster = byEnterprise.get(e.id) ?? [];
      if (roster.length === 0) continue;
      const campaignId = randomUUID();
      const scanId = randomUUID();
      const complete = r.chance(0.6);
      const pendingShare = complete ? 0 : 0.03 + r.next() * 0.12;
      const created = at(startsOn, 8 * 60 + 30);
      let lastSigned = created;
      let pending = 0;
      let paper = 0;
      const recorded = at(addLocalDays(startsOn, span), 17 * 60);
      for (const p of roster) {
        const letterId = randomUUID();
        const hash = contentHash(letterContent({
          campaignId, year, kind: 'responsibility', templateVersion: 0, title: template.title, body: template.body,
          enterpriseId: e.id, enterpriseName: e.name, employeeId: p.id, employeeName: p.name,
        }));
        const account = p.id === e.principal_emp ? e.principal : p.id === e.safety_emp ? e.safety : null;
        if (!account && r.chance(pendingShare)) {
          pending++;
          letterRows.push([e.id, letterId, campaignId, p.id, p.name, p.org_unit_id, false, null, 'pending', hash, null, null, null, created, created]);
          continue;
        }
        const sigId = randomUUID();
        if (account) {
          const signedAt = at(addLocalDays(startsOn, r.int(0, span)), r.int(9 * 60, 18 * 60));
          if (signedAt > lastSigned) lastSigned = signedAt;
          signatures.push([e.id, sigId, 'letter', letterId, 1, hash, account, p.id, p.name, 'password', null, null, '手机', null, signedAt, null, null]);
          letterRows.push([e.id, letterId, campaignId, p.id, p.name, p.org_unit_id, false, null, 'signed', hash, sigId, signedAt, 'password', created, signedAt]);
        } else {
          paper++;
          const confirmed = new Date(Math.min(now.getTime(), recorded.getTime() + 3_600_000));
          if (confirmed > lastSigned) lastSigned = confirmed;
          signatures.push([e.id, sigId, 'letter', letterId, 1, hash, null, p.id, p.name, 'paper', scanId, e.safety, '', null, recorded, e.safety, confirmed]);
          letterRows.push([e.id, letterId, campaignId, p.id, p.name, p.org_unit_id, false, null, 'paper', hash, sigId, confirmed, 'paper', created, confirmed]);
        }
      }
      const done = pending === 0;
      const version = rules.get(e.district_id)?.version ?? 0;
      const rulesOf = rules.get(e.district_id);
      const lateHireDays = (rulesOf && eventDays(paramsOf(rulesOf.value, newHire))) ?? 30;
      campaigns.push([e.id, campaignId, year, 'responsibility', 0, template.title, template.body, startsOn, done ? 'completed' : 'open',
        done ? lastSigned : null, lateHireDays, version, e.safety, created, done ? lastSigned : created]);
      if (paper > 0) scans.push([e.id, scanId, e.safety, recorded]);
      out.campaigns++;
    }
    await unnestInsert(tx, 'letter_campaigns', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['year', 'int'], ['kind', 'text'], ['template_version', 'int'],
      ['title', 'text'], ['body', 'text'], ['starts_on', 'date'], ['status', 'text'], ['completed_at', 'timestamptz'], ['late_hire_days', 'int'],
      ['rule_set_version', 'int'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], campaigns);
    if (scans.length) {
      // The scans of the paper lists: locked, linked to their list (as recordPaperList does).
      await sql`insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, name, uploaded_by, created_at, locked)
        select x.e, x.id, 'document', 'application/pdf', ${SCAN_PDF.length}, ${scanSha}, ${SCAN_PDF}, '责任书纸质签名名单.pdf', x.u, x.at, true
          from unnest(${scans.map((x) => x[0])}::uuid[], ${scans.map((x) => x[1])}::uuid[], ${scans.map((x) => x[2])}::uuid[], ${scans.map((x) => x[3])}::timestamptz[]) as x (e, id, u, at)`.execute(tx);
      await unnestInsert(tx, 'attachment_links', [['enterprise_id', 'uuid'], ['attachment_id', 'uuid'], ['owner_type', 'text'], ['owner_id', 'uuid'], ['created_at', 'timestamptz']],
        scans.map((x) => [x[0], x[1], 'signature_paper_list', x[1], x[3]]));
    }
    out.signatures += await unnestInsert(tx, 'signatures', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['document_type', 'text'], ['document_id', 'text'],
      ['document_version', 'int'], ['content_sha256', 'text'], ['signer_user_id', 'uuid'], ['signer_employee_id', 'uuid'], ['signer_name', 'text'],
      ['method', 'text'], ['image_attachment_id', 'uuid'], ['operator_user_id', 'uuid'], ['device', 'text'], ['ip', 'text'], ['signed_at', 'timestamptz'],
      ['confirmed_by', 'uuid'], ['confirmed_at', 'timestamptz']], signatures);
    out.letters += await unnestInsert(tx, 'letters', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['campaign_id', 'uuid'], ['employee_id', 'uuid'],
      ['employee_name', 'text'], ['org_unit_id', 'uuid'], ['late_hire', 'bool'], ['due_on', 'date'], ['status', 'text'], ['content_sha256', 'text'],
      ['signature_id', 'uuid'], ['signed_at', 'timestamptz'], ['method', 'text'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], letterRows);
    if ((c / CHUNK) % 4 === 3) console.log(`    letters of ${Math.min(c + CHUNK, ents.length)}/${ents.length} enterprises`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Issue 12: the scale enterprises' management system.

type MgmtEnt = {
  id: string; name: string; district_id: string; industry_code: string; credit_code: string;
  principal: string; principal_emp: string; principal_name: string; safety: string; safety_emp: string;
};
type MgmtCounts = Record<string, number>;

const MGMT_TABLES = ['safety_departments', 'safety_staff', 'safety_engineers', 'safety_service_engagements', 'documents', 'document_posts', 'document_versions',
  'document_acks', 'safety_fee_years', 'safety_fee_uses', 'liability_policies', 'liability_policy_people', 'work_injury_coverage', 'equipment',
  'equipment_inspections', 'renovation_projects'] as const;

async function managementCounts(db: Executor): Promise<MgmtCounts> {
  const r = await sql<MgmtCounts>`select ${sql.join(MGMT_TABLES.map((t) => sql`(select count(*)::int from ${sql.table(t)}) as ${sql.ref(t)}`))}`.execute(db);
  return r.rows[0]!;
}

function printManagementCounts(c: MgmtCounts): void {
  console.log(`  rows: ${MGMT_TABLES.map((t) => `${t} ${c[t]}`).join(', ')}`);
}

/** A 1×1 transparent PNG: the stand-in for a drawn signature (each proxy acknowledgement has its own, as the pad uploads one per signing). */
const DRAWN_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' +
  '0d0a2db40000000049454e44ae426082', 'hex');

/** Short rule and procedure text, so versions have a body and a diff to show. */
function documentBody(title: string, points: readonly string[]): string {
  return [`${title}`, ...points.map((p, i) => `第${'一二三四五六七八九十'[i] ?? i + 1}条 ${p}`)].join('\n');
}
const RULE_POINTS = ['本制度适用于本单位全体从业人员。', '主要负责人对本制度的落实全面负责，安全管理部门负责日常监督检查。',
  '各部门、车间、班组按职责分工组织实施，并做好记录。', '违反本制度的，按安全生产奖惩制度处理。', '本制度自发布之日起施行。'];
const PROCEDURE_POINTS = ['作业前按规定穿戴劳动防护用品，检查设备、工具和作业环境，确认安全后方可作业。', '严格按操作步骤作业，不得违章指挥、违章作业。',
  '发现异常立即停机并报告班组长，不得带病运行。', '作业结束后清理现场，切断电源、气源，做好交接班记录。', '发生事故时按现场处置方案处置并立即报告。'];
/** The operating procedures (操作规程) some posts of the seed's list call for, covering that post. */
const POST_OPERATIONS: Record<string, string> = { 叉车司机: '叉车安全操作规程', 电工: '电气作业安全操作规程', 焊工: '动火作业安全操作规程', 设备维修工: '设备检修作业安全操作规程' };

const ENGINEER_SPECIALTY: Record<string, string> = {
  hazardous_chemicals: 'chemical', non_coal_mining: 'metal_nonmetal_mine', metal_smelting: 'metal_smelting', construction: 'construction', road_transport: 'road_transport',
};
const SERVICE_INSTITUTIONS = ['云南安信安全技术服务有限公司', '昆明安泰安全咨询有限公司', '云南中安安全评价有限公司', '昆明华安安全技术服务有限公司'];
const USE_PURPOSES: Record<string, string[]> = {
  facilities: ['车间防护栏杆更换', '消防设施维护保养', '可燃气体报警器更换'], emergency: ['应急物资补充', '年度应急演练', '应急预案修订评审'],
  risk_hazard: ['隐患整改材料费', '安全风险分级管控信息系统运维'], inspection: ['安全生产标准化咨询', '第三方安全检查'], ppe: ['劳动防护用品采购', '安全帽、防护手套采购'],
  training: ['三级安全教育培训', '特种作业人员复审培训', '隐患报告奖励'], new_tech: ['自动化改造安全装置'], testing: ['特种设备定期检验费', '防雷装置检测'],
  liability_insurance: ['安全生产责任保险保费'], other_direct: ['安全警示标志制作'],
};
/** Ordinary equipment of a workshop, and special equipment by type (issue 12 §5). */
const PLAIN_EQUIPMENT: [name: string, type: string][] = [['空气压缩机', '压缩机'], ['离心泵', '泵'], ['数控车床', '机床'], ['冲压机', '压力机'], ['配电柜', '电气设备'],
  ['砂轮机', '机床'], ['通风机', '风机'], ['输送机', '输送设备'], ['搅拌机', '搅拌设备'], ['包装机', '包装设备']];
const SPECIAL_EQUIPMENT: [type: string, name: string, kind: string][] = [['field_vehicle', '叉车', '内燃平衡重式叉车'], ['lift', '载货电梯', '曳引式电梯'],
  ['pressure_vessel', '储气罐', '固定式压力容器'], ['crane', '桥式起重机', '通用桥式起重机'], ['boiler', '燃气锅炉', '蒸汽锅炉'], ['pressure_piping', '蒸汽管道', '工业管道']];

/**
 * Issue 12's management system for every active scale enterprise, once (its own marker), in one transaction:
 * - safety organisation (R-TEAM-1/2): a department in most transport and high-risk units and some others, the safety
 *   manager as full-time (seven in ten) or part-time officer, a second full-time officer in half of the industries
 *   that need a team, a registered engineer in two thirds of the engineer industries (some certificates expired), an
 *   outsourced engagement in one in seven; about one in fourteen enterprises names no officer at all;
 * - documents (R-DOC-1): the required rules of the district's catalogue, each with a first version approved by the
 *   principal's password signature and published (two in three enterprises have them all, the others lack one to four);
 *   a post safety procedure for three in four posts and an operating procedure for the special-operation posts, each
 *   published to the people on its posts then (one acknowledgement row each). Half the enterprises have everyone
 *   acknowledged, the others 55–99 %: the two account holders on their phone, the others on the safety manager's shared
 *   device (a `proxy_pad` signature with its own drawn image, linked and locked, as proxyAcknowledge leaves it);
 * - the year's safety fee (R-INV-1): the required accrual computed by the district's `safety-fee` rule-set for the
 *   industries whose schedule is verified (hazardous goods by revenue, construction by project cost), the accrual
 *   booked (a quarter short of it), an opening balance, and 3–10 uses dated up to the seed day (some outside the
 *   eligible categories);
 * - insurance (R-INS-1): a current confirmed 安责险 policy for 85 % of the enterprises that must hold one (the others
 *   miss it) and a fifth of the others, written by the district's insurers; most insure every active person, a quarter
 *   leave some out, a few cover less than the minimum or are paid by staff; a few are still pending confirmation.
 *   Policies are written pending, their people added, then confirmed (the order the immutability trigger allows).
 *   Work-injury coverage for nine in ten people;
 * - equipment: 3–8 items per enterprise, four in ten special equipment with its last inspection and the next due day
 *   by the `equipment` rule-set's interval (about 7 % overdue on the seed day), a few flagged obsolete, a few retired;
 *   renovation projects in one in twenty enterprises.
 * After commit, the equipment job (`openOverdueHazards`) opens the hidden hazard of each overdue inspection, as the
 * hourly job would have by the seed day. The duties of the equipment and insurance events are not seeded.
 */
async function seedManagement(db: Db, args: Args, where: string): Promise<void> {
  const year = args.year;
  const write = async (tx: Executor, { now, today, asOf, s }: PhaseClock) => {
    const at = (day: string, minute: number) => new Date(Math.min(now.getTime(), new Date(`${day}T00:00:00+08:00`).getTime() + minute * 60_000));
    let t = performance.now();
    await sql`create temp table seed_mgmt on commit drop as
      select e.id, e.name, e.district_id, e.industry_code, e.credit_code, p.id as principal, p.employee_id as principal_emp, pe.name as principal_name,
             m.id as safety, m.employee_id as safety_emp
        from enterprises e
        join users p on p.username = 'p' || e.credit_code and p.enterprise_id = e.id
        join employees pe on pe.enterprise_id = e.id and pe.id = p.employee_id
        join users m on m.username = 's' || e.credit_code and m.enterprise_id = e.id
       where ${SCALE_ENTERPRISE} and e.status = 'active'`.execute(tx);
    await sql`alter table seed_mgmt add primary key (id)`.execute(tx);
    await sql`analyze seed_mgmt`.execute(tx);
    const ents = (await sql<MgmtEnt>`select * from seed_mgmt order by id`.execute(tx)).rows;
    const created = localAt(sql`${asOf}::date - 400 + (abs(hashtext(se.id::text || '/created'))::bigint % 300)::int`, sql`600`);

    // ---- safety organisation (R-TEAM-1/2) ----
    const r1 = draw(sql`se.id::text`, sql`'department'`);
    await sql`insert into safety_departments (enterprise_id, name, document_no, established_on, note, created_at, updated_at)
      select se.id, '安全环保部', '安委发〔' || (2012 + ${r1} % 12) || '〕' || (1 + ${r1} % 40) || '号', date '2012-01-01' + (${r1} * 4)::int, '', ${created}, ${created}
        from seed_mgmt se join industries i on i.code = se.industry_code
       where ${r1} < case when 'team_required' = any(i.categories) then 780 else 180 end`.execute(tx);
    const r2 = draw(sql`se.id::text`, sql`'staff'`);
    await sql`insert into safety_staff (enterprise_id, employee_id, kind, appointment_no, appointed_on, duties, created_at, updated_at)
      select se.id, se.safety_emp, case when ${r2} < 700 then 'full_time' else 'part_time' end, '任〔' || (2015 + ${r2} % 10) || '〕' || (1 + ${r2} % 20) || '号',
             date '2015-03-01' + (${r2} * 3)::int, '负责本单位安全生产日常管理、隐患排查和教育培训', ${created}, ${created}
        from seed_mgmt se where ${r2} < 930`.execute(tx);
    await sql`insert into safety_staff (enterprise_id, employee_id, kind, appointment_no, appointed_on, duties, created_at, updated_at)
      select se.id, x.id, 'full_time', '任〔2023〕' || (1 + ${r2} % 30) || '号', date '2023-02-01' + (${r2} % 600)::int, '负责车间现场安全检查', ${created}, ${created}
        from seed_mgmt se join industries i on i.code = se.industry_code
        cross join lateral (select m.id from employees m where m.enterprise_id = se.id and m.status = 'active' and m.id not in (se.safety_emp, se.principal_emp)
          order by m.id limit 1) x
       where 'team_required' = any(i.categories) and ${r2} % 2 = 0
      on conflict (enterprise_id, employee_id) do nothing`.execute(tx);
    const r3 = draw(sql`se.id::text`, sql`'engineer'`);
    await sql`insert into safety_engineers (enterprise_id, employee_id, certificate_no, specialty, valid_until, created_at, updated_at)
      select se.id, se.safety_emp, 'ZCAQ' || (2018 + ${r3} % 7) || lpad((abs(hashtext(se.id::text || '/cert'))::bigint % 100000000)::text, 8, '0'),
             coalesce((${JSON.stringify(ENGINEER_SPECIALTY)}::jsonb) ->> se.industry_code, 'other'),
             ${asOf}::date - 60 + (${r3} * 2)::int, ${created}, ${created}
        from seed_mgmt se join industries i on i.code = se.industry_code
       where 'engineer_required' = any(i.categories) and ${r3} < 660`.execute(tx);
    const r4 = draw(sql`se.id::text`, sql`'engagement'`);
    await sql`insert into safety_service_engagements (enterprise_id, institution_name, services, contract_no, starts_on, ends_on, created_at, updated_at)
      select se.id, (${SERVICE_INSTITUTIONS}::text[])[1 + ${r4} % ${SERVICE_INSTITUTIONS.length}], '安全生产管理咨询、隐患排查技术服务',
             'FW-' || ${year} || '-' || lpad((${r4} % 1000)::text, 3, '0'), ${asOf}::date - (${r4} % 300)::int, ${asOf}::date - (${r4} % 300)::int + 364, ${created}, ${created}
        from seed_mgmt se where ${r4} < 140`.execute(tx);
    console.log(`  safety organisation     ${s(t)}`);

    // ---- documents, versions and acknowledgements (R-DOC-1) ----
    t = performance.now();
    const docs = await seedDocuments(tx, args, ents, asOf, at);
    console.log(`  documents, acks         ${s(t)} (${docs.documents} documents, ${docs.acks} acknowledgements asked, ${docs.acknowledged} acknowledged)`);

    // ---- the year's safety fee (R-INV-1) ----
    t = performance.now();
    const fee = await seedFee(tx, args, ents, year, asOf, at);
    console.log(`  safety fee              ${s(t)} (${fee.years} fee years, ${fee.uses} uses)`);

    // ---- insurance (R-INS-1) ----
    t = performance.now();
    const insurers = (await sql<{ id: string; user_id: string | null }>`select i.id, (select u.id from users u where u.institution_id = i.id order by u.created_at limit 1) as user_id
      from institutions i where i.kind = 'insurer' order by i.id`.execute(tx)).rows;
    let policies = 0;
    if (insurers.length) {
      const liability = await currentRulesByDistrict(tx, LIABILITY_INSURANCE_RULES);
      const rp = draw(sql`se.id::text`, sql`'policy'`);
      for (const [districtId, rules] of liability) {
        const res = await sql`insert into liability_policies (enterprise_id, institution_id, policy_number, starts_on, ends_on, premium, premium_paid_by, status, created_by, created_at, updated_at)
          select se.id, ins.id, 'PZAX' || ${year} || upper(substr(md5(se.id::text || '/policy'), 1, 12)),
                 w.starts_on, (w.starts_on + interval '1 year' - interval '1 day')::date,
                 (coalesce(h.active, 0) * (90 + ${rp} % 160))::numeric(14, 2), case when ${rp} % 1000 < 12 then 'staff' else 'unit' end, 'pending', ins.user_id,
                 ${localAt(sql`w.starts_on - 5`, sql`600`)}, ${localAt(sql`w.starts_on - 5`, sql`600`)}
            from seed_mgmt se
            left join staffing_headcounts h on h.enterprise_id = se.id
            cross join lateral (select (${asOf}::date - (${rp} * 7 % 340)::int) as starts_on) w
            cross join lateral (select x.id, x.user_id from unnest(${insurers.map((i) => i.id)}::uuid[], ${insurers.map((i) => i.user_id)}::uuid[]) with ordinality as x (id, user_id, n)
              where x.n = 1 + ${rp} % ${insurers.length}) ins
           where se.district_id = ${districtId} and ${rp} < case when se.industry_code = any(${[...rules.value.industries]}::text[]) then 850 else 200 end`.execute(tx);
        policies += Number(res.numAffectedRows ?? 0);
      }
      // The insured people while the policies are pending (the trigger refuses them later): everyone active in three in
      // four policies, nine in ten (dispatched and temporary staff more often left out) in the others; one cover each.
      await sql`insert into liability_policy_people (enterprise_id, policy_id, employee_id, cover)
        select p.enterprise_id, p.id, m.id, c.cover
          from liability_policies p join seed_mgmt se on se.id = p.enterprise_id
          cross join lateral (select case when ${draw(sql`p.id::text`, sql`'cover'`)} < 30 then 300000.00 when ${draw(sql`p.id::text`, sql`'cover'`)} < 400 then 400000.00
            else 500000.00 end::numeric(14, 2) as cover, ${draw(sql`p.id::text`, sql`'gaps'`)} < 250 as gaps) c
          join employees m on m.enterprise_id = p.enterprise_id and m.status = 'active'
         where p.status = 'pending'
           and (not c.gaps or ${draw(sql`m.id::text`, sql`'insured'`)} < case when m.employment_form = 'regular' then 950 else 700 end)`.execute(tx);
      // The enterprise's safety manager confirms within days (3 % not yet); in force when its period holds today.
      await sql`update liability_policies p set status = 'confirmed', confirmed_by = se.safety,
          confirmed_at = least(${now}::timestamptz, p.created_at + interval '2 days'), updated_at = least(${now}::timestamptz, p.created_at + interval '2 days'),
          in_force = (p.starts_on <= ${today}::date and p.ends_on >= ${today}::date), version = 2
        from seed_mgmt se where se.id = p.enterprise_id and p.status = 'pending' and ${draw(sql`p.id::text`, sql`'confirm'`)} >= 30`.execute(tx);
    }
    const wi = draw(sql`m.id::text`, sql`'work_injury'`);
    await sql`insert into work_injury_coverage (enterprise_id, employee_id, covered, updated_by, updated_at)
      select m.enterprise_id, m.id, ${wi} < 930, se.safety, ${created}
        from seed_mgmt se join employees m on m.enterprise_id = se.id and m.status = 'active' where ${wi} < 970`.execute(tx);
    console.log(`  insurance               ${s(t)} (${policies} policies${insurers.length ? '' : ': no insurer in the demo district'})`);

    // ---- equipment and special equipment ----
    t = performance.now();
    const equipmentRules = await currentRulesByDistrict(tx, EQUIPMENT_RULES);
    const special = SPECIAL_EQUIPMENT;
    for (const [districtId, rules] of equipmentRules) {
      const months = special.map(([type]) => rules.value.intervals[type as keyof typeof rules.value.intervals]);
      const re = draw(sql`se.id::text`, sql`g::text`, sql`'equipment'`);
      await sql`insert into equipment (enterprise_id, code, name, type, model, org_unit_id, location, monitoring_measures, special_type, registration_no,
          registration_cert_no, last_inspected_on, next_inspection_due, inspection_cert_no, obsolete_item, status, created_by, created_at, updated_at)
        select se.id, 'SB-' || lpad(g::text, 3, '0'), k.name, k.type, k.model, u.id, u.name || '作业区', k.monitoring, k.special_type,
               case when k.special_type is not null then '使' || upper(substr(md5(se.id::text || g), 1, 10)) else '' end,
               case when k.special_type is not null then '特证' || substr(md5(se.id::text || g || 'c'), 1, 8) else '' end,
               (d.due - k.months * interval '1 month')::date, d.due,
               case when k.special_type is not null then 'JY' || ${year} || substr(md5(se.id::text || g || 'j'), 1, 8) else '' end,
               case when ${re} % 1000 < 6 and se.industry_code = 'hazardous_chemicals' then 'hc-2020-open-centrifuge'
                    when k.special_type = 'boiler' and ${re} % 100 < 8 then 'mech-2015-natural-circulation-boiler' end,
               case when ${re} % 100 < 2 then 'retired' when ${re} % 100 < 6 then 'idle' else 'in_use' end,
               se.safety, ${created}, ${created}
          from seed_mgmt se
          cross join lateral generate_series(1, 3 + (abs(hashtext(se.id::text || '/equipment'))::bigint % 6)::int) g
          cross join lateral (select case when ${re} < 400 then 1 + (${re} % 6)::int end as sp, (${re} % ${PLAIN_EQUIPMENT.length})::int + 1 as pl) c
          cross join lateral (select
              coalesce((${special.map((x) => x[1])}::text[])[c.sp], (${PLAIN_EQUIPMENT.map((x) => x[0])}::text[])[c.pl]) as name,
              coalesce((${special.map((x) => x[2])}::text[])[c.sp], (${PLAIN_EQUIPMENT.map((x) => x[1])}::text[])[c.pl]) as type,
              'XH-' || (100 + ${re} % 900) as model, (${special.map((x) => x[0])}::text[])[c.sp] as special_type, (${months}::int[])[c.sp] as months,
              case when c.sp is not null then '压力、温度在线监测，超限声光报警' when ${re} % 3 = 0 then '急停按钮、防护罩联锁' else '' end as monitoring) k
          -- R: about 7 % of the special equipment is overdue on the seed day (its due day within the last 30 days).
          cross join lateral (select case when k.special_type is not null then ${asOf}::date - 30 + (abs(hashtext(se.id::text || g || '/due'))::bigint % 400)::int end as due) d
          cross join lateral (select u.id, u.name from org_units u where u.enterprise_id = se.id and u.kind in ('workshop', 'team')
            order by hashtext(u.id::text || g::text) limit 1) u
         where se.district_id = ${districtId}`.execute(tx);
    }
    await sql`insert into equipment_inspections (enterprise_id, equipment_id, inspected_on, next_due, result, inspector, certificate_no, note, recorded_by, created_at)
      select q.enterprise_id, q.id, q.last_inspected_on, q.next_inspection_due,
             case when ${draw(sql`q.id::text`, sql`'result'`)} < 50 then 'conditional' else 'pass' end, '昆明市特种设备安全检验研究院', q.inspection_cert_no, '',
             q.created_by, ${localAt(sql`q.last_inspected_on + 3`, sql`600`)}
        from equipment q join seed_mgmt se on se.id = q.enterprise_id where q.special_type is not null`.execute(tx);
    const rr = draw(sql`se.id::text`, sql`'renovation'`);
    await sql`insert into renovation_projects (enterprise_id, name, year, kind, investment, people_reduced, status, note, created_by, created_at, updated_at)
      select se.id, case when ${rr} % 2 = 0 then '搬运工序机械化改造' else '包装线自动化改造' end, ${year}, case when ${rr} % 2 = 0 then 'mechanisation' else 'automation' end,
             (200000 + ${rr} * 3000)::numeric(14, 2), 1 + (${rr} % 8)::int, (array['planned', 'in_progress', 'completed'])[1 + (${rr} % 3)::int], '', se.safety, ${created}, ${created}
        from seed_mgmt se where ${rr} < 50`.execute(tx);
    console.log(`  equipment               ${s(t)}`);

    return { year, asOf, enterprises: ents.length, ...docs, ...fee, policies, createdAt: new Date().toISOString() };
  };
  const done = await seedPhase(db, {
    marker: SCALE_MANAGEMENT_MARKER, what: 'management system', where, year, printCounts: async () => printManagementCounts(await managementCounts(db)), write,
  });
  if (!done) return;
  const { value: summary, started, now, s } = done;
  let t = performance.now();
  // The hourly job opens a hidden hazard for each overdue inspection (500 a run): run it until it has none left.
  let hazards = 0;
  for (let n = -1; n !== 0;) hazards += n = await openOverdueHazards(db, now);
  console.log(`  overdue hazards         ${s(t)} (${hazards} opened by the equipment job)`);
  t = performance.now();
  await sql`analyze ${sql.join(MGMT_TABLES.map((x) => sql.table(x)))}, signatures, attachments, attachment_links`.execute(db);
  console.log(`  analyze                 ${s(t)}`);
  console.log(`seed:scale: added the management system of ${summary.enterprises} enterprises (as of ${summary.asOf}) on ${where} in ${s(started)}`);
  printManagementCounts(await managementCounts(db));
}

type DocSummary = { documents: number; acks: number; acknowledged: number };

/**
 * The required rules and the procedures of each enterprise, 500 enterprises a round: documents, their posts, the
 * published first version with the principal's approval signature, the acknowledgement rows of the people on the
 * posts when it was published, and the acknowledgements made (self for account holders, proxy_pad with its own image).
 */
async function seedDocuments(tx: Executor, args: Args, ents: MgmtEnt[], asOf: string, at: (day: string, minute: number) => Date): Promise<DocSummary> {
  const r = rng(args.seed + 12);
  const out: DocSummary = { documents: 0, acks: 0, acknowledged: 0 };
  const catalogues = await currentRulesByDistrict(tx, REQUIRED_RULES);
  const pngSha = createHash('sha256').update(DRAWN_PNG).digest('hex');
  const CHUNK = 500;
  for (let c = 0; c < ents.length; c += CHUNK) {
    const chunk = ents.slice(c, c + CHUNK);
    const ids = chunk.map((e) => e.id);
    const posts = (await sql<{ enterprise_id: string; id: string; name: string }>`select enterprise_id, id, name from posts where enterprise_id = any(${ids}::uuid[])
      order by enterprise_id, name, id`.execute(tx)).rows;
    const people = (await sql<{ enterprise_id: string; post_id: string; id: string; name: string; hire_date: string | null }>`
      select ep.enterprise_id, ep.post_id, m.id, m.name, m.hire_date::text as hire_date from employee_posts ep
        join employees m on m.enterprise_id = ep.enterprise_id and m.id = ep.employee_id and m.status = 'active'
       where ep.enterprise_id = any(${ids}::uuid[]) order by ep.enterprise_id, m.id`.execute(tx)).rows;
    const postsOf = new Map<string, typeof posts>();
    for (const p of posts) (postsOf.get(p.enterprise_id) ?? postsOf.set(p.enterprise_id, []).get(p.enterprise_id)!).push(p);
    const onPost = new Map<string, typeof people>();
    for (const p of people) (onPost.get(p.post_id) ?? onPost.set(p.post_id, []).get(p.post_id)!).push(p);
    const docRows: unknown[][] = [];
    const docPosts: unknown[][] = [];
    const versions: unknown[][] = [];
    const sigs: unknown[][] = [];
    const acks: unknown[][] = [];
    const images: unknown[][] = [];
    for (const e of chunk) {
      const catalogue = requiredFor(catalogues.get(e.district_id)?.value.rules ?? [], e.industry_code);
      const lacking = r.chance(0.65) ? 0 : r.int(1, Math.min(4, catalogue.length));
      const rules = [...catalogue].sort(() => r.next() - 0.5).slice(lacking);
      // Everyone acknowledged in half the enterprises; 55–99 % in the others.
      const share = r.chance(0.5) ? 1 : 0.55 + r.next() * 0.44;
      const publish = (kind: 'rule' | 'procedure' | 'post_procedure', title: string, codes: string[], covered: { id: string; name: string }[], day: string) => {
        const docId = randomUUID();
        const versionId = randomUUID();
        const sigId = randomUUID();
        const createdAt = at(addLocalDays(day, -14), 9 * 60);
        const approvedAt = at(addLocalDays(day, -3), 10 * 60 + r.int(0, 300));
        const publishedAt = at(addLocalDays(day, -1), 15 * 60 + r.int(0, 120));
        const body = documentBody(title, kind === 'rule' ? RULE_POINTS : PROCEDURE_POINTS);
        const changeNote = '首次发布';
        // What the principal signs (documents.service.ts approveVersion).
        const hash = contentHash({ document: { id: docId, kind, title }, number: 1, effectiveOn: day, body, changeNote, files: [] });
        docRows.push([e.id, docId, kind, title, codes, covered.map((p) => p.name).join('、'), e.safety, createdAt, publishedAt]);
        for (const p of covered) docPosts.push([e.id, docId, p.id]);
        versions.push([e.id, versionId, docId, 1, 'published', day, body, changeNote, sigId, hash, e.principal, approvedAt, e.safety, publishedAt, e.safety, createdAt, 3]);
        sigs.push([e.id, sigId, 'document_version', versionId, 1, hash, e.principal, e.principal_emp, e.principal_name, 'password', null, null, '', approvedAt]);
        out.documents++;
        const ackContent = contentHash({ acknowledged: { document: docId, title, number: 1, effectiveOn: day, sha256: hash } });
        const seen = new Set<string>();
        for (const p of covered) {
          for (const m of onPost.get(p.id) ?? []) {
            // Asked when it was published: the people on the post then.
            if (seen.has(m.id) || (m.hire_date !== null && m.hire_date > localDay(publishedAt))) continue;
            seen.add(m.id);
            out.acks++;
            if (!r.chance(share)) {
              acks.push([e.id, versionId, m.id, docId, publishedAt, null, null, null]);
              continue;
            }
            out.acknowledged++;
            const ackAt = new Date(Math.min(at(asOf, 20 * 60).getTime(), publishedAt.getTime() + r.int(1, 20 * 24 * 60) * 60_000));
            const self = m.id === e.principal_emp ? e.principal : m.id === e.safety_emp ? e.safety : null;
            if (self) {
              acks.push([e.id, versionId, m.id, docId, publishedAt, ackAt, self, null]);
              continue;
            }
            const ackSig = randomUUID();
            const imageId = randomUUID();
            images.push([e.id, imageId, e.safety, ackAt, ackSig]);
            sigs.push([e.id, ackSig, 'document_version', versionId, 1, ackContent, null, m.id, m.name, 'proxy_pad', imageId, e.safety, '班组共享平板', ackAt]);
            acks.push([e.id, versionId, m.id, docId, publishedAt, ackAt, e.safety, ackSig]);
          }
        }
      };
      for (const rule of rules) publish('rule', rule.name, [rule.code], [], addLocalDays(asOf, -r.int(60, 2200)));
      for (const p of postsOf.get(e.id) ?? []) {
        if (r.chance(0.75)) publish('post_procedure', `${p.name}岗位安全操作规程`, [], [p], addLocalDays(asOf, -r.int(10, 720)));
        const op = POST_OPERATIONS[p.name];
        if (op && r.chance(0.7)) publish('procedure', op, [], [p], addLocalDays(asOf, -r.int(10, 900)));
      }
    }
    // A rule satisfies one required code, a procedure none (arrays of arrays cannot be unnested row by row).
    const col = (i: number) => docRows.map((x) => x[i]);
    await sql`insert into documents (enterprise_id, id, kind, title, required_codes, processes, created_by, created_at, updated_at)
      select x.e, x.id, x.kind, x.title, case when x.code is null then '{}'::text[] else array[x.code] end, x.processes, x.by, x.at, x.upd
        from unnest(${col(0)}::uuid[], ${col(1)}::uuid[], ${col(2)}::text[], ${col(3)}::text[], ${docRows.map((x) => (x[4] as string[])[0] ?? null)}::text[],
          ${col(5)}::text[], ${col(6)}::uuid[], ${col(7)}::timestamptz[], ${col(8)}::timestamptz[]) as x (e, id, kind, title, code, processes, by, at, upd)`.execute(tx);
    await unnestInsert(tx, 'document_posts', [['enterprise_id', 'uuid'], ['document_id', 'uuid'], ['post_id', 'uuid']], docPosts);
    if (images.length) {
      // Each proxy acknowledgement's drawn image: uploaded by the operator, linked to its signature and locked (signDocument).
      await sql`insert into attachments (enterprise_id, id, kind, mime, size, sha256, data, name, width, height, uploaded_by, created_at, locked)
        select x.e, x.id, 'signature', 'image/png', ${DRAWN_PNG.length}, ${pngSha}, ${DRAWN_PNG}, 'signature.png', 1, 1, x.u, x.at, true
          from unnest(${images.map((x) => x[0])}::uuid[], ${images.map((x) => x[1])}::uuid[], ${images.map((x) => x[2])}::uuid[], ${images.map((x) => x[3])}::timestamptz[])
            as x (e, id, u, at)`.execute(tx);
    }
    await unnestInsert(tx, 'signatures', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['document_type', 'text'], ['document_id', 'text'], ['document_version', 'int'],
      ['content_sha256', 'text'], ['signer_user_id', 'uuid'], ['signer_employee_id', 'uuid'], ['signer_name', 'text'], ['method', 'text'],
      ['image_attachment_id', 'uuid'], ['operator_user_id', 'uuid'], ['device', 'text'], ['signed_at', 'timestamptz']], sigs);
    await unnestInsert(tx, 'attachment_links', [['enterprise_id', 'uuid'], ['attachment_id', 'uuid'], ['owner_type', 'text'], ['owner_id', 'uuid'], ['created_at', 'timestamptz']],
      images.map((x) => [x[0], x[1], 'signature', x[4], x[3]]));
    await unnestInsert(tx, 'document_versions', [['enterprise_id', 'uuid'], ['id', 'uuid'], ['document_id', 'uuid'], ['number', 'int'], ['status', 'text'],
      ['effective_on', 'date'], ['body', 'text'], ['change_note', 'text'], ['signature_id', 'uuid'], ['content_sha256', 'text'], ['approved_by', 'uuid'],
      ['approved_at', 'timestamptz'], ['published_by', 'uuid'], ['published_at', 'timestamptz'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['row_version', 'int']], versions);
    await unnestInsert(tx, 'document_acks', [['enterprise_id', 'uuid'], ['version_id', 'uuid'], ['employee_id', 'uuid'], ['document_id', 'uuid'], ['asked_at', 'timestamptz'],
      ['acknowledged_at', 'timestamptz'], ['acknowledged_by', 'uuid'], ['signature_id', 'uuid']], acks);
    if ((c / CHUNK) % 4 === 3) console.log(`    documents of ${Math.min(c + CHUNK, ents.length)}/${ents.length} enterprises`);
  }
  return out;
}

type FeeSummary = { years: number; uses: number };

/**
 * The year's safety-fee ledger of each enterprise (R-INV-1): the required accrual where the district's rule-set has a
 * verified schedule for the industry (computed by `computeAccrual`, its inputs, lines and version kept), the accrual
 * booked, an opening balance (the first year on the platform) and the uses so far, money in exact decimals.
 */
async function seedFee(tx: Executor, args: Args, ents: MgmtEnt[], year: number, asOf: string, at: (day: string, minute: number) => Date): Promise<FeeSummary> {
  const r = rng(args.seed + 13);
  const rules = await currentRulesByDistrict(tx, SAFETY_FEE_RULES);
  const years: unknown[][] = [];
  const uses: unknown[][] = [];
  const yearStart = `${year}-01-01`;
  const span = Math.max(0, Math.round((Date.parse(asOf) - Date.parse(yearStart)) / 86_400_000));
  const yuan = (min: number, max: number) => BigInt(r.int(min, max)) * 100n;
  for (const e of ents) {
    const fee = rules.get(e.district_id);
    const schedules = fee?.value.industries.find((i) => i.industry === e.industry_code)?.schedules ?? [];
    const verified = fee?.value.schedules.find((x) => schedules.includes(x.key) && x.verified);
    let required: bigint | null = null;
    let inputs: AccrualInput[] | null = null;
    let lines: unknown = null;
    if (fee && verified) {
      // Hazardous goods by the prior year's revenue; construction by the project cost booked this year.
      inputs = [{ schedule: verified.key, base: formatFen(verified.basis === 'project_cost' ? yuan(5_000_000, 200_000_000) : yuan(2_000_000, 300_000_000)) }];
      const result = computeAccrual(fee.value.schedules, inputs);
      if (result.ok) {
        required = BigInt(result.total.replace('.', ''));
        lines = result.lines;
      } else inputs = null;
    }
    const accrued = required === null ? yuan(30_000, 600_000) : r.chance(0.75) ? required : (required * BigInt(r.int(50, 95))) / 100n;
    const opening = (accrued * BigInt(r.int(0, 20))) / 100n;
    const computedAt = required === null ? null : at(addLocalDays(yearStart, r.int(10, 40)), 10 * 60);
    years.push([e.id, year, required === null ? null : formatFen(required), inputs && JSON.stringify(inputs), lines && JSON.stringify(lines),
      required === null ? null : fee!.version, required === null ? null : e.safety, computedAt, formatFen(accrued), formatFen(opening), at(asOf, 8 * 60)]);
    // Uses spread over the year so far, totalling 40–105 % of what is available (balance mostly positive).
    const n = span < 7 ? 1 : r.int(3, 10);
    let budget = ((accrued + opening) * BigInt(r.int(40, 105))) / 100n;
    const categories = fee?.value.categories.map((x) => x.code) ?? ['other_direct'];
    const outside = r.chance(0.05) ? r.int(0, n - 1) : -1;
    for (let i = 0; i < n && budget > 100n; i++) {
      const amount = i === n - 1 ? budget : (budget * BigInt(r.int(5, 40))) / 100n;
      if (amount <= 0n) continue;
      budget -= amount;
      const day = addLocalDays(yearStart, Math.floor((span * (i + r.next())) / n));
      const category = i === outside ? OUTSIDE_CATEGORY : r.pick(categories);
      const purpose = i === outside ? '职工节日慰问品' : r.pick(USE_PURPOSES[category] ?? ['安全生产相关支出']);
      const recorded = at(day, 16 * 60 + r.int(0, 120));
      uses.push([e.id, year, day, category, formatFen(amount), purpose, `记-${day.slice(5, 7)}-${String(r.int(1, 999)).padStart(3, '0')}`, e.safety, recorded, recorded]);
    }
  }
  const out: FeeSummary = { years: 0, uses: 0 };
  const BATCH = 20_000;
  for (let i = 0; i < years.length; i += BATCH) {
    out.years += await unnestInsert(tx, 'safety_fee_years', [['enterprise_id', 'uuid'], ['year', 'int'], ['required_accrual', 'numeric'], ['accrual_inputs', 'jsonb'],
      ['accrual_lines', 'jsonb'], ['rule_set_version', 'int'], ['computed_by', 'uuid'], ['computed_at', 'timestamptz'], ['accrued', 'numeric'], ['opening_balance', 'numeric'],
      ['updated_at', 'timestamptz']], years.slice(i, i + BATCH));
  }
  for (let i = 0; i < uses.length; i += BATCH) {
    out.uses += await unnestInsert(tx, 'safety_fee_uses', [['enterprise_id', 'uuid'], ['year', 'int'], ['used_on', 'date'], ['category', 'text'], ['amount', 'numeric'],
      ['purpose', 'text'], ['voucher_no', 'text'], ['created_by', 'uuid'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']], uses.slice(i, i + BATCH));
  }
  return out;
}

main().catch((err: unknown) => {
  console.error('seed:scale failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
