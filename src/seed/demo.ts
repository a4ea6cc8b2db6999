import { randomUUID } from 'node:crypto';
import { hashPassword } from '../platform/auth/password';
import { writeAudit } from '../platform/audit/audit';
import { seedWorkCalendarFromPackage } from '../platform/calendar';
import type { Db, Tx } from '../platform/db/database';
import type { EmploymentForm, OrgUnitKind, Role } from '../platform/db/schema';
import { creditCodeCheckChar } from '../modules/org/credit-code';
import { hashIdNumber, idNumberCheckChar, maskIdNumber } from '../modules/org/id-number';
import { DEPARTMENTS, INDUSTRIES, SUBDISTRICTS } from './reference-data';
import { seedDemoRisks } from './demo-risk';
import { seedDemoFloorPlan } from './demo-floor-plan';
import { seedDemoChecks } from './demo-checks';
import { seedDemoDuties } from './demo-duties';
import { seedDemoHazards } from './demo-hazards';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoObligations } from './demo-obligations';
import { seedDemoDailyNotices } from './demo-daily-notices';
import { seedDemoDocuments } from './demo-documents';
import { seedDemoInvestment } from './demo-investment';
import { seedDemoInsurance } from './demo-insurance';
import { seedDemoEquipment } from './demo-equipment';
import { seedDemoStaffing } from './demo-staffing';
import { seedDemoCertificates } from './demo-certificates';
import { seedDemoTraining } from './demo-training';
import { seedDemoStandardisation } from './demo-standardisation';
import { seedDemoPpe } from './demo-ppe';
import { seedDemoDrills } from './demo-drills';
import { seedDemoEmergencyPlans } from './demo-emergency-plans';
import { seedDemoRescue } from './demo-rescue';
import { seedDemoAccidents } from './demo-accidents';
import { seedDemoAccidentFollowup } from './demo-accident-followup';
import { addLocalMonths, localDay, localYear } from '../platform/time';
import { idLast4Hash } from '../platform/signatures';

import { DEMO_PASSWORD } from './demo-password';

export { DEMO_PASSWORD };

/** A deterministic pseudo-random sequence, so the demo district is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function makeCreditCode(n: number): string {
  // 9 = 工商, 1 = 企业, 530111 = 官渡区, then a 9-character organisation code.
  const org = String(100000000 + n * 7919).slice(-9);
  const first17 = `91530111${org}`;
  return first17 + creditCodeCheckChar(first17);
}

export function makeIdNumber(n: number, rand: () => number): string {
  const year = 1965 + Math.floor(rand() * 38);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const seq = String(n % 1000).padStart(3, '0');
  const first17 = `530111${year}${month}${day}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

type EnterpriseSeed = { name: string; industry: string; sub: number; employees: number; flags?: Partial<Record<'above_scale' | 'state_owned' | 'central_provincial' | 'crowded_venue', boolean>> };

const ENTERPRISES: EnterpriseSeed[] = [
  { name: '昆明官渡精细化工有限公司', industry: 'hazardous_chemicals', sub: 0, employees: 28, flags: { above_scale: true } },
  { name: '云南滇中危险品储运有限公司', industry: 'hazardous_chemicals', sub: 4, employees: 22, flags: { above_scale: true } },
  { name: '昆明金马气体有限公司', industry: 'hazardous_chemicals', sub: 3, employees: 18 },
  { name: '官渡区加油站连锁有限公司', industry: 'hazardous_chemicals', sub: 1, employees: 16 },
  { name: '云南铜业（官渡）冶炼有限公司', industry: 'metal_smelting', sub: 8, employees: 30, flags: { above_scale: true, state_owned: true, central_provincial: true } },
  { name: '昆明阿拉铝业有限公司', industry: 'metal_smelting', sub: 9, employees: 24, flags: { above_scale: true } },
  { name: '昆明大板桥采石场', industry: 'non_coal_mining', sub: 8, employees: 15 },
  { name: '云南建投第六建设有限公司官渡项目部', industry: 'construction', sub: 0, employees: 26, flags: { state_owned: true, central_provincial: true } },
  { name: '昆明螺蛳湾建筑工程有限公司', industry: 'construction', sub: 2, employees: 20 },
  { name: '官渡城投建设有限公司', industry: 'construction', sub: 5, employees: 18, flags: { state_owned: true } },
  { name: '昆明长水客运有限公司', industry: 'road_transport', sub: 8, employees: 25, flags: { above_scale: true } },
  { name: '云南顺达危货运输有限公司', industry: 'road_transport', sub: 4, employees: 20 },
  { name: '官渡公交第三分公司', industry: 'road_transport', sub: 1, employees: 22, flags: { state_owned: true } },
  { name: '昆明地铁运营（官渡段）分公司', industry: 'urban_rail', sub: 2, employees: 24, flags: { state_owned: true, crowded_venue: true } },
  { name: '官渡燃气有限公司', industry: 'gas', sub: 5, employees: 18, flags: { state_owned: true } },
  { name: '昆明世纪城购物中心', industry: 'commerce', sub: 2, employees: 26, flags: { crowded_venue: true, above_scale: true } },
  { name: '官渡古镇商业管理有限公司', industry: 'commerce', sub: 5, employees: 20, flags: { crowded_venue: true } },
  { name: '螺蛳湾国际商贸城', industry: 'commerce', sub: 0, employees: 24, flags: { crowded_venue: true, above_scale: true } },
  { name: '昆明恒达机械制造有限公司', industry: 'machinery', sub: 3, employees: 22, flags: { above_scale: true } },
  { name: '云南官渡电机有限公司', industry: 'machinery', sub: 6, employees: 18 },
  { name: '昆明小板桥汽车零部件有限公司', industry: 'machinery', sub: 4, employees: 20, flags: { above_scale: true } },
  { name: '昆明滇味食品有限公司', industry: 'food_processing', sub: 7, employees: 20, flags: { above_scale: true } },
  { name: '官渡粑粑食品厂', industry: 'food_processing', sub: 5, employees: 15 },
  { name: '云南乳业（官渡）有限公司', industry: 'food_processing', sub: 6, employees: 22 },
  { name: '昆明六甲印刷包装有限公司', industry: 'light_industry', sub: 7, employees: 16 },
  { name: '昆明矣六新型建材有限公司', industry: 'building_materials', sub: 6, employees: 18 },
  { name: '官渡区冷链物流中心', industry: 'warehousing', sub: 4, employees: 16 },
  { name: '昆明金马酒店管理有限公司', industry: 'hotel_catering', sub: 3, employees: 18, flags: { crowded_venue: true } },
  { name: '官渡古镇文化旅游有限公司', industry: 'culture_tourism', sub: 5, employees: 16, flags: { crowded_venue: true } },
  { name: '昆明市官渡区第一中学', industry: 'education', sub: 1, employees: 20, flags: { crowded_venue: true, state_owned: true } },
  { name: '官渡区人民医院', industry: 'healthcare', sub: 0, employees: 24, flags: { crowded_venue: true, state_owned: true } },
  { name: '昆明东郊烟花爆竹批发有限公司', industry: 'fireworks', sub: 9, employees: 12 },
];

/**
 * RULES.md §8 facts of the demo enterprises, by name: 营业收入 in 万元 (null: not declared, so the size class is an
 * estimate), the 从业人数 declared where the demo loads only part of the staff into the ledger, hazardous-goods
 * carriers, a 职代会, and the actual controller. Together they show every size class and both key-industry overrides.
 */
type ProfileSeed = { revenueWan: number | null; declaredStaff?: number; carrier?: boolean; congress?: boolean; controller?: string };
const PROFILES: Record<string, ProfileSeed> = {
  '昆明官渡精细化工有限公司': { revenueWan: 8600, congress: true, controller: '云南官渡化工集团有限公司' },
  '云南滇中危险品储运有限公司': { revenueWan: 3200, carrier: true, controller: '张建华' },
  '昆明金马气体有限公司': { revenueWan: 1500 },
  '官渡区加油站连锁有限公司': { revenueWan: 5400, controller: '李文斌' },
  '云南铜业（官渡）冶炼有限公司': { revenueWan: 526000, declaredStaff: 1260, congress: true, controller: '云南省人民政府国有资产监督管理委员会' },
  '昆明阿拉铝业有限公司': { revenueWan: 48000, congress: true },
  '昆明大板桥采石场': { revenueWan: 420, controller: '王志国' },
  '云南建投第六建设有限公司官渡项目部': { revenueWan: 95000, congress: true, controller: '云南省人民政府国有资产监督管理委员会' },
  '昆明螺蛳湾建筑工程有限公司': { revenueWan: null },
  '官渡城投建设有限公司': { revenueWan: 12000, congress: true, controller: '昆明市官渡区人民政府' },
  '昆明长水客运有限公司': { revenueWan: 6800 },
  '云南顺达危货运输有限公司': { revenueWan: 2600, carrier: true, controller: '赵海波' },
  '官渡公交第三分公司': { revenueWan: null, congress: true },
  '昆明地铁运营（官渡段）分公司': { revenueWan: 86000, declaredStaff: 1580, congress: true, controller: '昆明市人民政府国有资产监督管理委员会' },
  '官渡燃气有限公司': { revenueWan: 9800, congress: true },
  '昆明世纪城购物中心': { revenueWan: 32000 },
  '官渡古镇商业管理有限公司': { revenueWan: 800 },
  '螺蛳湾国际商贸城': { revenueWan: 56000, congress: true },
  '昆明恒达机械制造有限公司': { revenueWan: 6200 },
  '云南官渡电机有限公司': { revenueWan: 900 },
  '昆明小板桥汽车零部件有限公司': { revenueWan: 2300 },
  '昆明滇味食品有限公司': { revenueWan: 4100 },
  '官渡粑粑食品厂': { revenueWan: 260 },
  '云南乳业（官渡）有限公司': { revenueWan: null },
  '昆明六甲印刷包装有限公司': { revenueWan: 1100 },
  '昆明矣六新型建材有限公司': { revenueWan: 2000 },
  '官渡区冷链物流中心': { revenueWan: 1800 },
  '昆明金马酒店管理有限公司': { revenueWan: 2400 },
  '官渡古镇文化旅游有限公司': { revenueWan: 1200 },
  '昆明市官渡区第一中学': { revenueWan: null },
  '官渡区人民医院': { revenueWan: 42000, declaredStaff: 860, congress: true },
  '昆明东郊烟花爆竹批发有限公司': { revenueWan: 650 },
};
/** The one demo enterprise that joined the platform lately (two months ago): its obligations start then. */
const JOINED_LATELY = '昆明东郊烟花爆竹批发有限公司';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉鹏飞云海波宁凯琳雪梅健斌浩亮';

type UnitSeed = { key: string; parent: string | null; kind: OrgUnitKind; name: string };
const TREE: UnitSeed[] = [
  { key: 'root', parent: null, kind: 'company', name: '' },
  { key: 'safety', parent: 'root', kind: 'department', name: '安全环保部' },
  { key: 'prod', parent: 'root', kind: 'department', name: '生产部' },
  { key: 'equip', parent: 'root', kind: 'department', name: '设备部' },
  { key: 'ws1', parent: 'prod', kind: 'workshop', name: '一车间' },
  { key: 'ws2', parent: 'prod', kind: 'workshop', name: '二车间' },
  { key: 'team1a', parent: 'ws1', kind: 'team', name: '甲班' },
  { key: 'team1b', parent: 'ws1', kind: 'team', name: '乙班' },
  { key: 'team2a', parent: 'ws2', kind: 'team', name: '甲班' },
  { key: 'maint', parent: 'equip', kind: 'team', name: '维修班' },
];
type PostSeed = { key: string; unit: string; name: string; key_post?: boolean; cert?: string };
const POSTS: PostSeed[] = [
  { key: 'principal', unit: 'root', name: '主要负责人', key_post: true },
  { key: 'safety', unit: 'safety', name: '专职安全管理员', key_post: true },
  { key: 'op1', unit: 'team1a', name: '操作工', key_post: true },
  { key: 'op1b', unit: 'team1b', name: '操作工' },
  { key: 'op2', unit: 'team2a', name: '操作工' },
  { key: 'elec', unit: 'maint', name: '电工', key_post: true, cert: '低压电工作业' },
  { key: 'weld', unit: 'maint', name: '焊工', key_post: true, cert: '熔化焊接与热切割作业' },
  { key: 'height', unit: 'ws2', name: '登高架设作业人员', cert: '高处作业' },
  { key: 'forklift', unit: 'ws1', name: '叉车司机', cert: '场（厂）内专用机动车辆作业' },
];
const FORMS: EmploymentForm[] = ['regular', 'regular', 'regular', 'regular', 'dispatched', 'temporary', 'migrant', 'intern'];

export type DemoResult = { enterprises: number; employees: number; users: number };

async function seedReference(tx: Tx, districtId: string) {
  await tx.insertInto('industries').values(INDUSTRIES.map((i, n) => ({ code: i.code, name: i.name, name_en: i.nameEn, high_risk: i.highRisk, categories: i.categories, sort: n })))
    .onConflict((oc) => oc.column('code').doNothing()).execute();
  const subs = await tx.insertInto('subdistricts').values(SUBDISTRICTS.map((s) => ({ district_id: districtId, code: s.code, name: s.name }))).returning(['id', 'code']).execute();
  const deps = await tx.insertInto('departments').values(DEPARTMENTS.map((d) => ({ district_id: districtId, code: d.code, name: d.name }))).returning(['id', 'code']).execute();
  const depId = new Map(deps.map((d) => [d.code, d.id]));
  await tx.insertInto('department_industries').values(DEPARTMENTS.flatMap((d) => d.industries.map((i) => ({ department_id: depId.get(d.code)!, industry_code: i })))).execute();
  return { subIds: SUBDISTRICTS.map((s) => subs.find((x) => x.code === s.code)!.id), depId };
}

/** The setting present while the demo loads (its hazards go through the services, in transactions of their own). */
export const DEMO_LOADING = 'demo_loading';

/**
 * Refuses to start on a database whose demo load was interrupted (the process died between the district's commit and
 * the last hazard): half a demo would pass for a whole one.
 */
export async function assertDemoComplete(db: Db, where: string): Promise<void> {
  const loading = await db.selectFrom('app_settings').select('key').where('key', '=', DEMO_LOADING).executeTakeFirst();
  if (loading) {
    throw new Error(`演示数据上次加载时中断，数据不完整：请删除 ${where} 后重新启动。 `
      + `The demo data's last load was interrupted and is incomplete: delete ${where} and start again.`);
  }
}

/**
 * Loads the demo district modelled on the plan's district (官渡区): subdistricts, departments, industries,
 * 32 enterprises with org trees, posts and employees, two institutions, and one account per role.
 */
/** `now` is the platform clock's instant: the demo's dates (hazard deadlines, check periods, assessments) are relative to it. */
export async function seedDemo(db: Db, opts: { idSecret: string; now: Date }): Promise<DemoResult> {
  const now = opts.now;
  // The official calendar first, so the demo's working-day deadlines are counted on it (a no-op after the platform start).
  await seedWorkCalendarFromPackage(db, now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const rand = rng(20201);
  const seeded = await db.transaction().execute(async (tx) => {
    const district = await tx.insertInto('districts').values({ code: '530111', name: '官渡区' }).returning('id').executeTakeFirstOrThrow();
    const { subIds, depId } = await seedReference(tx, district.id);
    const highRisk = new Set(INDUSTRIES.filter((i) => i.highRisk).map((i) => i.code));
    let employeeTotal = 0;
    let idSeq = 0;
    // idLast4: what the people without an account type when the demo signs their letters on a shared device.
    const firstEnterprise: { id: string; units: Map<string, string>; posts: Map<string, string>; employees: string[]; idLast4: Map<string, string> } = { id: '', units: new Map(), posts: new Map(), employees: [], idLast4: new Map() };
    const enterpriseIds: string[] = [];
    for (const [n, e] of ENTERPRISES.entries()) {
      const principal = SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]!;
      const profile = PROFILES[e.name] ?? { revenueWan: null };
      const ent = await tx.insertInto('enterprises').values({
        district_id: district.id, credit_code: makeCreditCode(n + 1), name: e.name,
        address: `昆明市官渡区${SUBDISTRICTS[e.sub]!.name}${100 + n}号`, subdistrict_id: subIds[e.sub]!, industry_code: e.industry,
        legal_representative: principal, principal_name: principal, principal_phone: `1388${String(7100000 + n * 131).padStart(7, '0')}`,
        employee_count: profile.declaredStaff ?? e.employees, high_risk: highRisk.has(e.industry), above_scale: e.flags?.above_scale ?? false,
        state_owned: e.flags?.state_owned ?? false, central_provincial: e.flags?.central_provincial ?? false, crowded_venue: e.flags?.crowded_venue ?? false,
        annual_revenue_wan: profile.revenueWan, hazardous_goods_carrier: profile.carrier ?? false, has_workers_congress: profile.congress ?? false,
        actual_controller: profile.controller ?? '',
        onboarded_on: e.name === JOINED_LATELY ? addLocalMonths(localDay(now), -2) : `${localYear(now) - 1}-01-01`,
      }).returning('id').executeTakeFirstOrThrow();
      enterpriseIds.push(ent.id);
      const units = new Map<string, { id: string; path: string }>();
      const unitRows = [];
      for (const u of TREE) {
        const id = randomUUID();
        const parent = u.parent ? units.get(u.parent)! : null;
        const path = `${parent?.path ?? '/'}${id}/`;
        units.set(u.key, { id, path });
        unitRows.push({ enterprise_id: ent.id, id, parent_id: parent?.id ?? null, kind: u.kind, name: u.kind === 'company' ? e.name : u.name, path, sort: unitRows.length });
      }
      await tx.insertInto('org_units').values(unitRows).execute();
      const posts = new Map<string, string>();
      await tx.insertInto('posts').values(POSTS.map((p) => {
        const id = randomUUID();
        posts.set(p.key, id);
        return { enterprise_id: ent.id, id, org_unit_id: units.get(p.unit)!.id, name: p.name, key_post: p.key_post ?? false, special_operation: !!p.cert, certificate_type: p.cert ?? null };
      })).execute();
      const empRows = [];
      const links = [];
      const last4 = new Map<string, string>();
      for (let i = 0; i < e.employees; i++) {
        // The demo worker (employee 3) holds 甲班's 操作工 post, whose shift check card is in the demo plans.
        const post = i === 0 ? POSTS[0]! : i === 1 ? POSTS[1]! : i === 3 ? POSTS[2]! : POSTS[2 + Math.floor(rand() * (POSTS.length - 2))]!;
        const idNumber = makeIdNumber(idSeq++, rand);
        const id = randomUUID();
        const name = i === 0 ? principal : SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN[Math.floor(rand() * GIVEN.length)]! + (rand() < 0.6 ? GIVEN[Math.floor(rand() * GIVEN.length)]! : '');
        const hire = new Date(Date.UTC(2008 + Math.floor(rand() * 17), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
        empRows.push({
          enterprise_id: ent.id, id, name, id_number_masked: maskIdNumber(idNumber), id_number_hash: hashIdNumber(idNumber, opts.idSecret),
          id_last4_hash: idLast4Hash(opts.idSecret, ent.id, id, idNumber.slice(-4)),
          phone: `139${String(10000000 + idSeq * 7907).slice(-8)}`, employment_form: i < 2 ? 'regular' as const : FORMS[Math.floor(rand() * FORMS.length)]!,
          org_unit_id: units.get(post.unit)!.id, hire_date: hire.toISOString().slice(0, 10),
        });
        links.push({ enterprise_id: ent.id, employee_id: id, post_id: posts.get(post.key)! });
        last4.set(id, idNumber.slice(-4));
      }
      await tx.insertInto('employees').values(empRows).execute();
      await tx.insertInto('employee_posts').values(links).execute();
      employeeTotal += empRows.length;
      if (n === 0) {
        firstEnterprise.id = ent.id;
        for (const [k, v] of units) firstEnterprise.units.set(k, v.id);
        firstEnterprise.posts = posts;
        firstEnterprise.employees = empRows.map((r) => r.id);
        firstEnterprise.idLast4 = last4;
      }
    }
    await seedDemoRisks(tx, firstEnterprise, now);
    await seedDemoFloorPlan(tx, firstEnterprise.id, now);
    await seedDemoChecks(tx, firstEnterprise, now);
    await seedDemoDuties(tx, firstEnterprise, now);
    const insurer = await tx.insertInto('institutions').values({ kind: 'insurer', name: '人保财险昆明市官渡支公司', credit_code: makeCreditCode(901) }).returning('id').executeTakeFirstOrThrow();
    const service = await tx.insertInto('institutions').values({ kind: 'service', name: '云南安信安全技术服务有限公司', credit_code: makeCreditCode(902) }).returning('id').executeTakeFirstOrThrow();
    // The service institution serves the first ten. The insurer's enterprises are those of its policies in force
    // (R-INS-1, demo-insurance.ts): it holds no hand-kept links.
    await tx.insertInto('institution_enterprises').values(enterpriseIds.slice(0, 10).map((id) => ({ institution_id: service.id, enterprise_id: id }))).execute();

    const accounts: { username: string; display: string; role: Role; extra: Record<string, string | null> }[] = [
      { username: 'admin', display: '区应急管理局管理员', role: 'district_admin', extra: {} },
      { username: 'yjj', display: '区应急管理局 李监管', role: 'department_officer', extra: { department_id: depId.get('YJJ')! } },
      { username: 'zjj', display: '区住建局 张监管', role: 'department_officer', extra: { department_id: depId.get('ZJJ')! } },
      { username: 'guanshang', display: '关上街道 王安监', role: 'subdistrict_officer', extra: { subdistrict_id: subIds[0]! } },
      { username: 'principal', display: '精细化工 主要负责人', role: 'enterprise_principal', extra: { enterprise_id: firstEnterprise.id, employee_id: firstEnterprise.employees[0]! } },
      { username: 'safety', display: '精细化工 安全管理员', role: 'safety_manager', extra: { enterprise_id: firstEnterprise.id, employee_id: firstEnterprise.employees[1]! } },
      { username: 'leader', display: '精细化工 一车间主任', role: 'unit_leader', extra: { enterprise_id: firstEnterprise.id, org_unit_id: firstEnterprise.units.get('ws1')!, employee_id: firstEnterprise.employees[2]! } },
      { username: 'worker', display: '精细化工 操作工', role: 'employee', extra: { enterprise_id: firstEnterprise.id, employee_id: firstEnterprise.employees[3]! } },
      { username: 'insurer', display: '人保财险 风控专员', role: 'insurer_staff', extra: { institution_id: insurer.id } },
      { username: 'service', display: '安信技术服务 评价师', role: 'service_staff', extra: { institution_id: service.id } },
    ];
    const users = await tx.insertInto('users').values(accounts.map((a) => ({
      username: a.username, display_name: a.display, role: a.role, password_hash: passwordHash, must_change_password: false,
      district_id: district.id, ...a.extra, created_at: now, role_since: now,
    }))).returning(['id', 'username']).execute();
    await tx.insertInto('app_settings').values([
      { key: 'demo', value: JSON.stringify({ accounts: accounts.map((a) => ({ username: a.username, password: DEMO_PASSWORD })) }) },
      // Taken away once the hazards are in: a start that finds it knows an earlier load was interrupted.
      { key: DEMO_LOADING, value: JSON.stringify({ since: now.toISOString() }) },
    ]).execute();
    await tx.insertInto('notifications').values(users.map((u) => ({ user_id: u.id, kind: 'system', title: '欢迎使用企业安全生产主体责任平台', body: '这是演示数据：官渡区的街道、部门、企业和员工均为虚构。', created_at: now }))).execute();
    await writeAudit(tx, { actor: null, ip: null, requestId: null, locale: 'zh-CN', now }, {
      action: 'system.seed_demo', entityType: 'district', entityId: district.id, after: { enterprises: ENTERPRISES.length, employees: employeeTotal, users: users.length },
    });
    return { result: { enterprises: ENTERPRISES.length, employees: employeeTotal, users: users.length }, enterprise: firstEnterprise };
  });
  // Once the district and its accounts are committed: the hazards are played through the hazard service, each step in
  // its own transaction as in use, by the demo users and the people the admin opens accounts for.
  // The insurer's scope comes from its policies (issue 12 §4): its policy for the plant exists before it reports hazards there.
  await seedDemoInsurance(db, { enterpriseId: seeded.enterprise.id, now });
  await seedDemoHazards(db, { enterprise: seeded.enterprise, now });
  await seedDemoMeetings(db, { enterprise: seeded.enterprise, now });
  await seedDemoObligations(db, { enterpriseId: seeded.enterprise.id, now, idSecret: opts.idSecret, idLast4: seeded.enterprise.idLast4 });
  await seedDemoDailyNotices(db, { enterpriseId: seeded.enterprise.id, now });
  await seedDemoDocuments(db, { enterpriseId: seeded.enterprise.id, now });
  await seedDemoInvestment(db, { enterpriseId: seeded.enterprise.id, now });
  await seedDemoEquipment(db, { enterpriseId: seeded.enterprise.id, now });
  await seedDemoStaffing(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 13: training demo (keep this marker line)
  await seedDemoTraining(db, { enterpriseId: seeded.enterprise.id, now, idLast4: seeded.enterprise.idLast4 });
  // issue 13: certificates demo (keep this marker line)
  await seedDemoCertificates(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 13: ppe demo (keep this marker line)
  await seedDemoPpe(db, { enterpriseId: seeded.enterprise.id, now, idLast4: seeded.enterprise.idLast4 });
  // issue 13: standardisation demo (keep this marker line)
  await seedDemoStandardisation(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 14: emergency plans demo (keep this marker line)
  await seedDemoEmergencyPlans(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 14: rescue demo (keep this marker line)
  await seedDemoRescue(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 14: drills demo (keep this marker line)
  await seedDemoDrills(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 14: accidents demo (keep this marker line)
  await seedDemoAccidents(db, { enterpriseId: seeded.enterprise.id, now });
  // issue 14: accident follow-up demo (keep this marker line)
  await seedDemoAccidentFollowup(db, { enterpriseId: seeded.enterprise.id, now });
  await db.deleteFrom('app_settings').where('key', '=', DEMO_LOADING).execute();
  return seeded.result;
}
