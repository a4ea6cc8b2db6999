import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { currentRulesByDistrict } from '../../../platform/rules';
import { addLocalDays, localDay } from '../../../platform/time';
import { uncertifiedAssignments, untrainedOnPosts } from './certificates.repository';
import { CERTIFICATE_RULES } from './certificates.rule-sets';
import { trainingLevels, typeMapFor } from './certificates.service';

/** Per-enterprise figures for the lead's regulator view and the self-assessment prefill (R-TRN-2). */
export type CertificateFacts = {
  /** Active people on a special-operation post without a valid certificate of its type (each person once). */
  unqualifiedOnPost: number;
  /** Certificates of active people still valid whose validity ends within the window [cfg]. */
  expiringSoon: number;
  /** Certificates of active people past their validity (not revoked). */
  expired: number;
  /** Certificates of active people, still within validity, whose review falls within the window or is overdue. */
  reviewDue: number;
  /** Active minors (under 18 on `at`) on a key or special-operation post (each person once). */
  minorsOnHazardous: number;
  /** Active people on any post before passing the pre-post training (each person once; the list's `untrained`). */
  untrainedOnPost: number;
  /** Active people on a post without a valid certificate of its type or before passing the training (each person once). */
  uncertifiedOrUntrained: number;
};

const zero = (): CertificateFacts => ({ unqualifiedOnPost: 0, expiringSoon: 0, expired: 0, reviewDue: 0, minorsOnHazardous: 0, untrainedOnPost: 0, uncertifiedOrUntrained: 0 });

/**
 * The figures of each enterprise named, set-based: one statement for the uncertified people, one for the untrained
 * (the same statements as the unqualified-on-post list), one for the certificate counts, one for the minors, whatever
 * the number of enterprises. The window is each district's rule-set's.
 */
export async function certificateFacts(db: Executor, enterpriseIds: readonly string[], at: Date): Promise<Map<string, CertificateFacts>> {
  const out = new Map(enterpriseIds.map((id) => [id, zero()]));
  if (!enterpriseIds.length) return out;
  const today = localDay(at);
  const ids = sql.join(enterpriseIds.map((id) => sql`${id}::uuid`));
  const byDistrict = await currentRulesByDistrict(db, CERTIFICATE_RULES);
  const windows = [...byDistrict].map(([d, r]) => sql`(${d}::uuid, ${addLocalDays(today, r.value.soonDays)}::date)`);
  const soon = windows.length ? sql`(values ${sql.join(windows)})` : sql`(select null::uuid, null::date where false)`;
  const [uncertified, untrained, counts, minors] = await Promise.all([
    typeMapFor(db, enterpriseIds).then((map) => uncertifiedAssignments(db, { enterpriseIds, scope: systemScope, today, map })),
    trainingLevels(db).then((levels) => untrainedOnPosts(db, { enterpriseIds, scope: systemScope, levels })),
    sql<{ enterprise_id: string; expiring: number; expired: number; review_due: number }>`
      select c.enterprise_id,
        (count(*) filter (where c.valid_until >= ${today}::date and c.valid_until <= w.soon_until))::int as expiring,
        (count(*) filter (where c.valid_until < ${today}::date))::int as expired,
        (count(*) filter (where c.valid_until >= ${today}::date and c.next_review_on <= w.soon_until))::int as review_due
      from certificates c
      join employees e on e.enterprise_id = c.enterprise_id and e.id = c.employee_id and e.status = 'active'
      join enterprises en on en.id = c.enterprise_id
      left join ${soon} as w(district_id, soon_until) on w.district_id = en.district_id
      where c.enterprise_id in (${ids}) and c.status = 'active'
      group by c.enterprise_id`.execute(db),
    sql<{ enterprise_id: string; n: number }>`
      select m.enterprise_id, count(distinct m.employee_id)::int as n
      from minor_employees m
      join employees e on e.enterprise_id = m.enterprise_id and e.id = m.employee_id and e.status = 'active'
      join employee_posts ep on ep.enterprise_id = m.enterprise_id and ep.employee_id = m.employee_id
      join posts p on p.enterprise_id = ep.enterprise_id and p.id = ep.post_id and (p.key_post or p.special_operation)
      where m.enterprise_id in (${ids}) and m.adult_on > ${today}::date
      group by m.enterprise_id`.execute(db),
  ]);
  const peopleOf = (rows: readonly { enterprise_id: string; employee_id: string }[]) => {
    const people = new Map<string, Set<string>>();
    for (const u of rows) {
      if (!people.has(u.enterprise_id)) people.set(u.enterprise_id, new Set());
      people.get(u.enterprise_id)!.add(u.employee_id);
    }
    return people;
  };
  for (const [id, set] of peopleOf(uncertified)) out.get(id)!.unqualifiedOnPost = set.size;
  for (const [id, set] of peopleOf(untrained)) out.get(id)!.untrainedOnPost = set.size;
  for (const [id, set] of peopleOf([...uncertified, ...untrained])) out.get(id)!.uncertifiedOrUntrained = set.size;
  for (const r of counts.rows) Object.assign(out.get(r.enterprise_id)!, { expiringSoon: Number(r.expiring), expired: Number(r.expired), reviewDue: Number(r.review_due) });
  for (const r of minors.rows) out.get(r.enterprise_id)!.minorsOnHazardous = Number(r.n);
  return out;
}
