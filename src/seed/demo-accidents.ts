import type { Db } from '../platform/db/database';
import { addSupplement, changeUnitHeadTime, forwardAccident, quickReport, readInboxItem, reportUp } from '../modules/accidents/reports/accident.service';
import { accountActor, seedCtx } from './demo-actors';

const MIN = 60_000;
const DAY = 86_400_000;

/*
 * Issue 14 §4, the demo chemical plant's accident reports: a burn three months ago, reported up in time and forwarded
 * to the city, with a supplementary report of the loss; a poisoning last month, reported late (迟报), whose
 * supplementary report raised it to 较大 and which the district forwarded to the province; and a near miss last week,
 * kept in the enterprise's statistics only. The regulators have read the first two in their inbox.
 */
export async function seedDemoAccidents(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const [worker, principal, safety, yjj, guanshang] = await Promise.all(['worker', 'principal', 'safety', 'yjj', 'guanshang'].map((u) => accountActor(db, u)));
  const ago = (days: number, minutes = 0) => new Date(now.getTime() - days * DAY + minutes * MIN);

  const burn = await quickReport(db, seedCtx(worker!, ago(90)), eid, {
    kind: 'accident', summary: '二车间投料时物料喷溅，一名操作工面部和手臂灼伤', place: '二车间 3 号反应釜', occurredAt: ago(90, -10).toISOString(),
    accidentType: 'scald', deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 0, directLoss: '85000', postId: null, photoIds: [],
  });
  await reportUp(db, seedCtx(principal!, ago(90, 40)), eid, burn.id, { note: '已送昆明市第一人民医院救治' });
  await forwardAccident(db, seedCtx(yjj!, ago(90, 90)), burn.id, { note: '已报昆明市应急管理局' });
  await readInboxItem(db, seedCtx(guanshang!, ago(90, 60)), burn.id);
  await addSupplement(db, seedCtx(safety!, ago(88)), eid, burn.id, {
    deaths: 0, missing: 0, seriousInjuries: 1, minorInjuries: 1, directLoss: '126500.00', note: '另一名操作工轻度灼伤；医疗及设备维修费用核定',
  });

  const poisoning = await quickReport(db, seedCtx(worker!, ago(30)), eid, {
    kind: 'accident', summary: '储罐清洗作业中发生硫化氢中毒，两人被困', place: '罐区 T-102 储罐', occurredAt: ago(30, -25).toISOString(),
    accidentType: 'poisoning_asphyxia', deaths: 1, missing: 0, seriousInjuries: 1, minorInjuries: 0, directLoss: '600000', postId: null, photoIds: [],
  });
  await changeUnitHeadTime(db, seedCtx(safety!, ago(30, 20)), eid, poisoning.id, { at: ago(30, 5).toISOString(), reason: '车间主任 5 分钟后电话报告主要负责人，以通话记录为准' });
  await reportUp(db, seedCtx(principal!, ago(30, 80)), eid, poisoning.id, { note: '' });
  await readInboxItem(db, seedCtx(yjj!, ago(30, 85)), poisoning.id);
  await addSupplement(db, seedCtx(principal!, ago(29)), eid, poisoning.id, {
    deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 2, directLoss: '4200000.00', note: '施救人员一人死亡，重伤员经抢救无效死亡',
  });
  await forwardAccident(db, seedCtx(yjj!, ago(29, 60)), poisoning.id, { level: 'province', note: '等级升为较大事故，报云南省应急管理厅' });

  await quickReport(db, seedCtx(worker!, ago(7)), eid, {
    kind: 'near_miss', summary: '叉车倒车时险些撞到巡检人员，未造成伤害', place: '成品仓库', accidentType: 'vehicle',
    deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, directLoss: '0', postId: null, photoIds: [],
  });
}
