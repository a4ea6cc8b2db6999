import type { Db } from '../../../platform/db/database';
import { idsOf, principalsOf, safetyManagersOf } from '../../../platform/directory';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay } from '../../../platform/time';
import { EMERGENCY_RULES } from '../emergency.rule-sets';
import { claimReminderDay, dueByEnterprise } from './rescue.repository';

/** Where the reminder leads: the enterprise's rescue page, tab of equipment needing attention. */
export const RESCUE_DUE_LINK = '/rescue?tab=equipment&state=attention';

/**
 * Issue 14 §2: once a day, the safety managers of each enterprise with emergency equipment whose inspection is due
 * (or overdue) or that expires within `equipmentReminderDays` [cfg, 7] (or has expired), or whose last rescue
 * agreement ends within `agreementReminderDays` [cfg, 30] (or has ended), get one notification with the counts (the
 * principal when there is no safety-manager account). Each enterprise is claimed for the local day in the transaction
 * that writes its notifications, so a second run the same day sends nothing. Returns how many enterprises were reminded.
 */
export async function sendRescueReminders(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  let reminded = 0;
  for (const [districtId, rules] of await currentRulesByDistrict(db, EMERGENCY_RULES)) {
    const { equipmentReminderDays: days, agreementReminderDays: agreementDays } = rules.value;
    for (const due of await dueByEnterprise(db, districtId, addLocalDays(today, days), addLocalDays(today, agreementDays))) {
      const sent = await db.transaction().execute(async (tx) => {
        let to = await idsOf(safetyManagersOf(tx, due.enterprise_id));
        if (!to.length) to = await idsOf(principalsOf(tx, due.enterprise_id));
        if (!to.length || !(await claimReminderDay(tx, due.enterprise_id, today, now))) return false;
        await enqueueOutbox(tx, to.map((userId) => ({
          topic: 'notify' as const,
          payload: {
            userId, kind: 'rescue.due', titleKey: 'rescue.notify.due.title', bodyKey: 'rescue.notify.due.body',
            params: { inspections: due.inspections, expiring: due.expiring, agreements: due.agreements, days, agreementDays }, link: RESCUE_DUE_LINK,
          },
        })));
        return true;
      });
      if (sent) reminded++;
    }
  }
  return reminded;
}
