import { sql } from 'kysely';
import { requireActor, type Actor, type Ctx } from '../../platform/auth/actor';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Tx } from '../../platform/db/database';
import { systemScope } from '../../platform/db/scope';
import { AppError } from '../../platform/errors';
import { loadFile, lockFiles, prepareFiles, registerAttachmentOwner, storeFiles, type AttachmentKind, type PreparedFile } from '../../platform/files/attachments';
import { officeFormatOf } from '../../platform/files/kinds';
import type { Locale } from '../../platform/i18n/messages';
import { obligationDefinition, obligationDefinitions, type ObligationDefinition, type OccurrenceStatus } from '../../platform/obligations';
import { fulfilledStatus, rateOf, type Rate } from '../../platform/obligations/obligation.rules';
import { currentRules } from '../../platform/rules';
import { localDay, localYear, addLocalDays } from '../../platform/time';
import { urgeEnterprises } from '../../platform/urge';
import {
  boardCounts, boardCountsByDimension, boardEnterprises, changeOccurrence, enterpriseStatusCounts, evidenceFiles, laggingEnterpriseIds, lockOccurrence,
  occurrenceById, occurrenceHistory, occurrenceRows, occurrenceVisibleTo, personStatusCounts, type OccurrenceFilter, type OccurrenceListRow,
} from './obligation.repository';
import { OBLIGATION_RULES } from './obligation.rule-set';
import { paramsOf } from './obligation.service';

// Evidence follows the occurrence it proves (issue 11 §2): whoever sees the occurrence sees its files.
registerAttachmentOwner('obligation', {
  visibleTo: (viewer, link) => sql`exists (select 1 from obligation_occurrences o where o.enterprise_id = ${sql.ref(`${link}.enterprise_id`)}
    and o.id = ${sql.ref(`${link}.owner_id`)} and ${occurrenceVisibleTo(viewer.scope, { userId: viewer.userId, employeeId: viewer.scope.kind === 'enterprise' ? viewer.scope.employeeId : null })})`,
});

const viewerOf = (a: Actor) => ({ userId: a.userId, employeeId: a.scope.kind === 'enterprise' ? a.scope.employeeId : null });
const OPEN: readonly OccurrenceStatus[] = ['upcoming', 'due', 'overdue'];

function isPrincipalOf(a: Actor, enterpriseId: string): boolean {
  return a.role === 'enterprise_principal' && a.scope.kind === 'enterprise' && a.scope.enterpriseId === enterpriseId;
}
function isManagerOf(a: Actor, enterpriseId: string): boolean {
  return a.scope.kind === 'enterprise' && a.scope.enterpriseId === enterpriseId && a.scope.capacity === 'manager';
}
function ownsPersonally(a: Actor, row: Pick<OccurrenceListRow, 'owner_user_id' | 'owner_employee_id'>): boolean {
  const v = viewerOf(a);
  return row.owner_user_id === v.userId || (row.owner_employee_id !== null && row.owner_employee_id === v.employeeId);
}

/**
 * Who may waive (issue 11 §1): a duty reported to a regulator only by the supervising department or the district
 * admin; an internal one only by the principal. Either way with a reason; it then leaves the rate's denominator.
 */
function mayWaive(a: Actor, row: Pick<OccurrenceListRow, 'reported_to' | 'enterprise_id'>): boolean {
  if (row.reported_to === 'internal') return isPrincipalOf(a, row.enterprise_id);
  return a.role === 'department_officer' || a.role === 'district_admin';
}

export type Abilities = { evidence: boolean; confirm: boolean; waive: boolean };

function abilitiesOf(a: Actor, row: OccurrenceListRow, def: ObligationDefinition | undefined): Abilities {
  const open = OPEN.includes(row.shown_status);
  const insider = a.scope.kind === 'enterprise' && a.scope.enterpriseId === row.enterprise_id;
  return {
    evidence: open && !!def?.evidence && insider && (isManagerOf(a, row.enterprise_id) || ownsPersonally(a, row)),
    confirm: open && row.awaiting_principal && isPrincipalOf(a, row.enterprise_id),
    waive: open && mayWaive(a, row),
  };
}

export function present(row: OccurrenceListRow, locale: Locale, a: Actor) {
  const def = obligationDefinition(row.definition_key);
  return {
    id: row.id, enterpriseId: row.enterprise_id, enterpriseName: row.enterprise_name, definitionKey: row.definition_key,
    name: def?.names[locale] ?? row.definition_key, hint: def?.hints[locale] ?? '', ruleId: row.rule_id, ruleSetVersion: row.rule_set_version,
    periodKey: row.period_key, subjectLabel: row.subject_label, owner: row.owner, reportedTo: row.reported_to,
    startsOn: row.starts_on, dueOn: row.due_on, dueProvisional: row.due_provisional, status: row.shown_status,
    fulfilledAt: row.fulfilled_at, fulfilment: row.fulfilment, recordType: row.record_type, recordId: row.record_id,
    evidenceNote: row.evidence_note, awaitingPrincipal: row.awaiting_principal, waivedReason: row.waived_reason, waivedAt: row.waived_at,
    principalOnly: !!def?.principalOnly, evidenceAllowed: !!def?.evidence,
    link: def?.link ? def.link.replaceAll('{enterpriseId}', row.enterprise_id) : null,
    version: row.version, abilities: abilitiesOf(a, row, def),
  };
}

/** The enterprise's duty calendar (month grid and list): the occurrences due in a range, filtered (issue 11 §1). */
export async function listOccurrences(db: Db, ctx: Ctx, enterpriseId: string, f: OccurrenceFilter) {
  const a = requireActor(ctx);
  const rows = await occurrenceRows(db, a.scope, viewerOf(a), enterpriseId, localDay(ctx.now), f);
  return { items: rows.map((r) => present(r, ctx.locale, a)) };
}

/**
 * "My duties" (issue 11 §1): for an enterprise person, what they owe — this month, overdue, upcoming (the next 60
 * days); the principal's duties first. For an officer, the occurrences owed by their office (none yet: interviews and
 * filings arrive with the emergency and accident issue) and the overdue figures of the scope.
 */
export async function myDuties(db: Db, ctx: Ctx) {
  const a = requireActor(ctx);
  const today = localDay(ctx.now);
  const monthStart = `${today.slice(0, 7)}-01`;
  const monthEnd = addLocalDays(`${addMonth(today.slice(0, 7))}-01`, -1);
  if (a.scope.kind !== 'enterprise') {
    const rows = await boardCounts(db, a.scope, localYear(ctx.now), 'definition_key');
    const overdue = rows.filter((r) => r.status === 'overdue').reduce((s, r) => s + r.n, 0);
    return { thisMonth: [], overdue: [], upcoming: [], scopeOverdue: overdue };
  }
  const mine = { userId: a.userId, employeeId: a.scope.employeeId, role: a.role };
  const rows = await occurrenceRows(db, a.scope, viewerOf(a), a.scope.enterpriseId, today,
    { mine, statuses: ['upcoming', 'due', 'overdue'], to: addLocalDays(today, 60) }, 500);
  const items = rows.map((r) => present(r, ctx.locale, a));
  const principalFirst = (x: (typeof items)[number], y: (typeof items)[number]) =>
    Number(y.owner === 'principal') - Number(x.owner === 'principal') || x.dueOn.localeCompare(y.dueOn);
  return {
    thisMonth: items.filter((i) => i.status === 'due' && i.dueOn >= monthStart && i.dueOn <= monthEnd).sort(principalFirst),
    overdue: items.filter((i) => i.status === 'overdue').sort(principalFirst),
    upcoming: items.filter((i) => i.status === 'upcoming' || (i.status === 'due' && i.dueOn > monthEnd)).sort(principalFirst),
    scopeOverdue: 0,
  };
}

function addMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export async function getOccurrence(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const a = requireActor(ctx);
  const row = await occurrenceById(db, a.scope, viewerOf(a), enterpriseId, id, localDay(ctx.now));
  if (!row) throw new AppError('NOT_FOUND');
  const [history, files] = await Promise.all([occurrenceHistory(db, a.scope, enterpriseId, id), evidenceFiles(db, a.scope, enterpriseId, id)]);
  return {
    ...present(row, ctx.locale, a),
    history: history.map((h) => ({ at: h.at, action: h.action, fromStatus: h.from_status, toStatus: h.to_status, note: h.note, actor: h.actor, recordType: h.record_type })),
    files: files.map((f) => ({ id: f.id, kind: f.kind, mime: f.mime, size: f.size, name: f.name, createdAt: f.created_at })),
  };
}

/** An occurrence the caller sees, under its row lock; 404 otherwise (a caller who may not see it learns nothing). */
async function lockVisible(tx: Tx, a: Actor, enterpriseId: string, id: string, now: Date) {
  const row = await lockOccurrence(tx, a.scope, enterpriseId, id);
  if (!row || !(await occurrenceById(tx, a.scope, viewerOf(a), enterpriseId, id, localDay(now)))) throw new AppError('NOT_FOUND');
  return row;
}

/** One evidence file of an occurrence the caller sees (404 otherwise), with its bytes. */
export async function evidenceFile(db: Db, ctx: Ctx, enterpriseId: string, id: string, fileId: string) {
  const a = requireActor(ctx);
  const row = await occurrenceById(db, a.scope, viewerOf(a), enterpriseId, id, localDay(ctx.now));
  const [linked] = row ? await evidenceFiles(db, a.scope, enterpriseId, id, fileId) : [];
  const file = linked && await loadFile(db, a, enterpriseId, fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/**
 * The kind of store an evidence file goes to, by its content: a photo, a PDF or Word document, an .xlsx; anything else
 * is 415. The kind then judges the file in full.
 */
function evidenceKind(buf: Buffer): AttachmentKind {
  if (buf.subarray(0, 4).toString('hex') === '89504e47' || buf.subarray(0, 3).toString('hex') === 'ffd8ff'
    || (buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP')) return 'photo';
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'document';
  const office = officeFormatOf(buf);
  if (office) return office === 'docx' ? 'document' : 'spreadsheet';
  throw new AppError('UNSUPPORTED_FILE', { messageKey: 'obligation.evidence.type', issues: [{ path: 'body.file', message: 'obligation.evidence.type' }] });
}

/**
 * Evidence fulfils a duty (issue 11 §1–2): files and a note attached to the occurrence. For a duty only the principal
 * can fulfil (R-RESP-5), evidence by anyone else waits "awaiting the principal" and counts for nothing until the
 * principal confirms it. Files that fulfil an occurrence are locked: never deleted.
 */
export async function submitEvidence(db: Db, ctx: Ctx, enterpriseId: string, id: string, input: { note: string; files: { buffer: Buffer; filename?: string }[]; version?: number }) {
  const a = requireActor(ctx);
  const prepared: PreparedFile[] = [];
  for (const f of input.files) prepared.push(...await prepareFiles(evidenceKind(f.buffer), [{ buffer: f.buffer, name: f.filename ?? '' }], ctx.now));
  await db.transaction().execute(async (tx) => {
    const row = await lockOccurrence(tx, a.scope, enterpriseId, id);
    const shown = row && (await occurrenceById(tx, a.scope, viewerOf(a), enterpriseId, id, localDay(ctx.now)));
    if (!row || !shown) throw new AppError('NOT_FOUND');
    const def = obligationDefinition(row.definition_key);
    if (!abilitiesOf(a, shown, def).evidence) {
      if (!OPEN.includes(shown.shown_status)) throw new AppError('STATE', { messageKey: 'obligation.notOpen', reason: 'NOT_OPEN' });
      throw new AppError('FORBIDDEN', { reason: def?.evidence ? 'NOT_OWNER' : 'EVIDENCE_NOT_ACCEPTED' });
    }
    if (input.version !== undefined && input.version !== row.version) throw new AppError('CONFLICT', { reason: 'STALE' });
    if (!input.files.length && !input.note.trim()) throw new AppError('VALIDATION', { issues: [{ path: 'body.file', message: 'obligation.evidence.required' }] });
    for (const p of prepared) await storeFiles(tx, ctx, enterpriseId, p.prepared.kind, [p], { type: 'obligation', id });
    const byPrincipal = isPrincipalOf(a, enterpriseId);
    const waits = !!def?.principalOnly && !byPrincipal;
    const status = waits ? row.status : fulfilledStatus(row.due_on, ctx.now);
    await changeOccurrence(tx, systemScope, row, waits
      ? { status, evidence_note: input.note, awaiting_principal: true }
      : { status, evidence_note: input.note, awaiting_principal: false, fulfilled_at: ctx.now, fulfilled_by: a.userId, fulfilment: 'evidence' },
    { at: ctx.now, actorUserId: a.userId, action: waits ? 'evidence' : 'fulfil', note: input.note || null });
    if (!waits) await lockFiles(tx, ctx, enterpriseId, { type: 'obligation', id });
    await writeAudit(tx, ctx, {
      action: waits ? 'obligation.evidence' : 'obligation.fulfil', entityType: 'obligation', entityId: id, enterpriseId,
      before: { status: row.status }, after: { status, files: input.files.length, awaitingPrincipal: waits },
    });
  });
  return getOccurrence(db, ctx, enterpriseId, id);
}

/** R-RESP-5: the principal confirms evidence someone else uploaded for a duty only the principal can fulfil. */
export async function confirmEvidence(db: Db, ctx: Ctx, enterpriseId: string, id: string) {
  const a = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockVisible(tx, a, enterpriseId, id, ctx.now);
    if (!isPrincipalOf(a, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'PRINCIPAL_ONLY' });
    if (!OPEN.includes(row.status) || !row.awaiting_principal) throw new AppError('STATE', { messageKey: 'obligation.notAwaiting', reason: 'NOT_AWAITING' });
    const status = fulfilledStatus(row.due_on, ctx.now);
    await changeOccurrence(tx, systemScope, row, { status, awaiting_principal: false, fulfilled_at: ctx.now, fulfilled_by: a.userId, fulfilment: 'evidence' },
      { at: ctx.now, actorUserId: a.userId, action: 'confirm', note: null });
    await lockFiles(tx, ctx, enterpriseId, { type: 'obligation', id });
    await writeAudit(tx, ctx, { action: 'obligation.confirm', entityType: 'obligation', entityId: id, enterpriseId, before: { status: row.status }, after: { status } });
  });
  return getOccurrence(db, ctx, enterpriseId, id);
}

export async function waiveOccurrence(db: Db, ctx: Ctx, enterpriseId: string, id: string, reason: string) {
  const a = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    const row = await lockVisible(tx, a, enterpriseId, id, ctx.now);
    if (!mayWaive(a, row)) throw new AppError('FORBIDDEN', { reason: row.reported_to === 'internal' ? 'PRINCIPAL_ONLY' : 'SUPERVISOR_ONLY' });
    if (!OPEN.includes(row.status)) throw new AppError('STATE', { messageKey: 'obligation.notOpen', reason: 'NOT_OPEN' });
    await changeOccurrence(tx, systemScope, row, { status: 'waived', waived_reason: reason, waived_by: a.userId, waived_at: ctx.now },
      { at: ctx.now, actorUserId: a.userId, action: 'waive', note: reason });
    await writeAudit(tx, ctx, { action: 'obligation.waive', entityType: 'obligation', entityId: id, enterpriseId, before: { status: row.status }, after: { status: 'waived', reason } });
  });
  return getOccurrence(db, ctx, enterpriseId, id);
}

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** 履职率 (R-RESP-5, issue 11 §1) of one enterprise for a year: overall, by rule, by owner and by person. */
export async function enterpriseRates(db: Db, ctx: Ctx, enterpriseId: string, year: number) {
  const a = requireActor(ctx);
  const { from, to } = yearRange(year);
  const today = localDay(ctx.now);
  const [rows, people] = await Promise.all([
    enterpriseStatusCounts(db, a.scope, viewerOf(a), enterpriseId, from, to, today),
    personStatusCounts(db, a.scope, viewerOf(a), enterpriseId, from, to, today),
  ]);
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => {
    const c: Partial<Record<OccurrenceStatus, number>> = {};
    for (const r of rows) if (pred(r)) c[r.status] = (c[r.status] ?? 0) + Number(r.n);
    return rateOf(c);
  };
  const keys = [...new Set(rows.map((r) => r.definition_key))];
  const byPerson = new Map<string, { name: string; counts: Partial<Record<OccurrenceStatus, number>> }>();
  for (const p of people) {
    const k = p.owner_employee_id!;
    const e = byPerson.get(k) ?? { name: p.name ?? '', counts: {} };
    e.counts[p.status] = (e.counts[p.status] ?? 0) + Number(p.n);
    byPerson.set(k, e);
  }
  return {
    year,
    overall: sum(() => true),
    principal: sum((r) => r.owner === 'principal'),
    byRule: keys.map((k) => {
      const def = obligationDefinition(k);
      return { definitionKey: k, name: def?.names[ctx.locale] ?? k, ruleId: def?.ruleId ?? '', ...sum((r) => r.definition_key === k) };
    }).sort((x, y) => x.ruleId.localeCompare(y.ruleId) || x.name.localeCompare(y.name)),
    byOwner: (['principal', 'safety_manager', 'enterprise', 'person'] as const).map((o) => ({ owner: o, ...sum((r) => r.owner === o) })).filter((r) => r.due + r.waived > 0),
    byPerson: [...byPerson].map(([employeeId, p]) => ({ employeeId, name: p.name, ...rateOf(p.counts) })),
  };
}

type Grouped = { key: string; counts: Partial<Record<OccurrenceStatus, number>> };
function group(rows: { k: string; status: OccurrenceStatus; n: number }[]): Grouped[] {
  const m = new Map<string, Grouped>();
  for (const r of rows) {
    const g = m.get(r.k) ?? { key: r.k, counts: {} };
    g.counts[r.status] = (g.counts[r.status] ?? 0) + Number(r.n);
    m.set(r.k, g);
  }
  return [...m.values()];
}

/**
 * The regulators' board (issue 11 §1): overdue occurrences and the fulfilment rate across the scope for a year, by
 * rule, by subdistrict and by industry, read from the engine's kept counts (no GROUP BY over the occurrences).
 */
export async function board(db: Db, ctx: Ctx, year: number) {
  const a = requireActor(ctx);
  const [counts, subs, inds] = await Promise.all([
    boardCountsByDimension(db, a.scope, year),
    db.selectFrom('subdistricts').select(['id', 'name']).execute(), db.selectFrom('industries').select(['code', 'name', 'name_en']).execute(),
  ]);
  const { definition_key: byDef, subdistrict_id: bySub, industry_code: byInd } = counts;
  const subName = new Map(subs.map((s) => [s.id, s.name]));
  const indName = new Map(inds.map((i) => [i.code, ctx.locale === 'en-US' ? i.name_en : i.name]));
  const line = (g: Grouped): Rate & { key: string } => ({ key: g.key, ...rateOf(g.counts) });
  const byRule = group(byDef).map((g) => {
    const def = obligationDefinition(g.key);
    return { ...line(g), name: def?.names[ctx.locale] ?? g.key, ruleId: def?.ruleId ?? '' };
  }).sort((x, y) => y.overdue - x.overdue || x.ruleId.localeCompare(y.ruleId));
  const all: Partial<Record<OccurrenceStatus, number>> = {};
  for (const r of byDef) all[r.status] = (all[r.status] ?? 0) + Number(r.n);
  return {
    year,
    total: rateOf(all),
    byRule,
    bySubdistrict: group(bySub).map((g) => ({ ...line(g), name: subName.get(g.key) ?? '' })).sort((x, y) => y.overdue - x.overdue),
    byIndustry: group(byInd).map((g) => ({ ...line(g), name: indName.get(g.key) ?? g.key })).sort((x, y) => y.overdue - x.overdue),
  };
}

export async function boardEnterpriseList(db: Db, ctx: Ctx, q: {
  year: number; subdistrictId?: string; industryCode?: string; definitionKey?: string; overdueOnly?: boolean; q?: string;
  sort: 'name' | 'overdue' | 'rate'; order: 'asc' | 'desc'; page: number; pageSize: number;
}) {
  const a = requireActor(ctx);
  const rows = await boardEnterprises(db, a.scope, q.year, localDay(ctx.now), q);
  const ratio = (n: number, d: number) => (d ? n / d : null);
  return {
    items: rows.map((r) => ({
      enterpriseId: r.id, name: r.name, subdistrictId: r.subdistrict_id, subdistrict: r.subdistrict, industryCode: r.industry_code, industry: r.industry,
      overdue: r.overdue, due: r.due, fulfilled: r.fulfilled, late: r.late, waived: r.waived,
      rate: ratio(r.fulfilled, r.due), principalRate: ratio(r.principal_fulfilled, r.principal_due),
    })),
    total: rows[0]?.total ?? 0, page: q.page, pageSize: q.pageSize,
  };
}

/** 催报 as an action on occurrences (issue 11 §1): remind the enterprises in scope whose occurrence is still open. */
export async function urgeOccurrences(db: Db, ctx: Ctx, definitionKey: string, periodKey: string) {
  const a = requireActor(ctx);
  const def = obligationDefinition(definitionKey);
  if (!def) throw new AppError('VALIDATION', { issues: [{ path: 'body.definitionKey', message: 'validation.invalid' }] });
  const enterpriseIds = await laggingEnterpriseIds(db, a.scope, definitionKey, periodKey, localDay(ctx.now));
  return urgeEnterprises(db, ctx, {
    enterpriseIds, entityType: 'obligation', entityId: `${definitionKey}:${periodKey}`, kind: 'obligation',
    titleKey: 'notify.obligation.urge.title', bodyKey: 'notify.obligation.urge.body',
    params: { duty: def.names['zh-CN'], dutyEn: def.names['en-US'], period: periodKey }, link: '/duties',
  });
}

/** The definitions in force for the caller's district: names, rule ids, cadences (the screens' filters and legends). */
export async function listDefinitions(db: Db, ctx: Ctx) {
  const rules = await currentRules(db, ctx, OBLIGATION_RULES);
  return {
    version: rules.version,
    items: obligationDefinitions().map((d) => {
      const p = paramsOf(rules.value, d);
      return {
        key: d.key, ruleId: d.ruleId, name: d.names[ctx.locale], hint: d.hints[ctx.locale], owner: d.owner, reportedTo: d.reportedTo,
        cadence: p.cadence.kind, enabled: p.enabled, evidence: d.evidence, principalOnly: !!d.principalOnly,
      };
    }).sort((x, y) => x.ruleId.localeCompare(y.ruleId) || x.key.localeCompare(y.key)),
  };
}
