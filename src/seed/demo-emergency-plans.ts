import type { Db } from '../platform/db/database';
import { localDay } from '../platform/time';
import { acceptFiling, returnFiling } from '../modules/emergency/plans/filing.service';
import {
  createPlan, filePlan, getPlan, issuePlan, recordAssessment, recordReview, signAssessment, signPlan, submitPlan, withdrawPlan,
} from '../modules/emergency/plans/plan.service';
import type { PlanCreateInput } from '../modules/emergency/plans/plan.schema';
import { accountActor, seedCtx } from './demo-actors';
import { DEMO_PASSWORD } from './demo-password';

const DAY = 86_400_000;

/** A plan's sections in the words of the plan-writing guide, for the demo chemical plant. */
function content(kind: PlanCreateInput['kind'], title: string, what: string): PlanCreateInput {
  return {
    kind, title,
    scope: `本${kind === 'onsite' ? '方案' : '预案'}适用于公司厂区内发生的${what}事故的应急处置。`,
    organisation: '公司成立应急救援指挥部，总指挥由总经理（主要负责人）担任，副总指挥由安全总监担任；下设抢险救援、警戒疏散、医疗救护、后勤保障四个小组。',
    responseLevels: '按事故危害程度、影响范围分为三级响应：Ⅲ级（车间级）、Ⅱ级（公司级）、Ⅰ级（请求区应急管理局等外部支援）。',
    procedures: `1. 发现${what}险情，现场人员立即报告当班班长和安全管理人员；\n2. 班长判断险情，启动相应级别响应；\n3. 切断物料、隔离危险区域，疏散无关人员；\n4. 抢险救援组佩戴防护装备实施处置；\n5. 事态扩大时报告总指挥，请求外部救援；\n6. 险情消除后恢复生产，开展事故调查。`,
    resources: '应急物资库位于二号仓库东侧：正压式空气呼吸器 6 套、防化服 6 套、吸附棉 200 kg、堵漏工具 2 套、消防器材若干。',
    body: '', riskPointIds: [], postIds: [],
    rescueOrganisation: '公司兼职应急救援队（12 人），与官渡区消防救援大队签订救援协议。',
    contacts: '总指挥 张总 138 0871 0001；安全总监 李工 138 0871 0002；区应急管理局值班电话 0871-6717 0000',
  };
}

/**
 * R-EMG-1, the demo chemical plant's emergency plans in every state of their life cycle: the comprehensive plan filed
 * (accepted by the emergency management department) with this year's review signed by the principal, and an on-site
 * disposal plan filed (its half-yearly drills are the drills module's); a special plan
 * issued and waiting to be filed; another whose filing was returned; an on-site disposal plan signed; one under review;
 * one reviewed and waiting for the principal's signature; one draft; and the on-site plan of a chlorine unit since dismantled, filed and then withdrawn (已废止).
 */
export async function seedDemoEmergencyPlans(db: Db, input: { enterpriseId: string; now: Date }): Promise<void> {
  const { enterpriseId: eid, now } = input;
  const [safety, principal, yjj] = [await accountActor(db, 'safety'), await accountActor(db, 'principal'), await accountActor(db, 'yjj')];
  const at = (daysAgo: number, hour = 10) => new Date(now.getTime() - daysAgo * DAY + (hour - 10) * 3_600_000);
  const review = { reviewers: [{ name: '王建国', organisation: '云南省应急管理专家库', expert: true }, { name: '刘芳', organisation: '昆明市化工学会', expert: true }], opinions: '' };

  /** Takes a new plan as far as `stage`, the steps a few days apart, ending `daysAgo` days ago. */
  const seedPlan = async (c: PlanCreateInput, stage: 'draft' | 'reviewing' | 'reviewed' | 'signed' | 'issued' | 'filed' | 'returned', daysAgo: number) => {
    const start = daysAgo + 20;
    const { id } = await createPlan(db, seedCtx(safety, at(start)), eid, c);
    if (stage === 'draft') return id;
    await submitPlan(db, seedCtx(safety, at(start - 2)), eid, id, { note: '' });
    if (stage === 'reviewing') return id;
    await recordReview(db, seedCtx(safety, at(start - 8)), eid, id, {
      ...review, reviewedOn: localDay(at(start - 8)), conclusion: 'passed_with_changes', opinions: '补充应急物资清单和外部救援联系方式后通过。',
    });
    if (stage === 'reviewed') return id;
    await signPlan(db, seedCtx(principal, at(start - 10, 16)), eid, id, { method: 'password', password: DEMO_PASSWORD, device: '主要负责人手机' });
    if (stage === 'signed') return id;
    await issuePlan(db, seedCtx(safety, at(start - 12)), eid, id, {
      audienceUserIds: [], distribution: [{ name: '生产部', kind: 'unit' }, { name: '储运部', kind: 'unit' }, { name: '公司兼职应急救援队', kind: 'rescue_team' }],
    });
    if (stage === 'issued') return id;
    const filed = await filePlan(db, seedCtx(safety, at(start - 15)), eid, id, { note: '' });
    const filing = filed.filings.find((f) => f.status === 'pending');
    if (!filing) return id;
    if (stage === 'returned') {
      await returnFiling(db, seedCtx(yjj, at(start - 18)), filing.id, { reason: '现场处置程序未明确泄漏后的环境监测要求，附件缺少应急物资清单，请补充后重新报送。' });
    } else {
      await acceptFiling(db, seedCtx(yjj, at(start - 18)), filing.id, { receiptNo: `530111-${localDay(at(start - 18)).slice(0, 4)}-0${Math.floor(daysAgo)}` });
    }
    return id;
  };

  const comprehensive = await seedPlan(content('comprehensive', '生产安全事故综合应急预案', '火灾、爆炸、泄漏、中毒等生产安全'), 'filed', 60);
  await seedPlan(content('special', '危险化学品泄漏专项应急预案', '危险化学品泄漏'), 'issued', 8);
  await seedPlan(content('special', '火灾爆炸专项应急预案', '火灾、爆炸'), 'returned', 20);
  await seedPlan(content('onsite', '液氨泄漏现场处置方案', '液氨泄漏'), 'filed', 40);
  await seedPlan(content('onsite', '储罐区泄漏现场处置方案', '储罐区泄漏'), 'signed', 3);
  await seedPlan(content('onsite', '反应釜超温超压现场处置方案', '反应釜超温超压'), 'reviewing', 2);
  await seedPlan(content('onsite', '停电现场处置方案', '突然停电'), 'draft', 1);
  await seedPlan(content('special', '有限空间作业中毒窒息专项应急预案', '有限空间作业中毒窒息'), 'reviewed', -4);
  // R-EMG-1: a plan whose risk is gone is withdrawn; its open duties are cancelled, what it did stays in its history.
  const chlorine = await seedPlan(content('onsite', '液氯钢瓶泄漏现场处置方案', '液氯钢瓶泄漏'), 'filed', 90);
  await withdrawPlan(db, seedCtx(safety, at(10)), eid, chlorine, { reason: '液氯钢瓶库已拆除，次氯酸钠工艺停用，本方案废止。' });

  // This year's review of the comprehensive plan, signed by the principal (the ten-ones item).
  const plan = await getPlan(db, seedCtx(safety, at(5)), eid, comprehensive);
  const { id: assessment } = await recordAssessment(db, seedCtx(safety, at(5)), eid, plan.id, {
    kind: 'yearly_review', reviewer: '安全环保部', reviewedOn: localDay(at(5)), changed: false, reason: '法律法规、组织机构、风险和应急资源均未发生重大变化，预案继续有效。',
  });
  await signAssessment(db, seedCtx(principal, at(4, 16)), eid, plan.id, assessment, { method: 'password', password: DEMO_PASSWORD, device: '主要负责人手机' });
}
