import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import { idsOf, principalsOf } from '../../../platform/directory';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, forbidden, invalid, notFound } from '../../../platform/errors';
import { filesOf, loadFile, lockFiles, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import type { OutboxMessage } from '../../../platform/outbox';
import { signDocument, verifySigner, type OwnSignature } from '../../../platform/signatures';
import { localDay, startOfLocalDay } from '../../../platform/time';
import { abilitiesOf, bindWorkflow, operate, refusalError, type EffectResult } from '../../../platform/workflow';
import { cancelBySubject, cancelSubjectPeriods, fulfilByRecord, triggerEvent } from '../../obligations';
import { emergencyRequirementsOf } from '../emergency.profile';
import { openOnsitePeriods } from '../drills/drill.service';
import { DRILL_DUTY } from '../drills/drills.obligations';
import { filingOffices, planWorkflow, type PlanActor, type PlanOp, type PlanState, type Refusal } from './plan-workflow';
import { PLAN_FILE_OWNER } from './plan.policy';
import {
  activeAccounts, assessmentsOf, audienceAccounts, enterpriseNameOf, enterpriseWorkCounts, filingOfficesOf, filingsOfPlan, findAssessment, findPlan, findVersion, insertAssessment, insertFilings, insertPlan,
  insertPlanEvent, insertReceipts, insertVersion, knownEmployees, knownPosts, knownRiskPoints, knownUnits, listPlanRows, listVersions, markAssessmentSigned, markReceiptRead,
  myReceipt, officersOf, openFilingsOfPlan, planOfFile, planEvents, receiptsOf, returnedFilingIds, selectPlan, updateFiling, updatePlanRow, updateVersion, type PlanRow,
  type VersionValues,
} from './plan.repository';
import {
  PLAN_FILE_ROLES, type AssessmentInput, type PlanContent, type PlanCreateInput, type PlanDetail, type PlanFileRole, type PlanIssueInput, type PlanListQuery,
  type PlanReviewInput, type PlanReviseInput, type PlanSummary, type PlanUpdateInput, type PlanWithdrawInput, type VersionContent,
} from './plan.schema';
import { presentContent, presentFiling } from './plan.presenters';
import {
  PLAN_EVALUATED, PLAN_EVALUATION_DUE, PLAN_FILED, PLAN_ISSUED, PLAN_REVIEWED, PLAN_REVISED, PLAN_REVISION_NEEDED,
} from './plans.obligations';

/*
 * Emergency plans (issue 14 §1, R-EMG-1). A safety manager (or the principal) drafts a plan as version 1 with the
 * sections of the plan-writing guide, submits it for expert review (评审) or demonstration (论证) — which one the
 * district's emergency rules say for this enterprise — records the review, the principal signs that exact version
 * (SHA-256 of its content), a manager issues it to the staff (read receipts) and the units and teams named, and files
 * it (备案) with each receiving office; the offices accept or return each filing (filing.service.ts). A revision makes a
 * new draft version; the signed versions never change.
 */

/** The audit row's record type, the obligations' record type and the signatures' document type of a plan. */
const PLAN = 'emergency_plan';
const ASSESSMENT = 'emergency_plan_assessment';

const REFUSAL_MESSAGE: Partial<Record<Refusal, string>> = {
  CONTENT_REQUIRED: 'emergencyPlan.refused.contentRequired',
  NOT_PRINCIPAL: 'emergencyPlan.refused.notPrincipal',
  ALREADY_FILED: 'emergencyPlan.refused.alreadyFiled',
  NOTHING_RETURNED: 'emergencyPlan.refused.nothingReturned',
  STATE: 'emergencyPlan.refused.state',
};

type Versioned = { version?: number | undefined };
type Key = { enterpriseId: string; id: string };

function relation(actor: Actor, row: Pick<PlanRow, 'enterprise_id'>): PlanActor {
  const manager = isEnterpriseManager(actor, row.enterprise_id);
  return {
    manager: manager && can(actor, 'emergency_plan.write'),
    principal: manager && actor.role === 'enterprise_principal' && can(actor, 'emergency_plan.sign'),
    filer: manager && can(actor, 'emergency_plan.file'),
  };
}

async function hasDocument(db: Executor, row: Pick<PlanRow, 'enterprise_id' | 'id'>): Promise<boolean> {
  return (await filesOf(db, row.enterprise_id, { type: PLAN_FILE_OWNER, id: row.id })).some((f) => f.role === 'document');
}

async function versionOf(db: Executor, row: Pick<PlanRow, 'enterprise_id' | 'id' | 'current_version'>) {
  return db.selectFrom('emergency_plan_versions').selectAll().where('enterprise_id', '=', row.enterprise_id).where('plan_id', '=', row.id)
    .where('number', '=', row.current_version).executeTakeFirstOrThrow();
}

const planRecord = bindWorkflow({
  workflow: planWorkflow,
  table: 'emergency_plans',
  key: (k: Key) => ({ enterprise_id: k.enterpriseId, id: k.id }),
  entityType: PLAN,
  entityId: (row: PlanRow) => row.id,
  enterpriseId: (row: PlanRow) => row.enterprise_id,
  select: (db, actor, k) => selectPlan(db, actor, k.enterpriseId, k.id),
  lockOf: 'p',
  relation,
  facts: async (db, _ctx, row) => {
    const v = await versionOf(db, row);
    return {
      hasContent: (v.scope.trim() !== '' && v.procedures.trim() !== '') || v.body.trim() !== '' || await hasDocument(db, row),
      filed: Boolean(row.has_filings),
      returned: Boolean(row.has_returned),
    };
  },
  abilityInput: {},
  history: async (tx, ctx, row, e) => insertPlanEvent(tx, row.enterprise_id, row.id, {
    versionNo: row.current_version, op: e.op, from: e.from, to: e.to, actorId: requireActor(ctx).userId, at: ctx.now, note: e.note,
  }),
  messages: REFUSAL_MESSAGE,
});

const link = (enterpriseId: string, id: string) => `/enterprises/${enterpriseId}/emergency-plans/${id}`;

function notices(userIds: (string | null | undefined)[], kind: string, titleKey: string, bodyKey: string, params: Record<string, string | number>, to: string): OutboxMessage[] {
  return [...new Set(userIds.filter((u): u is string => !!u))].map((userId) => ({ topic: 'notify' as const, payload: { userId, kind, titleKey, bodyKey, params, link: to } }));
}

// ---- presenters ----

/** What is signed: the plan and this version's every section, its review and its documents, as canonical JSON. */
function signedContent(row: Pick<PlanRow, 'id' | 'enterprise_id' | 'kind' | 'title'>, v: VersionContent, files: { id: string; name: string; role: string }[]) {
  return {
    enterpriseId: row.enterprise_id, plan: row.id, kind: row.kind, title: row.title, version: v.number,
    sections: { scope: v.scope, organisation: v.organisation, responseLevels: v.responseLevels, procedures: v.procedures, resources: v.resources, body: v.body },
    covers: { riskPoints: [...v.riskPointIds].sort(), posts: [...v.postIds].sort() }, rescueOrganisation: v.rescueOrganisation, contacts: v.contacts,
    review: { mode: v.reviewMode, reviewers: v.reviewers, reviewedOn: v.reviewedOn, conclusion: v.reviewConclusion, opinions: v.reviewOpinions },
    files: files.map((f) => ({ id: f.id, name: f.name, role: f.role })),
  };
}

export async function getPlan(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const p = await findPlan(db, actor, enterpriseId, id);
  if (!p) throw notFound();
  const manager = isEnterpriseManager(actor, enterpriseId);
  // Staff and regulators read the version last issued; the managers the one being worked on.
  const shownNo = manager ? p.current_version : await lastIssuedNo(db, actor, enterpriseId, id, p.current_version);
  const [v, versions, events, filings, assessments, files, abilities, requirements, mine, receipts] = await Promise.all([
    findVersion(db, actor, enterpriseId, id, shownNo),
    listVersions(db, actor, enterpriseId, id),
    planEvents(db, actor, enterpriseId, id),
    filingsOfPlan(db, actor.scope, enterpriseId, id),
    assessmentsOf(db, enterpriseId, id),
    filesOf(db, enterpriseId, { type: PLAN_FILE_OWNER, id }),
    abilitiesOf(db, ctx, planRecord, p),
    emergencyRequirementsOf(db, enterpriseId),
    myReceipt(db, enterpriseId, id, shownNo, actor.userId),
    manager ? receiptsOf(db, enterpriseId, id, shownNo) : Promise.resolve([]),
  ]);
  if (!v) throw notFound();
  const who = relation(actor, p);
  return {
    id: p.id, kind: p.kind, title: p.title, status: p.status, currentVersion: p.current_version, filedVersion: p.filed_version, issuedAt: p.issued_at,
    updatedAt: p.updated_at, returnedFilings: filings.filter((f) => f.status === 'returned' && f.version_no === p.current_version).length,
    unread: mine !== null && mine.read_at === null && p.status !== 'withdrawn',
    enterpriseId, version: p.version,
    content: presentContent(v),
    reviewModeRequired: requirements?.planReview ?? 'demonstration',
    versions: versions.map((x) => ({
      number: x.number, revisionCause: x.revision_cause, revisionNote: x.revision_note, reviewMode: x.review_mode, reviewConclusion: x.review_conclusion,
      reviewedOn: x.reviewed_on, signedAt: x.signed_at, issuedAt: x.issued_at, createdAt: x.created_at, contentSha256: x.content_sha256,
    })),
    events: events.map((e) => ({ versionNo: e.version_no, op: e.op, from: e.from_status, to: e.to_status, actorName: e.display_name, at: e.at, note: e.note })),
    filings: filings.map((f) => presentFiling(actor, f)),
    receipts: { total: receipts.length, read: receipts.filter((r) => r.read_at !== null).length, mineReadAt: mine?.read_at ?? null, mine: mine !== null },
    assessments: assessments.map((a) => ({
      id: a.id, versionNo: a.version_no, kind: a.kind, reviewer: a.reviewer, reviewedOn: a.reviewed_on, changed: a.changed, reason: a.reason,
      signedAt: a.signed_at, signedByName: a.signed_by_name ?? null,
    })),
    files: files.map((f) => ({
      id: f.id, role: (PLAN_FILE_ROLES as readonly string[]).includes(f.role) ? f.role as PlanFileRole : 'document', name: f.name, mime: f.mime, size: f.size,
      locked: f.locked, url: `/api/v1/enterprises/${enterpriseId}/emergency-plan-files/${f.id}`,
    })),
    abilities: {
      ...abilities,
      upload: who.manager && (p.status === 'draft' || p.status === 'reviewing'),
      // A withdrawn plan asks no one to read it, and is neither reviewed nor evaluated any more (R-EMG-1).
      read: mine !== null && mine.read_at === null && p.status !== 'withdrawn',
      assess: who.manager && p.issued_at !== null && p.status !== 'withdrawn',
      signAssessment: who.principal && p.status !== 'withdrawn' && assessments.some((a) => a.signed_at === null),
      receipts: manager,
    },
  };
}

/** The version staff and regulators see: the newest issued one (a revision in draft is the enterprise's working copy). */
async function lastIssuedNo(db: Executor, viewer: Actor, enterpriseId: string, planId: string, current: number): Promise<number> {
  const rows = await listVersions(db, viewer, enterpriseId, planId);
  return rows.find((r) => r.issued_at !== null)?.number ?? current;
}

const mayWrite = (actor: Actor, enterpriseId: string) => isEnterpriseManager(actor, enterpriseId) && can(actor, 'emergency_plan.write');

export async function listPlans(db: Db, ctx: Ctx, enterpriseId: string, q: PlanListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const { items, total } = await listPlanRows(db, actor, enterpriseId, q);
  return {
    items: items.map((r): PlanSummary => ({
      id: r.id, kind: r.kind, title: r.title, status: r.status, currentVersion: r.current_version, filedVersion: r.filed_version, issuedAt: r.issued_at,
      updatedAt: r.updated_at, returnedFilings: Number(r.returned_filings ?? 0), unread: Boolean(r.unread),
    })),
    total, page: q.page, pageSize: q.pageSize, canWrite: mayWrite(actor, enterpriseId),
  };
}

// ---- drafting ----

/** The risk points and posts a version names must be the enterprise's own (400 at the field otherwise). */
async function contentValues(tx: Executor, enterpriseId: string, c: PlanContent): Promise<VersionValues> {
  const [points, posts] = await Promise.all([knownRiskPoints(tx, enterpriseId, c.riskPointIds), knownPosts(tx, enterpriseId, c.postIds)]);
  const issues: { path: string; message: string }[] = [];
  c.riskPointIds.forEach((id, i) => { if (!points.has(id)) issues.push({ path: `body.riskPointIds.${i}`, message: 'emergencyPlan.riskPointUnknown' }); });
  c.postIds.forEach((id, i) => { if (!posts.has(id)) issues.push({ path: `body.postIds.${i}`, message: 'emergencyPlan.postUnknown' }); });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return {
    scope: c.scope, organisation: c.organisation, response_levels: c.responseLevels, procedures: c.procedures, resources: c.resources, body: c.body,
    risk_point_ids: JSON.stringify([...new Set(c.riskPointIds)]), post_ids: JSON.stringify([...new Set(c.postIds)]),
    rescue_organisation: c.rescueOrganisation, contacts: c.contacts,
  };
}

/** createPlan: a manager drafts a plan as its version 1. */
export async function createPlan(db: Db, ctx: Ctx, enterpriseId: string, input: PlanCreateInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await requireEnterpriseInScope(tx, actor, enterpriseId);
    if (!mayWrite(actor, enterpriseId)) throw forbidden();
    const values = await contentValues(tx, enterpriseId, input);
    const id = await insertPlan(tx, actor.scope, enterpriseId, { kind: input.kind, title: input.title, createdBy: actor.userId, at: ctx.now });
    await insertVersion(tx, enterpriseId, id, 1, { ...values, created_by: actor.userId, at: ctx.now });
    await insertPlanEvent(tx, enterpriseId, id, { versionNo: 1, op: 'create', from: null, to: 'draft', actorId: actor.userId, at: ctx.now, note: input.title });
    await writeAudit(tx, ctx, { action: 'emergency_plan.create', entityType: PLAN, entityId: id, enterpriseId, after: { kind: input.kind, title: input.title } });
    return { id };
  });
}

/** One step of the plan's workflow, then the detail as the caller now sees it. */
async function step(db: Db, ctx: Ctx, enterpriseId: string, id: string, op: PlanOp, version: number | undefined,
  effect: (c: { tx: Tx; actor: Actor; row: PlanRow; from: PlanState }) => Promise<EffectResult | void>): Promise<PlanDetail> {
  try {
    await operate(db, ctx, planRecord, { enterpriseId, id }, op, { input: {}, expectedVersion: version }, ({ tx, actor, row, from }) => effect({ tx, actor, row, from }));
  } catch (e) {
    // A withdrawn plan is final (R-EMG-1): its refusal says so, instead of the general "revise the plan instead".
    if (e instanceof AppError && e.reason === 'STATE' && (await findPlan(db, requireActor(ctx), enterpriseId, id))?.status === 'withdrawn') {
      throw refusalError('STATE', 'emergencyPlan.refused.withdrawn');
    }
    throw e;
  }
  return getPlan(db, ctx, enterpriseId, id);
}

/** update: a manager edits the draft version (R-EMG-1: a version out of draft is never edited; a revision is a new one). */
export function updatePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanUpdateInput) {
  return step(db, ctx, enterpriseId, id, 'update', input.version, async ({ tx, actor, row }) => {
    const values = await contentValues(tx, enterpriseId, input);
    await updatePlanRow(tx, actor.scope, enterpriseId, id, { title: input.title });
    await updateVersion(tx, enterpriseId, id, row.current_version, { ...values, updated_at: ctx.now });
    return { audit: { title: input.title, version: row.current_version } };
  });
}

/** submit: the draft goes to review (评审) or demonstration (论证), as the district's emergency rules say for the enterprise. */
export function submitPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'submit', input.version, async ({ tx, row }) => {
    const mode = (await emergencyRequirementsOf(tx, enterpriseId))?.planReview ?? 'demonstration';
    await updateVersion(tx, enterpriseId, id, row.current_version, { review_mode: mode, updated_at: ctx.now });
    await lockFiles(tx, ctx, enterpriseId, { type: PLAN_FILE_OWNER, id });
    return { note: input.note, audit: { mode, version: row.current_version } };
  });
}

/** The review's record: reviewers, date, conclusion, opinions; a failed review sends the version back to draft. */
export function recordReview(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanReviewInput) {
  const op: PlanOp = input.conclusion === 'failed' ? 'reject_review' : 'record_review';
  if (input.reviewedOn > localDay(ctx.now)) throw invalid('body.reviewedOn', 'emergencyPlan.reviewedInFuture');
  return step(db, ctx, enterpriseId, id, op, input.version, async ({ tx, row }) => {
    await updateVersion(tx, enterpriseId, id, row.current_version, {
      reviewers: JSON.stringify(input.reviewers), reviewed_on: input.reviewedOn, review_conclusion: input.conclusion, review_opinions: input.opinions, updated_at: ctx.now,
    });
    // The principal is asked to sign the version that passed.
    const principals = op === 'record_review' ? await idsOf(principalsOf(tx, enterpriseId)) : [];
    return {
      note: input.opinions, audit: { conclusion: input.conclusion, reviewedOn: input.reviewedOn, reviewers: input.reviewers.length },
      outbox: notices(principals, 'emergency_plan.toSign', 'emergencyPlan.notify.toSign.title', 'emergencyPlan.notify.toSign.body', { title: row.title }, link(enterpriseId, id)),
    };
  });
}

/** sign: the principal signs the exact version reviewed (pad or password; SHA-256 of its content). */
export async function signPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, body: OwnSignature & Versioned) {
  const actor = requireActor(ctx);
  const seen = await findPlan(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  const who = relation(actor, seen);
  if (!who.principal && !who.manager) throw refusalError('FORBIDDEN');
  if (!who.principal) throw refusalError('NOT_PRINCIPAL', REFUSAL_MESSAGE.NOT_PRINCIPAL);
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  return step(db, ctx, enterpriseId, id, 'sign', body.version, async ({ tx, row }) => {
    const v = await versionOf(tx, row);
    const files = await filesOf(tx, enterpriseId, { type: PLAN_FILE_OWNER, id });
    const content = signedContent(row, presentContent(v), files);
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: PLAN, documentId: id, documentVersion: row.current_version, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await updateVersion(tx, enterpriseId, id, row.current_version, {
      content_sha256: sig.contentSha256, signature_id: sig.id, signed_by: actor.userId, signed_at: ctx.now, updated_at: ctx.now,
    });
    await lockFiles(tx, ctx, enterpriseId, { type: PLAN_FILE_OWNER, id });
    return { audit: { version: row.current_version, signatureId: sig.id, contentSha256: sig.contentSha256 } };
  });
}

/**
 * issue: a manager publishes the signed version to the staff concerned (read receipts; none named = every active
 * account of the enterprise) and names the units and rescue teams it is distributed to. R-EMG-1: opens the filing duty
 * (20 working days); a revised version fulfils the revision duty; the first issue opens the 3-year evaluation where the
 * emergency rules ask for it.
 */
export function issuePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanIssueInput) {
  return step(db, ctx, enterpriseId, id, 'issue', input.version, async ({ tx, actor, row }) => {
    const audience = await audienceOf(tx, enterpriseId, input);
    await updateVersion(tx, enterpriseId, id, row.current_version, { distribution: JSON.stringify(input.distribution), issued_at: ctx.now, issued_by: actor.userId, updated_at: ctx.now });
    await updatePlanRow(tx, actor.scope, enterpriseId, id, { issued_at: ctx.now });
    await insertReceipts(tx, enterpriseId, id, row.current_version, audience, ctx.now);
    const subject = { enterpriseId, subjectKey: id, subjectLabel: row.title };
    await triggerEvent(tx, ctx, { ...subject, event: PLAN_ISSUED, at: ctx.now });
    // R-EMG-2: an on-site plan owes its half-yearly drill from issue; the daily job would open it only tomorrow.
    if (row.kind === 'onsite') await openOnsitePeriods(tx, ctx, { enterpriseId, id, title: row.title });
    const revised = row.current_version > 1
      ? await fulfilByRecord(tx, ctx, { enterpriseId, record: PLAN_REVISED, recordType: PLAN, recordId: id, at: ctx.now, byPrincipal: false, subjectKey: id, note: row.title })
      : 0;
    if (row.issued_at === null && (await emergencyRequirementsOf(tx, enterpriseId))?.threeYearEvaluation) {
      await triggerEvent(tx, ctx, { ...subject, event: PLAN_EVALUATION_DUE, at: threeYearsAfter(ctx.now) });
    }
    return {
      audit: { version: row.current_version, audience: audience.length, distribution: input.distribution.length, revised },
      outbox: notices(audience.filter((u) => u !== actor.userId), 'emergency_plan.issued', 'emergencyPlan.notify.issued.title', 'emergencyPlan.notify.issued.body',
        { title: row.title }, link(enterpriseId, id)),
    };
  });
}

/**
 * The accounts an issue publishes to (see planIssue): each one named must be the enterprise's, a person named must have
 * an active account (the receipt is his), and what is named must reach someone — never silently every account.
 */
async function audienceOf(tx: Tx, enterpriseId: string, input: PlanIssueInput): Promise<string[]> {
  const users = [...new Set(input.audienceUserIds)];
  const named = { employeeIds: [...new Set(input.audienceEmployeeIds ?? [])], unitIds: [...new Set(input.audienceUnitIds ?? [])], postIds: [...new Set(input.audiencePostIds ?? [])] };
  if (!users.length && !named.employeeIds.length && !named.unitIds.length && !named.postIds.length) return activeAccounts(tx, enterpriseId);
  const [accounts, people, employees, units, posts] = await Promise.all([
    activeAccounts(tx, enterpriseId, users), audienceAccounts(tx, enterpriseId, named),
    knownEmployees(tx, enterpriseId, named.employeeIds), knownUnits(tx, enterpriseId, named.unitIds), knownPosts(tx, enterpriseId, named.postIds),
  ]);
  const withAccount = new Set(people.map((p) => p.employeeId));
  const found = new Set(accounts);
  const issues = [
    ...users.flatMap((u, i) => (found.has(u) ? [] : [{ path: `body.audienceUserIds.${i}`, message: 'emergencyPlan.userUnknown' }])),
    ...named.employeeIds.flatMap((e, i) => (!employees.has(e) ? [{ path: `body.audienceEmployeeIds.${i}`, message: 'emergencyPlan.employeeUnknown' }]
      : withAccount.has(e) ? [] : [{ path: `body.audienceEmployeeIds.${i}`, message: 'emergencyPlan.employeeNoAccount' }])),
    ...named.unitIds.flatMap((u, i) => (units.has(u) ? [] : [{ path: `body.audienceUnitIds.${i}`, message: 'emergencyPlan.unitUnknown' }])),
    ...named.postIds.flatMap((p, i) => (posts.has(p) ? [] : [{ path: `body.audiencePostIds.${i}`, message: 'emergencyPlan.postUnknown' }])),
  ];
  if (issues.length) throw new AppError('VALIDATION', { issues });
  const audience = [...new Set([...accounts, ...people.map((p) => p.userId)])].sort();
  if (!audience.length) {
    throw new AppError('VALIDATION', { issues: [{ path: named.unitIds.length ? 'body.audienceUnitIds' : 'body.audiencePostIds', message: 'emergencyPlan.audienceNobody' }] });
  }
  return audience;
}

/** The local day three years on (R-EMG-1's evaluation cycle), at the start of that day. */
function threeYearsAfter(at: Date): Date {
  const [y, m, d] = localDay(at).split('-').map(Number) as [number, number, number];
  // 29 February counts as 28 February three years on.
  const day = m === 2 && d === 29 ? 28 : d;
  return startOfLocalDay(`${y + 3}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * file (备案): one filing per receiving office — the district emergency management department and the departments
 * supervising the enterprise's industry — submitted at once; fulfils the filing duty; the offices' officers are told.
 */
export function filePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'file', input.version, async ({ tx, actor, row }) => {
    const offices = await filingOfficesOf(tx, enterpriseId);
    const departments = filingOffices(offices.emergency, offices.industry);
    if (!departments.length) throw refusalError('NO_OFFICE', 'emergencyPlan.refused.noOffice');
    await insertFilings(tx, enterpriseId, id, row.current_version, departments, actor.userId, ctx.now);
    const fulfilled = await fulfilByRecord(tx, ctx, { enterpriseId, record: PLAN_FILED, recordType: PLAN, recordId: id, at: ctx.now, byPrincipal: false, subjectKey: id, note: row.title });
    return {
      note: input.note, audit: { version: row.current_version, departments, fulfilled },
      outbox: notices(await officersOf(tx, departments), 'emergency_plan.filing', 'emergencyPlan.notify.filing.title', 'emergencyPlan.notify.filing.body',
        { title: row.title }, '/emergency-plan-filings?status=pending'),
    };
  });
}

/** refile: the enterprise corrects what a returned filing asked and submits it again to the offices that returned it. */
export function refilePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'refile', input.version, async ({ tx, actor, row }) => {
    const returned = await returnedFilingIds(tx, enterpriseId, id, row.current_version);
    for (const f of returned) {
      if (!await updateFiling(tx, enterpriseId, f.id, f.version, {
        status: 'pending', return_reason: null, decided_by: null, decided_at: null, submitted_at: ctx.now, submitted_by: actor.userId, rounds: f.rounds + 1, updated_at: ctx.now,
      })) throw refusalError('STALE');
    }
    const departments = returned.map((f) => f.department_id);
    return {
      note: input.note, audit: { version: row.current_version, departments },
      outbox: notices(await officersOf(tx, departments), 'emergency_plan.filing', 'emergencyPlan.notify.filing.title', 'emergencyPlan.notify.filing.body',
        { title: row.title }, '/emergency-plan-filings?status=pending'),
    };
  });
}

/**
 * revise: a new draft version, a copy of the current one, with its cause (R-EMG-1: law, organisation, risks, resources
 * changed, a drill's findings). For a cause other than a drill (whose record opened the duty already) it opens the
 * revision duty, fulfilled when the new version is issued.
 */
export function revisePlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanReviseInput) {
  return step(db, ctx, enterpriseId, id, 'revise', input.version, async ({ tx, actor, row }) => {
    const v = await versionOf(tx, row);
    const next = row.current_version + 1;
    await insertVersion(tx, enterpriseId, id, next, {
      scope: v.scope, organisation: v.organisation, response_levels: v.response_levels, procedures: v.procedures, resources: v.resources, body: v.body,
      risk_point_ids: JSON.stringify(v.risk_point_ids), post_ids: JSON.stringify(v.post_ids), rescue_organisation: v.rescue_organisation, contacts: v.contacts,
      revision_cause: input.cause, revision_note: input.note, created_by: actor.userId, at: ctx.now,
    });
    await updatePlanRow(tx, actor.scope, enterpriseId, id, { current_version: next });
    if (input.cause !== 'drill') {
      await triggerEvent(tx, ctx, { enterpriseId, event: PLAN_REVISION_NEEDED, at: ctx.now, subjectKey: id, subjectLabel: row.title });
    }
    return { note: input.note, audit: { cause: input.cause, from: row.current_version, to: next } };
  });
}

/** What the cancelled duties' history says of a withdrawal (the district's language), before the manager's reason. */
const WITHDRAWN_NOTE = '应急预案已废止';

/**
 * withdraw (废止, R-EMG-1): a manager withdraws a plan no longer used, from any stage, for good. In the same step the
 * duties it still owes are cancelled (waived `cancelled`, kept in the duty calendar): its filing, its revision, its
 * 3-year evaluation and, for an on-site disposal plan, its half-yearly drills (R-EMG-2); what was fulfilled stays
 * fulfilled. Its filings still waiting — for an office (pending) or for the enterprise's correction (returned) — are
 * withdrawn and the offices that had one pending are told; accepted filings, read receipts and drills stay as history.
 */
export function withdrawPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: PlanWithdrawInput) {
  return step(db, ctx, enterpriseId, id, 'withdraw', input.version, async ({ tx, actor, row }) => {
    const reason = `${WITHDRAWN_NOTE}：${input.reason}`;
    let cancelled = 0;
    for (const event of [PLAN_ISSUED, PLAN_REVISION_NEEDED, PLAN_EVALUATION_DUE]) {
      cancelled += await cancelBySubject(tx, ctx, { enterpriseId, event, subjectKey: id, reason });
    }
    if (row.kind === 'onsite') cancelled += await cancelSubjectPeriods(tx, ctx, { enterpriseId, keys: [DRILL_DUTY.onsite], subjectKey: id, reason });
    // Under the plan's lock, which every office's decision takes first: no filing is decided meanwhile.
    const open = await openFilingsOfPlan(tx, enterpriseId, id);
    for (const f of open) {
      if (!await updateFiling(tx, enterpriseId, f.id, f.version, { status: 'withdrawn', updated_at: ctx.now })) throw refusalError('STALE');
    }
    const pending = [...new Set(open.filter((f) => f.status === 'pending').map((f) => f.department_id))];
    const enterprise = pending.length ? await enterpriseNameOf(tx, actor.scope, enterpriseId) : '';
    return {
      note: input.reason,
      audit: { reason: input.reason, version: row.current_version, cancelled, filings: open.map((f) => ({ id: f.id, from: f.status, department: f.department_id })) },
      outbox: notices(await officersOf(tx, pending), 'emergency_plan.filingWithdrawn', 'emergencyPlan.notify.withdrawn.title', 'emergencyPlan.notify.withdrawn.body',
        { title: row.title, enterprise, reason: input.reason }, '/emergency-plan-filings?status=withdrawn'),
    };
  });
}

// ---- read receipts ----

/** The caller confirms he read the version issued to him. */
export async function readPlan(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const p = await findPlan(tx, actor, enterpriseId, id);
    if (!p) throw notFound();
    const no = await lastIssuedNo(tx, actor, enterpriseId, id, p.current_version);
    const mine = await myReceipt(tx, enterpriseId, id, no, actor.userId);
    if (!mine) throw refusalError('NOT_ADDRESSED', 'emergencyPlan.refused.notAddressed');
    if (mine.read_at !== null) return;
    await markReceiptRead(tx, enterpriseId, id, no, actor.userId, ctx.now);
    await writeAudit(tx, ctx, { action: 'emergency_plan.read', entityType: PLAN, entityId: id, enterpriseId, after: { version: no } });
  });
  return getPlan(db, ctx, enterpriseId, id);
}

/** Who the version was issued to and who has read it (the enterprise's managers). */
export async function planReceipts(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const p = await findPlan(db, actor, enterpriseId, id);
  if (!p) throw notFound();
  if (!isEnterpriseManager(actor, enterpriseId)) throw forbidden();
  const no = await lastIssuedNo(db, actor, enterpriseId, id, p.current_version);
  const rows = await receiptsOf(db, enterpriseId, id, no);
  return {
    items: rows.map((r) => ({ userId: r.user_id, name: r.display_name, unitName: r.unit_name ?? null, readAt: r.read_at })),
    total: rows.length, read: rows.filter((r) => r.read_at !== null).length,
  };
}

// ---- yearly review and 3-year evaluation ----

/** A manager records the yearly review or the evaluation of an issued plan; the principal signs it (signAssessment). */
export async function recordAssessment(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: AssessmentInput): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (input.reviewedOn > localDay(ctx.now)) throw invalid('body.reviewedOn', 'emergencyPlan.reviewedInFuture');
  return db.transaction().execute(async (tx) => {
    const p = await findPlan(tx, actor, enterpriseId, id, { lock: true });
    if (!p) throw notFound();
    if (!mayWrite(actor, enterpriseId)) throw forbidden();
    if (p.status === 'withdrawn') throw refusalError('STATE', 'emergencyPlan.refused.withdrawn');
    if (p.issued_at === null) throw refusalError('STATE', 'emergencyPlan.refused.notIssued');
    const no = await lastIssuedNo(tx, actor, enterpriseId, id, p.current_version);
    const aid = await insertAssessment(tx, enterpriseId, {
      plan_id: id, version_no: no, kind: input.kind, reviewer: input.reviewer, reviewed_on: input.reviewedOn, changed: input.changed, reason: input.reason,
      created_by: actor.userId, created_at: ctx.now,
    });
    await writeAudit(tx, ctx, { action: 'emergency_plan.assess', entityType: ASSESSMENT, entityId: aid, enterpriseId, after: { plan: id, ...input } });
    return { id: aid };
  });
}

/**
 * The principal signs a yearly review (R-RESP-5's ten-ones item: the yearly plan review, fulfilled only by his own
 * signature) or an evaluation (R-EMG-1: fulfils the 3-year evaluation and opens the next one).
 */
export async function signAssessment(db: Db, ctx: Ctx, enterpriseId: string, id: string, assessmentId: string, body: OwnSignature): Promise<PlanDetail> {
  const actor = requireActor(ctx);
  const seen = await findPlan(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  const who = relation(actor, seen);
  if (!who.principal) throw who.manager ? refusalError('NOT_PRINCIPAL', REFUSAL_MESSAGE.NOT_PRINCIPAL) : refusalError('FORBIDDEN');
  const signer = { userId: actor.userId };
  const proof = await verifySigner(db, ctx, { enterpriseId, signer, method: body.method, password: body.password });
  await db.transaction().execute(async (tx) => {
    const p = await findPlan(tx, actor, enterpriseId, id, { lock: true });
    const a = p && await findAssessment(tx, enterpriseId, id, assessmentId, { lock: true });
    if (!p || !a) throw notFound();
    // Signing an evaluation of a withdrawn plan would open its next one: the plan is gone (R-EMG-1).
    if (p.status === 'withdrawn') throw refusalError('STATE', 'emergencyPlan.refused.withdrawn');
    if (a.signed_at !== null) throw refusalError('STATE', 'emergencyPlan.refused.assessmentSigned');
    const content = { enterpriseId, plan: id, assessment: a.id, kind: a.kind, version: a.version_no, reviewer: a.reviewer, reviewedOn: a.reviewed_on, changed: a.changed, reason: a.reason };
    const sig = await signDocument(tx, ctx, {
      enterpriseId, documentType: ASSESSMENT, documentId: a.id, documentVersion: 1, content, signer, method: body.method,
      imageAttachmentId: body.imageAttachmentId, password: body.password, device: body.device, proof,
    });
    await markAssessmentSigned(tx, enterpriseId, a.id, { content_sha256: sig.contentSha256, signature_id: sig.id, signed_by: actor.userId, signed_at: ctx.now });
    const at = startOfLocalDay(a.reviewed_on);
    const fulfilled = a.kind === 'yearly_review'
      ? await fulfilByRecord(tx, ctx, { enterpriseId, record: PLAN_REVIEWED, recordType: ASSESSMENT, recordId: a.id, at, byPrincipal: true, note: p.title })
      : await fulfilByRecord(tx, ctx, { enterpriseId, record: PLAN_EVALUATED, recordType: ASSESSMENT, recordId: a.id, at, byPrincipal: true, subjectKey: id, note: p.title });
    if (a.kind === 'evaluation' && (await emergencyRequirementsOf(tx, enterpriseId))?.threeYearEvaluation) {
      await triggerEvent(tx, ctx, { enterpriseId, event: PLAN_EVALUATION_DUE, at: threeYearsAfter(at), subjectKey: id, subjectLabel: p.title });
    }
    await writeAudit(tx, ctx, {
      action: 'emergency_plan.assessment_sign', entityType: ASSESSMENT, entityId: a.id, enterpriseId,
      after: { kind: a.kind, signatureId: sig.id, contentSha256: sig.contentSha256, fulfilled },
    });
  });
  return getPlan(db, ctx, enterpriseId, id);
}

// ---- files ----

/** The plan document (role `document`) or the review's files (`review`), attached by a manager before the version is signed. */
export async function uploadPlanFiles(db: Db, ctx: Ctx, enterpriseId: string, id: string, role: string | undefined, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const seen = await findPlan(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  if (!mayWrite(actor, enterpriseId)) throw forbidden();
  if (!role || !(PLAN_FILE_ROLES as readonly string[]).includes(role)) throw invalid('body.role', 'emergencyPlan.fileRole');
  if (files.length === 0) throw invalid('body.file', 'attachment.missing');
  const prepared = await prepareFiles('document', files, ctx.now);
  return db.transaction().execute(async (tx) => {
    const p = await findPlan(tx, actor, enterpriseId, id, { lock: true });
    if (!p) throw notFound();
    // The document goes with a draft, the review's files with a version under review; a signed version is locked.
    const open = role === 'document' ? p.status === 'draft' : p.status === 'reviewing';
    if (!open) throw refusalError('STATE', 'emergencyPlan.refused.locked');
    const stored = await storeFiles(tx, ctx, enterpriseId, 'document', prepared, { type: PLAN_FILE_OWNER, id, role });
    return stored.map((f) => f.id);
  });
}

export async function readPlanFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const planId = await planOfFile(db, enterpriseId, fileId);
  const p = planId && await findPlan(db, actor, enterpriseId, planId);
  const file = p && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

/** The workbench's plan figures for an enterprise's managers (plans.workbench.ts). */
export function planWorkCounts(db: Executor, enterpriseId: string) {
  return enterpriseWorkCounts(db, enterpriseId);
}
