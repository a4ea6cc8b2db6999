import type { Db } from '../platform/db/database';
import { addLocalDays, localDay } from '../platform/time';
import { createAgreement, createContact, createEquipment, createTeam, inspectEquipment } from '../modules/emergency/rescue/rescue.service';
import { accountActor, seedCtx } from './demo-actors';

/*
 * Issue 14 §2, R-EMG-3, the demo chemical plant's rescue organisation, played through the service by the safety
 * manager: its own rescue team (the principal leads it, the safety manager and three operators serve), an agreement
 * with the district's professional hazardous-chemicals rescue team, its emergency equipment — one extinguisher batch
 * overdue for inspection and one box of filter canisters expiring within the week (the reminder and the workbench show
 * them) — and the emergency contacts card.
 */
export async function seedDemoRescue(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const ctx = seedCtx(await accountActor(db, 'safety'), now);
  const today = localDay(now);
  const people = await db.selectFrom('employees as e').leftJoin('users as u', 'u.employee_id', 'e.id')
    .select(['e.id', 'e.name', 'e.phone', 'u.username']).where('e.enterprise_id', '=', eid).where('e.status', '=', 'active').orderBy('e.name').orderBy('e.id').execute();
  const principal = people.find((p) => p.username === 'principal');
  const safety = people.find((p) => p.username === 'safety');
  const operators = people.filter((p) => !p.username).slice(0, 3);
  const member = (p: (typeof people)[number], role: string, certificates = '') => ({ employeeId: p.id, name: p.name, role, phone: p.phone ?? '', certificates });
  await createTeam(db, ctx, eid, {
    name: '公司应急救援队', kind: 'team', duties: '负责本公司危险化学品泄漏、火灾等事故的初期处置、人员疏散和警戒，配合专业救援队伍开展救援。', note: '',
    members: [
      ...(principal ? [member(principal, '总指挥')] : []),
      ...(safety ? [member(safety, '副总指挥', '注册安全工程师')] : []),
      ...operators.map((p, i) => member(p, i === 0 ? '抢险组组长' : '抢险组队员', '危险化学品安全作业证')),
      { employeeId: null, name: '王医生', role: '医疗救护（外聘）', phone: '13908710000', certificates: '执业医师' },
    ],
  });
  await createAgreement(db, ctx, eid, {
    counterpart: '昆明市危险化学品专业应急救援队（官渡中队）', contactName: '赵队长', contactPhone: '0871-63310119',
    validFrom: addLocalDays(today, -200), validTo: addLocalDays(today, 165), note: '接警后 15 分钟内到达现场，每年联合演练一次。', attachmentId: null,
  });
  const item = (name: string, category: 'protection' | 'firefighting' | 'detection' | 'rescue' | 'medical' | 'spill', quantity: number, unit: string, location: string,
    opts: { cycle?: number; last?: string; expires?: string; keeper?: string } = {}) => createEquipment(db, ctx, eid, {
    name, category, quantity, unit, location, floorPlanId: null, position: null, keeper: opts.keeper ?? '', inspectionCycleDays: opts.cycle ?? null,
    lastInspectedOn: opts.last ?? null, expiresOn: opts.expires ?? null, note: '',
  });
  const air = await item('正压式空气呼吸器', 'protection', 6, '套', '应急物资库 A 架', { cycle: 30, last: addLocalDays(today, -40), keeper: safety?.name });
  await inspectEquipment(db, ctx, eid, air.id, { inspectedOn: addLocalDays(today, -10), result: 'ok', note: '气瓶压力、面罩气密性正常' });
  await item('重型防化服', 'protection', 4, '套', '应急物资库 A 架', { cycle: 90, last: addLocalDays(today, -30) });
  await item('防毒面具滤毒罐', 'protection', 40, '个', '应急物资库 B 架', { expires: addLocalDays(today, 5) });
  await item('干粉灭火器（8 kg）', 'firefighting', 60, '具', '各车间消防点', { cycle: 30, last: addLocalDays(today, -35) });
  await item('便携式四合一气体检测仪', 'detection', 3, '台', '安全环保部', { cycle: 180, last: addLocalDays(today, -60) });
  await item('堵漏工具箱', 'spill', 2, '套', '应急物资库 C 架', { cycle: 90, last: addLocalDays(today, -20) });
  await item('担架', 'rescue', 2, '副', '门卫室', { cycle: 90, last: addLocalDays(today, -20) });
  await item('急救箱', 'medical', 4, '个', '各车间办公室', { cycle: 30, last: addLocalDays(today, -5), expires: addLocalDays(today, 300) });
  const contacts: [Parameters<typeof createContact>[3]['kind'], string, string, string, string][] = [
    ['internal', principal?.name ?? '主要负责人', '本公司', '应急总指挥', '13800000001'],
    ['internal', safety?.name ?? '安全管理人员', '本公司', '应急副总指挥', '13800000002'],
    ['rescue_team', '赵队长', '昆明市危险化学品专业应急救援队（官渡中队）', '救援协议联系人', '0871-63310119'],
    ['fire', '火警', '', '', '119'],
    ['hospital', '急救中心', '', '', '120'],
    ['police', '报警', '', '', '110'],
    ['regulator', '区应急管理局值班室', '昆明市官渡区应急管理局', '24 小时值班', '0871-67170000'],
    ['regulator', '关上街道应急办', '官渡区关上街道办事处', '值班电话', '0871-67180000'],
  ];
  for (const [i, [kind, name, organisation, role, phone]] of contacts.entries()) {
    await createContact(db, ctx, eid, { kind, name, organisation, role, phone, note: '', sort: i });
  }
}
