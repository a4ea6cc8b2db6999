import type { Db } from '../platform/db/database';
import { addLocalDays, addLocalMonths, localDay, localYear } from '../platform/time';
import { createActivity, createReward } from '../modules/management/culture/culture.service';
import { createEquipment, createRenovation } from '../modules/management/equipment/equipment.service';
import { OBSOLETE_DEFAULTS } from '../modules/management/equipment/equipment.rule-sets';
import { accountActor, seedCtx } from './demo-actors';
import { DEMO_FLOOR_PLAN_NAME } from './demo-floor-plan';

/*
 * Issue 12 §5, the demo chemical plant's equipment register, played through the service by its safety manager: eight
 * pieces of equipment linked to the risk points of the demo's ledger and placed on its floor plan, three of them special
 * equipment (a lift in time, a nitrogen buffer tank due within three weeks, a forklift ten days overdue, whose hazard
 * the hourly overdue job opens on first start), one centrifuge flagged against the obsolete catalogue, and two renovation projects.
 */
export async function seedDemoEquipment(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const ctx = seedCtx(await accountActor(db, 'safety'), now);
  const today = localDay(now);
  const points = new Map((await db.selectFrom('risk_points').select(['id', 'name', 'org_unit_id']).where('enterprise_id', '=', eid).execute()).map((p) => [p.name, p]));
  const point = (name: string) => {
    const p = points.get(name);
    if (!p) throw new Error(`demo equipment: no risk point ${name}`);
    return p;
  };
  const plan = await db.selectFrom('floor_plans').select('id').where('enterprise_id', '=', eid).where('name', '=', DEMO_FLOOR_PLAN_NAME).executeTakeFirst();
  const at = (x: number, y: number) => (plan ? { floorPlanId: plan.id, position: { type: 'marker' as const, x: x / 1200, y: y / 800 } } : {});
  const base = {
    type: '', model: '', location: '', floorPlanId: null, position: null, riskPointIds: [], monitoringMeasures: '', specialType: null, registrationNo: '', registrationCertNo: '',
    lastInspectedOn: null, nextInspectionDue: null, inspectionCertNo: '', obsoleteItem: null, status: 'in_use' as const,
  };
  const reactor = point('反应釜（R-101）');
  const tanks = point('甲醇储罐区');
  const forklifts = point('叉车作业');
  const switchRoom = point('配电室');
  const sewage = point('有限空间作业（污水池）');
  const vesselDue = addLocalDays(today, 20);
  const items = [
    { ...base, code: 'SB-001', name: '聚合反应釜 R-101', type: '反应釜', model: 'K5000L 搪玻璃', orgUnitId: reactor.org_unit_id, location: '一车间二层', ...at(380, 330),
      riskPointIds: [reactor.id], monitoringMeasures: '釜温、釜压远传至DCS并设高高报警；超温超压联锁切断进料、开启紧急冷却水；搅拌电流监测。' },
    { ...base, code: 'SB-002', name: '甲醇储罐 T-201', type: '内浮顶储罐', model: '500m³', orgUnitId: tanks.org_unit_id, location: '厂区东北角储罐区', ...at(960, 170),
      riskPointIds: [tanks.id], monitoringMeasures: '液位、温度远传，高高液位联锁关闭进料切断阀；可燃气体检测报警仪4台；罐区视频监控。' },
    { ...base, code: 'TZ-001', name: '氮气缓冲罐 V-301', type: '压力容器（储气罐）', model: '2m³ 1.6MPa', orgUnitId: reactor.org_unit_id, location: '一车间北侧', ...at(470, 270),
      riskPointIds: [reactor.id], specialType: 'pressure_vessel' as const, registrationNo: '容11云A0301(21)', registrationCertNo: '云A特容登字2021-0301',
      lastInspectedOn: addLocalMonths(vesselDue, -36), nextInspectionDue: vesselDue, inspectionCertNo: 'RD-2023-0457', monitoringMeasures: '压力表、安全阀，超压报警。' },
    { ...base, code: 'TZ-002', name: '3号叉车', type: '内燃平衡重式叉车', model: 'CPCD30', orgUnitId: forklifts.org_unit_id, location: '成品仓库', ...at(700, 665),
      riskPointIds: [forklifts.id], specialType: 'field_vehicle' as const, registrationNo: '车11云A0318(22)', registrationCertNo: '云A特车登字2022-0318',
      lastInspectedOn: addLocalDays(addLocalMonths(today, -12), -10), inspectionCertNo: 'CC-2025-1186' },
    { ...base, code: 'TZ-003', name: '综合楼货梯', type: '曳引式载货电梯', model: 'THJ2000/0.5', orgUnitId: switchRoom.org_unit_id, location: '综合楼东侧',
      specialType: 'lift' as const, registrationNo: '梯11云A0452(20)', registrationCertNo: '云A特梯登字2020-0452', lastInspectedOn: addLocalDays(today, -100), inspectionCertNo: 'DT-2026-2210' },
    { ...base, code: 'SB-003', name: '三足式离心机 L-102', type: '离心机', model: 'SS1000（敞开式）', orgUnitId: reactor.org_unit_id, location: '一车间一层', ...at(300, 400),
      obsoleteItem: OBSOLETE_DEFAULTS.find((i) => i.code === 'hc-2020-open-centrifuge')!.code, monitoringMeasures: '计划于明年改造为密闭式离心机并氮气保护。' },
    { ...base, code: 'SB-004', name: '低压配电柜 AA1-AA8', type: '配电柜', model: 'GCK', orgUnitId: switchRoom.org_unit_id, location: '综合楼一层配电室', ...at(125, 640),
      riskPointIds: [switchRoom.id], monitoringMeasures: '母线温度在线监测，烟感报警。' },
    { ...base, code: 'SB-005', name: '污水提升泵 P-501', type: '潜污泵', model: 'WQ50-15-4', orgUnitId: sewage.org_unit_id, location: '污水处理站', ...at(1005, 640),
      riskPointIds: [sewage.id], monitoringMeasures: '液位自动启停；有限空间入口设置硫化氢、氧含量检测报警。' },
  ];
  for (const item of items) await createEquipment(db, ctx, eid, item);
  const year = localYear(now);
  await createRenovation(db, ctx, eid, {
    name: '甲醇装卸自动化鹤管改造', year, kind: 'automation', investment: '386000.00', peopleReduced: 4, status: 'completed',
    note: '槽车装卸由人工操作改为自动定量装车，装卸区作业人员由6人减至2人。',
  });
  await createRenovation(db, ctx, eid, {
    name: '成品包装码垛机器人', year: year + 1, kind: 'mechanisation', investment: '1280000.00', peopleReduced: 6, status: 'planned', note: '',
  });
  // The forklift's inspection was due ten days ago: the hourly job (equipment.jobs.ts) opens its hazard on the first tick
  // after start. Not here: the seeded hazard histories are the people's own (test/demo-hazards.test.ts holds that only
  // the platform's jobs act as nobody, and only after the load).
  await seedDemoCulture(db, input);
  return items.length;
}

/*
 * Issue 12 §6, the demo chemical plant's safety culture, by its safety manager: this week's pre-shift talk of 一车间 with
 * its people, the month's safety activity day, June's safety production month, and three lines of the reward-and-penalty
 * ledger (one rewarding the report of a demo hazard).
 */
export async function seedDemoCulture(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const ctx = seedCtx(await accountActor(db, 'safety'), now);
  const today = localDay(now);
  const ws1 = await db.selectFrom('org_units').select(['id', 'path']).where('enterprise_id', '=', eid).where('name', '=', '一车间').executeTakeFirst();
  const people = await db.selectFrom('employees as e').innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'e.enterprise_id').onRef('u.id', '=', 'e.org_unit_id'))
    .select(['e.id']).where('e.enterprise_id', '=', eid).where('e.status', '=', 'active')
    .where('u.path', 'like', `${ws1?.path ?? '/none/'}%`).orderBy('e.name').limit(12).execute();
  const ids = people.map((p) => p.id);
  const year = localYear(now);
  const june = `${year}-06-16` <= today ? `${year}-06-16` : `${year - 1}-06-16`;
  await createActivity(db, ctx, eid, {
    kind: 'safety_month', heldOn: june, topic: '安全生产月：人人讲安全、个个会应急——畅通生命通道', orgUnitId: null, host: '安全管理部',
    content: '观看警示教育片，开展消防疏散演练和应急知识竞赛，全员签订安全承诺。', participantIds: ids,
  });
  await createActivity(db, ctx, eid, {
    kind: 'activity_day', heldOn: addLocalDays(today, -10), topic: '安全活动日：有限空间作业“先通风、再检测、后作业”', orgUnitId: null, host: '安全管理部',
    content: '学习有限空间作业安全规定，复盘本季度一起有限空间未遂事件。', participantIds: ids.slice(0, 8),
  });
  await createActivity(db, ctx, eid, {
    kind: 'pre_shift', heldOn: addLocalDays(today, -1), topic: '班前会：反应釜检修动火作业风险告知', orgUnitId: ws1?.id ?? null, host: '一车间主任',
    content: '讲解动火作业许可、监护人职责和可燃气体检测要求；检查劳保用品佩戴。', participantIds: ids.slice(0, 6),
  });
  const hazard = await db.selectFrom('hazards').select(['id', 'reported_by']).where('enterprise_id', '=', eid).where('status', '=', 'closed')
    .where('source', '=', 'employee_report').orderBy('code').executeTakeFirst();
  const reporter = hazard?.reported_by
    ? (await db.selectFrom('users').select('employee_id').where('id', '=', hazard.reported_by).executeTakeFirst())?.employee_id ?? null : null;
  if (hazard && reporter) {
    await createReward(db, ctx, eid, {
      kind: 'reward', employeeId: reporter, decidedOn: addLocalDays(today, -5), reason: '主动报告隐患并经验收整改完成（隐患随手拍）', amount: '200.00', measure: '', hazardId: hazard.id,
    });
  }
  if (ids[0]) {
    await createReward(db, ctx, eid, {
      kind: 'reward', employeeId: ids[0], decidedOn: addLocalDays(today, -20), reason: '安全知识竞赛一等奖', amount: '500.00', measure: '通报表扬', hazardId: null,
    });
  }
  if (ids[1]) {
    await createReward(db, ctx, eid, {
      kind: 'penalty', employeeId: ids[1], decidedOn: addLocalDays(today, -3), reason: '进入罐区未按规定佩戴防静电工作服', amount: '50.00', measure: '安全再培训', hazardId: null,
    });
  }
  return 3;
}
