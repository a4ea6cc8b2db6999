import type { Db } from '../platform/db/database';
import { addLocalDays, localDay, localYear } from '../platform/time';
import { computeYearAccrual, createFeeAudit, createUse, saveBudget, updateYear } from '../modules/management/investment/investment.service';
import { accountActor, seedCtx } from './demo-actors';

/** The demo chemical plant's prior-year revenue (上一年度营业收入), CNY: 38.6 M → 1,093,500 CNY of safety fee a year (10 M × 4.5% + 28.6 M × 2.25%). */
export const DEMO_PRIOR_REVENUE = '38600000';

/*
 * R-INV-1, the demo chemical plant's safety investment this year, played through the services as the safety manager:
 * the year's budget by category of use (a draft, for the principal to approve), the required accrual computed from
 * last year's revenue and booked in full, the balance carried in from before the platform, a dozen uses spread over the
 * year so far (one of them, holiday gifts for staff, outside the eligible categories, so the flag shows), and one
 * internal audit. The principal's yearly check is left for him to sign.
 */
export async function seedDemoInvestment(db: Db, input: { enterpriseId: string; now: Date }): Promise<number> {
  const { enterpriseId: eid, now } = input;
  const safety = await accountActor(db, 'safety');
  const ctx = seedCtx(safety, now);
  const year = localYear(now);
  await saveBudget(db, ctx, eid, year, {
    note: '按上一年度营业收入 3860 万元计提安全生产费用 109.35 万元，另由企业自有资金补充。',
    lines: [
      { category: 'facilities', amount: '180000.00', purpose: '罐区防火堤修补、可燃气体报警器更换' },
      { category: 'emergency', amount: '60000.00', purpose: '应急物资补充、年度综合应急演练' },
      { category: 'risk_hazard', amount: '80000.00', purpose: '隐患整改、双重预防信息系统运维' },
      { category: 'inspection', amount: '50000.00', purpose: '安全现状评价、标准化复评' },
      { category: 'ppe', amount: '90000.00', purpose: '防化服、正压式空气呼吸器、劳保用品' },
      { category: 'training', amount: '40000.00', purpose: '三级安全教育、特种作业人员复审培训' },
      { category: 'testing', amount: '70000.00', purpose: '压力容器、安全阀、防雷防静电检测' },
      { category: 'liability_insurance', amount: '45000.00', purpose: '安全生产责任保险保费' },
      { category: 'new_tech', amount: '30000.00', purpose: '反应釜自动化控制改造' },
    ],
  });
  const accrual = await computeYearAccrual(db, ctx, eid, year, { inputs: [{ schedule: 'hazardous_goods', base: DEMO_PRIOR_REVENUE }], save: true });
  await updateYear(db, ctx, eid, year, { accrued: accrual.total, openingBalance: '36800.00' });

  const uses: [category: string, amount: string, purpose: string, voucher: string][] = [
    ['ppe', '12800.00', '采购防化服 20 套', '记-01-012'],
    ['training', '6500.00', '新员工三级安全教育培训教材及讲课费', '记-01-027'],
    ['testing', '18600.00', '压力容器及安全阀年度检验', '记-02-008'],
    ['facilities', '42300.00', '罐区可燃气体报警探头更换 16 只', '记-03-015'],
    ['emergency', '9800.00', '应急物资补充（堵漏工具、吸附棉）', '记-03-031'],
    ['outside', '8600.00', '职工节日慰问品', '记-04-006'],
    ['risk_hazard', '15200.00', '一车间隐患整改：反应釜平台护栏加高', '记-04-019'],
    ['inspection', '28000.00', '安全生产标准化复评咨询服务', '记-05-003'],
    ['liability_insurance', '45000.00', '安全生产责任保险保费', '记-06-011'],
    ['ppe', '7400.00', '正压式空气呼吸器气瓶检验及更换', '记-07-020'],
    ['testing', '5600.00', '防雷防静电设施检测', '记-08-004'],
    ['emergency', '11200.00', '年度综合应急演练（储罐泄漏）', '记-09-017'],
  ];
  // Spread over the year so far: never after today, whatever day the demo is loaded.
  const first = `${year}-01-01`;
  const today = localDay(now);
  const span = Math.round((Date.parse(today) - Date.parse(first)) / 86_400_000);
  for (const [i, [category, amount, purpose, voucherNo]] of uses.entries()) {
    await createUse(db, ctx, eid, { usedOn: addLocalDays(first, Math.floor((i * span) / uses.length)), category, amount, purpose, voucherNo });
  }
  const auditDay = addLocalDays(first, Math.floor(span / 2));
  await createFeeAudit(db, ctx, eid, {
    year, kind: 'internal', auditedOn: auditDay, auditor: '公司财务部、安全环保部联合检查组',
    findings: '发现 1 笔职工节日慰问支出列入安全生产费用，不属于规定使用范围。', rectification: '责成财务部将该笔支出调出安全生产费用科目，改列职工福利费。', rectified: false,
  });
  return uses.length;
}
