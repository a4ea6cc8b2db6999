import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { PREPARED, type Executor } from '../../platform/db/database';
import { enterpriseInScope, enterpriseRowInScope, type AnyScope, type SystemScope } from '../../platform/db/scope';
import type { AppliesFlag, ObligationApplies, ObligationDefinition, ObligationOwner, ObligationReportedTo, OccurrenceStatus } from '../../platform/obligations';
import type { OccurrenceWindow } from '../../platform/obligations/obligation.rules';
import { LOCAL_OFFSET_SQL } from '../../platform/time';
import { containsPattern } from '../../platform/db/like';

/**
 * The obligations engine's SQL (issue 11 §1): occurrences, their history and the per-group counts the triggers of
 * migration 0080 keep. Reads are scoped by the enterprise (`enterpriseInScope`); an occurrence follows its enterprise.
 */

export type OccurrenceRow = {
  enterprise_id: string; id: string; definition_key: string; rule_id: string; rule_set_version: number; period_key: string;
  subject_key: string; subject_label: string; owner: ObligationOwner; owner_employee_id: string | null; owner_user_id: string | null;
  reported_to: ObligationReportedTo; starts_on: string; due_on: string; due_provisional: boolean; status: OccurrenceStatus;
  fulfilled_at: Date | null; fulfilled_by: string | null; fulfilment: 'record' | 'evidence' | null; record_type: string | null; record_id: string | null;
  evidence_note: string | null; awaiting_principal: boolean; waived_reason: string | null; waived_by: string | null; waived_at: Date | null;
  version: number; created_at: Date; updated_at: Date;
};

const COLUMNS = [
  'o.enterprise_id', 'o.id', 'o.definition_key', 'o.rule_id', 'o.rule_set_version', 'o.period_key', 'o.subject_key', 'o.subject_label',
  'o.owner', 'o.owner_employee_id', 'o.owner_user_id', 'o.reported_to', 'o.starts_on', 'o.due_on', 'o.due_provisional', 'o.status',
  'o.fulfilled_at', 'o.fulfilled_by', 'o.fulfilment', 'o.record_type', 'o.record_id', 'o.evidence_note', 'o.awaiting_principal',
  'o.waived_reason', 'o.waived_by', 'o.waived_at', 'o.version', 'o.created_at', 'o.updated_at',
] as const;

/** The SQL condition of a definition's `applies` over `enterprises e` joined to `industries i` (`keyIndustry`: RULES §8's condition on `e`). */
export function appliesSql(a: ObligationApplies, keyIndustry: RawBuilder<SqlBool>, sizeIds: readonly string[] | null): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (a.industryCategories?.length) parts.push(sql<SqlBool>`i.categories && ${sql.val([...a.industryCategories])}::text[]`);
  if (a.keyIndustry !== undefined) {
    parts.push(sql<SqlBool>`coalesce(${keyIndustry}, false) = ${a.keyIndustry}`);
  }
  if (a.stateOwned !== undefined) parts.push(sql<SqlBool>`e.state_owned = ${a.stateOwned}`);
  if (a.highRisk !== undefined) parts.push(sql<SqlBool>`(e.high_risk or i.high_risk) = ${a.highRisk}`);
  if (a.hasWorkersCongress !== undefined) parts.push(sql<SqlBool>`e.has_workers_congress = ${a.hasWorkersCongress}`);
  if (a.hazardousGoodsCarrier !== undefined) parts.push(sql<SqlBool>`e.hazardous_goods_carrier = ${a.hazardousGoodsCarrier}`);
  if (sizeIds) parts.push(sql<SqlBool>`e.id = any(${sql.val([...sizeIds])}::uuid[])`);
  if (a.anyOf?.length || a.anyOfCategories?.length) {
    const flag: Record<AppliesFlag, RawBuilder<SqlBool>> = {
      highRisk: sql<SqlBool>`(e.high_risk or i.high_risk)`, centralProvincial: sql<SqlBool>`e.central_provincial`, aboveScale: sql<SqlBool>`e.above_scale`,
      keyIndustry: sql<SqlBool>`coalesce(${keyIndustry}, false)`, stateOwned: sql<SqlBool>`e.state_owned`, hazardousGoodsCarrier: sql<SqlBool>`e.hazardous_goods_carrier`,
      crowdedVenue: sql<SqlBool>`e.crowded_venue`,
    };
    const alternatives = (a.anyOf ?? []).map((f) => flag[f]);
    if (a.anyOfCategories?.length) alternatives.push(sql<SqlBool>`i.categories && ${sql.val([...a.anyOfCategories])}::text[]`);
    parts.push(sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The local day an enterprise joined: its onboarding date, else the day its record was made. */
const ONBOARDED = sql`coalesce(e.onboarded_on, (e.created_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date)`;

export type MaterialiseSpec = {
  def: ObligationDefinition; version: number; window: OccurrenceWindow; status: OccurrenceStatus; applies: RawBuilder<SqlBool>;
  effectiveFrom: string; now: Date;
};

/**
 * One set-based statement: the occurrence of one definition and window for every active enterprise of the district that
 * owes it (applies, joined on or before the window starts, never retroactively). Existing ones stay as they are.
 */
export async function insertOccurrencesForDistrict(db: Executor, _scope: SystemScope, districtId: string, s: MaterialiseSpec, enterpriseId?: string): Promise<number> {
  const res = await sql`
    insert into obligation_occurrences (enterprise_id, definition_key, rule_id, rule_set_version, period_key, owner, reported_to,
      starts_on, due_on, status, created_at, updated_at)
    select e.id, ${s.def.key}, ${s.def.ruleId}, ${s.version}, ${s.window.periodKey}, ${s.def.owner}, ${s.def.reportedTo},
      ${s.window.startsOn}::date, ${s.window.dueOn}::date, ${s.status}, ${s.now}, ${s.now}
      from enterprises e join industries i on i.code = e.industry_code
     where e.district_id = ${districtId} and e.status = 'active'
       ${enterpriseId ? sql`and e.id = ${enterpriseId}` : sql``}
       and ${ONBOARDED} <= ${s.window.startsOn}::date and ${s.effectiveFrom}::date <= ${s.window.startsOn}::date
       and ${s.applies}
    on conflict (enterprise_id, definition_key, period_key, subject_key) do nothing`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

export async function districtsWithEnterprises(db: Executor, _scope: SystemScope): Promise<string[]> {
  return (await db.selectFrom('districts').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** The enterprise's district and status (for an enterprise-scoped call), or null. */
export async function enterpriseBasics(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.district_id', 'e.status', 'e.name', 'e.subdistrict_id', 'e.industry_code'])
    .where('e.id', '=', enterpriseId).where(enterpriseRowInScope(scope, 'e')).executeTakeFirst();
}

/** Ids of the district's enterprises whose derived attribute passes `keep` (for the size-class predicate). */
export async function enterpriseSizeInputs(db: Executor, _scope: SystemScope, districtId: string) {
  return db.selectFrom('enterprises').selectAll().where('district_id', '=', districtId).where('status', '=', 'active').execute();
}

/** An occurrence under its row lock (a workflow step decides on what is committed). */
export async function lockOccurrence(db: Executor, scope: AnyScope, enterpriseId: string, id: string): Promise<OccurrenceRow | undefined> {
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.id = ${id} and ${enterpriseInScope(scope, 'o.enterprise_id')} for update`.execute(db);
  return r.rows[0];
}

export async function lockOccurrenceByKey(db: Executor, scope: AnyScope, enterpriseId: string, definitionKey: string, periodKey: string, subjectKey: string): Promise<OccurrenceRow | undefined> {
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.definition_key = ${definitionKey} and o.period_key = ${periodKey}
      and o.subject_key = ${subjectKey} and ${enterpriseInScope(scope, 'o.enterprise_id')} for update`.execute(db);
  return r.rows[0];
}

/** The open occurrence of an event-triggered definition about one subject, oldest first, under its lock. */
export async function lockOpenBySubject(db: Executor, scope: AnyScope, enterpriseId: string, definitionKey: string, subjectKey: string | null): Promise<OccurrenceRow | undefined> {
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.definition_key = ${definitionKey} ${subjectKey === null ? sql`` : sql`and o.subject_key = ${subjectKey}`}
      and o.status in ('upcoming', 'due', 'overdue') and ${enterpriseInScope(scope, 'o.enterprise_id')}
    order by o.due_on limit 1 for update`.execute(db);
  return r.rows[0];
}

/**
 * Whether any of `definitionKeys` has an open occurrence for the subject (any subject when null), unlocked: the cheap
 * test before the parameters are read and the occurrence is locked (most records fulfil no event-triggered duty).
 */
export async function hasOpenForSubject(db: Executor, enterpriseId: string, definitionKeys: readonly string[], subjectKey: string | null): Promise<boolean> {
  const r = await sql<{ open: boolean }>`select ${openForSubject(enterpriseId, definitionKeys, subjectKey)} as open${PREPARED}`.execute(db);
  return r.rows[0]?.open === true;
}

/** `hasOpenForSubject` as an expression, for a statement the caller sends anyway. */
export function openForSubject(enterpriseId: string, definitionKeys: readonly string[], subjectKey: string | null): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.definition_key = any(${sql.val([...definitionKeys])}::text[])
      ${subjectKey === null ? sql`` : sql`and o.subject_key = ${subjectKey}`} and o.status in ('upcoming', 'due', 'overdue'))`;
}

/** Occurrences a record fulfilled, under their locks. */
export async function lockFulfilledBy(db: Executor, scope: AnyScope, enterpriseId: string, recordType: string, recordId: string): Promise<OccurrenceRow[]> {
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.record_type = ${recordType} and o.record_id = ${recordId}
      and o.status in ('fulfilled', 'late_fulfilled') and ${enterpriseInScope(scope, 'o.enterprise_id')}
    order by o.id for update`.execute(db);
  return r.rows;
}

export type OccurrenceInsert = {
  enterpriseId: string; def: ObligationDefinition; version: number; periodKey: string; subjectKey: string; subjectLabel: string;
  ownerEmployeeId: string | null; ownerUserId: string | null; startsOn: string; dueOn: string; provisional: boolean; status: OccurrenceStatus; now: Date;
};

/** Inserts one occurrence unless it exists; returns its id when inserted. */
export async function insertOccurrence(db: Executor, scope: AnyScope, o: OccurrenceInsert): Promise<string | null> {
  void scope;
  const row = await db.insertInto('obligation_occurrences').values({
    enterprise_id: o.enterpriseId, definition_key: o.def.key, rule_id: o.def.ruleId, rule_set_version: o.version, period_key: o.periodKey,
    subject_key: o.subjectKey, subject_label: o.subjectLabel, owner: o.def.owner, owner_employee_id: o.ownerEmployeeId, owner_user_id: o.ownerUserId,
    reported_to: o.def.reportedTo, starts_on: o.startsOn, due_on: o.dueOn, due_provisional: o.provisional, status: o.status,
    created_at: o.now, updated_at: o.now,
  }).onConflict((oc) => oc.columns(['enterprise_id', 'definition_key', 'period_key', 'subject_key']).doNothing())
    .returning('id').executeTakeFirst();
  return row?.id ?? null;
}

export type OccurrenceChange = {
  status: OccurrenceStatus; fulfilled_at?: Date | null; fulfilled_by?: string | null; fulfilment?: 'record' | 'evidence' | null;
  record_type?: string | null; record_id?: string | null; evidence_note?: string | null; awaiting_principal?: boolean;
  waived_reason?: string | null; waived_by?: string | null; waived_at?: Date | null;
};

/** Changes a locked occurrence (guarded on its version) and appends its history row. */
export async function changeOccurrence(db: Executor, scope: AnyScope, row: OccurrenceRow, change: OccurrenceChange,
  history: { at: Date; actorUserId: string | null; action: string; note: string | null; recordType?: string | null; recordId?: string | null }): Promise<void> {
  const res = await db.updateTable('obligation_occurrences').set({ ...change, version: row.version + 1, updated_at: history.at })
    .where('enterprise_id', '=', row.enterprise_id).where('id', '=', row.id).where('version', '=', row.version)
    .where(enterpriseInScope(scope, 'enterprise_id')).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new Error(`occurrence ${row.id} changed under its lock`);
  await db.insertInto('obligation_history').values({
    enterprise_id: row.enterprise_id, occurrence_id: row.id, at: history.at, actor_user_id: history.actorUserId, action: history.action,
    from_status: row.status, to_status: change.status, note: history.note, record_type: history.recordType ?? null, record_id: history.recordId ?? null,
  }).execute();
}

/**
 * The daily moves of open occurrences on `today`: into their period (upcoming → due) and past their due day
 * (→ overdue, with a history row each). Returns how many became overdue.
 */
export async function advanceOpenOccurrences(db: Executor, _scope: SystemScope, today: string, now: Date): Promise<number> {
  await sql`update obligation_occurrences set status = 'due', updated_at = ${now}, version = version + 1
    where status = 'upcoming' and starts_on <= ${today}::date and due_on >= ${today}::date`.execute(db);
  const moved = await sql`with moved as (
      update obligation_occurrences o set status = 'overdue', updated_at = ${now}, version = version + 1
       where o.status in ('upcoming', 'due') and o.due_on < ${today}::date
      returning o.enterprise_id, o.id)
    insert into obligation_history (enterprise_id, occurrence_id, at, actor_user_id, action, from_status, to_status, note)
    select enterprise_id, id, ${now}, null, 'overdue', 'due', 'overdue', null from moved`.execute(db);
  return Number(moved.numAffectedRows ?? 0);
}

/** R-RESP issue 11: a suspended enterprise's open duties are waived as "suspended" (an overdue one stays overdue). */
export async function waiveSuspended(db: Executor, _scope: SystemScope, now: Date): Promise<number> {
  const res = await sql`with w as (
      update obligation_occurrences o set status = 'waived', waived_reason = 'suspended', waived_at = ${now}, updated_at = ${now}, version = o.version + 1
        from enterprises e
       where e.id = o.enterprise_id and e.status = 'suspended' and o.status in ('upcoming', 'due')
      returning o.enterprise_id, o.id)
    insert into obligation_history (enterprise_id, occurrence_id, at, actor_user_id, action, from_status, to_status, note)
    select enterprise_id, id, ${now}, null, 'waive', null, 'waived', 'suspended' from w`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/** Who hears of an occurrence: its owners (by the kind of owner), as `users u` joined to the CTE row `r`. */
// A duty owed by a regulator (R-RESP-8's interview) is the supervising departments' officers' to hear of, never the
// enterprise's: they are the ones who act.
const OWNERS = sql`not u.disabled and ((u.enterprise_id = r.enterprise_id and (
    (r.owner = 'principal' and u.role = 'enterprise_principal')
 or (r.owner = 'safety_manager' and u.role = 'safety_manager')
 or (r.owner = 'enterprise' and u.role in ('enterprise_principal', 'safety_manager'))
 or (r.owner = 'person' and (u.employee_id = r.owner_employee_id or u.id = r.owner_user_id))))
 or (r.owner = 'regulator' and u.role = 'department_officer'
     and u.department_id in (select department_id from department_industries where industry_code = r.industry_code)))`;

/** The enterprise's managers (of its own duties), and (for a duty reported outward) its regulators: who hears of an escalation. */
const ESCALATE_TO = sql`(r.owner <> 'regulator' and u.enterprise_id = r.enterprise_id and not u.disabled and u.role in ('enterprise_principal', 'safety_manager'))
 or (r.reported_to <> 'internal' and r.step_index > 0 and not u.disabled and (
      (u.role = 'subdistrict_officer' and u.subdistrict_id = r.subdistrict_id)
   or (u.role = 'department_officer' and u.department_id in (select department_id from department_industries where industry_code = r.industry_code))))`;

/**
 * Reminders before the due day (one statement per definition and step): the occurrences whose due day is within the
 * step and that have not had this step or a larger one, marked with every step they now passed, and one notification
 * per owner. Steps are processed from the largest, so a duty created late gets one reminder, not several.
 */
export async function sendReminders(db: Executor, _scope: SystemScope, districtId: string, definitionKey: string, steps: readonly number[], step: number, today: string, names: { title: string; body: string; zh: string; en: string }): Promise<number> {
  const res = await sql`with r as (
      update obligation_occurrences o set reminded = (select coalesce(array_agg(s), '{}') from unnest(${sql.val([...steps])}::int[]) s where s >= (o.due_on - ${today}::date))
        from enterprises e
       where e.id = o.enterprise_id and e.district_id = ${districtId} and o.definition_key = ${definitionKey}
         and o.status in ('upcoming', 'due') and o.due_on >= ${today}::date and o.due_on <= ${today}::date + ${step}::int
         and not (${step} = any(o.reminded))
      returning o.enterprise_id, o.id, o.owner, o.owner_employee_id, o.owner_user_id, o.due_on, o.subject_label, e.name, e.industry_code)
    insert into outbox (topic, payload)
    select 'notify', jsonb_build_object('userId', u.id, 'kind', 'obligation', 'titleKey', ${names.title}::text, 'bodyKey', ${names.body}::text,
      'link', case when u.enterprise_id is null then '/duties/board?enterprise=' || r.enterprise_id else '/duties/' || r.enterprise_id || '/' || r.id end,
      'params', jsonb_build_object('enterprise', r.name, 'duty', ${names.zh}::text, 'dutyEn', ${names.en}::text, 'due', to_char(r.due_on, 'YYYY-MM-DD'), 'subject', r.subject_label))
      from r join users u on ${OWNERS}`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/** Escalations after the due day, likewise (the largest step passed, once): managers, then the regulators. */
export async function sendEscalations(db: Executor, _scope: SystemScope, districtId: string, definitionKey: string, steps: readonly number[], step: number, stepIndex: number, today: string, names: { title: string; body: string; zh: string; en: string }): Promise<number> {
  const res = await sql`with r as (
      update obligation_occurrences o set escalated = (select coalesce(array_agg(s), '{}') from unnest(${sql.val([...steps])}::int[]) s where s <= (${today}::date - o.due_on))
        from enterprises e
       where e.id = o.enterprise_id and e.district_id = ${districtId} and o.definition_key = ${definitionKey}
         and o.status = 'overdue' and o.due_on <= ${today}::date - ${step}::int and not (${step} = any(o.escalated))
      returning o.enterprise_id, o.id, o.owner, o.owner_employee_id, o.owner_user_id, o.due_on, o.subject_label, o.reported_to, e.name,
        e.subdistrict_id, e.industry_code, ${stepIndex}::int as step_index)
    insert into outbox (topic, payload)
    select 'notify', jsonb_build_object('userId', u.id, 'kind', 'obligation', 'titleKey', ${names.title}::text, 'bodyKey', ${names.body}::text,
      'link', case when u.enterprise_id is null then '/duties/board?enterprise=' || r.enterprise_id else '/duties/' || r.enterprise_id || '/' || r.id end,
      'params', jsonb_build_object('enterprise', r.name, 'duty', ${names.zh}::text, 'dutyEn', ${names.en}::text, 'due', to_char(r.due_on, 'YYYY-MM-DD'),
        'days', ${today}::date - r.due_on, 'subject', r.subject_label))
      from r join users u on (${OWNERS}) or (${ESCALATE_TO})`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

// ---- Reads for the screens ---------------------------------------------------------------------------------------

/** The status an occurrence shows on `today`: an open one by its dates (the daily job stores the same), else as stored. */
export function effectiveStatusSql(today: string): RawBuilder<OccurrenceStatus> {
  return sql<OccurrenceStatus>`(case when o.status in ('upcoming', 'due', 'overdue') then
    case when ${today}::date > o.due_on then 'overdue' when ${today}::date >= o.starts_on then 'due' else 'upcoming' end
    else o.status end)`;
}

/**
 * Which occurrences a viewer sees (issue 11): an enterprise's managers all of it; its other people what they owe
 * themselves (the person they are, or their account); regulators and institutions the enterprises in their scope.
 */
export type Viewer = { userId: string; employeeId: string | null } | null;

export function occurrenceVisibleTo(scope: AnyScope, viewer: Viewer): RawBuilder<SqlBool> {
  if (scope.kind === 'enterprise' && scope.capacity !== 'manager') {
    return sql<SqlBool>`(o.enterprise_id = ${scope.enterpriseId} and (o.owner_user_id = ${viewer?.userId ?? null}
      or (o.owner_employee_id is not null and o.owner_employee_id = ${viewer?.employeeId ?? null})))`;
  }
  return enterpriseInScope(scope, 'o.enterprise_id');
}

export type OccurrenceFilter = {
  from?: string; to?: string; statuses?: OccurrenceStatus[]; definitionKey?: string; owner?: string; mine?: { userId: string; employeeId: string | null; role: string };
};

/** The occurrences of one enterprise a viewer sees, by due day, filtered (the duty calendar and its list). */
export function occurrenceQuery(db: Executor, scope: AnyScope, viewer: { userId: string; employeeId: string | null } | null, enterpriseId: string | null, today: string, f: OccurrenceFilter) {
  let q = db.selectFrom('obligation_occurrences as o').innerJoin('enterprises as e', 'e.id', 'o.enterprise_id')
    .where(occurrenceVisibleTo(scope, viewer));
  if (enterpriseId) q = q.where('o.enterprise_id', '=', enterpriseId);
  if (f.from) q = q.where('o.due_on', '>=', f.from);
  if (f.to) q = q.where('o.due_on', '<=', f.to);
  if (f.definitionKey) q = q.where('o.definition_key', '=', f.definitionKey);
  if (f.owner) q = q.where('o.owner', '=', f.owner as never);
  if (f.statuses?.length) q = q.where(sql<SqlBool>`${effectiveStatusSql(today)} = any(${sql.val(f.statuses)}::text[])`);
  if (f.mine) {
    const m = f.mine;
    q = q.where(sql<SqlBool>`(o.owner_user_id = ${m.userId} or (o.owner_employee_id is not null and o.owner_employee_id = ${m.employeeId})
      or (o.owner = 'principal' and ${m.role} = 'enterprise_principal')
      or (o.owner in ('safety_manager', 'enterprise') and ${m.role} = 'safety_manager')
      or (o.owner = 'enterprise' and ${m.role} = 'enterprise_principal'))`);
  }
  return q.select([...COLUMNS, 'e.name as enterprise_name', effectiveStatusSql(today).as('shown_status')]);
}

export type OccurrenceListRow = OccurrenceRow & { enterprise_name: string; shown_status: OccurrenceStatus };

export async function occurrenceRows(db: Executor, scope: AnyScope, viewer: { userId: string; employeeId: string | null } | null, enterpriseId: string | null, today: string, f: OccurrenceFilter, limit = 2000): Promise<OccurrenceListRow[]> {
  return (await occurrenceQuery(db, scope, viewer, enterpriseId, today, f).orderBy('o.due_on').orderBy('o.definition_key').orderBy('o.id').limit(limit).execute()) as OccurrenceListRow[];
}

export async function occurrenceById(db: Executor, scope: AnyScope, viewer: { userId: string; employeeId: string | null } | null, enterpriseId: string, id: string, today: string): Promise<OccurrenceListRow | undefined> {
  return (await occurrenceQuery(db, scope, viewer, enterpriseId, today, {}).where('o.id', '=', id).executeTakeFirst()) as OccurrenceListRow | undefined;
}

export async function occurrenceHistory(db: Executor, scope: AnyScope, enterpriseId: string, id: string) {
  return db.selectFrom('obligation_history as h').leftJoin('users as u', 'u.id', 'h.actor_user_id')
    .select(['h.at', 'h.action', 'h.from_status', 'h.to_status', 'h.note', 'h.record_type', 'h.record_id', 'u.display_name as actor'])
    .where('h.enterprise_id', '=', enterpriseId).where('h.occurrence_id', '=', id).where(enterpriseInScope(scope, 'h.enterprise_id'))
    .orderBy('h.at').orderBy('h.id').execute();
}

/** Counts by definition and effective status of one enterprise's occurrences due in a date range (its rates). */
export async function enterpriseStatusCounts(db: Executor, scope: AnyScope, viewer: Viewer, enterpriseId: string, from: string, to: string, today: string) {
  return db.selectFrom('obligation_occurrences as o')
    .select(['o.definition_key', 'o.owner', effectiveStatusSql(today).as('status'), sql<number>`count(*)::int`.as('n')])
    .where('o.enterprise_id', '=', enterpriseId).where(occurrenceVisibleTo(scope, viewer))
    .where('o.due_on', '>=', from).where('o.due_on', '<=', to)
    .groupBy(['o.definition_key', 'o.owner', sql`3`]).execute();
}

/** Counts by person (owner employee) of one enterprise's personal occurrences due in a range. */
export async function personStatusCounts(db: Executor, scope: AnyScope, viewer: Viewer, enterpriseId: string, from: string, to: string, today: string) {
  return db.selectFrom('obligation_occurrences as o')
    .leftJoin('employees as p', (j) => j.onRef('p.enterprise_id', '=', 'o.enterprise_id').onRef('p.id', '=', 'o.owner_employee_id'))
    .select(['o.owner_employee_id', 'p.name', effectiveStatusSql(today).as('status'), sql<number>`count(*)::int`.as('n')])
    .where('o.enterprise_id', '=', enterpriseId).where(occurrenceVisibleTo(scope, viewer))
    .where('o.owner_employee_id', 'is not', null)
    .where('o.due_on', '>=', from).where('o.due_on', '<=', to)
    .groupBy(['o.owner_employee_id', 'p.name', sql`3`]).execute();
}

/** The condition on `obligation_counts c` for a regulator's scope (department: its industries; subdistrict; district). */
function countsInScope(scope: AnyScope): RawBuilder<SqlBool> {
  switch (scope.kind) {
    case 'system': return sql<SqlBool>`true`;
    case 'district': return sql<SqlBool>`c.district_id = ${scope.districtId}`;
    case 'subdistrict': return sql<SqlBool>`c.subdistrict_id = ${scope.subdistrictId}`;
    case 'department': return sql<SqlBool>`c.industry_code in (select industry_code from department_industries where department_id = ${scope.departmentId})`;
    default: return sql<SqlBool>`false`;
  }
}

/** The board's figures (issue 11 §1): the engine's kept counts for a year, grouped by `dim`, in the caller's scope. */
export async function boardCounts(db: Executor, scope: AnyScope, year: number, dim: 'definition_key' | 'subdistrict_id' | 'industry_code') {
  const r = await sql<{ k: string; status: OccurrenceStatus; n: number }>`select ${sql.ref(`c.${dim}`)} as k, c.status, sum(c.n)::int as n
    from obligation_counts c where c.due_year = ${year} and c.n <> 0 and ${countsInScope(scope)}
    group by 1, 2`.execute(db);
  return r.rows;
}

export type BoardDimension = 'definition_key' | 'subdistrict_id' | 'industry_code';

/**
 * The board's three breakdowns of a year's kept counts in scope — by definition, by subdistrict and by industry — in one
 * pass over the year's rows (GROUPING SETS), instead of one scan per breakdown.
 */
export async function boardCountsByDimension(db: Executor, scope: AnyScope, year: number): Promise<Record<BoardDimension, { k: string; status: OccurrenceStatus; n: number }[]>> {
  const r = await sql<{ dim: BoardDimension; k: string; status: OccurrenceStatus; n: number }>`
    select case when grouping(c.definition_key) = 0 then 'definition_key' when grouping(c.subdistrict_id) = 0 then 'subdistrict_id' else 'industry_code' end as dim,
           coalesce(c.definition_key, c.subdistrict_id::text, c.industry_code) as k, c.status, sum(c.n)::int as n
      from obligation_counts c where c.due_year = ${year} and c.n <> 0 and ${countsInScope(scope)}
     group by grouping sets ((c.definition_key, c.status), (c.subdistrict_id, c.status), (c.industry_code, c.status))`.execute(db);
  const out: Record<BoardDimension, { k: string; status: OccurrenceStatus; n: number }[]> = { definition_key: [], subdistrict_id: [], industry_code: [] };
  for (const row of r.rows) out[row.dim].push({ k: row.k, status: row.status, n: row.n });
  return out;
}

/**
 * The board's drill-down (issue 11 §1, §10): one row per enterprise in scope with its figures for the year, filtered by
 * subdistrict, industry and a definition with overdue occurrences; sorted by name or by overdue count.
 */
export async function boardEnterprises(db: Executor, scope: AnyScope, year: number, today: string, f: {
  subdistrictId?: string; industryCode?: string; definitionKey?: string; overdueOnly?: boolean; q?: string; sort: 'name' | 'overdue' | 'rate'; order: 'asc' | 'desc'; page: number; pageSize: number;
}) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const stats = sql`(select count(*) filter (where s.st = 'overdue')::int as overdue,
      count(*) filter (where s.st in ('fulfilled', 'late_fulfilled', 'overdue'))::int as due,
      count(*) filter (where s.st in ('fulfilled', 'late_fulfilled'))::int as fulfilled,
      count(*) filter (where s.st = 'late_fulfilled')::int as late,
      count(*) filter (where s.st = 'waived')::int as waived,
      count(*) filter (where s.owner = 'principal' and s.st in ('fulfilled', 'late_fulfilled', 'overdue'))::int as principal_due,
      count(*) filter (where s.owner = 'principal' and s.st in ('fulfilled', 'late_fulfilled'))::int as principal_fulfilled
    from (select o.owner, ${effectiveStatusSql(today)} as st from obligation_occurrences o
           where o.enterprise_id = e.id and o.due_on between ${from}::date and ${to}::date
             ${f.definitionKey ? sql`and o.definition_key = ${f.definitionKey}` : sql``}) s)`;
  const where = sql.join([
    sql`${enterpriseRowInScope(scope, 'e')}`,
    sql`e.status <> 'closed'`,
    f.subdistrictId ? sql`e.subdistrict_id = ${f.subdistrictId}` : sql`true`,
    f.industryCode ? sql`e.industry_code = ${f.industryCode}` : sql`true`,
    f.q ? sql`e.name like ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql`true`,
  ], sql` and `);
  const dir = sql.raw(f.order === 'desc' ? 'desc' : 'asc');
  const orderBy = f.sort === 'overdue' ? sql`x.overdue ${dir}, x.name` : f.sort === 'rate'
    ? sql`(case when x.due = 0 then null else x.fulfilled::float / x.due end) ${dir} nulls last, x.name` : sql`x.name ${dir}`;
  const rows = await sql<{
    id: string; name: string; subdistrict_id: string; subdistrict: string; industry_code: string; industry: string;
    overdue: number; due: number; fulfilled: number; late: number; waived: number; principal_due: number; principal_fulfilled: number; total: number;
  }>`select x.*, count(*) over ()::int as total from (
      select e.id, e.name, e.subdistrict_id, sd.name as subdistrict, e.industry_code, i.name as industry, st.*
        from enterprises e join subdistricts sd on sd.id = e.subdistrict_id join industries i on i.code = e.industry_code
        cross join lateral ${stats} st
       where ${where}) x
    ${f.overdueOnly ? sql`where x.overdue > 0` : sql``}
    order by ${orderBy}, x.id limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`.execute(db);
  return rows.rows;
}

/** Enterprises in scope with an open, started occurrence of a definition and period (whom an urge reminds). */
export async function laggingEnterpriseIds(db: Executor, scope: AnyScope, definitionKey: string, periodKey: string, today: string): Promise<string[]> {
  const rows = await db.selectFrom('obligation_occurrences as o').select('o.enterprise_id').distinct()
    .where('o.definition_key', '=', definitionKey).where('o.period_key', '=', periodKey)
    .where('o.status', 'in', ['upcoming', 'due', 'overdue']).where('o.starts_on', '<=', today)
    .where(enterpriseInScope(scope, 'o.enterprise_id')).execute();
  return rows.map((r) => r.enterprise_id);
}

/** The files attached to an occurrence as evidence. */
export async function evidenceFiles(db: Executor, scope: AnyScope, enterpriseId: string, id: string, fileId?: string) {
  return db.selectFrom('attachment_links as l').innerJoin('attachments as a', (j) => j.onRef('a.enterprise_id', '=', 'l.enterprise_id').onRef('a.id', '=', 'l.attachment_id'))
    .select(['a.id', 'a.kind', 'a.mime', 'a.size', 'a.name', 'a.created_at'])
    .where('l.enterprise_id', '=', enterpriseId).where('l.owner_type', '=', 'obligation').where('l.owner_id', '=', id)
    .$if(fileId !== undefined, (q) => q.where('a.id', '=', fileId!))
    .where(enterpriseInScope(scope, 'l.enterprise_id')).orderBy('a.created_at').execute();
}

/** Open occurrences whose due day was counted on a calendar not yet published (issue 11 §1), under their locks. */
export async function lockProvisional(db: Executor, _scope: SystemScope): Promise<(OccurrenceRow & { district_id: string })[]> {
  const r = await sql<OccurrenceRow & { district_id: string }>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))}, e.district_id
    from obligation_occurrences o join enterprises e on e.id = o.enterprise_id
    where o.due_provisional and o.status in ('upcoming', 'due', 'overdue') order by o.enterprise_id, o.id for update of o`.execute(db);
  return r.rows;
}

/** Moves a locked occurrence's due day (a recount on the published calendar), with history. */
export async function moveDueDay(db: Executor, scope: SystemScope, row: OccurrenceRow, dueOn: string, provisional: boolean, at: Date): Promise<void> {
  await db.updateTable('obligation_occurrences').set({ due_on: dueOn, due_provisional: provisional, version: row.version + 1, updated_at: at })
    .where('enterprise_id', '=', row.enterprise_id).where('id', '=', row.id).where(enterpriseInScope(scope, 'enterprise_id')).execute();
  await db.insertInto('obligation_history').values({
    enterprise_id: row.enterprise_id, occurrence_id: row.id, at, actor_user_id: null, action: 'recount',
    from_status: row.status, to_status: row.status, note: `${row.due_on} → ${dueOn}`,
  }).execute();
}

/** Who owns an occurrence, as notification recipients (account ids). */
export async function ownerAccounts(db: Executor, _scope: SystemScope, row: Pick<OccurrenceRow, 'enterprise_id' | 'owner' | 'owner_employee_id' | 'owner_user_id'>): Promise<string[]> {
  const r = await sql<{ id: string }>`select u.id from (select ${row.enterprise_id}::uuid as enterprise_id, ${row.owner}::text as owner,
      ${row.owner_employee_id}::uuid as owner_employee_id, ${row.owner_user_id}::uuid as owner_user_id,
      (select industry_code from enterprises where id = ${row.enterprise_id}::uuid) as industry_code) r join users u on ${OWNERS}`.execute(db);
  return r.rows.map((x) => x.id);
}

/**
 * The open occurrences of some event-triggered definitions about one subject, under their locks (a subject's duties
 * withdrawn: the record they were opened for was deleted or its dates changed); `exceptPeriodKey` keeps the one of that
 * event day.
 */
export async function lockOpenOfSubject(db: Executor, scope: AnyScope, enterpriseId: string, definitionKeys: readonly string[], subjectKey: string, exceptPeriodKey: string | null): Promise<OccurrenceRow[]> {
  if (definitionKeys.length === 0) return [];
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.definition_key = any(${sql.val([...definitionKeys])}::text[]) and o.subject_key = ${subjectKey}
      and o.status in ('upcoming', 'due', 'overdue') ${exceptPeriodKey === null ? sql`` : sql`and o.period_key <> ${exceptPeriodKey}`}
      and ${enterpriseInScope(scope, 'o.enterprise_id')}
    order by o.id for update`.execute(db);
  return r.rows;
}

/** The occurrences of some definitions about one subject and event day that were cancelled (waived `cancelled`), under their locks. */
export async function lockCancelledOfSubject(db: Executor, scope: AnyScope, enterpriseId: string, definitionKeys: readonly string[], subjectKey: string, periodKey: string): Promise<OccurrenceRow[]> {
  if (definitionKeys.length === 0) return [];
  const r = await sql<OccurrenceRow>`select ${sql.join(COLUMNS.map((c) => sql.ref(c)))} from obligation_occurrences o
    where o.enterprise_id = ${enterpriseId} and o.definition_key = any(${sql.val([...definitionKeys])}::text[]) and o.subject_key = ${subjectKey}
      and o.period_key = ${periodKey} and o.status = 'waived' and o.waived_reason = 'cancelled'
      and ${enterpriseInScope(scope, 'o.enterprise_id')}
    order by o.id for update`.execute(db);
  return r.rows;
}

// ---- The regulators' "who has and has not" lists (issue 11 §1) -----------------------------------------------------

/** An occurrence's status as a regulator's list shows it: `none` where the enterprise owes nothing for the period. */
export type DutyStatus = OccurrenceStatus | 'none';

/**
 * A module's own record for the period, as a stage per enterprise (its report row's status, null without one): a
 * correlated expression over the enterprise id, built by the module's repository. The engine lists, filters and counts
 * by it without knowing the module's table.
 */
export type RecordStageSql = (enterpriseId: RawBuilder<string>) => RawBuilder<string | null>;

export type DutyListFilter = {
  definitionKey: string; periodKey: string; subdistrictId?: string; industryCode?: string; q?: string;
  statuses?: readonly DutyStatus[]; stage?: RecordStageSql; stages?: readonly (string | null)[];
};

export type DutyListRow = {
  id: string; name: string; credit_code: string; subdistrict_id: string; subdistrict_name: string; industry_code: string; industry_name: string; industry_name_en: string;
  occurrence_id: string | null; starts_on: string | null; due_on: string | null; due_provisional: boolean | null; fulfilled_at: Date | null;
  record_type: string | null; record_id: string | null; waived_reason: string | null; waived_at: Date | null; duty_status: DutyStatus; stage: string | null;
};

/**
 * Every operating enterprise in scope (the board's scope: the subdistrict by location, a department by the industries
 * it supervises, the district all) with its occurrence of one definition and period, if it owes one (one probe of the
 * occurrences' unique key each), and the module's record stage. Without an occurrence the enterprise owes nothing:
 * joined later, not yet effective, or not concerned.
 */
function dutyListBase(scope: AnyScope, today: string, f: DutyListFilter) {
  const stage = f.stage ? f.stage(sql<string>`e.id`) : sql<string | null>`null::text`;
  const where = sql.join([
    enterpriseRowInScope(scope, 'e'),
    sql`e.status <> 'closed'`,
    f.subdistrictId ? sql`e.subdistrict_id = ${f.subdistrictId}` : sql`true`,
    f.industryCode ? sql`e.industry_code = ${f.industryCode}` : sql`true`,
    f.q ? sql`(e.name like ${containsPattern(f.q)} or e.credit_code like ${containsPattern(f.q).toUpperCase()})` : sql`true`,
  ], sql` and `);
  return sql`select e.id, e.name, e.credit_code, e.subdistrict_id, sd.name as subdistrict_name, e.industry_code, i.name as industry_name,
      i.name_en as industry_name_en, o.id as occurrence_id, o.starts_on, o.due_on, o.due_provisional, o.fulfilled_at, o.record_type, o.record_id,
      o.waived_reason, o.waived_at, coalesce(${effectiveStatusSql(today)}, 'none') as duty_status, ${stage} as stage
    from enterprises e join subdistricts sd on sd.id = e.subdistrict_id join industries i on i.code = e.industry_code
    left join obligation_occurrences o on o.enterprise_id = e.id and o.definition_key = ${f.definitionKey}
      and o.period_key = ${f.periodKey} and o.subject_key = ''
   where ${where}`;
}

/** The list's own filters on the statuses and stages (applied outside the base, which the counts read unfiltered). */
function dutyListWhere(f: DutyListFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`true`];
  if (f.statuses) parts.push(sql<SqlBool>`x.duty_status = any(${sql.val([...f.statuses])}::text[])`);
  if (f.stages) {
    const named = f.stages.filter((s): s is string => s !== null);
    parts.push(sql<SqlBool>`(x.stage = any(${sql.val(named)}::text[])${f.stages.includes(null) ? sql` or x.stage is null` : sql``})`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** One page of the list, by enterprise name. */
export async function dutyListPage(db: Executor, scope: AnyScope, today: string, f: DutyListFilter, p: { page: number; pageSize: number; order: 'asc' | 'desc' }): Promise<DutyListRow[]> {
  const dir = sql.raw(p.order === 'desc' ? 'desc' : 'asc');
  const r = await sql<DutyListRow>`select x.* from (${dutyListBase(scope, today, f)}) x where ${dutyListWhere(f)}
    order by x.name ${dir}, x.id ${dir} limit ${p.pageSize} offset ${(p.page - 1) * p.pageSize}`.execute(db);
  return r.rows;
}

/** How many enterprises of the list (its scope and filters, whatever status or stage is asked) are in each status and stage. */
export async function dutyListCounts(db: Executor, scope: AnyScope, today: string, f: DutyListFilter): Promise<{ duty_status: DutyStatus; stage: string | null; n: number }[]> {
  const r = await sql<{ duty_status: DutyStatus; stage: string | null; n: number }>`select x.duty_status, x.stage, count(*)::int as n
    from (${dutyListBase(scope, today, f)}) x group by 1, 2`.execute(db);
  return r.rows;
}

/** The ids of the list's enterprises in the given statuses (whom a regulator urges). */
export async function dutyListIds(db: Executor, scope: AnyScope, today: string, f: DutyListFilter): Promise<string[]> {
  const r = await sql<{ id: string }>`select x.id from (${dutyListBase(scope, today, f)}) x where ${dutyListWhere(f)} order by x.id`.execute(db);
  return r.rows.map((x) => x.id);
}
