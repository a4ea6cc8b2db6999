import type { Executor } from '../../../platform/db/database';
import { currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay } from '../../../platform/time';
import { ppeFactsRows } from './ppe.repository';
import { PPE_RULES } from './ppe.rule-sets';

/**
 * Issue 13 §3, R-PPE-1: the protective-equipment figures of enterprises, for the lead's indicators, the standardisation
 * prefill (现场管理) and the regulators' views: people on a post missing an item its standard requires, replacements
 * overdue and due within the rule-set's window (the latest live issue per active person and item), and live issues
 * awaiting the person's receipt. Every enterprise asked for is in the answer (zeros when it has nothing).
 */
export type PpeFacts = { peopleMissingIssue: number; replacementsOverdue: number; replacementsDueSoon: number; unsignedIssues: number };

export async function ppeFacts(db: Executor, enterpriseIds: readonly string[], at: Date): Promise<Map<string, PpeFacts>> {
  const out = new Map<string, PpeFacts>(enterpriseIds.map((id) => [id, { peopleMissingIssue: 0, replacementsOverdue: 0, replacementsDueSoon: 0, unsignedIssues: 0 }]));
  if (!enterpriseIds.length) return out;
  const today = localDay(at);
  // Each district's standards and window apply to its own enterprises.
  const [districts, rules] = await Promise.all([
    db.selectFrom('enterprises').select(['id', 'district_id']).where('id', 'in', [...enterpriseIds]).execute(),
    currentRulesByDistrict(db, PPE_RULES),
  ]);
  const byDistrict = new Map<string, string[]>();
  for (const e of districts) byDistrict.set(e.district_id, [...(byDistrict.get(e.district_id) ?? []), e.id]);
  for (const [districtId, ids] of byDistrict) {
    const r = rules.get(districtId)?.value ?? PPE_RULES.defaults;
    for (const f of await ppeFactsRows(db, ids, r.standards, { today, soonUntil: addLocalDays(today, r.dueSoonDays) })) {
      out.set(f.enterprise_id, { peopleMissingIssue: Number(f.missing), replacementsOverdue: Number(f.overdue), replacementsDueSoon: Number(f.due_soon), unsignedIssues: Number(f.unsigned) });
    }
  }
  return out;
}
