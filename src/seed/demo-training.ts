import type { Db } from '../platform/db/database';
import type { TrainingCourseType } from '../platform/db/schema';
import { uploadSignatureImage } from '../platform/signatures/signatures.routes';
import { addLocalDays, localDay, localYear } from '../platform/time';
import {
  checkIn, createRetraining, createTrainingSession, openCheckin, proxyAttend, savePlan, setAttendanceResult,
} from '../modules/management/training/training.service';
import { accountActor, seedCtx } from './demo-actors';
import { png } from './demo-images';

/*
 * R-TRN-1, the demo chemical plant's training this year, played through the services as the safety manager: the
 * yearly plan; a legal-education session (学法培训) most of the staff attended (the worker checked in by QR, two people
 * without an account signed on the shared device); the three-level induction of the newest hire with exams; the
 * emergency basics and the yearly re-training, which one person missed — so he is short of the 20 h a high-risk
 * sector requires — and a change of post that still awaits its re-training. The principal's quarterly check is left
 * for him to sign. Loading twice changes nothing: a plant that has sessions is left alone.
 */
export async function seedDemoTraining(db: Db, input: { enterpriseId: string; now: Date; idLast4?: ReadonlyMap<string, string> }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const had = await db.selectFrom('training_sessions').select('id').where('enterprise_id', '=', eid).limit(1).executeTakeFirst();
  if (had) return 0;
  const safety = await accountActor(db, 'safety');
  const ctx = seedCtx(safety, now);
  const today = localDay(now);
  const year = localYear(now);
  const first = `${year}-01-01`;
  const span = Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000);
  // Spread over the year so far: never after today, whatever day the demo is loaded.
  const dayAt = (fraction: number) => addLocalDays(first, Math.floor(span * fraction));

  await savePlan(db, ctx, eid, year, {
    note: '依据《生产经营单位安全培训规定》编制，危险化学品企业从业人员每年再培训不少于 20 学时。',
    items: [
      { courseType: 'legal_education', title: '《安全生产法》《危险化学品安全管理条例》学法培训', target: '全体员工', plannedHours: 4, month: 3 },
      { courseType: 'induction_company', title: '新员工公司级安全教育', target: '新入职人员', plannedHours: 24, month: 3 },
      { courseType: 'emergency', title: '储罐泄漏应急处置知识', target: '全体员工', plannedHours: 4, month: 6 },
      { courseType: 'regular', title: '年度安全再培训', target: '全体员工', plannedHours: 16, month: 9 },
      { courseType: 'special', title: '有限空间作业专项培训', target: '检维修人员', plannedHours: 4, month: 11 },
    ],
  });

  const staff = await db.selectFrom('employees').select(['id', 'name', 'hire_date']).where('enterprise_id', '=', eid).where('status', '=', 'active')
    .orderBy('hire_date', 'desc').orderBy('name').orderBy('id').execute();
  const accounts = new Map((await db.selectFrom('users').select(['username', 'employee_id']).where('enterprise_id', '=', eid).where('disabled', '=', false).execute())
    .filter((u) => u.employee_id).map((u) => [u.employee_id!, u.username]));
  const newest = staff[0];
  const missing = staff.find((s) => !accounts.has(s.id) && s.id !== newest?.id);

  const add = async (courseType: TrainingCourseType, title: string, hours: number, at: number, trainer: string, examHeld = false) =>
    (await createTrainingSession(db, ctx, eid, { courseType, title, trainer, heldOn: dayAt(at), hours, examHeld, note: '' })).id;
  const record = async (sessionId: string, employeeIds: readonly string[], result: { score?: number; passed?: boolean } = {}) => {
    for (const id of employeeIds) await setAttendanceResult(db, ctx, eid, sessionId, id, result);
  };

  // Legal education: the worker checks in on his phone; two people without an account sign on the shared device; the rest from the paper list.
  const legal = await add('legal_education', '《安全生产法》学法培训', 4, 0.15, '区应急管理局 李科长');
  const link = await openCheckin(db, ctx, '', eid, legal);
  const token = link.url.split('/').pop()!;
  await checkIn(db, seedCtx(await accountActor(db, 'worker'), now), token);
  const proxied = staff.filter((s) => !accounts.has(s.id) && input.idLast4?.has(s.id)).slice(0, 2);
  for (const [n, p] of proxied.entries()) {
    const image = await uploadSignatureImage(db, ctx, eid, png(240, 90, 900 + n));
    await proxyAttend(db, ctx, eid, legal, { employeeId: p.id, idLast4: input.idLast4!.get(p.id)!, imageAttachmentId: image.id, device: '安全环保部共用平板' });
  }
  const workerEmployee = [...accounts.entries()].find(([, u]) => u === 'worker')?.[0];
  const done = new Set([workerEmployee, ...proxied.map((p) => p.id)]);
  // Two people missed legal education, so the full-staff coverage is short of 100 %.
  const legalRest = staff.filter((s) => !done.has(s.id)).slice(0, Math.max(0, staff.length - done.size - 2)).map((s) => s.id);
  await record(legal, legalRest);

  if (newest) {
    for (const [i, [level, title]] of ([
      ['induction_company', '公司级安全教育：厂规厂纪、危险化学品基础知识'],
      ['induction_workshop', '车间级安全教育：本车间工艺、危险源和应急处置'],
      ['induction_team', '班组级安全教育：岗位操作规程、劳动防护用品使用'],
    ] as const).entries()) {
      const s = await add(level, title, 8, 0.2 + i * 0.02, '安全环保部', true);
      await record(s, [newest.id], { score: 85 + i * 3, passed: true });
    }
  }

  const everyone = staff.map((s) => s.id);
  const emergency = await add('emergency', '储罐泄漏应急处置知识', 4, 0.45, '安全环保部');
  await record(emergency, everyone);
  const regular = await add('regular', '年度安全再培训', 16, 0.7, '云南安泰安全技术咨询有限公司', true);
  await record(regular, everyone.filter((id) => id !== missing?.id), { score: 90, passed: true });

  // A workshop operator moved to the tank farm: his re-training is still due.
  const moved = staff.find((s) => !accounts.has(s.id) && s.id !== missing?.id && s.id !== newest?.id);
  if (moved) await createRetraining(db, ctx, eid, { employeeId: moved.id, reason: 'post_change', occurredOn: dayAt(0.9), awaySince: null, note: '由一车间调至罐区操作岗位' });
  return staff.length;
}
