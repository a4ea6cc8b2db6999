import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { PREPARED, type Executor, type Tx } from '../../../platform/db/database';
import type { LetterKind } from '../../../platform/db/schema';
import { applyFilters, listPage, searchWhere, type FilterMap } from '../../../platform/db/list-query';
import { enterpriseInScope, orgUnitInScope, requireInScope, type AnyScope } from '../../../platform/db/scope';
import { LOCAL_OFFSET_SQL } from '../../../platform/time';
import { LETTER_SORT, type LetterListQuery } from './letters.schema';
import type { SignCompanion } from '../../../platform/signatures';

/*
 * Letters' SQL (R-RESP-3): templates, campaigns and the letter of each person. Every function takes the caller's
 * scope; letters follow `letterVisibleTo` (a unit leader reads his branch and his own letter, an employee his own).
 */

const ref = (alias: string, column: string) => sql.ref(`${alias}.${column}`);

/**
 * A letter is seen by the enterprise's managers; by a unit leader when the person's unit (when the letter was made)
 * lies in his branch, or it is his own; by an employee when it is their own. Regulators see an enterprise's letters
 * in scope (no route lets them read any).
 */
export type LetterViewer = { scope: AnyScope; userId: string | null };

export function letterVisibleTo(viewer: LetterViewer, alias = 'l'): RawBuilder<SqlBool> {
  const { scope } = viewer;
  const inScope = enterpriseInScope(scope, `${alias}.enterprise_id`);
  if (scope.kind !== 'enterprise' || scope.capacity === 'manager') return inScope;
  // One's own letter: by the employee record of one's account.
  const own = viewer.userId
    ? sql<SqlBool>`${ref(alias, 'employee_id')} = (select ou.employee_id from users ou where ou.id = ${viewer.userId})` : sql<SqlBool>`false`;
  if (scope.capacity === 'employee') return sql<SqlBool>`(${inScope} and ${own})`;
  return sql<SqlBool>`(${inScope} and (${own} or ${orgUnitInScope(scope, `${alias}.enterprise_id`, `${alias}.org_unit_id`)}))`;
}

/** A pending letter of someone who has left since counts as left, before the sweep records it. */
const EFFECTIVE_STATUS = sql<string>`case when l.status = 'pending' and le.status = 'left' then 'left' else l.status end`;

const hasAccountSql = (alias: string) => sql<boolean>`exists (select 1 from users au where au.enterprise_id = ${ref(alias, 'enterprise_id')}
  and au.employee_id = ${ref(alias, 'employee_id')} and not au.disabled)`;

export async function enterpriseBasics(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('enterprises as e').select(['e.id', 'e.name', 'e.principal_name', 'e.subdistrict_id'])
    .where('e.id', '=', enterpriseId).where(enterpriseInScope(scope, 'e.id')).executeTakeFirst();
}

// ---- templates ----

/** The latest saved version of each kind, with who saved it. */
export async function latestTemplates(db: Executor, scope: AnyScope, enterpriseId: string) {
  return db.selectFrom('letter_templates as t').leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.kind', 't.version', 't.title', 't.body', 't.created_at', 'u.display_name as created_by_name'])
    .distinctOn('t.kind').where('t.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 't.enterprise_id'))
    .orderBy('t.kind').orderBy('t.version', 'desc').execute();
}

export async function insertTemplate(tx: Tx, scope: AnyScope, enterpriseId: string, row: { kind: LetterKind; title: string; body: string; created_by: string; created_at: Date }) {
  await requireInScope(tx, scope, enterpriseId);
  const last = await tx.selectFrom('letter_templates').select((eb) => eb.fn.max('version').as('v'))
    .where('enterprise_id', '=', enterpriseId).where('kind', '=', row.kind).executeTakeFirst();
  const version = Number(last?.v ?? 0) + 1;
  await tx.insertInto('letter_templates').values({ ...row, enterprise_id: enterpriseId, version }).execute();
  return version;
}

// ---- campaigns ----

export type CampaignRow = {
  enterprise_id: string; id: string; year: number; kind: LetterKind; template_version: number; title: string; body: string; starts_on: string;
  status: 'open' | 'completed'; completed_at: Date | null; late_hire_days: number; last_reminded_on: string | null; created_at: Date;
};
const CAMPAIGN_COLUMNS = [
  'c.enterprise_id', 'c.id', 'c.year', 'c.kind', 'c.template_version', 'c.title', 'c.body', 'c.starts_on', 'c.status', 'c.completed_at',
  'c.late_hire_days', 'c.last_reminded_on', 'c.created_at',
] as const;

export async function listCampaignRows(db: Executor, scope: AnyScope, enterpriseId: string): Promise<CampaignRow[]> {
  return db.selectFrom('letter_campaigns as c').select(CAMPAIGN_COLUMNS)
    .where('c.enterprise_id', '=', enterpriseId).where(enterpriseInScope(scope, 'c.enterprise_id'))
    .orderBy('c.year', 'desc').orderBy('c.kind').execute();
}

/** One campaign of the enterprise in scope; `lock` takes its row lock (completion is decided under it). */
export async function findCampaign(db: Executor, scope: AnyScope, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<CampaignRow | undefined> {
  let q = db.selectFrom('letter_campaigns as c').select(CAMPAIGN_COLUMNS)
    .where('c.enterprise_id', '=', enterpriseId).where('c.id', '=', id).where(enterpriseInScope(scope, 'c.enterprise_id'));
  if (opts.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function campaignOfYear(db: Executor, scope: AnyScope, enterpriseId: string, year: number, kind: LetterKind) {
  return db.selectFrom('letter_campaigns as c').select('c.id')
    .where('c.enterprise_id', '=', enterpriseId).where('c.year', '=', year).where('c.kind', '=', kind)
    .where(enterpriseInScope(scope, 'c.enterprise_id')).executeTakeFirst();
}

export async function insertCampaign(tx: Tx, scope: AnyScope, enterpriseId: string, row: {
  year: number; kind: LetterKind; template_version: number; title: string; body: string; starts_on: string; late_hire_days: number;
  rule_set_version: number; created_by: string; now: Date;
}): Promise<string> {
  await requireInScope(tx, scope, enterpriseId);
  const { now, ...values } = row;
  const r = await tx.insertInto('letter_campaigns').values({ ...values, enterprise_id: enterpriseId, created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function completeCampaign(tx: Tx, enterpriseId: string, id: string, now: Date) {
  await tx.updateTable('letter_campaigns').set((eb) => ({ status: 'completed', completed_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).where('status', '=', 'open').execute();
}

export async function setReminded(tx: Tx, enterpriseId: string, id: string, day: string, now: Date) {
  await tx.updateTable('letter_campaigns').set((eb) => ({ last_reminded_on: day, updated_at: now, version: eb('version', '+', 1) }))
    .where('enterprise_id', '=', enterpriseId).where('id', '=', id).execute();
}

/** Campaigns that may still gain later hires (this year's) or complete (open ones), across enterprises: the sweep's. */
export async function campaignsToSweep(db: Executor, year: number) {
  return db.selectFrom('letter_campaigns').select(['enterprise_id', 'id'])
    .where((eb) => eb.or([eb('status', '=', 'open'), eb('year', '=', year)])).orderBy('enterprise_id').orderBy('id').execute();
}

// ---- the roster ----

/** Active employees of the enterprise who have no letter of this campaign yet (the roster at creation, later hires after). */
export async function employeesWithoutLetter(db: Executor, enterpriseId: string, campaignId: string) {
  return db.selectFrom('employees as e')
    .select(['e.id', 'e.name', 'e.org_unit_id', 'e.hire_date', sql<string>`((e.created_at at time zone ${sql.raw(LOCAL_OFFSET_SQL)})::date)::text`.as('added_on')])
    .where('e.enterprise_id', '=', enterpriseId).where('e.status', '=', 'active')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('letters as x').select('x.id')
      .whereRef('x.enterprise_id', '=', 'e.enterprise_id').where('x.campaign_id', '=', campaignId).whereRef('x.employee_id', '=', 'e.id'))))
    .orderBy('e.id').execute();
}

export type LetterInsert = {
  employee_id: string; employee_name: string; org_unit_id: string; late_hire: boolean; due_on: string | null; content_sha256: string;
};

const BATCH = 1000;

export async function insertLetters(tx: Tx, scope: AnyScope, enterpriseId: string, campaignId: string, rows: LetterInsert[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await requireInScope(tx, scope, enterpriseId);
  for (let i = 0; i < rows.length; i += BATCH) {
    await tx.insertInto('letters').values(rows.slice(i, i + BATCH).map((r) => ({
      ...r, enterprise_id: enterpriseId, campaign_id: campaignId, created_at: now, updated_at: now,
    }))).onConflict((oc) => oc.columns(['enterprise_id', 'campaign_id', 'employee_id']).doNothing()).execute();
  }
}

/** Pending letters of people who have left the enterprise since: recorded as left. Returns how many. */
export async function markLeft(tx: Tx, enterpriseId: string, campaignId: string, now: Date): Promise<number> {
  const rows = await tx.updateTable('letters as l').set({ status: 'left', left_at: now, updated_at: now })
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', '=', campaignId).where('l.status', '=', 'pending')
    .where((eb) => eb.exists(eb.selectFrom('employees as e').select('e.id')
      .whereRef('e.enterprise_id', '=', 'l.enterprise_id').whereRef('e.id', '=', 'l.employee_id').where('e.status', '=', 'left')))
    .returning('l.id').execute();
  return rows.length;
}

/** How many people of the start date's roster have neither signed nor left. */
export async function rosterPending(tx: Tx, enterpriseId: string, campaignId: string): Promise<number> {
  const r = await tx.selectFrom('letters').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('enterprise_id', '=', enterpriseId).where('campaign_id', '=', campaignId).where('late_hire', '=', false).where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- figures ----

type CountRow = {
  campaign_id: string; roster: number; signed: number; paper: number; pending: number; left: number;
  late_hires: number; late_pending: number; late_overdue: number;
};

/** Each campaign's figures over the letters the caller sees (a unit leader: his branch). */
export async function campaignCounts(db: Executor, viewer: LetterViewer, enterpriseId: string, campaignIds: string[], today: string): Promise<Map<string, CountRow>> {
  if (campaignIds.length === 0) return new Map();
  const st = EFFECTIVE_STATUS;
  const rows = await db.selectFrom('letters as l')
    .innerJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'l.enterprise_id').onRef('le.id', '=', 'l.employee_id'))
    .select([
      'l.campaign_id',
      sql<number>`count(*) filter (where not l.late_hire)::int`.as('roster'),
      sql<number>`count(*) filter (where not l.late_hire and ${st} = 'signed')::int`.as('signed'),
      sql<number>`count(*) filter (where not l.late_hire and ${st} = 'paper')::int`.as('paper'),
      sql<number>`count(*) filter (where not l.late_hire and ${st} = 'pending')::int`.as('pending'),
      sql<number>`count(*) filter (where not l.late_hire and ${st} = 'left')::int`.as('left'),
      sql<number>`count(*) filter (where l.late_hire)::int`.as('late_hires'),
      sql<number>`count(*) filter (where l.late_hire and ${st} = 'pending')::int`.as('late_pending'),
      sql<number>`count(*) filter (where l.late_hire and ${st} = 'pending' and l.due_on < ${today})::int`.as('late_overdue'),
    ])
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', 'in', campaignIds).where(letterVisibleTo(viewer, 'l'))
    .groupBy('l.campaign_id').execute();
  return new Map(rows.map((r) => [r.campaign_id, r]));
}

/** Progress by the unit each person belonged to when their letter was made, in the order of the org tree. */
export async function progressByUnit(db: Executor, viewer: LetterViewer, enterpriseId: string, campaignId: string) {
  const st = EFFECTIVE_STATUS;
  return db.selectFrom('letters as l')
    .innerJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'l.enterprise_id').onRef('le.id', '=', 'l.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'l.enterprise_id').onRef('u.id', '=', 'l.org_unit_id'))
    .select([
      'u.id as org_unit_id', 'u.name as org_unit_name', 'u.path',
      sql<number>`count(*) filter (where ${st} = 'signed')::int`.as('signed'),
      sql<number>`count(*) filter (where ${st} = 'paper')::int`.as('paper'),
      sql<number>`count(*) filter (where ${st} = 'pending')::int`.as('pending'),
      sql<number>`count(*) filter (where ${st} = 'left')::int`.as('left'),
    ])
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', '=', campaignId).where(letterVisibleTo(viewer, 'l'))
    .groupBy(['u.id', 'u.name', 'u.path']).orderBy('u.path').execute();
}

// ---- letters ----

export async function letterPage(db: Executor, viewer: LetterViewer, enterpriseId: string, campaignId: string, q: LetterListQuery) {
  const base = db.selectFrom('letters as l')
    .innerJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'l.enterprise_id').onRef('le.id', '=', 'l.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'l.enterprise_id').onRef('u.id', '=', 'l.org_unit_id'))
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', '=', campaignId).where(letterVisibleTo(viewer, 'l'));
  type QB = typeof base;
  const filters: FilterMap<QB, LetterListQuery> = {
    status: (qb, v) => qb.where(sql<SqlBool>`${EFFECTIVE_STATUS} = ${v}`),
    orgUnitId: (qb, v) => qb.where(sql<SqlBool>`u.path like (select fu.path from org_units fu where fu.enterprise_id = ${enterpriseId} and fu.id = ${v}) || '%'`),
    lateHire: (qb, v) => qb.where('l.late_hire', '=', v),
    withoutAccount: (qb, v) => qb.where(v ? sql<SqlBool>`not ${hasAccountSql('l')}` : hasAccountSql('l')),
    q: (qb, v) => qb.where(searchWhere(v, ['l.employee_name'])),
  };
  return listPage(applyFilters(base, filters, q), {
    select: (qb) => qb.select([
      'l.id', 'l.employee_id', 'l.employee_name', 'l.org_unit_id', 'u.name as org_unit_name', EFFECTIVE_STATUS.as('status'), 'l.method', 'l.signed_at',
      'l.late_hire', 'l.due_on', hasAccountSql('l').as('has_account'),
    ]),
    sort: { map: LETTER_SORT, key: q.sort, order: q.order, tiebreak: ['l.employee_name', 'l.id'] },
    page: q.page, pageSize: q.pageSize,
  });
}

export type LetterRowFull = {
  enterprise_id: string; id: string; campaign_id: string; employee_id: string; employee_name: string; org_unit_id: string; org_unit_name: string;
  late_hire: boolean; due_on: string | null; status: 'pending' | 'signed' | 'paper' | 'left'; content_sha256: string; signature_id: string | null;
  signed_at: Date | null; employee_status: 'active' | 'left'; has_account: boolean;
};

function lettersQuery(db: Executor, viewer: LetterViewer) {
  return db.selectFrom('letters as l')
    .innerJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'l.enterprise_id').onRef('le.id', '=', 'l.employee_id'))
    .innerJoin('org_units as u', (j) => j.onRef('u.enterprise_id', '=', 'l.enterprise_id').onRef('u.id', '=', 'l.org_unit_id'))
    .select([
      'l.enterprise_id', 'l.id', 'l.campaign_id', 'l.employee_id', 'l.employee_name', 'l.org_unit_id', 'u.name as org_unit_name', 'l.late_hire',
      'l.due_on', 'l.status', 'l.content_sha256', 'l.signature_id', 'l.signed_at', 'le.status as employee_status', hasAccountSql('l').as('has_account'),
    ])
    .where(letterVisibleTo(viewer, 'l'));
}

/** One letter the caller sees; `lock` takes its row lock (signing decides under it). */
export async function findLetter(db: Executor, viewer: LetterViewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<LetterRowFull | undefined> {
  let q = lettersQuery(db, viewer).where('l.enterprise_id', '=', enterpriseId).where('l.id', '=', id);
  if (opts.lock) q = q.forUpdate('l');
  return q.modifyEnd(PREPARED).executeTakeFirst();
}

export type LetterToSign = LetterRowFull & {
  year: number; kind: LetterKind; template_version: number; title: string; body: string; campaign_status: 'open' | 'completed';
  enterprise_name: string;
  /** The employee record of the caller's account in the enterprise (null for none, or outside an enterprise scope). */
  own_employee_id: string | null;
};

/**
 * One letter the caller sees, with what signing it needs in the same statement: its campaign's wording, the
 * enterprise's name and the caller's own employee record. `lock` takes the letter's row lock (signing decides under it).
 */
export async function findLetterToSign(db: Executor, viewer: LetterViewer, enterpriseId: string, id: string, opts: { lock?: boolean } = {}): Promise<LetterToSign | undefined> {
  const s = viewer.scope;
  const own = s.kind === 'enterprise' && viewer.userId
    ? sql<string | null>`(select ou.employee_id from users ou where ou.id = ${viewer.userId} and ou.enterprise_id = ${s.enterpriseId})` : sql<string | null>`null::uuid`;
  let q = lettersQuery(db, viewer)
    .innerJoin('letter_campaigns as c', (j) => j.onRef('c.enterprise_id', '=', 'l.enterprise_id').onRef('c.id', '=', 'l.campaign_id'))
    .innerJoin('enterprises as e', 'e.id', 'l.enterprise_id')
    .select(['c.year', 'c.kind', 'c.template_version', 'c.title', 'c.body', 'c.status as campaign_status', 'e.name as enterprise_name', own.as('own_employee_id')])
    .where('l.enterprise_id', '=', enterpriseId).where('l.id', '=', id).where(enterpriseInScope(viewer.scope, 'e.id'));
  if (opts.lock) q = q.forUpdate('l');
  return q.modifyEnd(PREPARED).executeTakeFirst();
}

/**
 * Marks a pending letter signed, in the signature's own statement (`SignInput.companion`), and in it looks for someone
 * of its campaign's roster surely still pending, decided without the campaign's lock: a pending letter of an active
 * person that no signing holds now, share-locked until commit so it stays pending (its own signing waits for this
 * transaction, and decides completion after it). Read back as `pending_other`: that letter's id, or null when none
 * such is free (all signed, or being signed): then completion is decided under the campaign's lock
 * (`rosterPendingActive`). `also` are further values read in that statement.
 */
export function signedWithPendingOther(enterpriseId: string, letter: { id: string; campaignId: string }, method: 'pad' | 'password' | 'proxy_pad', now: Date,
  also: Record<string, RawBuilder<unknown>> = {}): SignCompanion {
  return {
    write: (signatureId) => sql`(update letters set status = 'signed', signature_id = ${signatureId}, signed_at = ${now}, method = ${method}, updated_at = ${now}
      where enterprise_id = ${enterpriseId} and id = ${letter.id} and status = 'pending')`,
    read: {
      ...also,
      pending_other: sql<string | null>`(select l.id from letters l
        join employees le on le.enterprise_id = l.enterprise_id and le.id = l.employee_id
        where l.enterprise_id = ${enterpriseId} and l.campaign_id = ${letter.campaignId} and l.late_hire = false
          and l.status = 'pending' and le.status = 'active' and l.id <> ${letter.id}
        limit 1 for share of l skip locked)`,
    },
  };
}

/** Whether anyone of the roster, still employed, has neither signed nor left (a leaver's pending letter is theirs no more). */
export async function rosterPendingActive(tx: Tx, enterpriseId: string, campaignId: string): Promise<boolean> {
  const r = await tx.selectNoFrom((eb) => eb.exists(eb.selectFrom('letters as l')
    .innerJoin('employees as le', (j) => j.onRef('le.enterprise_id', '=', 'l.enterprise_id').onRef('le.id', '=', 'l.employee_id'))
    .select('l.id')
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', '=', campaignId).where('l.late_hire', '=', false)
    .where('l.status', '=', 'pending').where('le.status', '=', 'active')).$castTo<boolean>().as('pending')).executeTakeFirstOrThrow();
  return !!r.pending;
}

/** One person's letters in every campaign, newest first. */
export async function lettersOfEmployee(db: Executor, viewer: LetterViewer, enterpriseId: string, employeeId: string): Promise<LetterRowFull[]> {
  return lettersQuery(db, viewer).innerJoin('letter_campaigns as c', (j) => j.onRef('c.enterprise_id', '=', 'l.enterprise_id').onRef('c.id', '=', 'l.campaign_id'))
    .where('l.enterprise_id', '=', enterpriseId).where('l.employee_id', '=', employeeId)
    .orderBy('c.year', 'desc').orderBy('c.kind').execute();
}

export async function markSigned(tx: Tx, enterpriseId: string, ids: string[], sig: { signatureId: string; method: 'pad' | 'password' | 'proxy_pad' | 'paper'; at: Date }, now: Date) {
  await tx.updateTable('letters').set({ status: sig.method === 'paper' ? 'paper' : 'signed', signature_id: sig.signatureId, signed_at: sig.at, method: sig.method, updated_at: now })
    .where('enterprise_id', '=', enterpriseId).where('id', 'in', ids).where('status', '=', 'pending').execute();
}

/** Users (active) of the enterprise by their employee record. */
export async function accountsOfEmployees(db: Executor, enterpriseId: string, employeeIds: string[]) {
  if (employeeIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'employee_id']).where('enterprise_id', '=', enterpriseId)
    .where('employee_id', 'in', employeeIds).where('disabled', '=', false).execute();
}

/** People with an account and a pending letter of the campaign: whom a reminder goes to. */
export async function pendingAccounts(db: Executor, enterpriseId: string, campaignId: string) {
  return db.selectFrom('letters as l').innerJoin('users as u', (j) => j.onRef('u.enterprise_id', '=', 'l.enterprise_id').onRef('u.employee_id', '=', 'l.employee_id'))
    .select(['u.id as user_id']).distinct()
    .where('l.enterprise_id', '=', enterpriseId).where('l.campaign_id', '=', campaignId).where('l.status', '=', 'pending').where('u.disabled', '=', false)
    .execute();
}

/**
 * The unit leaders over people with pending letters, and how many of those people are in their branch (with and
 * without an account): their reminder, and the shared-device signing they may do.
 */
export async function leadersOverPending(db: Executor, enterpriseId: string, campaignId: string) {
  return db.selectFrom('users as u')
    .innerJoin('org_units as lu', (j) => j.onRef('lu.enterprise_id', '=', 'u.enterprise_id').onRef('lu.id', '=', 'u.org_unit_id'))
    .innerJoin('letters as l', (j) => j.onRef('l.enterprise_id', '=', 'u.enterprise_id').on('l.campaign_id', '=', campaignId).on('l.status', '=', 'pending'))
    .innerJoin('org_units as pu', (j) => j.onRef('pu.enterprise_id', '=', 'l.enterprise_id').onRef('pu.id', '=', 'l.org_unit_id'))
    .select([
      'u.id as user_id', sql<number>`count(*)::int`.as('pending'),
      sql<number>`count(*) filter (where not ${hasAccountSql('l')})::int`.as('without_account'),
    ])
    .where('u.enterprise_id', '=', enterpriseId).where('u.role', '=', 'unit_leader').where('u.disabled', '=', false)
    .where(sql<SqlBool>`pu.path like lu.path || '%'`)
    .groupBy('u.id').orderBy('u.id').execute();
}

/** Paper lists recorded for the campaign's letters and not confirmed yet, by scan. */
export async function pendingPaper(db: Executor, viewer: LetterViewer, enterpriseId: string, campaignId: string) {
  return db.selectFrom('signatures as s')
    .innerJoin('letters as l', (j) => j.onRef('l.enterprise_id', '=', 's.enterprise_id').on(sql<SqlBool>`l.id::text = s.document_id`))
    .leftJoin('users as op', 'op.id', 's.operator_user_id')
    .select(['s.image_attachment_id', 's.signer_name', 's.signed_at', 'op.display_name as operator_name'])
    .where('s.enterprise_id', '=', enterpriseId).where('s.document_type', '=', 'letter').where('s.method', '=', 'paper').where('s.confirmed_at', 'is', null)
    .where('l.campaign_id', '=', campaignId).where(letterVisibleTo(viewer, 'l'))
    .orderBy('s.signed_at').orderBy('s.signer_name').execute();
}
