import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { systemScope } from '../../../platform/db/scope';
import { AppError, forbidden, invalid, notFound, type FieldIssue } from '../../../platform/errors';
import { enqueueOutbox } from '../../../platform/outbox';
import { currentRules } from '../../../platform/rules';
import { addLocalDays, localDay } from '../../../platform/time';
import { abilitiesOf, bindWorkflow, operate, refusalError, type EffectResult } from '../../../platform/workflow';
import { fulfilByRecord, revertByRecord } from '../../obligations';
import { enterpriseAttributesOf } from '../../org';
import { postRiskCardPoints } from '../../risk';
import { mentorFlag } from './key-moment.rules';
import { mentorshipWorkflow, type MentorshipActor, type MentorshipOp, type MentorshipState, type Refusal } from './mentorship-workflow';
import {
  accountsOfEmployee, activeEmployees, deleteSkillRow, eventsOf, findMentorship, hasActiveMentorship, insertMentorship, insertMentorshipEvent,
  insertSkills, listMentorshipRows, lockSkill, newHiresWithoutMentor, postExists, selectMentorship, signSkillRow, skillsOf, updateMentorship,
  type MentorshipRow,
} from './mentorship.repository';
import type { MentorshipCreate, MentorshipDetail, MentorshipListQuery, MentorshipSummary, MentorshipUpdate, SkillInput } from './mentorship.schema';
import { KEY_MOMENT_RULES } from './key-moments.rule-sets';

/*
 * Mentoring (以师带徒, issue 11 §9, R-RESP-9), for key-industry enterprises only (RULES.md §8): a manager gives a new
 * hire a mentor, a post and a period, with the skills to learn (the post's operating procedures and its risk-notice
 * card); the mentor signs each skill off; the mentorship completes when all are signed. Starting one fulfils the hire's
 * `resp.mentoring` duty (opened when the employee was added); cancelling it reverts that.
 */

const MENTORSHIP = 'mentorship';

const REFUSAL_MESSAGE: Partial<Record<Refusal, string>> = {
  SKILLS_REQUIRED: 'mentoring.refused.skillsRequired',
  SKILLS_UNSIGNED: 'mentoring.refused.skillsUnsigned',
};

type Key = { enterpriseId: string; id: string };
type Versioned = { version?: number };

function mayManage(actor: Actor, enterpriseId: string): boolean {
  return isEnterpriseManager(actor, enterpriseId) && can(actor, 'mentoring.manage');
}

function relation(actor: Actor, row: Pick<MentorshipRow, 'enterprise_id' | 'viewer_is_mentor'>): MentorshipActor {
  return { manager: mayManage(actor, row.enterprise_id), mentor: row.viewer_is_mentor && can(actor, 'mentoring.sign') };
}

/** RULES.md §8: whether the enterprise is in a key industry under its district's rule-set in force. */
async function isKeyIndustry(db: Executor, enterpriseId: string): Promise<boolean> {
  return (await enterpriseAttributesOf(db, systemScope, enterpriseId))?.keyIndustry ?? false;
}

/** R-RESP-9 applies to key industries only: other enterprises record no mentorships (409, reason NOT_KEY_INDUSTRY). */
async function requireKeyIndustry(db: Executor, enterpriseId: string): Promise<void> {
  if (!(await isKeyIndustry(db, enterpriseId))) throw refusalError('NOT_KEY_INDUSTRY', 'mentoring.refused.notKeyIndustry');
}

const mentorshipRecord = bindWorkflow({
  workflow: mentorshipWorkflow,
  table: 'mentorships',
  key: (k: Key) => ({ enterprise_id: k.enterpriseId, id: k.id }),
  entityType: MENTORSHIP,
  entityId: (row: MentorshipRow) => row.id,
  enterpriseId: (row: MentorshipRow) => row.enterprise_id,
  select: (db, actor, k) => selectMentorship(db, actor, k.enterpriseId, k.id),
  lockOf: 'ms',
  relation,
  facts: (_db, _ctx, row) => Promise.resolve({ skills: Number(row.skill_count), unsigned: Number(row.skill_count) - Number(row.signed_count) }),
  abilityInput: {},
  history: async (tx, ctx, row, e) => insertMentorshipEvent(tx, requireActor(ctx).scope, row.enterprise_id, row.id, {
    op: e.op, from: e.from, to: e.to, actorId: requireActor(ctx).userId, at: ctx.now, note: e.note,
  }),
  messages: REFUSAL_MESSAGE,
});

// ---- presenters ----

type SummaryRow = Pick<MentorshipRow, 'id' | 'mentor_employee_id' | 'apprentice_employee_id' | 'post_id' | 'starts_on' | 'ends_on' | 'status'
  | 'mentor_name' | 'apprentice_name' | 'post_name'> & { mentor_unit: string | null; apprentice_unit: string | null; skill_count: unknown; signed_count: unknown };

function presentSummary(r: SummaryRow, today: string): MentorshipSummary {
  return {
    id: r.id,
    mentor: { employeeId: r.mentor_employee_id, name: r.mentor_name, unitName: r.mentor_unit },
    apprentice: { employeeId: r.apprentice_employee_id, name: r.apprentice_name, unitName: r.apprentice_unit },
    postId: r.post_id, postName: r.post_name ?? null, startsOn: r.starts_on, endsOn: r.ends_on, status: r.status,
    skills: Number(r.skill_count), signedSkills: Number(r.signed_count), overdue: r.status === 'active' && r.ends_on < today,
  };
}

export async function getMentorship(db: Executor, ctx: Ctx, enterpriseId: string, id: string): Promise<MentorshipDetail> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const m = await findMentorship(db, actor, enterpriseId, id);
  if (!m) throw notFound();
  const [skills, events, abilities] = await Promise.all([
    skillsOf(db, actor, enterpriseId, id), eventsOf(db, actor, enterpriseId, id), abilitiesOf(db, ctx, mentorshipRecord, m),
  ]);
  const who = relation(actor, m);
  const active = m.status === 'active';
  return {
    ...presentSummary(m, localDay(ctx.now)),
    enterpriseId, note: m.note, cancelReason: m.cancel_reason, completedAt: m.completed_at, version: m.version,
    createdByName: m.created_by_name ?? null, createdAt: m.created_at,
    skillList: skills.map((s) => ({
      id: s.id, kind: s.kind, title: s.title, riskPointId: s.risk_point_id, signedAt: s.signed_at, signedByName: s.signed_by_name ?? null,
      recordedByName: s.recorded_by_name ?? null,
      abilities: { sign: active && s.signed_at === null && (who.mentor || who.manager), remove: active && s.signed_at === null && who.manager },
    })),
    // The history holds only 'start' and the workflow's operations: this module alone writes it.
    events: events.map((e) => ({ op: e.op as MentorshipOp | 'start', from: e.from_status, to: e.to_status, actorName: e.display_name, at: e.at, note: e.note })),
    abilities: { ...abilities, addSkill: active && who.manager },
  };
}

export async function listMentorships(db: Db, ctx: Ctx, enterpriseId: string, q: MentorshipListQuery) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const applies = await isKeyIndustry(db, enterpriseId);
  const page = await listMentorshipRows(db, actor, enterpriseId, q);
  const today = localDay(ctx.now);
  return { ...page, items: page.items.map((r) => presentSummary(r, today)), applies, canManage: applies && mayManage(actor, enterpriseId) };
}

/** R-RESP-9: new hires (within the rule-set's window) without an active or completed mentorship, flagged after N days. */
export async function listNewHires(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rules = (await currentRules(db, { enterpriseId }, KEY_MOMENT_RULES)).value;
  const applies = await isKeyIndustry(db, enterpriseId);
  const today = localDay(ctx.now);
  const rows = applies ? await newHiresWithoutMentor(db, actor, enterpriseId, addLocalDays(today, -rules.newHireWindowDays)) : [];
  return {
    applies, noticeDays: rules.mentorNoticeDays, windowDays: rules.newHireWindowDays,
    items: rows.map((r) => ({ employeeId: r.id, name: r.name, unitName: r.unit_name ?? null, hireDate: r.hire_date!, ...mentorFlag(r.hire_date!, today, rules.mentorNoticeDays) })),
  };
}

/** R-RESP-9: the skills a post's mentor signs off: its operating procedures and the risk points on its risk-notice card. */
export async function skillSuggestions(db: Db, ctx: Ctx, enterpriseId: string, postId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const card = await postRiskCardPoints(db, actor.scope, enterpriseId, postId);
  if (!card) throw notFound();
  return {
    post: card.post,
    items: [
      { kind: 'procedure' as const, title: `${card.post.name}岗位安全操作规程`, riskPointId: null },
      ...card.points.map((p) => ({ kind: 'risk_card' as const, title: `岗位风险告知卡：${p.code} ${p.name}`, riskPointId: p.id })),
    ],
  };
}

// ---- starting and editing ----

/** The people, post and period of a mentorship, checked (400 at the field otherwise). */
async function checkPeople(tx: Tx, enterpriseId: string, v: { mentor: string; apprentice: string; postId: string | null; startsOn: string; endsOn: string }) {
  const issues: FieldIssue[] = [];
  const active = await activeEmployees(tx, systemScope, enterpriseId, [v.mentor, v.apprentice]);
  if (!active.has(v.mentor)) issues.push({ path: 'body.mentorEmployeeId', message: 'mentoring.employeeUnknown' });
  if (!active.has(v.apprentice)) issues.push({ path: 'body.apprenticeEmployeeId', message: 'mentoring.employeeUnknown' });
  if (v.mentor === v.apprentice) issues.push({ path: 'body.mentorEmployeeId', message: 'mentoring.samePerson' });
  if (v.postId !== null && !(await postExists(tx, systemScope, enterpriseId, v.postId))) issues.push({ path: 'body.postId', message: 'mentoring.postUnknown' });
  if (v.endsOn < v.startsOn) issues.push({ path: 'body.endsOn', message: 'mentoring.endsBeforeStart' });
  if (issues.length) throw new AppError('VALIDATION', { issues });
  return active;
}

/** startMentorship: a manager gives a new hire a mentor; the hire's `resp.mentoring` duty is fulfilled in the same transaction. */
export async function startMentorship(db: Db, ctx: Ctx, enterpriseId: string, input: MentorshipCreate): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManage(actor, enterpriseId)) throw forbidden();
  await requireKeyIndustry(db, enterpriseId);
  return db.transaction().execute(async (tx) => {
    const people = await checkPeople(tx, enterpriseId, {
      mentor: input.mentorEmployeeId, apprentice: input.apprenticeEmployeeId, postId: input.postId, startsOn: input.startsOn, endsOn: input.endsOn,
    });
    if (await hasActiveMentorship(tx, systemScope, enterpriseId, input.apprenticeEmployeeId)) throw invalid('body.apprenticeEmployeeId', 'mentoring.alreadyMentored');
    const id = await insertMentorship(tx, actor.scope, enterpriseId, {
      mentor_employee_id: input.mentorEmployeeId, apprentice_employee_id: input.apprenticeEmployeeId, post_id: input.postId,
      starts_on: input.startsOn, ends_on: input.endsOn, note: input.note,
    }, { by: actor.userId, at: ctx.now });
    await insertSkills(tx, actor.scope, enterpriseId, id, input.skills, ctx.now);
    const fulfilled = await fulfilByRecord(tx, ctx, {
      enterpriseId, record: 'mentorship.started', recordType: MENTORSHIP, recordId: id, at: ctx.now, byPrincipal: false,
      subjectKey: input.apprenticeEmployeeId, note: people.get(input.apprenticeEmployeeId)?.name,
    });
    await writeAudit(tx, ctx, {
      action: 'mentorship.start', entityType: MENTORSHIP, entityId: id, enterpriseId,
      after: { mentorEmployeeId: input.mentorEmployeeId, apprenticeEmployeeId: input.apprenticeEmployeeId, postId: input.postId,
        startsOn: input.startsOn, endsOn: input.endsOn, skills: input.skills.length, fulfilled },
    });
    const mentors = (await accountsOfEmployee(tx, systemScope, enterpriseId, input.mentorEmployeeId)).filter((u) => u !== actor.userId);
    await enqueueOutbox(tx, mentors.map((userId) => ({ topic: 'notify' as const, payload: {
      userId, kind: 'mentoring.assigned', titleKey: 'mentoring.notify.assigned.title', bodyKey: 'mentoring.notify.assigned.body',
      params: { apprentice: people.get(input.apprenticeEmployeeId)?.name ?? '' }, link: `/enterprises/${enterpriseId}/mentoring/${id}`,
    } })));
    return { id };
  });
}

async function step(db: Db, ctx: Ctx, enterpriseId: string, id: string, op: MentorshipOp, version: number | undefined,
  effect: (c: { tx: Tx; actor: Actor; row: MentorshipRow; from: MentorshipState }) => Promise<EffectResult | void>): Promise<MentorshipDetail> {
  await operate(db, ctx, mentorshipRecord, { enterpriseId, id }, op, { input: {}, expectedVersion: version }, ({ tx, actor, row, from }) => effect({ tx, actor, row, from }));
  return getMentorship(db, ctx, enterpriseId, id);
}

/** updateMentorship: a manager changes the mentor, the post, the period or the note of an active mentorship. */
export function editMentorship(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: MentorshipUpdate) {
  return step(db, ctx, enterpriseId, id, 'update', input.version, async ({ tx, actor, row }) => {
    const next = {
      mentor: input.mentorEmployeeId ?? row.mentor_employee_id, apprentice: row.apprentice_employee_id,
      postId: input.postId === undefined ? row.post_id : input.postId, startsOn: input.startsOn ?? row.starts_on, endsOn: input.endsOn ?? row.ends_on,
    };
    await checkPeople(tx, enterpriseId, next);
    await updateMentorship(tx, actor.scope, enterpriseId, id, {
      mentor_employee_id: next.mentor, post_id: next.postId, starts_on: next.startsOn, ends_on: next.endsOn, note: input.note ?? row.note,
    });
    return {
      audit: {
        before: { mentorEmployeeId: row.mentor_employee_id, postId: row.post_id, startsOn: row.starts_on, endsOn: row.ends_on },
        after: { mentorEmployeeId: next.mentor, postId: next.postId, startsOn: next.startsOn, endsOn: next.endsOn },
      },
    };
  });
}

/** completeMentorship: the mentor or a manager ends the period once every skill is signed off. */
export function completeMentorship(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'complete', input.version, async ({ tx, actor }) => {
    await updateMentorship(tx, actor.scope, enterpriseId, id, { completed_at: ctx.now });
    return { note: input.note };
  });
}

/** cancelMentorship: a manager cancels it with a reason; the hire's mentoring duty is open again (reverted). */
export function cancelMentorship(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { reason: string } & Versioned) {
  return step(db, ctx, enterpriseId, id, 'cancel', input.version, async ({ tx, actor }) => {
    await updateMentorship(tx, actor.scope, enterpriseId, id, { cancel_reason: input.reason });
    const reverted = await revertByRecord(tx, ctx, { enterpriseId, recordType: MENTORSHIP, recordId: id, reason: input.reason });
    return { note: input.reason, audit: { reason: input.reason, reverted } };
  });
}

// ---- skills ----

/** A step on one skill of an active mentorship, under the mentorship's lock. */
async function onSkills<T>(db: Db, ctx: Ctx, enterpriseId: string, id: string, run: (c: { tx: Tx; actor: Actor; row: MentorshipRow; who: MentorshipActor }) => Promise<T>): Promise<T> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const seen = await findMentorship(db, actor, enterpriseId, id);
  if (!seen) throw notFound();
  const who = relation(actor, seen);
  if (!who.manager && !who.mentor) throw forbidden();
  return db.transaction().execute(async (tx) => {
    const row = await findMentorship(tx, actor, enterpriseId, id, { lock: true });
    if (!row) throw notFound();
    if (row.status !== 'active') throw refusalError('STATE', 'mentoring.refused.notActive');
    return run({ tx, actor, row, who: relation(actor, row) });
  });
}

/** addSkill: a manager adds a skill to learn (a procedure, a point of the post's risk card, another). */
export async function addSkill(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: SkillInput): Promise<MentorshipDetail> {
  await onSkills(db, ctx, enterpriseId, id, async ({ tx, actor, who }) => {
    if (!who.manager) throw forbidden();
    const [skillId] = await insertSkills(tx, actor.scope, enterpriseId, id, [input], ctx.now);
    await writeAudit(tx, ctx, { action: 'mentorship.skill_add', entityType: MENTORSHIP, entityId: id, enterpriseId, after: { skill: skillId, kind: input.kind, title: input.title } });
  });
  return getMentorship(db, ctx, enterpriseId, id);
}

/** signSkill (R-RESP-9): the mentor signs a skill off (a manager may record the mentor's sign-off, named as his). */
export async function signSkill(db: Db, ctx: Ctx, enterpriseId: string, id: string, skillId: string): Promise<MentorshipDetail> {
  await onSkills(db, ctx, enterpriseId, id, async ({ tx, actor, row }) => {
    const skill = await lockSkill(tx, actor.scope, enterpriseId, id, skillId);
    if (!skill) throw notFound();
    if (skill.signed_at !== null) throw refusalError('SKILL_SIGNED', 'mentoring.refused.skillSigned');
    await signSkillRow(tx, actor.scope, enterpriseId, skillId, { employeeId: row.mentor_employee_id, userId: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'mentorship.skill_sign', entityType: MENTORSHIP, entityId: id, enterpriseId,
      after: { skill: skillId, title: skill.title, mentorEmployeeId: row.mentor_employee_id, byMentor: row.viewer_is_mentor },
    });
  });
  return getMentorship(db, ctx, enterpriseId, id);
}

/** removeSkill: a manager takes off a skill not yet signed (a signed one is a record). */
export async function removeSkill(db: Db, ctx: Ctx, enterpriseId: string, id: string, skillId: string): Promise<MentorshipDetail> {
  await onSkills(db, ctx, enterpriseId, id, async ({ tx, actor, who }) => {
    if (!who.manager) throw forbidden();
    const skill = await lockSkill(tx, actor.scope, enterpriseId, id, skillId);
    if (!skill) throw notFound();
    if (skill.signed_at !== null) throw refusalError('SKILL_SIGNED', 'mentoring.refused.skillSigned');
    await deleteSkillRow(tx, actor.scope, enterpriseId, skillId);
    await writeAudit(tx, ctx, { action: 'mentorship.skill_remove', entityType: MENTORSHIP, entityId: id, enterpriseId, before: { skill: skillId, title: skill.title } });
  });
  return getMentorship(db, ctx, enterpriseId, id);
}
