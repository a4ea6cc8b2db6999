import type { Db } from '../platform/db/database';
import { addLocalDays, localDay, startOfLocalDay } from '../platform/time';
import { accountActor, seedCtx } from './demo-actors';
import { DEMO_PASSWORD } from './demo-password';
import { drillEvaluate, drillInput } from '../modules/emergency/drills/drill.schema';
import { completeAction, evaluateDrill, getDrill, recordDrill, reportDrill } from '../modules/emergency/drills/drill.service';
import { signInDrill } from '../modules/emergency/drills/drill-signin.service';

/*
 * Drills of the demo chemical plant (issue 14 §3, R-EMG-2), recorded through the drill service on a clock set to each
 * step's time, as the people who would act: the yearly comprehensive drill the principal organised and recorded himself
 * (evaluated and reported to the regulators: the plant is in a sector that reports), an on-site disposal plan's drill,
 * and a special drill whose follow-up actions are still open (one overdue). They cover the demo's plans (plans/ seeds
 * them); without any, nothing is seeded. On the yearly drill the participants with an account signed in on their own
 * phones through the drill's sign-in (the platform's signatures); the others stay listed by the organiser.
 */

const HOUR_MS = 3_600_000;

export async function seedDemoDrills(db: Db, input: { enterpriseId: string; now: Date }): Promise<{ drills: number }> {
  const { enterpriseId: eid, now } = input;
  const plans = await db.selectFrom('emergency_plans').select(['id', 'kind', 'status']).where('enterprise_id', '=', eid)
    .where('status', '<>', 'withdrawn').orderBy('created_at').execute();
  const issued = (kind: string) => plans.find((p) => p.kind === kind && (p.status === 'issued' || p.status === 'filed')) ?? plans.find((p) => p.kind === kind);
  const main = issued('comprehensive') ?? issued('special');
  const special = issued('special') ?? main;
  const onsite = plans.find((p) => p.kind === 'onsite' && (p.status === 'issued' || p.status === 'filed'));
  if (!main || !special) return { drills: 0 };
  const actors = {
    principal: await accountActor(db, 'principal'), safety: await accountActor(db, 'safety'), leader: await accountActor(db, 'leader'), worker: await accountActor(db, 'worker'),
  };
  const employee = async (username: string) => (await db.selectFrom('users').select('employee_id').where('username', '=', username).executeTakeFirstOrThrow()).employee_id!;
  const people = { principal: await employee('principal'), safety: await employee('safety'), leader: await employee('leader'), worker: await employee('worker') };
  const others = (await db.selectFrom('employees').select('id').where('enterprise_id', '=', eid).where('status', '=', 'active').orderBy('id').limit(12).execute()).map((e) => e.id);
  const today = localDay(now);
  /** 09:00 local time, `n` days ago (never before this year's first day, so every drill counts for this year). */
  const daysAgo = (n: number) => {
    const day = addLocalDays(today, -n);
    return new Date(startOfLocalDay(day < `${today.slice(0, 4)}-01-02` ? `${today.slice(0, 4)}-01-02` : day).getTime() + 9 * HOUR_MS);
  };
  const iso = (d: Date, hours = 0) => new Date(d.getTime() + hours * HOUR_MS).toISOString();
  const participants = (ids: string[]) => [...new Set(ids)].map((employeeId) => ({ employeeId, signIn: 'manual' as const }));
  let drills = 0;

  // ---- the yearly comprehensive drill, organised and recorded by the principal; evaluated and reported ----
  const mainAt = daysAgo(45);
  const yearly = await recordDrill(db, seedCtx(actors.principal, new Date(mainAt.getTime() + 4 * HOUR_MS)), eid, drillInput.parse({
    planId: main.id, form: 'practical', scenario: '甲类仓库氯气钢瓶泄漏，启动公司级应急响应，组织疏散、堵漏和洗消',
    startedAt: iso(mainAt), endedAt: iso(mainAt, 2.5), place: '甲类仓库及东侧空地', organiserEmployeeId: people.principal,
    participants: participants([people.principal, people.safety, people.leader, people.worker, ...others]),
  }));
  drills++;
  // Issue 14 §3: each signs on his own account with his password, a few minutes apart, once the record is made.
  for (const [i, who] of (['principal', 'safety', 'leader', 'worker'] as const).entries()) {
    await signInDrill(db, seedCtx(actors[who], new Date(mainAt.getTime() + 4 * HOUR_MS + (i + 1) * 3 * 60_000)), eid, yearly.id, {
      method: 'password', password: DEMO_PASSWORD, device: '手机',
    });
  }
  await evaluateDrill(db, seedCtx(actors.safety, new Date(mainAt.getTime() + 28 * HOUR_MS)), eid, yearly.id, drillEvaluate.parse({
    wentWell: '报警及时，应急指挥部 5 分钟内成立；疏散有序，12 分钟完成全员清点；堵漏组正确佩戴正压式空气呼吸器。',
    problems: '东门消防通道被临时停放车辆占用，消防车进入延误约 3 分钟。', planNeedsRevision: false,
    actions: [{ content: '东门消防通道施划禁停标线并安装警示牌', ownerEmployeeId: people.leader, dueOn: addLocalDays(localDay(mainAt), 10) }],
  }));
  const done = await getDrill(db, seedCtx(actors.safety, new Date(mainAt.getTime() + 30 * HOUR_MS)), eid, yearly.id);
  const firstAction = done.actions[0];
  if (firstAction) await completeAction(db, seedCtx(actors.safety, new Date(mainAt.getTime() + 6 * 24 * HOUR_MS)), eid, firstAction.id, { note: '已施划禁停标线 40 米，安装警示牌 2 块' });
  await reportDrill(db, seedCtx(actors.safety, new Date(mainAt.getTime() + 7 * 24 * HOUR_MS)), eid, yearly.id, {});

  // ---- an on-site disposal plan's drill (its half-year) ----
  if (onsite) {
    const at = daysAgo(20);
    const d = await recordDrill(db, seedCtx(actors.safety, new Date(at.getTime() + 3 * HOUR_MS)), eid, drillInput.parse({
      planId: onsite.id, form: 'practical', scenario: '一车间反应釜超温超压，岗位人员按现场处置方案紧急停车并切断进料',
      startedAt: iso(at), endedAt: iso(at, 1), place: '一车间反应釜区域', organiserEmployeeId: people.leader,
      participants: participants([people.leader, people.worker, ...others.slice(0, 5)]),
    }));
    drills++;
    await evaluateDrill(db, seedCtx(actors.safety, new Date(at.getTime() + 24 * HOUR_MS)), eid, d.id, drillEvaluate.parse({
      wentWell: '岗位人员熟悉紧急停车步骤，3 分钟内完成停车和切断进料。', problems: '', planNeedsRevision: false, actions: [],
    }));
  }

  // ---- a special drill with its follow-up actions still open, one overdue ----
  const specialAt = daysAgo(12);
  const sd = await recordDrill(db, seedCtx(actors.safety, new Date(specialAt.getTime() + 3 * HOUR_MS)), eid, drillInput.parse({
    planId: special.id, form: 'tabletop', scenario: '夜间配电室电气火灾，值班人员报警、断电和初期灭火桌面推演',
    startedAt: iso(specialAt), endedAt: iso(specialAt, 1.5), place: '办公楼三楼会议室', organiserEmployeeId: people.safety,
    participants: participants([people.safety, people.leader, people.worker, ...others.slice(0, 3)]),
  }));
  drills++;
  await evaluateDrill(db, seedCtx(actors.safety, new Date(specialAt.getTime() + 26 * HOUR_MS)), eid, sd.id, drillEvaluate.parse({
    wentWell: '值班人员熟悉报警流程和初期灭火器材位置。', problems: '夜间值班人员不清楚配电室总闸位置；应急照明有 2 处失效。', planNeedsRevision: true,
    actions: [
      { content: '在配电室门口张贴总闸位置示意图并组织值班人员现场确认', ownerEmployeeId: people.worker, dueOn: addLocalDays(localDay(specialAt), 5) },
      { content: '更换失效的应急照明灯具', ownerEmployeeId: people.leader, dueOn: addLocalDays(today, 10) },
    ],
  }));
  return { drills };
}
