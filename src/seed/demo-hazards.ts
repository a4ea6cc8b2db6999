import { can, type Actor, type Ctx } from '../platform/auth/actor';
import type { Permission } from '../platform/auth/permissions';
import { accountActor, SEED_REQUEST } from './demo-actors';
import { pngOf } from './demo-images';
import type { Db } from '../platform/db/database';
import type { HazardSource } from '../platform/db/schema';
import { installModules } from '../platform/module';
import { startOfLocalMonth, localMonthIndex, localYear } from '../platform/time';
import { accountsModule } from '../modules/accounts';
import { createUser } from '../modules/accounts/user.service';
import { hazardsModule } from '../modules/hazards';
import { runHazardEscalation } from '../modules/hazards/loop/hazard-escalation';
import {
  acceptHazard, assignRectification, confirmHazard, decideExtension, fixOnSpot, listForSupervision, rejectRectification, reportHazard,
  requestExtension, saveFiveInPlacePlan, submitRectification, uploadPhotos, voidHazard,
} from '../modules/hazards/loop/hazard.service';
import {
  extensionDecision, fiveInPlacePlan, hazardAssign, hazardConfirm, hazardExtension, hazardNote, hazardReport, hazardSubmit, hazardVoid, supervisionInput,
} from '../modules/hazards/loop/hazard.schema';

/*
 * Hidden-hazard records of the demo district (RULES.md §4), so the enterprise and regulator dashboards have something
 * to show on a fresh start: about thirty hazards of the demo chemical plant over the last six months, in every state
 * of the closed loop, and a handful in ten other enterprises across subdistricts and industries.
 *
 * Nothing here writes a hazard row. The history is played, oldest event first, through the hazard service on a clock
 * set to each event's time, as the people who would act: the demo accounts, and in the other enterprises their safety
 * managers and workers, whose accounts the district admin opens through the user service when the history begins.
 * Each step is refused exactly where the service would refuse it (and where its route would: the permission it
 * declares, the body its schema reads), and writes what the service writes: history, audit, outbox, points, risk
 * feedback, photos. The daily escalation job runs on every day of the history at the hour the runner's daily slot
 * starts, so reminders and escalations are the job's own. Times are relative to `now`; apart from ids, nothing is
 * random.
 *
 * Notifications: the messages of events older than NOTICE_DAYS are marked processed without being delivered (a fresh
 * demo's bells would otherwise hold hundreds of stale notices); the last days' are left for the job runner to deliver,
 * so each demo user's bell shows what is waiting for them now.
 */

const DAY_MS = 86_400_000;
/** The daily escalation job's run on each day (the runner's daily slot starts at midnight UTC). */
const JOB_RUN = 'T00:05:00Z';
/** The outbox of the events of the last NOTICE_DAYS (counted from UTC midnights, like the events) is delivered. */
const NOTICE_DAYS = 2;
/** The history begins when the district admin opens the accounts, before the first hazard. */
const HISTORY_DAYS = 180;
/** Audit rows written by the seed name it as their request. */

type HazardClass = 'thing' | 'behaviour' | 'management';
type UnitKey = 'root' | 'safety' | 'prod' | 'equip' | 'ws1' | 'ws2' | 'team1a' | 'team1b' | 'team2a' | 'maint';
type Unit = { id: string; path: string };

/**
 * Someone who acts on a hazard, by account name. People of the other enterprises have no demo account: `account` says
 * which of the enterprise's employees they are, and the admin opens one for them (their phone number is its name).
 */
type Person = { username: string; name: string; account?: { enterpriseId: string; employeeId: string; role: 'safety_manager' | 'employee' } };

type EnterpriseCtx = { id: string; units: Map<UnitKey, Unit>; riskPoints: Map<string, string> };

type Report = {
  title: string; description?: string; source: HazardSource; hazardClass?: HazardClass; unit: UnitKey; riskPoint?: string; location: string;
  level?: 'general' | 'major'; majorCriterion?: string;
};

type FiveInPlace = { responsiblePerson: string; measures: string; funds: number; timeLimit: string; contingencyPlan: string };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));

/**
 * The history, as steps in time, each run on the platform clock of its instant by the person who acts. Steps run in
 * time order (in the order they were added at equal times); a step that the service refuses stops the seed and names
 * the hazard, the operation and the reason.
 */
class Replay {
  private readonly steps: { at: Date; n: number; what: string; run: () => Promise<unknown> }[] = [];
  private readonly actors = new Map<string, Actor>();

  constructor(readonly db: Db, readonly now: Date) {}

  add(at: Date, what: string, run: () => Promise<unknown>): void {
    if (at.getTime() >= this.now.getTime()) throw new Error(`${what}: ${at.toISOString()} is not in the past`);
    this.steps.push({ at, n: this.steps.length, what, run });
  }

  /** When the first step added so far happens. */
  get first(): Date {
    return new Date(Math.min(...this.steps.map((s) => s.at.getTime())));
  }

  /** The account as its sessions act for it (platform/auth/session.ts): its role, and its scope with its unit's path. */
  async actor(who: Person): Promise<Actor> {
    const known = this.actors.get(who.username);
    if (known) return known;
    const actor = await accountActor(this.db, who.username);
    this.actors.set(who.username, actor);
    return actor;
  }

  /** The request context of `who` at `at`, refused as the route would refuse a caller without its permission. */
  async ctx(who: Person, at: Date, ...access: Permission[]): Promise<Ctx> {
    const actor = await this.actor(who);
    for (const p of access) if (!can(actor, p)) throw new Error(`${who.username} lacks ${p}`);
    return { actor, ip: null, requestId: SEED_REQUEST, locale: 'zh-CN', now: at };
  }

  /**
   * Runs every step in time order; then settles the outbox of the events before `noticesFrom` (processed, not
   * delivered). Ids of the outbox grow with the steps, so one id divides the old messages from the recent ones.
   */
  async run(noticesFrom: Date): Promise<void> {
    const lastId = async () => String((await this.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);
    const before = await lastId();
    let cut: string | null = null;
    for (const s of [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.n - b.n)) {
      if (cut === null && s.at.getTime() >= noticesFrom.getTime()) cut = await lastId();
      try {
        await s.run();
      } catch (e) {
        const reason = e instanceof Error ? `${e.message}${'reason' in e && e.reason ? ` (${String(e.reason)})` : ''}` : String(e);
        throw new Error(`${s.what} at ${s.at.toISOString()} refused: ${reason}`, { cause: e });
      }
    }
    cut ??= await lastId();
    await this.db.updateTable('outbox').set({ processed_at: this.now })
      .where('id', '>', before).where('id', '<=', cut).where('processed_at', 'is', null).execute();
  }
}

/** One hazard's steps through the closed loop, each by a person at a time after the one before. */
class DemoHazard {
  id = '';
  /** Everyone who acts on it or is assigned to it. */
  readonly people: Person[] = [];
  private extensionId = '';
  private last: Date;

  constructor(private readonly r: Replay, readonly ent: EnterpriseCtx, readonly report: Report, readonly reporter: Person, reportedAt: Date) {
    if (report.riskPoint && !ent.riskPoints.has(report.riskPoint)) throw new Error(`demo hazard "${report.title}": no risk point ${report.riskPoint}`);
    if (!ent.units.has(report.unit)) throw new Error(`demo hazard "${report.title}": no unit ${report.unit}`);
    this.last = reportedAt;
    this.people.push(reporter);
    r.add(reportedAt, `demo hazard "${report.title}": report by ${reporter.username}`, async () => {
      const ctx = await r.ctx(reporter, reportedAt, 'hazard.report');
      const created = await reportHazard(r.db, ctx, ent.id, hazardReport.parse({
        title: report.title, description: report.description, source: report.source, hazardClass: report.hazardClass,
        level: report.level, majorCriterion: report.level === 'major' ? report.majorCriterion : undefined,
        riskPointId: report.riskPoint ? ent.riskPoints.get(report.riskPoint) : undefined, orgUnitId: ent.units.get(report.unit)!.id, location: report.location,
      }));
      this.id = created.id;
    });
  }

  private step(op: string, who: Person, at: Date, access: Permission[], run: (ctx: Ctx) => Promise<unknown>): this {
    if (at.getTime() <= this.last.getTime()) throw new Error(`demo hazard "${this.report.title}": ${op} at ${at.toISOString()} is not after the step before`);
    this.last = at;
    this.people.push(who);
    this.r.add(at, `demo hazard "${this.report.title}": ${op} by ${who.username}`, async () => run(await this.r.ctx(who, at, ...access)));
    return this;
  }

  /** An after-photo, uploaded by whoever submits, as the submit form does before it posts. */
  private async afterPhoto(ctx: Ctx): Promise<string[]> {
    return uploadPhotos(this.r.db, ctx, this.ent.id, [AFTER_PHOTO]);
  }

  confirm(who: Person, at: Date, input: { hazardClass: HazardClass; level?: 'general' | 'major'; note?: string }) {
    const level = input.level ?? this.report.level ?? 'general';
    return this.step('confirm', who, at, ['hazard.act'], (ctx) => confirmHazard(this.r.db, ctx, this.ent.id, this.id, hazardConfirm.parse({
      level, hazardClass: input.hazardClass, majorCriterion: level === 'major' ? this.report.majorCriterion : undefined, note: input.note,
    })));
  }

  /** R-HAZ-4: the five-in-place plan, before rectification starts. */
  fiveInPlace(who: Person, at: Date, plan: FiveInPlace) {
    return this.step('plan', who, at, ['hazard.act'], (ctx) => saveFiveInPlacePlan(this.r.db, ctx, this.ent.id, this.id, fiveInPlacePlan.parse(plan)));
  }

  assign(who: Person, at: Date, rectifier: Person, measures: string, deadline: string, opts: { funds?: number; note?: string } = {}) {
    this.people.push(rectifier);
    return this.step('assign', who, at, ['hazard.act'], async (ctx) => assignRectification(this.r.db, ctx, this.ent.id, this.id, hazardAssign.parse({
      rectifierId: (await this.r.actor(rectifier)).userId, measures, deadline, funds: opts.funds, note: opts.note,
    })));
  }

  requestExtension(who: Person, at: Date, newDeadline: string, reason: string) {
    return this.step('requestExtension', who, at, ['hazard.act'], async (ctx) => {
      const h = await requestExtension(this.r.db, ctx, this.ent.id, this.id, hazardExtension.parse({ newDeadline, reason }));
      this.extensionId = h.extensions.find((x) => x.status === 'pending')!.id;
    });
  }

  decideExtension(who: Person, at: Date, approve: boolean, note: string) {
    return this.step('decideExtension', who, at, ['hazard.act'], (ctx) => decideExtension(this.r.db, ctx, this.ent.id, this.id, this.extensionId, extensionDecision.parse({ approve, note })));
  }

  submit(who: Person, at: Date, note: string) {
    return this.step('submit', who, at, ['hazard.report', 'hazard.act'], async (ctx) => submitRectification(this.r.db, ctx, this.ent.id, this.id, hazardSubmit.parse({ note, photoIds: await this.afterPhoto(ctx) })));
  }

  fixOnSpot(who: Person, at: Date, note: string) {
    return this.step('fixOnSpot', who, at, ['hazard.report', 'hazard.act'], async (ctx) => fixOnSpot(this.r.db, ctx, this.ent.id, this.id, hazardSubmit.parse({ note, photoIds: await this.afterPhoto(ctx) })));
  }

  accept(who: Person, at: Date, note: string) {
    return this.step('accept', who, at, ['hazard.act'], (ctx) => acceptHazard(this.r.db, ctx, this.ent.id, this.id, hazardNote.parse({ note })));
  }

  reject(who: Person, at: Date, note: string) {
    return this.step('reject', who, at, ['hazard.act'], (ctx) => rejectRectification(this.r.db, ctx, this.ent.id, this.id, hazardNote.parse({ note })));
  }

  void(who: Person, at: Date, reason: string) {
    return this.step('void', who, at, ['hazard.act'], (ctx) => voidHazard(this.r.db, ctx, this.ent.id, this.id, hazardVoid.parse({ reason })));
  }

  /** R-HAZ-4: listed supervision (挂牌督办) by a regulator. */
  supervise(who: Person, at: Date, deadline: string, note: string) {
    return this.step('supervise', who, at, ['hazard.supervise'], (ctx) => listForSupervision(this.r.db, ctx, this.ent.id, this.id, supervisionInput.parse({ deadline, note })));
  }
}

/**
 * The after-photo of every demo rectification: a tick on a pale green card, drawn here (no download, the same bytes on
 * every machine) as an ordinary PNG the photo store accepts.
 */
const AFTER_PHOTO = ((): Buffer => {
  // Distance from (x, y) to the segment a–b.
  const dist = (x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
  };
  return pngOf(160, 120, (x, y) => (Math.min(dist(x, y, [48, 62], [72, 88]), dist(x, y, [72, 88], [116, 36])) <= 7 ? [46, 125, 50] : [232, 245, 233]));
})();

/** Times relative to now: `at(3, 2)` is three days ago at 02:00 UTC (10:00 in Kunming); `day(-5)` is five days ahead. */
function clock(now: Date) {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    at: (daysAgo: number, hour = 2, minute = 0) => {
      if (daysAgo < 1) throw new Error('demo hazards: events lie in the past');
      return new Date(midnight - daysAgo * DAY_MS + (hour * 60 + minute) * 60_000);
    },
    day: (daysAgo: number) => dayOf(new Date(midnight - daysAgo * DAY_MS)),
    /**
     * `minutes` before now, but not before this local month began: an event that the "this month" views (the points
     * leaderboard) show on any day the demo is loaded, the first of the month included.
     */
    recent: (minutes: number) => new Date(Math.max(now.getTime() - minutes * 60_000, startOfLocalMonth(localYear(now), localMonthIndex(now) + 1).getTime())),
  };
}

const UNIT_KEYS: Record<string, UnitKey> = { 安全环保部: 'safety', 生产部: 'prod', 设备部: 'equip', 一车间: 'ws1', 二车间: 'ws2', 维修班: 'maint' };

async function enterpriseCtx(db: Db, enterpriseId: string): Promise<EnterpriseCtx> {
  const rows = await db.selectFrom('org_units').select(['id', 'parent_id', 'name', 'path']).where('enterprise_id', '=', enterpriseId).execute();
  const units = new Map<UnitKey, Unit>();
  const keyOf = new Map<string, UnitKey>();
  for (const r of rows.filter((u) => !u.parent_id)) { units.set('root', r); keyOf.set(r.id, 'root'); }
  for (const r of rows) {
    const key = UNIT_KEYS[r.name];
    if (key) { units.set(key, r); keyOf.set(r.id, key); }
  }
  // Teams are named alike (甲班, 乙班) under each workshop.
  for (const r of rows) {
    const parent = r.parent_id ? keyOf.get(r.parent_id) : undefined;
    const key = parent === 'ws1' ? (r.name === '甲班' ? 'team1a' : r.name === '乙班' ? 'team1b' : undefined) : parent === 'ws2' && r.name === '甲班' ? 'team2a' : undefined;
    if (key) units.set(key, r);
  }
  const points = await db.selectFrom('risk_points').select(['id', 'code']).where('enterprise_id', '=', enterpriseId).execute();
  return { id: enterpriseId, units, riskPoints: new Map(points.map((p) => [p.code, p.id])) };
}

/**
 * The people of an enterprise without demo accounts: the principal (named in plans), the safety manager and staff, by
 * post. Whoever of them acts gets an account named by their phone number.
 */
async function staffOf(db: Db, enterpriseId: string) {
  const rows = await db.selectFrom('employees as e')
    .innerJoin('employee_posts as ep', (j) => j.onRef('ep.enterprise_id', '=', 'e.enterprise_id').onRef('ep.employee_id', '=', 'e.id'))
    .innerJoin('posts as p', (j) => j.onRef('p.enterprise_id', '=', 'ep.enterprise_id').onRef('p.id', '=', 'ep.post_id'))
    .select(['e.id', 'e.name', 'e.phone', 'p.name as post']).where('e.enterprise_id', '=', enterpriseId)
    // Phones are generated in sequence, so this order is the same on every machine.
    .orderBy('e.phone').execute();
  const person = (r: (typeof rows)[number], role: 'safety_manager' | 'employee'): Person => {
    if (!r.phone) throw new Error(`demo hazards: employee ${r.name} has no phone for an account name`);
    return { username: r.phone, name: r.name, account: { enterpriseId, employeeId: r.id, role } };
  };
  const principal = rows.find((r) => r.post === '主要负责人')!;
  const safety = rows.find((r) => r.post === '专职安全管理员')!;
  const staff = rows.filter((r) => r !== principal && r !== safety);
  return { principalName: principal.name, safety: person(safety, 'safety_manager'), staff: staff.map((r) => person(r, 'employee')) };
}

async function criterion(db: Db, code: string): Promise<string> {
  const item = await db.selectFrom('check_standard_items').select(['content', 'major_criterion']).where('code', '=', code).executeTakeFirstOrThrow();
  if (!item.major_criterion) throw new Error(`demo hazards: ${code} is not a major criterion`);
  return item.content.slice(0, 200);
}

type DemoEnterprise = { id: string; employees: string[] };
export type DemoHazardsInput = { enterprise: DemoEnterprise; now: Date };

/**
 * Loads the demo hazards; called by seedDemo once the district and the demo accounts are committed. Each step is its
 * own transaction, as when people use the platform.
 */
export async function seedDemoHazards(db: Db, input: DemoHazardsInput): Promise<{ hazards: number }> {
  // The demo is loaded before the platform mounts its modules: the services called here need their permissions,
  // messages and rule-sets (installing is idempotent; createPlatform installs the rest).
  installModules([accountsModule, hazardsModule]);
  const { now } = input;
  const c = clock(now);
  const r = new Replay(db, now);
  const ent = await enterpriseCtx(db, input.enterprise.id);
  const principalName = (await db.selectFrom('employees').select('name').where('enterprise_id', '=', ent.id).where('id', '=', input.enterprise.employees[0]!).executeTakeFirstOrThrow()).name;
  const account = (username: string, name: string): Person => ({ username, name });
  const ADMIN = account('admin', '区应急管理局管理员');
  const P = account('principal', '主要负责人');
  const S = account('safety', '安全管理员');
  const L = account('leader', '一车间主任');
  const W = account('worker', '操作工');
  const GS = account('guanshang', '关上街道');
  const YJ = account('yjj', '区应急管理局');
  const ZJ = account('zjj', '区住建局');
  const INS = account('insurer', '保险机构');
  const SVC = account('service', '技术服务机构');
  const h = (e: EnterpriseCtx, report: Report, reporter: Person, at: Date) => new DemoHazard(r, e, report, reporter, at);

  // ---- the demo chemical plant: the whole closed loop ----
  // Open hazards sit at the tank farm (FX-001), the forklift operation (FX-005) and the office area (FX-006); the
  // other points only have closed ones, so they are not "control failing".
  const chem = [
    h(ent, { title: '消防通道堆放包装物料', source: 'employee_report', unit: 'ws1', location: '成品仓库东侧消防通道', description: '通道内堆放约 20 件空包装桶，通道宽度不足 2 米。' }, W, c.at(176, 1))
      .confirm(S, c.at(176, 3), { hazardClass: 'thing', note: '现场核实属实' })
      .assign(S, c.at(176, 4), L, '清理通道物料，划定物料暂存区并设置标线', c.day(171))
      .submit(L, c.at(173, 7), '已清理通道并施划黄色禁停标线')
      .accept(S, c.at(172, 2), '复查通道畅通，标线清晰，验收合格'),
    h(ent, { title: '反应釜 R-101 压力表超期未检定', source: 'self_check', unit: 'ws1', riskPoint: 'FX-002', location: '一车间二层', hazardClass: 'thing' }, S, c.at(168, 2))
      .confirm(S, c.at(168, 3), { hazardClass: 'thing' })
      .assign(S, c.at(168, 4), L, '更换合格压力表，送检原表并建立仪表检定台账', c.day(161))
      .submit(L, c.at(163, 6), '已更换并取得检定证书')
      .accept(S, c.at(162, 2), '检定证书有效期至明年，验收合格'),
    h(ent, { title: '动火作业票审批签字不全', source: 'self_check', unit: 'ws2', location: '二车间', description: '抽查 10 月动火作业票 12 份，其中 3 份缺少监火人签字。' }, S, c.at(160, 3))
      .confirm(S, c.at(160, 4), { hazardClass: 'management' })
      .assign(S, c.at(160, 5), S, '重新培训特殊作业票证管理制度，补充监火人签字确认流程', c.day(150))
      .submit(S, c.at(152, 7), '已组织培训并修订作业票格式')
      .accept(P, c.at(151, 2), '查阅培训记录和新版作业票，同意销号'),
    h(ent, { title: '污水池有限空间入口警示标志褪色', source: 'employee_report', unit: 'ws2', riskPoint: 'FX-003', location: '污水处理站' }, W, c.at(150, 2))
      .confirm(S, c.at(150, 5), { hazardClass: 'thing' })
      .assign(S, c.at(150, 6), W, '更换有限空间安全警示标志和告知牌', c.day(145))
      .submit(W, c.at(147, 6), '已更换')
      .accept(S, c.at(146, 2), '标志清晰，验收合格'),
    h(ent, { title: '配电室绝缘垫破损', source: 'self_check', unit: 'maint', riskPoint: 'FX-004', location: '综合楼一层配电室' }, S, c.at(141, 2))
      .confirm(S, c.at(141, 3), { hazardClass: 'thing' })
      .assign(S, c.at(141, 4), W, '更换 10 kV 绝缘垫并做耐压试验', c.day(134))
      .submit(W, c.at(136, 6), '已更换，耐压试验合格')
      .accept(S, c.at(135, 3), '验收合格'),
    h(ent, { title: '储罐区防雷接地检测报告过期', source: 'insurer', unit: 'ws1', riskPoint: 'FX-001', location: '厂区东北角储罐区', description: '安责险事故预防服务检查发现：防雷装置检测报告已过期 2 个月。' }, INS, c.at(131, 3))
      .confirm(S, c.at(131, 6), { hazardClass: 'management' })
      .assign(S, c.at(131, 7), S, '委托有资质机构检测防雷接地装置', c.day(117))
      .submit(S, c.at(120, 6), '已取得新检测报告，接地电阻合格')
      .accept(P, c.at(119, 2), '报告合格，同意销号'),
    // Rejected once, then accepted.
    h(ent, { title: '一车间甲班交接班记录缺项', source: 'self_check', unit: 'team1a', location: '一车间甲班操作室' }, L, c.at(122, 1))
      .confirm(L, c.at(122, 2), { hazardClass: 'management' })
      .assign(L, c.at(122, 3), W, '补全交接班记录中的温度、压力和异常情况栏目', c.day(115))
      .submit(W, c.at(119, 7), '已补记')
      .reject(L, c.at(118, 2), '记录中仍缺反应釜温度、压力读数，请补全后再提交')
      .submit(W, c.at(117, 7), '已按要求补全读数并由班长签字')
      .accept(L, c.at(116, 2), '记录完整，验收合格'),
    // Extended once, then closed within the new deadline.
    h(ent, { title: '二车间排风机皮带磨损', source: 'employee_report', unit: 'team2a', location: '二车间排风机房' }, W, c.at(110, 2))
      .confirm(S, c.at(110, 3), { hazardClass: 'thing' })
      .assign(S, c.at(110, 4), L, '更换排风机皮带并加装防护罩', c.day(103))
      .requestExtension(L, c.at(105, 3), c.day(96), '同型号皮带缺货，备件预计一周后到货')
      .decideExtension(S, c.at(105, 6), true, '期间每班检查一次排风机运行情况')
      .submit(L, c.at(98, 7), '已更换皮带并加装防护罩')
      .accept(S, c.at(97, 2), '运行正常，验收合格'),
    h(ent, { title: '危险化学品仓库双人双锁制度未落实', source: 'regulator', unit: 'ws1', location: '危化品仓库', description: '关上街道安全检查发现：仓库钥匙由一人保管，出入库记录无复核人签字。' }, S, c.at(100, 2))
      .confirm(S, c.at(100, 3), { hazardClass: 'management', note: '按街道检查意见登记' })
      .assign(S, c.at(100, 4), P, '落实双人双锁，修订危化品出入库管理制度', c.day(90))
      .submit(P, c.at(93, 6), '已指定两名保管员分持钥匙，出入库双人复核')
      .accept(S, c.at(92, 2), '抽查出入库记录，验收合格'),
    // The lighter path: fixed on the spot by the reporter, accepted by the workshop leader.
    h(ent, { title: '叉车充电区灭火器被遮挡', source: 'employee_report', unit: 'ws1', riskPoint: 'FX-005', location: '成品仓库叉车充电区' }, W, c.at(95, 2))
      .fixOnSpot(W, c.at(95, 2, 20), '已移开遮挡物料')
      .accept(L, c.at(95, 5), '确认灭火器取用通畅'),
    h(ent, { title: '储罐区紧急切断阀未定期测试', source: 'service', unit: 'ws1', riskPoint: 'FX-001', location: '厂区东北角储罐区', description: '技术服务机构现场评价发现：紧急切断阀近半年无测试记录。' }, SVC, c.at(88, 3))
      .confirm(S, c.at(88, 6), { hazardClass: 'management' })
      .assign(S, c.at(88, 7), L, '测试全部紧急切断阀，纳入月度测试计划', c.day(74))
      .submit(L, c.at(78, 6), '已测试，动作时间均小于 10 秒')
      .accept(S, c.at(77, 2), '查阅测试记录，验收合格'),
    // Closed late.
    h(ent, { title: '一车间防爆照明灯具外壳破损', source: 'self_check', unit: 'ws1', location: '一车间一层' }, L, c.at(80, 2))
      .confirm(L, c.at(80, 3), { hazardClass: 'thing' })
      .assign(L, c.at(80, 4), W, '更换防爆灯具', c.day(75))
      .submit(W, c.at(68, 6), '防爆灯具到货后已更换')
      .accept(L, c.at(67, 2), '已更换，验收合格；整改超期，已在班组考核中通报'),
    h(ent, { title: '员工三级安全教育档案不全', source: 'self_check', unit: 'safety', location: '安全环保部' }, S, c.at(72, 3))
      .confirm(S, c.at(72, 4), { hazardClass: 'management' })
      .assign(S, c.at(72, 5), P, '补齐新入职员工三级安全教育记录和考试试卷', c.day(62))
      .submit(P, c.at(57, 6), '已补齐 6 名新员工的教育档案')
      .accept(S, c.at(56, 2), '档案齐全，验收合格'),
    h(ent, { title: '夜班员工在禁烟区吸烟', source: 'tip_off', unit: 'ws2', location: '二车间原料库外', description: '员工匿名举报：夜班有人在禁烟区吸烟。' }, S, c.at(65, 3))
      .confirm(S, c.at(65, 5), { hazardClass: 'behaviour', note: '调取监控核实属实' })
      .assign(S, c.at(65, 6), S, '对当事人批评教育并考核，增设禁烟标志和监控', c.day(58))
      .submit(S, c.at(60, 6), '已处理当事人并增设标志')
      .accept(P, c.at(59, 2), '同意销号'),
    h(ent, { title: '反应釜 R-101 安全阀铅封缺失', source: 'self_check', unit: 'ws1', riskPoint: 'FX-002', location: '一车间二层' }, L, c.at(58, 2))
      .confirm(L, c.at(58, 3), { hazardClass: 'thing' })
      .assign(L, c.at(58, 4), W, '联系检验机构重新校验并加铅封', c.day(48))
      .submit(W, c.at(50, 6), '已校验并加铅封')
      .accept(L, c.at(49, 2), '验收合格'),
    h(ent, { title: '取样作业未佩戴防护面罩', source: 'self_check', unit: 'team1b', location: '一车间乙班取样口', hazardClass: 'behaviour' }, L, c.at(50, 6))
      .confirm(S, c.at(50, 7), { hazardClass: 'behaviour' })
      .assign(S, c.at(50, 8), L, '班组专项教育，取样口旁配置防护面罩', c.day(45))
      .submit(L, c.at(47, 6), '已配置面罩并完成教育')
      .accept(S, c.at(46, 2), '验收合格'),
    h(ent, { title: '重大危险源包保责任人未公示', source: 'regulator', unit: 'ws1', riskPoint: 'FX-001', location: '储罐区入口', description: '区应急管理局执法检查发现：储罐区入口未公示重大危险源包保责任人。' }, S, c.at(42, 2))
      .confirm(S, c.at(42, 3), { hazardClass: 'management', note: '按执法检查意见登记' })
      .assign(S, c.at(42, 4), P, '设置重大危险源安全包保公示牌', c.day(35))
      .submit(P, c.at(38, 6), '公示牌已安装')
      .accept(S, c.at(37, 2), '验收合格'),
    h(ent, { title: '污水处理站硫化氢检测仪未校准', source: 'self_check', unit: 'ws2', riskPoint: 'FX-003', location: '污水处理站' }, S, c.at(35, 2))
      .confirm(S, c.at(35, 3), { hazardClass: 'thing' })
      .assign(S, c.at(35, 4), L, '送检硫化氢检测仪，校准期间使用备用检测仪', c.day(28))
      .submit(L, c.at(25, 6), '已校准，取得校准证书')
      .accept(S, c.at(24, 2), '验收合格，超期 4 天'),
    h(ent, { title: '综合楼配电箱前堆放杂物', source: 'employee_report', unit: 'safety', riskPoint: 'FX-006', location: '综合楼二层走廊' }, W, c.at(28, 2))
      .confirm(S, c.at(28, 3), { hazardClass: 'thing' })
      .assign(S, c.at(28, 4), W, '清理杂物，配电箱前 0.8 米划线禁放', c.day(25))
      .submit(W, c.at(26, 6), '已清理并划线')
      .accept(S, c.at(25, 2), '验收合格'),
    h(ent, { title: '一车间应急洗眼器出水不畅', source: 'employee_report', unit: 'ws1', location: '一车间一层加料口' }, W, c.at(20, 2))
      .confirm(L, c.at(20, 3), { hazardClass: 'thing' })
      .assign(L, c.at(20, 4), L, '疏通洗眼器管路，纳入每周检查', c.day(15))
      .submit(L, c.at(17, 6), '已疏通，出水正常')
      .accept(S, c.at(16, 2), '验收合格'),
    h(ent, { title: '车间地面有少量积水', source: 'employee_report', unit: 'ws1', location: '一车间一层' }, W, c.at(45, 2))
      .void(S, c.at(45, 4), '经核实为空调冷凝水，已在日常保洁中清除，不属于隐患'),

    // R-HAZ-4: the open major hazard, with its five-in-place plan, under listed supervision by the subdistrict.
    h(ent, {
      title: '甲醇储罐区可燃气体检测报警仪与事故排风联锁失效', source: 'self_check', unit: 'ws1', riskPoint: 'FX-001', location: '厂区东北角储罐区',
      level: 'major', majorCriterion: await criterion(db, 'WH-004'),
      description: '月度综合检查发现：储罐区 3 台可燃气体检测报警仪中 2 台零点漂移、报警值设定错误，与事故排风机的联锁未投用。',
    }, S, c.at(26, 2))
      .confirm(S, c.at(26, 4), { hazardClass: 'thing', level: 'major', note: '经复核属重大事故隐患，已报告区应急管理局和关上街道' })
      .fiveInPlace(S, c.at(25, 3), {
        responsiblePerson: `${principalName}（主要负责人）`,
        measures: '更换 2 台失效的可燃气体检测报警仪并重新标定，恢复与事故排风机的联锁，增设声光报警并接入 DCS；整改期间储罐区停止动火和装卸作业',
        funds: 186000, timeLimit: c.day(-20),
        contingencyPlan: '执行《甲醇储罐区泄漏火灾专项应急预案》：整改期间每 2 小时用便携式检测仪人工巡检并记录，储罐区专人监护，泡沫灭火系统和应急物资处于备用状态，发现泄漏立即切断进料阀并疏散下风向人员',
      })
      .assign(S, c.at(25, 6), L, '更换检测报警仪，恢复联锁，接入 DCS', c.day(-20), { funds: 186000 })
      .supervise(GS, c.at(24, 3), c.day(-20), '街道挂牌督办：限期整改，完成后报送验收评估报告'),
    // Overdue: the daily job has escalated it to the unit leader and then the principal.
    h(ent, { title: '叉车作业区限速标志和地面标线缺失', source: 'self_check', unit: 'ws1', riskPoint: 'FX-005', location: '成品仓库' }, L, c.at(16, 2))
      .confirm(L, c.at(16, 3), { hazardClass: 'thing' })
      .assign(L, c.at(16, 4), W, '设置限速 5 km/h 标志，施划叉车通道和人行通道标线', c.day(5)),
    // An extension waiting for the safety manager's decision.
    h(ent, { title: '一车间乙班离心机防护罩缺失', source: 'self_check', unit: 'team1b', location: '一车间乙班' }, S, c.at(18, 2))
      .confirm(S, c.at(18, 3), { hazardClass: 'thing' })
      .assign(S, c.at(18, 4), L, '定制安装离心机联锁防护罩，安装前停用该离心机', c.day(-3))
      .requestExtension(L, c.at(2, 3), c.day(-12), '防护罩需定制加工，厂家交期 10 天'),
    h(ent, { title: '二车间配电柜接地线松动', source: 'self_check', unit: 'ws2', location: '二车间配电柜' }, S, c.at(12, 2))
      .confirm(S, c.at(12, 3), { hazardClass: 'thing' })
      .assign(S, c.at(12, 4), W, '紧固接地线并测量接地电阻', c.day(-4)),
    // Submitted, awaiting acceptance by the workshop leader or the safety manager.
    h(ent, { title: '一车间甲班操作平台防滑条脱落', source: 'employee_report', unit: 'team1a', location: '一车间甲班操作平台' }, W, c.at(9, 2))
      .confirm(L, c.at(9, 3), { hazardClass: 'thing' })
      .assign(L, c.at(9, 4), W, '更换操作平台防滑条', c.day(-2))
      .submit(W, c.at(1, 6), '已更换全部防滑条'),
    // Confirmed, not yet assigned.
    h(ent, { title: '储罐区防火堤排水阀常开', source: 'insurer', unit: 'ws1', riskPoint: 'FX-001', location: '厂区东北角储罐区防火堤' }, INS, c.at(3, 3))
      .confirm(S, c.at(2, 2), { hazardClass: 'thing' }),
    // R-HAZ-6: reports confirmed this month, whatever day it is, so this month's points leaderboard has the worker and
    // the workshop leader on it from the first start.
    h(ent, { title: '成品仓库北侧安全出口应急照明灯不亮', source: 'employee_report', unit: 'ws1', location: '成品仓库北侧安全出口' }, W, c.at(1, 12))
      .confirm(S, c.recent(90), { hazardClass: 'thing' }),
    h(ent, { title: '一车间原料中转区物料堆放超高', source: 'self_check', unit: 'team1a', location: '一车间原料中转区', hazardClass: 'thing' }, L, c.at(1, 3))
      .confirm(S, c.recent(30), { hazardClass: 'thing' }),
    // Reported, awaiting confirmation.
    h(ent, { title: '综合楼二层疏散指示灯不亮', source: 'employee_report', unit: 'safety', riskPoint: 'FX-006', location: '综合楼二层东侧楼梯口' }, W, c.at(2, 6)),
  ];

  // ---- other enterprises: a handful each, mostly closed ----
  const external: Record<NonNullable<OtherHazard['by']>, Person> = { guanshang: GS, yjj: YJ, zjj: ZJ, insurer: INS, service: SVC };
  const elsewhere: DemoHazard[] = [];
  for (const o of OTHERS) {
    const e = await db.selectFrom('enterprises').select('id').where('name', '=', o.name).executeTakeFirst();
    if (!e) throw new Error(`demo hazards: no enterprise ${o.name}`);
    const ctx = await enterpriseCtx(db, e.id);
    const people = await staffOf(db, e.id);
    for (const [i, s] of o.hazards.entries()) {
      const rectifier = people.staff[i % people.staff.length]!;
      const reporter = s.by ? external[s.by] : s.source === 'employee_report' ? people.staff[(i + 1) % people.staff.length]! : people.safety;
      const report: Report = { title: s.title, source: s.source, unit: s.unit, location: s.location, description: s.description, level: s.major ? 'major' : 'general', majorCriterion: s.major ? await criterion(db, s.major) : undefined };
      const x = h(ctx, report, reporter, c.at(s.reported, 2));
      if (s.void) x.void(people.safety, c.at(s.reported, 5), s.void);
      else if (s.onSpot !== undefined) x.fixOnSpot(reporter, c.at(s.reported, 3), '已当场整改').accept(people.safety, c.at(s.onSpot, 6), '现场确认已整改');
      else if (s.deadline !== undefined || s.confirmed) {
        x.confirm(people.safety, c.at(s.reported, 5), { hazardClass: s.hazardClass, level: report.level });
        if (s.plan) {
          x.fiveInPlace(people.safety, c.at(s.reported - 1, 2), {
            responsiblePerson: `${people.principalName}（主要负责人）`, measures: s.plan.measures, funds: s.plan.funds, timeLimit: c.day(s.deadline!), contingencyPlan: s.plan.contingency,
          });
        }
        if (s.deadline !== undefined) x.assign(people.safety, c.at(s.plan ? s.reported - 1 : s.reported, 6), rectifier, s.measures ?? '按检查意见落实整改', c.day(s.deadline), { funds: s.plan?.funds });
        if (s.submitted !== undefined) x.submit(rectifier, c.at(s.submitted, 6), '已按要求整改');
        if (s.accepted !== undefined) x.accept(people.safety, c.at(s.accepted, 8), s.accepted < s.deadline! ? '验收合格，整改超期' : '验收合格');
      }
      elsewhere.push(x);
    }
  }

  // The district admin opens the accounts of the other enterprises' people who act, as the history begins; one
  // account each, however many hazards they act on.
  const opening = c.at(HISTORY_DAYS, 1);
  if (r.first.getTime() <= opening.getTime()) throw new Error('demo hazards: an event before the accounts are opened');
  const accounts = new Map([...chem, ...elsewhere].flatMap((x) => x.people).filter((p) => p.account).map((p) => [p.username, p]));
  for (const p of accounts.values()) {
    const { enterpriseId, employeeId, role } = p.account!;
    r.add(opening, `demo hazards: account ${p.username} (${p.name})`, async () => createUser(db, await r.ctx(ADMIN, opening, 'user.manage'), {
      username: p.username, displayName: p.name, role, enterpriseId, employeeId,
    }));
  }
  // R-HAZ-3: the daily job's reminders and escalations, on every day of the history.
  for (let day = dayOf(opening); ; day = addDays(day, 1)) {
    const run = new Date(`${day}${JOB_RUN}`);
    if (run.getTime() >= now.getTime()) break;
    if (run.getTime() > opening.getTime()) r.add(run, `demo hazards: escalation job of ${day}`, () => runHazardEscalation(db, run, { jobId: SEED_REQUEST }));
  }
  await r.run(c.at(NOTICE_DAYS, 0));
  return { hazards: chem.length + elsewhere.length };
}

type OtherHazard = {
  title: string; source: HazardSource; hazardClass: HazardClass; unit: UnitKey; location: string; description?: string;
  /** Reported by a demo account outside the enterprise; otherwise by its safety manager (or staff, for employee reports). */
  by?: 'guanshang' | 'yjj' | 'zjj' | 'insurer' | 'service';
  /** Days ago (the deadline's: negative = ahead). Confirmed and assigned the day it is reported; neither = left as reported. */
  reported: number; deadline?: number; submitted?: number; accepted?: number;
  confirmed?: boolean; void?: string; onSpot?: number;
  measures?: string;
  /** A major hazard: its criterion's code in the check library, and its five-in-place plan. */
  major?: string; plan?: { measures: string; funds: number; contingency: string };
};

/** Across subdistricts and industries, so each regulator's dashboard has figures of its own. */
const OTHERS: { name: string; hazards: OtherHazard[] }[] = [
  { name: '螺蛳湾国际商贸城', hazards: [
    { title: '商铺内违规使用大功率电器', source: 'regulator', by: 'guanshang', hazardClass: 'behaviour', unit: 'root', location: 'B 区二楼商铺', reported: 150, deadline: 143, submitted: 146, accepted: 145, measures: '清除违规电器，对商户开展用电安全告知' },
    { title: '疏散通道被商户货物占用', source: 'self_check', hazardClass: 'thing', unit: 'safety', location: 'A 区一楼疏散通道', reported: 96, deadline: 93, submitted: 94, accepted: 94, measures: '清理货物，通道两侧施划禁放线' },
    { title: '消防控制室值班人员无证上岗', source: 'self_check', hazardClass: 'management', unit: 'safety', location: '消防控制室', reported: 60, deadline: 50, submitted: 44, accepted: 43, measures: '安排持证人员值班，组织值班人员参加消防设施操作员培训' },
    { title: '自动喷水灭火系统末端试水装置压力不足', source: 'self_check', hazardClass: 'thing', unit: 'equip', location: 'C 区地下车库', reported: 10, deadline: -10, measures: '委托维保单位检修喷淋管网和稳压泵' },
  ] },
  { name: '官渡区人民医院', hazards: [
    { title: '氧气汇流排间堆放可燃物', source: 'self_check', hazardClass: 'thing', unit: 'equip', location: '后勤楼氧气汇流排间', reported: 130, deadline: 127, submitted: 128, accepted: 127, measures: '清除可燃物，设置严禁烟火标志' },
    { title: '住院部安全出口门被锁闭', source: 'regulator', by: 'guanshang', hazardClass: 'management', unit: 'root', location: '住院部三楼', reported: 75, deadline: 74, submitted: 74, accepted: 74, measures: '立即开启安全出口，改用推闩式逃生门锁' },
    { title: '门诊楼灭火器压力不足', source: 'employee_report', hazardClass: 'thing', unit: 'root', location: '门诊楼二楼', reported: 4 },
  ] },
  { name: '云南建投第六建设有限公司官渡项目部', hazards: [
    { title: '塔吊力矩限制器失灵', source: 'regulator', by: 'zjj', hazardClass: 'thing', unit: 'equip', location: '2# 塔吊', reported: 120, deadline: 117, submitted: 118, accepted: 118, measures: '停用塔吊，由产权单位维修并经检测合格后使用' },
    { title: '作业层临边防护栏杆缺失', source: 'self_check', hazardClass: 'thing', unit: 'prod', location: '3# 楼 12 层', reported: 84, deadline: 82, submitted: 83, accepted: 82, measures: '按规范搭设防护栏杆和挡脚板' },
    { title: '脚手架连墙件缺失', source: 'regulator', by: 'guanshang', hazardClass: 'thing', unit: 'prod', location: '5# 楼外架', reported: 40, deadline: 35, submitted: 30, accepted: 29, measures: '补设连墙件，整改完成前停止外架作业' },
    { title: '施工用电未做到一机一闸一漏', source: 'self_check', hazardClass: 'thing', unit: 'maint', location: '钢筋加工棚', reported: 8, deadline: -6, measures: '更换开关箱，每台设备设置独立开关和漏电保护器' },
    { title: '施工围挡广告牌松动', source: 'employee_report', hazardClass: 'thing', unit: 'prod', location: '项目东侧围挡', reported: 22, void: '经核实属相邻地块的围挡，已转告相关单位，不属于本项目隐患' },
  ] },
  { name: '昆明螺蛳湾建筑工程有限公司', hazards: [
    { title: '施工升降机防坠安全器超期未检', source: 'self_check', hazardClass: 'thing', unit: 'equip', location: '1# 施工升降机', reported: 110, deadline: 100, submitted: 102, accepted: 101, measures: '送检防坠安全器，检定合格前停用' },
    { title: '特种作业人员证件过期', source: 'self_check', hazardClass: 'management', unit: 'safety', location: '项目部', reported: 55, deadline: 45, submitted: 47, accepted: 46, measures: '安排复审，证件过期人员停止特种作业' },
    { title: '基坑周边堆载超限', source: 'regulator', by: 'zjj', hazardClass: 'thing', unit: 'prod', location: '基坑北侧', reported: 30, deadline: 12, measures: '清运基坑边 2 米范围内的堆土和材料，加密基坑监测' },
  ] },
  { name: '官渡燃气有限公司', hazards: [
    { title: '调压箱防护栏锈蚀', source: 'self_check', hazardClass: 'thing', unit: 'equip', location: '小板桥 3# 调压箱', reported: 140, deadline: 126, submitted: 130, accepted: 129, measures: '更换防护栏并做防腐处理' },
    { title: '管网巡线记录不全', source: 'regulator', by: 'zjj', hazardClass: 'management', unit: 'safety', location: '管网运行部', reported: 66, deadline: 59, submitted: 61, accepted: 60, measures: '补全巡线记录，启用巡线 GPS 打卡' },
    { title: '燃气管道穿越段警示桩缺失', source: 'employee_report', hazardClass: 'thing', unit: 'maint', location: '宝象河穿越段', reported: 14, deadline: -16, measures: '补设警示桩和警示牌' },
  ] },
  { name: '云南铜业（官渡）冶炼有限公司', hazards: [
    { title: '炉前作业人员未穿戴隔热防护服', source: 'self_check', hazardClass: 'behaviour', unit: 'ws1', location: '熔炼车间炉前', reported: 100, deadline: 97, submitted: 98, accepted: 97, measures: '班前检查劳保穿戴，纳入班组考核' },
    { title: '煤气区域一氧化碳报警仪故障', source: 'insurer', by: 'insurer', hazardClass: 'thing', unit: 'ws2', location: '煤气加压站', reported: 70, deadline: 63, submitted: 58, accepted: 57, measures: '更换报警仪并校准，整改期间佩戴便携式报警仪' },
    { title: '行车吊钩防脱装置损坏', source: 'employee_report', hazardClass: 'thing', unit: 'maint', location: '精炼车间 20 t 行车', reported: 33, deadline: 26, submitted: 27, accepted: 27, measures: '更换吊钩防脱装置' },
    {
      title: '熔炼炉冷却水系统未设温度、流量监测报警及联锁', source: 'regulator', by: 'yjj', hazardClass: 'thing', unit: 'ws1', location: '熔炼车间 1# 熔炼炉',
      description: '区应急管理局执法检查发现：1# 熔炼炉冷却水系统无温度、流量监测报警，未与熔炼炉联锁。',
      reported: 16, deadline: -30, measures: '加装冷却水温度、流量监测报警装置并与熔炼炉联锁', major: 'JX-011',
      plan: { measures: '加装冷却水进出水温度、流量在线监测和声光报警，与熔炼炉紧急停炉联锁；整改期间降负荷运行，每小时人工测温', funds: 420000, contingency: '执行《熔融金属遇水爆炸专项应急预案》：冷却水中断时立即停炉、启用高位应急水箱，炉前人员撤离至安全区域' },
    },
  ] },
  { name: '昆明金马气体有限公司', hazards: [
    { title: '气瓶充装台防倾倒链缺失', source: 'self_check', hazardClass: 'thing', unit: 'ws1', location: '充装车间', reported: 125, deadline: 118, submitted: 120, accepted: 119, measures: '加装防倾倒链' },
    { title: '液氧储罐安全阀校验过期', source: 'insurer', by: 'insurer', hazardClass: 'management', unit: 'equip', location: '液氧储罐区', reported: 62, deadline: 48, submitted: 50, accepted: 49, measures: '安全阀送检校验，建立安全附件校验台账' },
    { title: '充装间可燃气体报警器探头被遮挡', source: 'service', by: 'service', hazardClass: 'thing', unit: 'ws1', location: '乙炔充装间', reported: 7, deadline: -1, submitted: 1, measures: '移除遮挡物，测试报警功能' },
  ] },
  { name: '昆明恒达机械制造有限公司', hazards: [
    { title: '冲床光电保护装置失效', source: 'self_check', hazardClass: 'thing', unit: 'ws1', location: '冲压车间 3# 冲床', reported: 115, deadline: 110, submitted: 112, accepted: 111, measures: '维修光电保护装置，修复前停用' },
    { title: '车间通道堆放工件', source: 'employee_report', hazardClass: 'thing', unit: 'ws2', location: '机加车间主通道', reported: 80, onSpot: 80 },
    { title: '行车定期检验超期', source: 'regulator', by: 'yjj', hazardClass: 'management', unit: 'equip', location: '装配车间 10 t 行车', reported: 47, deadline: 37, submitted: 30, accepted: 29, measures: '申请特种设备定期检验，检验合格前停用' },
    { title: '砂轮机防护罩缺失', source: 'self_check', hazardClass: 'thing', unit: 'ws1', location: '机加车间', reported: 5, confirmed: true },
  ] },
  { name: '昆明滇味食品有限公司', hazards: [
    { title: '氨制冷机房通风不良', source: 'self_check', hazardClass: 'thing', unit: 'equip', location: '冷库氨制冷机房', reported: 135, deadline: 121, submitted: 124, accepted: 123, measures: '维修事故排风机，与氨气浓度报警联锁' },
    { title: '油炸工序员工未佩戴隔热手套', source: 'self_check', hazardClass: 'behaviour', unit: 'ws1', location: '油炸车间', reported: 52, deadline: 50, submitted: 51, accepted: 50, measures: '配发隔热手套，班前检查穿戴' },
    { title: '配料间粉尘清扫不及时', source: 'employee_report', hazardClass: 'management', unit: 'ws2', location: '配料间', reported: 3 },
  ] },
  { name: '昆明大板桥采石场', hazards: [
    { title: '边坡台阶宽度不足', source: 'regulator', by: 'yjj', hazardClass: 'thing', unit: 'prod', location: '采场北帮 +1960 台阶', reported: 145, deadline: 115, submitted: 118, accepted: 117, measures: '按设计削坡减载，恢复安全平台宽度' },
    { title: '爆破器材库值守记录不全', source: 'self_check', hazardClass: 'management', unit: 'safety', location: '爆破器材库', reported: 90, deadline: 85, submitted: 80, accepted: 79, measures: '落实双人值守，补全值守记录' },
    { title: '破碎机皮带输送机急停拉绳失效', source: 'employee_report', hazardClass: 'thing', unit: 'ws1', location: '破碎车间 2# 皮带', reported: 11, deadline: -9, measures: '更换急停拉绳开关并试验' },
  ] },
  { name: '昆明东郊烟花爆竹批发有限公司', hazards: [
    { title: '成品仓库超量储存', source: 'regulator', by: 'yjj', hazardClass: 'management', unit: 'root', location: '3# 成品库', reported: 105, deadline: 101, submitted: 102, accepted: 101, measures: '转移超量产品，按核定药量储存' },
    { title: '仓库防静电释放装置未检测', source: 'self_check', hazardClass: 'thing', unit: 'root', location: '库区入口', reported: 58, deadline: 51, submitted: 53, accepted: 52, measures: '委托检测防静电装置' },
    { title: '库区防雷设施检测报告过期', source: 'self_check', hazardClass: 'management', unit: 'root', location: '库区', reported: 20, deadline: -10, measures: '委托有资质机构检测防雷设施' },
  ] },
];

