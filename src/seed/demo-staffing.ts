import type { Db } from '../platform/db/database';
import { addLocalDays, addLocalMonths, localDay } from '../platform/time';
import {
  addEngagement, addEngineer, appointStaff, saveDepartment,
} from '../modules/management/staffing/staffing.service';
import { accountActor, seedCtx } from './demo-actors';

/*
 * R-TEAM-1/2, the demo's safety organisation, played through the service. The demo chemical plant has its 安全环保部,
 * the safety manager full-time and a workshop head part-time, an outsourced safety consultancy, and one registered
 * safety engineer whose certificate lapsed last month — so its check says "还需配备 1 名注册安全工程师" until it is
 * renewed. A few other enterprises are set up too: the second chemical firm and the copper smelter comply; the
 * construction project team has only a part-time officer, which a construction unit may not rely on.
 */
export async function seedDemoStaffing(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const today = localDay(now);
  const safety = seedCtx(await accountActor(db, 'safety'), now);
  const admin = seedCtx(await accountActor(db, 'admin'), now);
  const staffOf = async (enterpriseId: string) => (await db.selectFrom('employees').select('id').where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'active').orderBy('name').orderBy('id').execute()).map((r) => r.id);
  const safetyEmployee = (await db.selectFrom('users').select('employee_id').where('username', '=', 'safety').executeTakeFirstOrThrow()).employee_id!;
  const leaderEmployee = (await db.selectFrom('users').select('employee_id').where('username', '=', 'leader').executeTakeFirstOrThrow()).employee_id!;
  const year = Number(today.slice(0, 4));

  await saveDepartment(db, safety, eid, { name: '安全环保部', documentNo: `官精化〔${year - 2}〕12号`, establishedOn: `${year - 2}-03-01`, note: '负责全公司安全生产、环境保护和职业健康管理' });
  await appointStaff(db, safety, eid, { employeeId: safetyEmployee, kind: 'full_time', appointmentNo: `官精化〔${year - 1}〕5号`, appointedOn: `${year - 1}-01-10`, duties: '专职安全生产管理人员，负责隐患排查治理、教育培训和安全检查' });
  await appointStaff(db, safety, eid, { employeeId: leaderEmployee, kind: 'part_time', appointmentNo: `官精化〔${year - 1}〕5号`, appointedOn: `${year - 1}-01-10`, duties: '兼职安全员，负责一车间日常安全巡查' });
  await addEngineer(db, safety, eid, { employeeId: safetyEmployee, certificateNo: `0053${year - 5}00128`, specialty: 'chemical', validUntil: addLocalDays(addLocalMonths(today, -1), -5) });
  await addEngagement(db, safety, eid, {
    institutionName: '云南安泰安全技术咨询有限公司', services: '安全生产标准化咨询、隐患排查技术服务', contractNo: `AT-${year}-031`,
    startsOn: `${year}-01-01`, endsOn: `${year}-12-31`,
  });

  const byName = async (name: string) => (await db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirst())?.id;
  const storage = await byName('云南滇中危险品储运有限公司');
  if (storage) {
    const [a, b] = await staffOf(storage);
    await appointStaff(db, admin, storage, { employeeId: a!, kind: 'full_time', appointmentNo: '滇中储运〔2025〕3号', appointedOn: '2025-02-01' });
    await addEngineer(db, admin, storage, { employeeId: b!, certificateNo: '005320210077', specialty: 'chemical', validUntil: addLocalMonths(today, 30) });
  }
  const smelter = await byName('云南铜业（官渡）冶炼有限公司');
  if (smelter) {
    const [a, b, c] = await staffOf(smelter);
    await saveDepartment(db, admin, smelter, { name: '安全生产部', documentNo: '云铜官冶〔2023〕8号', establishedOn: '2023-05-01' });
    await appointStaff(db, admin, smelter, { employeeId: a!, kind: 'full_time' });
    await appointStaff(db, admin, smelter, { employeeId: b!, kind: 'full_time' });
    await addEngineer(db, admin, smelter, { employeeId: c!, certificateNo: '005320190231', specialty: 'metal_smelting', validUntil: addLocalMonths(today, 18) });
  }
  const builder = await byName('云南建投第六建设有限公司官渡项目部');
  if (builder) {
    const [a] = await staffOf(builder);
    await appointStaff(db, admin, builder, { employeeId: a!, kind: 'part_time', duties: '项目部兼职安全员' });
    await addEngagement(db, admin, builder, { institutionName: '昆明建安工程咨询有限公司', services: '施工现场安全巡查', startsOn: `${year}-03-01` });
  }
}
