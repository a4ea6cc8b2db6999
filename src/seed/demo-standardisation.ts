import type { Db } from '../platform/db/database';
import { localInstant, localYear } from '../platform/time';
import {
  adjustElement, recordExternalReview, signAssessment, submitAssessment, uploadEvidence,
} from '../modules/management/standardisation/standardisation.service';
import { accountActor, seedCtx } from './demo-actors';
import { png } from './demo-images';
import { DEMO_PASSWORD } from './demo-password';

/*
 * R-STD-1, the demo chemical plant's standardisation: last year's self-assessment, prefilled from its records, with one
 * score set by the safety manager (reason and a scanned evidence page), signed by the principal on his phone and
 * submitted in mid-December of that year; and the external review of two years before (二级, its certificate still
 * valid). This year's self-assessment is left for the principal to sign in the browser.
 */
export async function seedDemoStandardisation(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const year = localYear(now) - 1;
  const [safety, principal] = [await accountActor(db, 'safety'), await accountActor(db, 'principal')];
  const at = (day: number, hour: number) => localInstant(year, 11, day, hour);
  const [evidence] = await uploadEvidence(db, seedCtx(safety, at(10, 9)), eid, year, [{ buffer: png(120, 160, 13), name: '安全生产目标责任书.png' }]);
  await adjustElement(db, seedCtx(safety, at(10, 10)), eid, year, '5.1.1', {
    score: 3, reason: '年度安全生产目标已分解到各车间、班组并签订目标责任书，年底考核兑现。', evidenceIds: [evidence!],
  });
  await adjustElement(db, seedCtx(safety, at(10, 11)), eid, year, '5.6.1', {
    score: 4, reason: '综合应急预案、专项预案已备案，本年度开展综合演练 1 次、专项演练 2 次（平台应急模块上线前的纸质记录）。', evidenceIds: [evidence!],
  });
  const signed = await signAssessment(db, seedCtx(principal, at(15, 16)), eid, year, { method: 'password', password: DEMO_PASSWORD, device: '主要负责人手机' });
  await submitAssessment(db, seedCtx(safety, at(16, 10)), eid, year, { version: signed.revision });
  await recordExternalReview(db, seedCtx(safety, at(20, 10)), eid, {
    reviewBody: '昆明市安全生产标准化评审组织单位', reviewers: '王建国、刘芳、陈立', reviewedOn: `${year - 1}-11-28`, passed: true, grade: '2',
    certificateNo: `AQBWHⅡ(滇)${year - 1}0086`, note: '二级达标，证书有效期三年。',
  });
}
