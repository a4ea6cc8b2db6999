import type { Db } from '../platform/db/database';
import { localDay } from '../platform/time';
import { triggerEvent } from '../modules/obligations';
import { addAction, concludeInvestigation, openInvestigation, recordFinding, updateInvestigationContent } from '../modules/accidents/followup/followup.service';
import { completeFollowUp, recordInterview } from '../modules/accidents/followup/interview.service';
import { accountActor, seedCtx } from './demo-actors';

const DAY = 86_400_000;

/*
 * Issue 14 §4–5, the demo chemical plant's accident follow-up: for its oldest accident reported up (the accident
 * reports' demo burn; else an accident inserted here, named so), the emergency department's interview of the principal
 * with its follow-up done, and the district's investigation — team, causes, a responsibility finding, a corrective
 * action — concluded with its lessons. The later accidents are left awaiting their interview (the department's due list).
 */
export async function seedDemoAccidentFollowup(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const [yjj, principal, safety] = await Promise.all(['yjj', 'principal', 'safety'].map((u) => accountActor(db, u)));
  if (!yjj || !principal || !safety) return;
  let accident = await db.selectFrom('accidents').select(['id', 'occurred_at', 'regulators_received_at']).where('enterprise_id', '=', eid)
    .where('kind', '=', 'accident').where('regulators_received_at', 'is not', null).where('grade', '=', 'general')
    .orderBy('occurred_at').limit(1).executeTakeFirst();
  if (!accident) {
    const at = new Date(now.getTime() - 60 * DAY);
    const received = new Date(at.getTime() + 40 * 60_000);
    const row = await db.insertInto('accidents').values({
      enterprise_id: eid, kind: 'accident', occurred_at: at, place: '二车间', summary: '【演示事故】二车间检修时一名维修工从平台跌落，腿部骨折',
      serious_injuries: 1, direct_loss: '42000.00', grade: 'general', unit_head_informed_at: at, regulators_received_at: received, created_at: at, updated_at: received,
    }).returning(['id', 'occurred_at', 'regulators_received_at']).executeTakeFirstOrThrow();
    await db.transaction().execute((tx) => triggerEvent(tx, seedCtx(principal, received), {
      enterpriseId: eid, event: 'accident.reported', at: received, subjectKey: row.id, subjectLabel: '【演示事故】平台跌落',
    }));
    accident = row;
  }
  const base = accident.regulators_received_at!.getTime();
  const at = (days: number) => new Date(base + days * DAY);

  await openInvestigation(db, seedCtx(yjj, at(2)), eid, accident.id, { conductedBy: 'district' });
  const safetyEmployee = (await db.selectFrom('users').select('employee_id').where('id', '=', safety.userId).executeTakeFirst())?.employee_id;
  await updateInvestigationContent(db, seedCtx(yjj, at(6)), eid, accident.id, {
    team: [
      { name: '区应急管理局 李监管', role: '组长', organisation: '区应急管理局' },
      { name: '关上街道 王安监', role: '成员', organisation: '关上街道办事处' },
      { name: '化工安全专家 赵工', role: '技术组', organisation: '昆明市化工安全专家库' },
    ],
    causeDirect: '操作工投料时未按规程控制加料速度，物料与釜内高温介质接触喷溅。',
    causeIndirect: '作业人员未穿戴防护面屏；现场无专人监护。',
    causeManagement: '投料操作规程未明确加料速度限值；班组安全培训流于形式。',
    fiveWhys: ['为什么物料喷溅？加料过快', '为什么加料过快？规程未规定限值', '为什么规程未规定？规程修订未经工艺审核', '为什么未经审核？审核制度未落实', '为什么制度未落实？安全管理责任未压实'],
    responsibilityAccident: true,
    personFindings: [{ name: '二车间主任', employeeId: null, role: '车间主任', finding: '未组织落实投料作业现场监护，对事故负直接管理责任。', duties: [] }],
    higherReport: '', lessons: '投料作业必须控制加料速度、穿戴面屏并专人监护；规程修订须经工艺和安全双审核。',
  });
  if (safetyEmployee) {
    await addAction(db, seedCtx(yjj, at(7)), eid, accident.id, {
      kind: 'corrective', content: '修订投料操作规程，明确加料速度限值并组织全员培训', ownerEmployeeId: safetyEmployee, dueOn: localDay(at(30)),
    });
  }
  const interview = await recordInterview(db, seedCtx(yjj, at(9)), eid, {
    accidentIds: [accident.id], heldAt: at(8).toISOString(), place: '区应急管理局三楼会议室', principalName: '企业主要负责人',
    participants: [
      { name: '区应急管理局 李监管', role: '约谈人', organisation: '区应急管理局' },
      { name: '关上街道 王安监', role: '参加', organisation: '关上街道办事处' },
      { name: '安全管理员', role: '参加', organisation: '昆明官渡精细化工有限公司' },
    ],
    record: '通报事故经过和初步原因；指出企业投料作业规程执行不严、现场监护缺位；要求举一反三，全面排查同类作业风险。',
    commitments: '十日内完成全厂投料作业专项检查；修订投料操作规程并全员培训；落实作业现场监护。',
    followUp: '复查专项检查和培训记录', followUpDue: localDay(at(20)),
  });
  await recordFinding(db, seedCtx(yjj, at(12)), eid, accident.id, {
    kind: 'omitted', description: '快报未报告第二名轻伤人员，经调查核实后补报。', foundOn: localDay(at(12)),
  });
  await completeFollowUp(db, seedCtx(yjj, at(19)), eid, interview.id, { note: '已现场复查：专项检查整改 6 项，操作规程已修订，培训签到 48 人。' });

  await concludeInvestigation(db, seedCtx(yjj, at(25)), eid, accident.id, {});
}
