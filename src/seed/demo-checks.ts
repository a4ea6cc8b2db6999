import type { Tx } from '../platform/db/database';
import { wholeEnterprise } from '../platform/auth/actor';
import { insertChecklist } from '../modules/hazards/checks/check.service';
import { checkItemsFor } from '../modules/risk/points/risk-point.service';
import type { ChecklistItemInput } from '../modules/hazards/checks/check.schema';

/** Library items of the demo enterprise's lists, by code (migrations/0006_checks.sql). */
const ENTERPRISE_LIST = [
  'ZH-001', 'ZH-002', 'ZH-004', 'ZH-005', 'ZH-009', 'ZH-010', 'ZH-011', 'ZH-012', 'ZH-013', 'ZH-015', 'ZH-019',
  'XF-001', 'XF-002', 'XF-003', 'XF-005', 'XF-006', 'XF-008', 'XF-009',
  'DQ-001', 'DQ-006', 'DQ-010',
  'WH-001', 'WH-002', 'WH-003', 'WH-004', 'WH-005', 'WH-006', 'WH-007',
  'YX-001', 'YX-002', 'YX-003', 'YX-004',
];
const WORKSHOP_TABLE = ['WH-008', 'WH-009', 'WH-011', 'WH-012', 'WH-013', 'DQ-002', 'DQ-003', 'DQ-006', 'JX-001', 'JX-003', 'JX-004', 'JX-008', 'XF-003', 'XF-005'];
const POST_CARD_EXTRA = ['ZH-013', 'XF-003', 'WH-012'];

type DemoEnterprise = { id: string; units: Map<string, string>; posts: Map<string, string>; employees: string[] };

/**
 * R-HAZ-1 for the demo enterprise: the enterprise list (一企一清单), the table of 一车间 (一车间一表格) and the card of
 * the 甲班 操作工 post (一岗一对照卡) built from its risk control measures, with daily plans and a monthly
 * comprehensive check. The job runner creates their tasks on its first pass.
 */
export async function seedDemoChecks(tx: Tx, ent: DemoEnterprise, now: Date): Promise<void> {
  const library = new Map((await tx.selectFrom('check_standard_items').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
  const standard = (codes: string[]): ChecklistItemInput[] => codes.filter((c) => library.has(c)).map((c) => ({ source: 'standard', sourceId: library.get(c)! }));
  const risk = await checkItemsFor(tx, wholeEnterprise(ent.id), ent.id);
  const riskOf = (postKeys: string[]): ChecklistItemInput[] => {
    const posts = new Set(postKeys.map((k) => ent.posts.get(k)));
    return risk.filter((r) => r.postId && posts.has(r.postId)).map((r) => ({ source: 'risk', sourceId: r.id }));
  };

  const list = await insertChecklist(tx, ent.id, { level: 'enterprise', name: '综合安全检查清单（一企一清单）', items: standard(ENTERPRISE_LIST) }, now);
  const table = await insertChecklist(tx, ent.id, {
    level: 'workshop', name: '一车间安全检查表', orgUnitId: ent.units.get('ws1')!, items: [...riskOf(['op1', 'op1b', 'forklift']), ...standard(WORKSHOP_TABLE)],
  }, now);
  const card = await insertChecklist(tx, ent.id, {
    level: 'post', name: '一车间甲班操作工岗位安全检查卡', postId: ent.posts.get('op1')!, items: [...riskOf(['op1']), ...standard(POST_CARD_EXTRA)],
  }, now);

  const startsOn = `${now.getUTCFullYear()}-01-01`;
  await tx.insertInto('check_plans').values([
    { enterprise_id: ent.id, name: '操作工班前安全检查', type: 'daily', cycle: 'shift', checklist_id: card.id, assignee_post_id: ent.posts.get('op1')!, assignee_user_id: null, starts_on: startsOn, created_at: now },
    { enterprise_id: ent.id, name: '一车间日常安全巡查', type: 'daily', cycle: 'daily', checklist_id: table.id, assignee_post_id: ent.posts.get('safety')!, assignee_user_id: null, starts_on: startsOn, created_at: now },
    { enterprise_id: ent.id, name: '月度综合安全检查', type: 'comprehensive', cycle: 'monthly', checklist_id: list.id, assignee_post_id: ent.posts.get('principal')!, assignee_user_id: null, starts_on: startsOn, created_at: now },
  ]).execute();
}
