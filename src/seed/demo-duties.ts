import type { Tx } from '../platform/db/database';
import { seedDutyList } from '../modules/responsibility/duty-lists/duty-list.service';

type DemoEnterprise = { id: string; units: Map<string, string>; posts: Map<string, string> };

/**
 * R-RESP-1 for the demo enterprise: duty lists copied from the built-in templates, published and attached to most of
 * its posts and two of its departments. The 登高架设 and 叉车司机 posts are left without a list, so the coverage page
 * shows what is not covered yet (and the people who hold only those posts).
 */
export async function seedDemoDuties(tx: Tx, ent: DemoEnterprise, now: Date): Promise<void> {
  const posts = (...keys: string[]) => keys.map((k) => ent.posts.get(k)!);
  const units = (...keys: string[]) => keys.map((k) => ent.units.get(k)!);
  await seedDutyList(tx, ent.id, { name: '主要负责人安全生产责任清单', templateKey: 'principal', postIds: posts('principal') }, now);
  await seedDutyList(tx, ent.id, { name: '专职安全管理员安全生产责任清单', templateKey: 'safety_manager', postIds: posts('safety') }, now);
  await seedDutyList(tx, ent.id, { name: '操作工岗位安全生产责任清单', templateKey: 'operator', postIds: posts('op1', 'op1b', 'op2') }, now);
  await seedDutyList(tx, ent.id, { name: '电工、焊工（特种作业）安全生产责任清单', templateKey: 'special_operator', postIds: posts('elec', 'weld') }, now);
  await seedDutyList(tx, ent.id, { name: '安全环保部安全生产责任清单', templateKey: 'dept_safety', orgUnitIds: units('safety') }, now);
  await seedDutyList(tx, ent.id, { name: '生产部安全生产责任清单', templateKey: 'dept_production', orgUnitIds: units('prod') }, now);
}
