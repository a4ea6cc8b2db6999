/**
 * `npm run seed:scale -- --enterprises 10000`: adds a large, realistic data set for benchmarks on top of the demo
 * district (10k enterprises, each with an org tree, posts and ~50 employees: ~500k employees in all).
 *
 * Runs on the configured database (DATABASE_URL, else the embedded engine under DATA_DIR), after migrations.
 * Rows are generated here and written with `insert … select from unnest($1::type[], …)` in large batches, all in
 * one transaction together with an app_settings marker, so a run either lands whole or not at all and a second
 * run finds the marker and skips. Seed data is not a user action, so it writes no audit rows.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/database';
import { migrate } from '../platform/db/migrate';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '../modules/org/credit-code';
import { hashIdNumber, idNumberCheckChar, maskIdNumber } from '../modules/org/id-number';

export const SCALE_MARKER = 'seed_scale';

type Subdistrict = { id: string; name: string; district_id: string; district_code: string };
type Industry = { code: string; name: string; high_risk: boolean };

type Args = { enterprises: number; employees: number; seed: number };

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      enterprises: { type: 'string', default: '10000' },
      'employees-per-enterprise': { type: 'string', default: '50' },
      seed: { type: 'string', default: '20260101' },
    },
    strict: true,
  });
  const enterprises = Number(values.enterprises);
  const employees = Number(values['employees-per-enterprise']);
  const seed = Number(values.seed);
  if (!Number.isInteger(enterprises) || enterprises < 1 || enterprises > 1_000_000) throw new Error('--enterprises must be an integer in 1..1000000');
  if (!Number.isInteger(employees) || employees < 2 || employees > 10_000) throw new Error('--employees-per-enterprise must be an integer in 2..10000');
  return { enterprises, employees, seed };
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
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  const where = database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded engine (${config.dataDir})`;
  try {
    await migrate(database.pool);
    const client = await database.pool.connect();
    try {
      const marker = await client.query<{ value: { enterprises: number; employees: number; createdAt: string } }>(
        'select value from app_settings where key = $1', [SCALE_MARKER]);
      if (marker.rows[0]) {
        const v = marker.rows[0].value;
        console.log(`seed:scale: scale data already present on ${where} (${v.enterprises} enterprises, ${v.employees} employees, created ${v.createdAt}); nothing to do`);
        return;
      }
      const subdistricts = (await client.query<Subdistrict>(
        `select s.id, s.name, s.district_id, d.code as district_code
           from subdistricts s join districts d on d.id = s.district_id order by s.code`)).rows;
      const industries = (await client.query<Industry>('select code, name, high_risk from industries order by sort, code')).rows;
      if (subdistricts.length === 0 || industries.length === 0) {
        console.error(`seed:scale: no demo district on ${where} (subdistricts: ${subdistricts.length}, industries: ${industries.length}).\n` +
          'Load the demo data first: run `SEED_DEMO=true npm start` once against this database (on PostgreSQL demo data is off by default), then run this again.');
        process.exitCode = 1;
        return;
      }
      const existingCodes = new Set((await client.query<{ credit_code: string }>('select credit_code from enterprises')).rows.map((r) => r.credit_code));
      await client.query('begin');
      const counts = await generate(client, args, subdistricts, industries, existingCodes, config.appSecret);
      await client.query('insert into app_settings (key, value) values ($1, $2)', [SCALE_MARKER,
        JSON.stringify({ enterprises: counts.enterprises, employees: counts.employees, createdAt: new Date().toISOString() })]);
      await client.query('commit');
      const analyzeStart = performance.now();
      await client.query('analyze enterprises, org_units, posts, employees, employee_posts');
      console.log(`  analyze                 ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`seed:scale: created ${counts.enterprises} enterprises, ${counts.units} org units, ${counts.posts} posts, ` +
        `${counts.employees} employees (${counts.employeePosts} post assignments) on ${where} in ${seconds} s`);
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } finally {
    await database.close();
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
    ['enterprise_id', 'uuid'], ['id', 'uuid'], ['name', 'text'], ['id_number_masked', 'text'], ['id_number_hash', 'text'],
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
      employees.push(eid, empId, personName(r), maskIdNumber(idNumber), hashIdNumber(idNumber, secret), phone(r),
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

main().catch((err: unknown) => {
  console.error('seed:scale failed:', err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
