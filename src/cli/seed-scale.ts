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
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type pg from 'pg';
import { MODULES } from '../app';
import { hashPassword } from '../platform/auth/password';
import { loadConfig } from '../platform/config';
import { exitIfLocked } from '../platform/db/data-dir-lock';
import { openDatabase, type Db, type Executor } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';
import { installModules } from '../platform/module';
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
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../modules/org/credit-code';
import { hashIdNumber, idNumberCheckChar, maskIdNumber } from '../modules/org/id-number';

export const SCALE_MARKER = 'seed_scale';
/** The marker of the second part (issue 11): occurrences, letters and signatures of the scale enterprises. */
export const SCALE_DUTIES_MARKER = 'seed_scale_obligations';
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

/** mulberry32: a small deterministic generator, so two runs with the same seed produce the same names and codes. */
function rng(seed: number) {
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
type Rng = ReturnType<typeof rng>;

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
const SPECIAL: Record<string, string> = { 电工: '电工作业', 焊工: '焊接与热切割作业', 叉车司机: '特种设备作业（场（厂）内专用机动车辆）', 驾驶员: '道路运输从业资格' };
const KEY_POSTS = new Set(['班组长', '安全员', '调度员', '电工', '焊工']);
const FORMS = ['regular', 'regular', 'regular', 'regular', 'regular', 'regular', 'dispatched', 'temporary', 'migrant', 'intern'] as const;

/** 9-character organisation code (GB 11714): 'MA', six symbols numbering the enterprise, and a MOD 11 check (10 → X, 11 → 0). */
function organisationCode(seq: number): string {
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

function creditCode(divisionCode: string, seq: number): string {
  const first17 = `91${divisionCode}${organisationCode(seq)}`;
  return first17 + creditCodeCheckChar(first17);
}

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
    do code = creditCode(divisionCode, 1_000_000 + seq++); while (existingCodes.has(code));
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
  const marker = await db.selectFrom('app_settings').select('value').where('key', '=', SCALE_DUTIES_MARKER).executeTakeFirst();
  if (marker) {
    console.log(`seed:scale: duties already present on ${where} (${JSON.stringify(marker.value)})`);
    printCounts(await tableCounts(db));
    return;
  }
  // The definitions and rule-sets every module declares (what the server installs at start).
  installModules(MODULES);
  const started = performance.now();
  const now = new Date();
  const year = args.year;
  const today = localDay(now);
  // The day the data set stands on: today, or the last day of an earlier year.
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const historyStart = `${year - args.historyYears}-01-01`;
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const s = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  const summary = await db.transaction().execute(async (tx) => {
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
        if (!params.enabled || params.cadence.kind === 'event') continue;
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
    const value = { year, asOf, historyYears: args.historyYears, occurrences, ...letters, createdAt: new Date().toISOString() };
    await sql`insert into app_settings (key, value) values (${SCALE_DUTIES_MARKER}, ${JSON.stringify(value)})`.execute(tx);
    return value;
  });
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

main().catch((err: unknown) => {
  console.error('seed:scale failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
