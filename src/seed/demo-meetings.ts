import type { Actor, Ctx } from '../platform/auth/actor';
import type { Db } from '../platform/db/database';
import { accountActor, SEED_REQUEST } from './demo-actors';
import { addLocalDays, localDay, startOfLocalDay } from '../platform/time';
import { actionListQuery, meetingCreate } from '../modules/responsibility/meetings/meeting.schema';
import { completeAction, confirmMeeting, listActions, recordMeeting } from '../modules/responsibility/meetings/meeting.service';

/*
 * Safety meetings of the demo chemical plant (issue 11 §8): three meetings recorded by the safety manager through the
 * meeting service on a clock set to each step's time, as the people who would act. A 一车间 safety meeting a month ago,
 * confirmed by its chair, one action reported done and one overdue; the safety managers' routine meeting last week
 * with open actions; and yesterday's safety meeting chaired by the principal, whose minutes wait for his confirmation
 * (confirming them on his phone fulfils this quarter's meeting duty, R-RESP-5). The quarterly duties of the past are
 * played by the obligations demo, not here.
 */

const HOUR_MS = 3_600_000;

type DemoEnterprise = { id: string; employees: string[] };

const actorOf = (db: Db, username: string): Promise<Actor> => accountActor(db, username);

/** Loads the demo meetings; called by seedDemo once the demo accounts are committed. Each step is its own transaction. */
export async function seedDemoMeetings(db: Db, input: { enterprise: DemoEnterprise; now: Date }): Promise<{ meetings: number }> {
  const { now, enterprise } = input;
  const eid = enterprise.id;
  const e = enterprise.employees;
  const people = { principal: e[0]!, safety: e[1]!, leader: e[2]!, worker: e[3]! };
  const actors = { safety: await actorOf(db, 'safety'), principal: await actorOf(db, 'principal'), leader: await actorOf(db, 'leader'), worker: await actorOf(db, 'worker') };
  const ctx = (actor: Actor, at: Date): Ctx => ({ actor, ip: null, requestId: SEED_REQUEST, locale: 'zh-CN', now: at });
  const today = localDay(now);
  /** 09:30 local time, `n` days ago. */
  const daysAgo = (n: number) => new Date(startOfLocalDay(addLocalDays(today, -n)).getTime() + 9.5 * HOUR_MS);
  const at = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR_MS);
  const day = (d: Date, n: number) => addLocalDays(localDay(d), n);
  const firstOutbox = String((await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0);

  // ---- a month ago: 一车间 safety meeting, confirmed by its chair; one action done, one overdue ----
  const ws1Held = daysAgo(30);
  const ws1 = await recordMeeting(db, ctx(actors.safety, at(ws1Held, 3)), eid, meetingCreate.parse({
    type: 'regular', title: '一车间月度安全生产例会', heldAt: ws1Held.toISOString(), place: '一车间会议室', chairEmployeeId: people.leader,
    attendeeIds: [people.leader, people.worker, ...e.slice(4, 8)],
    agenda: '一、通报上月隐患排查治理情况\n二、反应釜区域作业安全要求\n三、布置本月重点工作',
    minutes: '会议通报了上月一车间隐患排查情况：共排查隐患 6 项，已整改 5 项。会议强调反应釜区域动火、受限空间作业必须严格执行作业票审批，'
      + '作业前进行气体检测并安排专人监护。会议要求各班组长每日班前讲话必须包含当日作业风险提示。',
    decisions: [
      { content: '更换一车间二层平台破损的防护栏杆', ownerEmployeeId: people.worker, dueOn: day(ws1Held, 7) },
      { content: '组织甲班开展受限空间作业专项培训并考核', ownerEmployeeId: people.leader, dueOn: day(ws1Held, 20) },
    ],
  }));
  await confirmMeeting(db, ctx(actors.leader, at(ws1Held, 24)), eid, ws1.id, { note: '' });
  const doneAt = at(ws1Held, 5 * 24);
  const actions = await listActions(db, ctx(actors.worker, doneAt), eid, actionListQuery.parse({ mine: 'true', meetingId: ws1.id }));
  const railing = actions.items.find((a) => a.content.startsWith('更换'));
  if (railing) await completeAction(db, ctx(actors.worker, doneAt), eid, railing.id, { note: '已更换 12 米防护栏杆并经车间验收' });

  // ---- last week: the safety managers' routine meeting, confirmed, its actions open ----
  const weeklyHeld = daysAgo(9);
  const weekly = await recordMeeting(db, ctx(actors.safety, at(weeklyHeld, 2)), eid, meetingCreate.parse({
    type: 'regular', title: '安全管理人员周例会', heldAt: weeklyHeld.toISOString(), place: '安全环保部', chairEmployeeId: people.safety,
    attendeeIds: [people.safety, people.leader, ...e.slice(8, 11)],
    agenda: '一、本周检查任务完成情况\n二、下周特殊作业计划',
    minutes: '本周检查任务完成率 96%，漏检 2 项已补查。下周二车间计划检修作业 3 项，需提前办理作业票并落实监护人。',
    decisions: [
      { content: '清理成品仓库东侧消防通道堆放的包装物料', ownerEmployeeId: people.worker, dueOn: addLocalDays(today, 5) },
      { content: '编制二车间检修作业安全方案并报安全环保部审核', ownerEmployeeId: people.leader, dueOn: addLocalDays(today, 12) },
    ],
  }));
  await confirmMeeting(db, ctx(actors.safety, at(weeklyHeld, 26)), eid, weekly.id, { note: '' });
  // The older meetings' notices were read long ago; yesterday's request to the principal stays in his bell.
  await db.updateTable('outbox').set({ processed_at: now }).where('id', '>', firstOutbox).where('processed_at', 'is', null).execute();

  // ---- yesterday: the principal's safety meeting, its minutes waiting for his confirmation ----
  const topicHeld = daysAgo(1);
  await recordMeeting(db, ctx(actors.safety, at(topicHeld, 2)), eid, meetingCreate.parse({
    type: 'safety_topic', title: '安全生产专题会议', heldAt: topicHeld.toISOString(), place: '公司三楼会议室', chairEmployeeId: people.principal,
    attendeeIds: [people.principal, people.safety, people.leader, people.worker, ...e.slice(11, 14)],
    agenda: '一、本季度安全生产形势分析\n二、重大危险源管控情况\n三、安全生产投入使用情况\n四、部署下阶段重点工作',
    minutes: '会议由主要负责人主持。会议听取了安全管理员关于本季度安全生产工作的汇报，分析了储罐区、反应釜等重大危险源的管控情况。'
      + '会议指出当前存在的主要问题是部分作业人员安全意识不强、特殊作业票证管理不规范。会议决定：一是修订危险化学品储存管理制度；'
      + '二是完成储罐区防雷防静电检测；三是追加安全投入用于更新可燃气体报警仪。',
    decisions: [
      { content: '修订危险化学品储存管理制度并组织全员学习', ownerEmployeeId: people.safety, dueOn: day(topicHeld, 30) },
      { content: '完成储罐区防雷防静电年度检测', ownerEmployeeId: people.leader, dueOn: day(topicHeld, 15) },
      { content: '采购更新一车间可燃气体报警仪 6 台', ownerEmployeeId: people.safety, dueOn: day(topicHeld, 45) },
    ],
  }));
  return { meetings: 3 };
}
