import type { Db } from '../../../platform/db/database';
import { idsOf, principalsOf, safetyManagersOf } from '../../../platform/directory';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay } from '../../../platform/time';
import { claimReminderDay, replacementsDueByEnterprise } from './ppe.repository';
import { PPE_RULES } from './ppe.rule-sets';

/** Where the reminder leads: the enterprise's PPE page, tab of replacements due. */
export const PPE_DUE_LINK = '/ppe?tab=due';

/**
 * R-PPE-1: once a day, the safety managers of each enterprise with protective equipment to replace — overdue, or due
 * within the rule-set's `reminderDays` [cfg, 15] — get one notification with both counts and a link to the list (the
 * principal when the enterprise has no safety-manager account). Each enterprise is claimed for the local day in the
 * transaction that writes its notifications, so a second run the same day (or a second runner) sends nothing. No
 * audit row: nothing about the enterprise changes, and an audit row would move its chain (and its indicators) daily.
 * Returns how many enterprises were reminded.
 */
export async function sendReplacementReminders(db: Db, now: Date): Promise<number> {
  const today = localDay(now);
  let reminded = 0;
  for (const [districtId, rules] of await currentRulesByDistrict(db, PPE_RULES)) {
    const days = rules.value.reminderDays;
    for (const due of await replacementsDueByEnterprise(db, districtId, { today, soonUntil: addLocalDays(today, days) })) {
      const sent = await db.transaction().execute(async (tx) => {
        let to = await idsOf(safetyManagersOf(tx, due.enterpriseId));
        if (!to.length) to = await idsOf(principalsOf(tx, due.enterpriseId));
        if (!to.length || !(await claimReminderDay(tx, due.enterpriseId, today, now))) return false;
        await enqueueOutbox(tx, to.map((userId) => ({
          topic: 'notify' as const,
          payload: {
            userId, kind: 'ppe.due', titleKey: 'ppe.notify.due.title', bodyKey: 'ppe.notify.due.body',
            params: { overdue: due.overdue, dueSoon: due.dueSoon, days }, link: PPE_DUE_LINK,
          },
        })));
        return true;
      });
      if (sent) reminded++;
    }
  }
  return reminded;
}
