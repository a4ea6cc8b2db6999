import type { Db } from '../platform/db/database';
import { uploadSignatureImage } from '../platform/signatures';
import { addLocalDays, localDay, startOfLocalDay } from '../platform/time';
import { draftNotice, signNotice } from '../modules/responsibility/daily-notice/daily-notice.service';
import { accountActor, seedCtx } from './demo-actors';
import { png } from './demo-images';

const HOUR_MS = 3_600_000;

/*
 * R-COM-1 [cfg], the demo chemical plant's daily 风险研判与承诺公告 this month, played through the service: each morning
 * the safety manager drafts the day's figures at 07:30 and the principal signs it on his phone at 08:00, which posts it.
 * One day was missed (three days ago), and today's is not posted yet, so the workbench and the regulators' list have
 * something to show.
 */
export async function seedDemoDailyNotices(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const principal = await accountActor(db, 'principal');
  const safety = await accountActor(db, 'safety');
  const today = localDay(now);
  const missed = addLocalDays(today, -3);
  let posted = 0;
  for (let day = `${today.slice(0, 7)}-01`, i = 0; day < today; day = addLocalDays(day, 1), i++) {
    if (day === missed) continue;
    const start = startOfLocalDay(day).getTime();
    const hotWork = i % 3 === 0 ? 1 : 0;
    const notice = await draftNotice(db, seedCtx(safety, new Date(start + 7.5 * HOUR_MS)), eid, {
      units: { running: i % 7 === 5 ? 2 : 3, stopped: i % 7 === 5 ? 1 : 0, maintenance: 0 },
      majorHazards: { total: 2, safe: true },
      specialWork: { hot_work: hotWork, confined_space: i % 5 === 2 ? 1 : 0, blind_plate: 0, work_at_height: i % 4 === 1 ? 1 : 0, lifting: 0, temporary_power: hotWork, excavation: 0, road_closure: 0 },
      trialProduction: false, startStop: i % 7 === 5, maintenanceWork: hotWork === 1,
      note: hotWork ? '一车间反应釜检修动火作业，已办理动火作业许可证，专人监护。' : '',
    });
    const signAt = seedCtx(principal, new Date(start + 8 * HOUR_MS));
    const image = await uploadSignatureImage(db, signAt, eid, png(300, 100, 40 + i));
    await signNotice(db, signAt, eid, notice.id, { method: 'pad', imageAttachmentId: image.id, device: '主要负责人手机' });
    posted++;
  }
  return posted;
}
