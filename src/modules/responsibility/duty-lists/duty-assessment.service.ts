import { requireActor, type Actor, type Ctx } from '../../../platform/auth/actor';
import { isEnterpriseManager, requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor } from '../../../platform/db/database';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../../platform/errors';
import { currentRules, rulesVersion } from '../../../platform/rules';
import { localDay, localYear } from '../../../platform/time';
import { fulfilByRecord } from '../../obligations';
import { DUTY_ASSESSMENT_RULES } from './duty-assessment.rule-sets';
import {
  accountsOfRole, activePeople, allScoreRows, campaignOfYear, campaignProgress, findCampaign, findScoreRow, insertCampaign, listCampaignRows, markPublished,
  noticeRowVisibleTo, personCurrentLists, saveScore, scoreRows, type CampaignRow, type ScoreRow,
} from './duty-assessment.repository';
import { assessorOf, gradeOf, scoreTotals, type AssessorKind, type Grade, type GradeBands } from './duty-assessment.rules';
import type { CampaignCreate, ScoreInput, ScoresQuery } from './duty-assessment.schema';
import { enterpriseName } from './duty-list.repository';
import { guardManageDuties, itemsOf, mayManageDuties } from './duty-list.service';

/*
 * R-RESP-2: the yearly assessment campaign. Opening it for a year gives every active employee a row and names who
 * assesses them, by the org tree: the leader of a unit above the person, else the enterprise's managers; the principal
 * by the board or parent company (a manager records the result) or by himself, as the rule-set says. An assessor scores
 * each of the person's current duty items; the total as a percentage of the points gives the grade by the rule-set's
 * bands. The safety manager follows the progress; publishing posts the results for a period (公示) and fulfils the
 * yearly assessment duty (`resp.assessment`); the HR export carries them to pay and promotion.
 */

const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function bandsOf(db: Executor, enterpriseId: string, version: number): Promise<GradeBands> {
  const e = await db.selectFrom('enterprises').select('district_id').where('id', '=', enterpriseId).executeTakeFirst();
  const value = e ? await rulesVersion(db, e.district_id, DUTY_ASSESSMENT_RULES, version) : null;
  return (value ?? DUTY_ASSESSMENT_RULES.defaults).bands;
}

const emptyGrades = (): Record<Grade, number> => ({ excellent: 0, good: 0, pass: 0, fail: 0 });

function presentRow(r: ScoreRow) {
  return {
    employeeId: r.employee_id, name: r.name, unitName: r.unit_name, employmentForm: r.employment_form, postNames: r.post_names ?? [],
    isPrincipal: r.is_principal, assessorKind: r.assessor_kind, assessorName: r.assessor_name,
    total: n(r.total), maxPoints: n(r.max_points), percent: n(r.percent), grade: r.grade,
    scoredAt: r.scored_at, scoredByName: r.scored_by_name, canScore: Boolean(r.may_score),
  };
}

function summary(c: CampaignRow, progress: { total: number; scored: number }) {
  return {
    id: c.id, year: c.year, name: c.name, status: c.status, publishFrom: c.publish_from, publishTo: c.publish_to, publishedAt: c.published_at, progress,
  };
}

export async function listCampaigns(db: Db, ctx: Ctx, enterpriseId: string) {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const rows = await listCampaignRows(db, actor, enterpriseId);
  return {
    items: rows.map((c) => ({
      id: c.id, year: c.year, name: c.name, status: c.status, publishFrom: c.publish_from, publishTo: c.publish_to, publishedAt: c.published_at,
      progress: { total: Number(c.total ?? 0), scored: Number(c.scored ?? 0) },
    })),
    canCreate: mayManageDuties(actor, enterpriseId),
  };
}

async function loadCampaign(db: Executor, actor: Actor, enterpriseId: string, id: string, opts: { lock?: 'share' } = {}) {
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const c = await findCampaign(db, actor.scope, enterpriseId, id, opts);
  if (!c) throw notFound();
  return c;
}

export async function getCampaign(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const c = await loadCampaign(db, actor, enterpriseId, id);
  const { totals, byGrade, byUnit } = await campaignProgress(db, actor, enterpriseId, id);
  const grades = emptyGrades();
  for (const g of byGrade) if (g.grade) grades[g.grade] = Number(g.n);
  const today = localDay(ctx.now);
  const manage = mayManageDuties(actor, enterpriseId);
  return {
    ...summary(c, { total: Number(totals.total), scored: Number(totals.scored) }),
    ruleSetVersion: c.rule_set_version, principalAssessedBy: c.principal_assessed_by, bands: await bandsOf(db, enterpriseId, c.rule_set_version), createdAt: c.created_at,
    noticeActive: c.status === 'published' && !!c.publish_from && !!c.publish_to && c.publish_from <= today && today <= c.publish_to,
    mine: { total: Number(totals.mine_total), scored: Number(totals.mine_scored) },
    byGrade: grades,
    byUnit: byUnit.map((u) => ({ unitId: u.org_unit_id, unitName: u.unit_name, total: Number(u.total), scored: Number(u.scored) })),
    abilities: { canPublish: manage && c.status === 'open' && Number(totals.total) === Number(totals.scored), canExport: manage },
  };
}

/** Opens the campaign of a year: a row for every active employee, each with who assesses them. */
export async function createCampaign(db: Db, ctx: Ctx, enterpriseId: string, input: CampaignCreate) {
  const actor = requireActor(ctx);
  const id = await db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    if (input.year > localYear(ctx.now)) throw invalid('body.year', 'duty.assessment.futureYear');
    if (await campaignOfYear(tx, actor.scope, enterpriseId, input.year)) throw alreadyTaken('body.year', 'duty.assessment.yearTaken');
    const rules = await currentRules(tx, { enterpriseId }, DUTY_ASSESSMENT_RULES);
    const [people, principals, leaders] = await Promise.all([
      activePeople(tx, actor.scope, enterpriseId), accountsOfRole(tx, actor.scope, enterpriseId, 'enterprise_principal'), accountsOfRole(tx, actor.scope, enterpriseId, 'unit_leader'),
    ]);
    const principalOf = new Map(principals.filter((p) => p.employeeId).map((p) => [p.employeeId!, p.userId]));
    const rows = people.map((p) => {
      const principalUser = principalOf.get(p.id);
      if (principalUser) {
        const self = rules.value.principalAssessedBy === 'self';
        return { employeeId: p.id, orgUnitId: p.org_unit_id, isPrincipal: true, kind: (self ? 'self' : 'board') as AssessorKind, assessorUserId: self ? principalUser : null };
      }
      const leader = assessorOf({ employeeId: p.id, unitPath: p.path }, leaders);
      return { employeeId: p.id, orgUnitId: p.org_unit_id, isPrincipal: false, kind: (leader ? 'leader' : 'managers') as AssessorKind, assessorUserId: leader?.userId ?? null };
    });
    const name = input.name || `${input.year}年度全员安全生产责任制考核`;
    const campaignId = await insertCampaign(tx, actor.scope, enterpriseId, {
      year: input.year, name, ruleSetVersion: rules.version, principalAssessedBy: rules.value.principalAssessedBy, by: actor.userId, at: ctx.now, people: rows,
    });
    await writeAudit(tx, ctx, { action: 'duty.assessment.create', entityType: 'duty_assessment', entityId: campaignId, enterpriseId, after: { year: input.year, name, people: rows.length, ruleSetVersion: rules.version } });
    return campaignId;
  });
  return getCampaign(db, ctx, enterpriseId, id);
}

export async function listScores(db: Db, ctx: Ctx, enterpriseId: string, id: string, q: ScoresQuery) {
  const actor = requireActor(ctx);
  await loadCampaign(db, actor, enterpriseId, id);
  const page = await scoreRows(db, actor, enterpriseId, id, q);
  return { ...page, items: page.items.map((r) => presentRow(r)) };
}

type ScoreItem = { key: string; listId: string | null; listName: string; version: number | null; content: string; scope: string; criterion: string; points: number; source: string };

/**
 * What a person is scored on: each item of their current lists (their posts' and their own), keyed by list, version and
 * position. Someone with no list yet is scored on one overall item, out of 100.
 */
async function itemsToScore(db: Executor, actor: Actor, enterpriseId: string, employeeId: string): Promise<ScoreItem[]> {
  const lists = await personCurrentLists(db, actor.scope, enterpriseId, employeeId);
  const items = lists.flatMap((l) => itemsOf(l.items).map((i, index) => ({
    key: `${l.list_id}:${l.version}:${index}`, listId: l.list_id, listName: l.list_name, version: l.version,
    content: i.content, scope: i.scope, criterion: i.criterion, points: i.points, source: i.source,
  })));
  if (items.length) return items;
  return [{ key: 'overall', listId: null, listName: '', version: null, content: OVERALL_ITEM, scope: '', criterion: '', points: 100, source: '' }];
}
const OVERALL_ITEM = '全年安全生产职责履行情况（本人暂无现行岗位安全生产责任清单，总体评价）';

export async function getPerson(db: Db, ctx: Ctx, enterpriseId: string, id: string, employeeId: string) {
  const actor = requireActor(ctx);
  const c = await loadCampaign(db, actor, enterpriseId, id);
  const row = await findScoreRow(db, actor, enterpriseId, id, employeeId);
  if (!row) throw notFound();
  const stored = (row.items as (ScoreItem & { score: number })[] | null) ?? [];
  const scored = new Map<string, number>(stored.map((i) => [i.key, i.score]));
  // Published results show what was scored; while open, the items of the lists in force now, with any earlier score
  // of the same item (a list revised since starts its changed items blank).
  const items = c.status === 'published' && row.scored_at
    ? stored
    : (await itemsToScore(db, actor, enterpriseId, employeeId)).map((i) => ({ ...i, score: scored.get(i.key) ?? null }));
  return {
    ...presentRow(row), comment: row.comment,
    items: items.map((i) => ({ key: i.key, listName: i.listName, version: i.version, content: i.content, scope: i.scope, criterion: i.criterion, points: i.points, source: i.source, score: i.score ?? null })),
  };
}

/** Scores a person: one score per item of their current lists, each within its points; the grade follows. */
export async function scorePerson(db: Db, ctx: Ctx, enterpriseId: string, id: string, employeeId: string, input: ScoreInput) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    // D1: the campaign's status read under its lock, so a score is never saved after publication (publishCampaign).
    const c = await loadCampaign(tx, actor, enterpriseId, id, { lock: 'share' });
    const row = await findScoreRow(tx, actor, enterpriseId, id, employeeId, { lock: true });
    if (!row) throw notFound();
    if (!row.may_score) throw forbidden();
    if (c.status !== 'open') throw new AppError('STATE', { reason: 'PUBLISHED', messageKey: 'duty.assessment.published' });
    const items = await itemsToScore(tx, actor, enterpriseId, employeeId);
    const given = new Map(input.items.map((i) => [i.key, i.score]));
    const stranger = input.items.findIndex((i) => !items.some((x) => x.key === i.key));
    if (stranger >= 0) throw invalid(`body.items.${stranger}.key`, 'duty.assessment.itemUnknown');
    if (items.some((i) => !given.has(i.key))) throw invalid('body.items', 'duty.assessment.itemsMissing', { count: items.filter((i) => !given.has(i.key)).length });
    const over = input.items.findIndex((i) => i.score > items.find((x) => x.key === i.key)!.points);
    if (over >= 0) throw invalid(`body.items.${over}.score`, 'duty.assessment.overPoints', { points: items.find((x) => x.key === input.items[over]!.key)!.points });
    const scoredItems = items.map((i) => ({ ...i, score: given.get(i.key)! }));
    const totals = scoreTotals(scoredItems);
    const grade = gradeOf(totals.percent, await bandsOf(tx, enterpriseId, c.rule_set_version));
    await saveScore(tx, actor.scope, enterpriseId, id, employeeId, { items: scoredItems, ...totals, grade, comment: input.comment, by: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'duty.assessment.score', entityType: 'duty_assessment', entityId: id, enterpriseId,
      before: row.scored_at ? { employeeId, total: n(row.total), grade: row.grade } : null, after: { employeeId, total: totals.total, max: totals.max, percent: totals.percent, grade },
    });
  });
  return getPerson(db, ctx, enterpriseId, id, employeeId);
}

/** Posts the results for a period (公示) once every row is scored, and fulfils the yearly assessment duty. */
export async function publishCampaign(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { publishFrom: string; publishTo: string }) {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await guardManageDuties(tx, actor, enterpriseId);
    const c = await findCampaign(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!c) throw notFound();
    if (input.publishTo < input.publishFrom) throw invalid('body.publishTo', 'duty.assessment.periodOrder');
    if (c.status !== 'open') throw new AppError('STATE', { reason: 'PUBLISHED', messageKey: 'duty.assessment.published' });
    const { totals } = await campaignProgress(tx, actor, enterpriseId, id);
    const unscored = Number(totals.total) - Number(totals.scored);
    if (unscored > 0) throw new AppError('STATE', { reason: 'UNSCORED', messageKey: 'duty.assessment.unscored', params: { count: unscored } });
    await markPublished(tx, actor.scope, enterpriseId, id, { from: input.publishFrom, to: input.publishTo, by: actor.userId, at: ctx.now });
    await writeAudit(tx, ctx, { action: 'duty.assessment.publish', entityType: 'duty_assessment', entityId: id, enterpriseId, after: { year: c.year, publishFrom: input.publishFrom, publishTo: input.publishTo, people: Number(totals.total) } });
    await fulfilByRecord(tx, ctx, {
      enterpriseId, record: 'resp.assessment_published', recordType: 'duty_assessment', recordId: id, at: ctx.now,
      byPrincipal: actor.role === 'enterprise_principal' && isEnterpriseManager(actor, enterpriseId),
    });
  });
  return getCampaign(db, ctx, enterpriseId, id);
}

/**
 * The notice (公示): the published results every employee reads and prints. Before publication only those who keep
 * the assessment see it, as a preview.
 */
export async function getNotice(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  const c = await loadCampaign(db, actor, enterpriseId, id);
  if (c.status !== 'published' && !mayManageDuties(actor, enterpriseId)) throw new AppError('STATE', { reason: 'NOT_PUBLISHED', messageKey: 'duty.assessment.notPublished' });
  const rows = await allScoreRows(db, actor, enterpriseId, id, noticeRowVisibleTo(actor, 's'));
  const grades = emptyGrades();
  for (const r of rows) if (r.grade) grades[r.grade]++;
  const today = localDay(ctx.now);
  return {
    id: c.id, year: c.year, name: c.name, enterpriseName: await enterpriseName(db, actor.scope, enterpriseId), status: c.status,
    publishFrom: c.publish_from, publishTo: c.publish_to, publishedAt: c.published_at,
    active: c.status === 'published' && !!c.publish_from && !!c.publish_to && c.publish_from <= today && today <= c.publish_to,
    byGrade: grades,
    rows: rows.map((r) => ({ employeeId: r.employee_id, name: r.name, unitName: r.unit_name, postNames: r.post_names ?? [], total: n(r.total), maxPoints: n(r.max_points), percent: n(r.percent), grade: r.grade })),
  };
}

/** The rows of the HR export: every person's result, for those who keep the assessment. */
export async function exportRows(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const actor = requireActor(ctx);
  await guardManageDuties(db, actor, enterpriseId);
  const c = await loadCampaign(db, actor, enterpriseId, id);
  const rows = await allScoreRows(db, actor, enterpriseId, id);
  return { campaign: c, rows: rows.map((r) => ({ ...presentRow(r), comment: r.comment })) };
}
