import { z } from 'zod';
import type { Actor, Ctx } from '../../../platform/auth/actor';
import { can, requireActor } from '../../../platform/auth/actor';
import { isEnterpriseManager } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import type { Db, Executor, Tx } from '../../../platform/db/database';
import { AppError, invalid, notFound } from '../../../platform/errors';
import { deleteFile, loadFile, prepareFiles, storeFiles, type NewFile } from '../../../platform/files/attachments';
import { t, type Locale } from '../../../platform/i18n/messages';
import { currentRules } from '../../../platform/rules';
import { localDay } from '../../../platform/time';
import { openQualificationDuties, reconcileQualificationDuties } from '../certificates/certificates.service';
import {
  certificateTaken, deleteDepartment, deleteItem, departmentOf, engagementsOf, engineersOf, enterpriseFacts, fileIdsOf, findEngagement, findEngineer, findStaff,
  insertEngagement, insertEngineer, insertStaff, organisationFiles, overviewPage, ownerOfFile, rosterEmployee, staffOf, updateEngagement, updateEngineer,
  updateStaff, upsertDepartment,
  type EngagementRow, type EngineerRow, type StaffRow,
} from './staffing.repository';
import { STAFFING_FILE_OWNERS, type StaffingFileOwner } from './staffing.policy';
import { STAFFING_RULES } from './staffing.rule-sets';
import { checkStaffing, shortfallText, type Shortfall, type StaffingCheck, type StaffingFacts, type StaffingRules } from './staffing.rules';
import type {
  DepartmentInput, EngagementInput, EngagementPatch, EngineerInput, EngineerPatch, StaffingOverview, StaffingOverviewQuery, StaffingView, StaffInput, StaffPatch,
} from './staffing.schema';

/*
 * R-TEAM-1/2, issue 12 §1: the enterprise's safety organisation and the staffing check. The check is computed on every
 * read from the roster and the records (nothing cached), so it follows headcount and staff changes at once. Staff and
 * engineers are employees of the roster; one who has left stays listed but no longer counts. Outsourced safety
 * management is recorded and shown, and never counts (R-TEAM-1).
 */

type Facts = NonNullable<Awaited<ReturnType<typeof enterpriseFacts>>>;
const OWNER_TYPES = Object.values(STAFFING_FILE_OWNERS);

/** The principal and safety managers of the enterprise, and the district admin (who corrects any enterprise's data). */
function mayManage(actor: Actor, enterpriseId: string): boolean {
  return can(actor, 'staffing.manage') && (isEnterpriseManager(actor, enterpriseId) || actor.scope.kind === 'district');
}

function requireManager(actor: Actor, enterpriseId: string) {
  if (!mayManage(actor, enterpriseId)) throw new AppError('FORBIDDEN', { reason: 'NOT_MANAGER', messageKey: 'staffing.refused.notManager' });
}

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string): Promise<Facts> {
  const e = await enterpriseFacts(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

const counts = (staff: StaffRow[], engineers: EngineerRow[], today: string) => ({
  fullTime: staff.filter((s) => s.employee_status === 'active' && s.kind === 'full_time').length,
  partTime: staff.filter((s) => s.employee_status === 'active' && s.kind === 'part_time').length,
  engineers: engineers.filter((g) => g.employee_status === 'active' && g.valid_until >= today).length,
});

export function shortfallsFor(list: Shortfall[], locale: Locale) {
  return list.map((s) => ({ ...s, text: shortfallText(s, locale) }));
}

function basisText(check: StaffingCheck, e: { industry_name: string; headcount: number }, rules: StaffingRules, locale: Locale): string {
  return t(locale, `staffing.basis.${check.teamBasis}`, { industry: e.industry_name, headcount: e.headcount, threshold: rules.sizeThreshold });
}

/** The enterprise's safety organisation, headcount (roster and declared) and the R-TEAM-1/2 check. */
export async function getStaffing(db: Db, ctx: Ctx, enterpriseId: string): Promise<StaffingView> {
  const actor = requireActor(ctx);
  const e = await enterpriseOf(db, actor, enterpriseId);
  const today = localDay(ctx.now);
  const [rules, department, staff, engineers, engagements, files] = await Promise.all([
    currentRules(db, { enterpriseId }, STAFFING_RULES), departmentOf(db, actor.scope, enterpriseId), staffOf(db, actor.scope, enterpriseId),
    engineersOf(db, actor.scope, enterpriseId), engagementsOf(db, actor.scope, enterpriseId), organisationFiles(db, actor.scope, enterpriseId, OWNER_TYPES),
  ]);
  const filesOf = (type: string, id: string) => files.filter((f) => f.owner_type === type && f.owner_id === id)
    .map((f) => ({ id: f.id, name: f.name ?? '', mime: f.mime, size: Number(f.size) }));
  const counted = counts(staff, engineers, today);
  const facts: StaffingFacts = { industryCode: e.industry_code, hazardousGoodsCarrier: e.hazardous_goods_carrier, headcount: e.headcount, department: !!department, ...counted };
  const check = checkStaffing(rules.value, facts);
  return {
    enterprise: { id: e.id, name: e.name, industryCode: e.industry_code, industryName: e.industry_name, hazardousGoodsCarrier: e.hazardous_goods_carrier },
    headcount: e.headcount, declaredHeadcount: e.employee_count,
    department: department
      ? { name: department.name, documentNo: department.document_no, establishedOn: department.established_on, note: department.note, files: filesOf(STAFFING_FILE_OWNERS.department, enterpriseId), version: department.version }
      : null,
    staff: staff.map((s) => ({
      id: s.id, employeeId: s.employee_id, employeeName: s.employee_name, orgUnitName: s.org_unit_name, employeeActive: s.employee_status === 'active',
      kind: s.kind, appointmentNo: s.appointment_no, appointedOn: s.appointed_on, duties: s.duties, files: filesOf(STAFFING_FILE_OWNERS.staff, s.id), counted: s.employee_status === 'active', version: s.version,
    })),
    engineers: engineers.map((g) => ({
      id: g.id, employeeId: g.employee_id, employeeName: g.employee_name, orgUnitName: g.org_unit_name, employeeActive: g.employee_status === 'active',
      certificateNo: g.certificate_no, specialty: g.specialty, validUntil: g.valid_until,
      counted: g.employee_status === 'active' && g.valid_until >= today, expired: g.valid_until < today, version: g.version,
    })),
    engagements: engagements.map((x: EngagementRow) => ({
      id: x.id, institutionName: x.institution_name, services: x.services, contractNo: x.contract_no, startsOn: x.starts_on, endsOn: x.ends_on,
      current: x.starts_on <= today && (x.ends_on === null || x.ends_on >= today), files: filesOf(STAFFING_FILE_OWNERS.engagement, x.id), version: x.version,
    })),
    check: {
      compliant: check.compliant, teamBasis: check.teamBasis, basisText: basisText(check, e, rules.value, ctx.locale), required: check.required,
      counted: { department: !!department, ...counted }, shortfalls: shortfallsFor(check.shortfalls, ctx.locale), ruleSetVersion: rules.version,
    },
    abilities: { canManage: mayManage(actor, enterpriseId) },
  };
}

/** A write of the organisation: scope (404), then the manager's permission (403), in one transaction with its audit. */
async function write(db: Db, ctx: Ctx, enterpriseId: string, run: (tx: Tx, actor: Actor) => Promise<void>): Promise<StaffingView> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    requireManager(actor, enterpriseId);
    await run(tx, actor);
  });
  return getStaffing(db, ctx, enterpriseId);
}

const stale = () => new AppError('CONFLICT', { reason: 'STALE' });

/** A record's documents go with it (each delete audited by the platform). */
async function deleteFilesOf(tx: Tx, ctx: Ctx, enterpriseId: string, ownerType: string, ownerId: string) {
  for (const id of await fileIdsOf(tx, enterpriseId, ownerType, ownerId)) await deleteFile(tx, ctx, enterpriseId, id);
}

/** A scanned document is a PDF or a photo of the paper. */
const scanKind = (buf: Buffer) => (buf.subarray(0, 5).toString('latin1') === '%PDF-' ? 'document' as const : 'photo' as const);

/**
 * Attaches documents to the department (set-up document), a safety officer (appointment document) or an engagement
 * (service contract): PDFs or photos of the paper, judged before the transaction, stored with the record under its lock.
 */
export async function uploadStaffingFiles(db: Db, ctx: Ctx, enterpriseId: string, owner: string | undefined, ownerId: string | undefined, files: NewFile[]): Promise<string[]> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  requireManager(actor, enterpriseId);
  if (!owner || !(owner in STAFFING_FILE_OWNERS)) throw invalid('body.owner', 'staffing.fileOwner');
  const kind = owner as StaffingFileOwner;
  if (kind !== 'department' && !z.uuid().safeParse(ownerId).success) throw invalid('body.ownerId', 'staffing.fileOwner');
  if (files.length === 0) throw invalid('body.file', 'attachment.missing');
  const byKind = { document: files.filter((f) => scanKind(f.buffer) === 'document'), photo: files.filter((f) => scanKind(f.buffer) === 'photo') };
  const prepared = {
    document: byKind.document.length ? await prepareFiles('document', byKind.document, ctx.now) : [],
    photo: byKind.photo.length ? await prepareFiles('photo', byKind.photo, ctx.now) : [],
  };
  return db.transaction().execute(async (tx) => {
    const id = kind === 'department' ? enterpriseId : ownerId!;
    const found = kind === 'department' ? await departmentOf(tx, actor.scope, enterpriseId, { lock: true })
      : kind === 'staff' ? await findStaff(tx, actor.scope, enterpriseId, id, { lock: true })
        : await findEngagement(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!found) throw notFound();
    const owned = { type: STAFFING_FILE_OWNERS[kind], id };
    const stored = [
      ...(prepared.document.length ? await storeFiles(tx, ctx, enterpriseId, 'document', prepared.document, owned) : []),
      ...(prepared.photo.length ? await storeFiles(tx, ctx, enterpriseId, 'photo', prepared.photo, owned) : []),
    ];
    return stored.map((f) => f.id);
  });
}

/** A document of the organisation, if the caller reads the organisation. */
export async function readStaffingFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string) {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const owner = await ownerOfFile(db, actor.scope, enterpriseId, fileId, OWNER_TYPES);
  const file = owner && await loadFile(db, actor, enterpriseId, fileId);
  if (!file) throw notFound();
  return file;
}

export async function deleteStaffingFile(db: Db, ctx: Ctx, enterpriseId: string, fileId: string): Promise<void> {
  const actor = requireActor(ctx);
  await db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    const owner = await ownerOfFile(tx, actor.scope, enterpriseId, fileId, OWNER_TYPES);
    if (!owner) throw notFound();
    requireManager(actor, enterpriseId);
    await deleteFile(tx, ctx, enterpriseId, fileId, { actor });
  });
}

/** Sets up or edits the safety department (安全生产管理机构). */
export async function saveDepartment(db: Db, ctx: Ctx, enterpriseId: string, input: DepartmentInput): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const before = await departmentOf(tx, actor.scope, enterpriseId, { lock: true });
    if (before && input.version !== undefined && input.version !== before.version) throw stale();
    const row = {
      name: input.name, document_no: input.documentNo ?? before?.document_no ?? '', note: input.note ?? before?.note ?? '',
      established_on: input.establishedOn === undefined ? before?.established_on ?? null : input.establishedOn,
    };
    await upsertDepartment(tx, actor.scope, enterpriseId, row, ctx.now);
    await writeAudit(tx, ctx, { action: 'staffing.department.save', entityType: 'safety_department', entityId: enterpriseId, enterpriseId, before: before ?? null, after: row });
  });
}

export async function removeDepartment(db: Db, ctx: Ctx, enterpriseId: string): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const before = await departmentOf(tx, actor.scope, enterpriseId, { lock: true });
    if (!before) throw notFound();
    await deleteFilesOf(tx, ctx, enterpriseId, STAFFING_FILE_OWNERS.department, enterpriseId);
    await deleteDepartment(tx, enterpriseId);
    await writeAudit(tx, ctx, { action: 'staffing.department.delete', entityType: 'safety_department', entityId: enterpriseId, enterpriseId, before });
  });
}

/** The person named must be on the enterprise's roster and still active. */
async function activeEmployee(tx: Tx, enterpriseId: string, employeeId: string) {
  const em = await rosterEmployee(tx, enterpriseId, employeeId);
  if (!em) throw invalid('body.employeeId', 'staffing.employeeNotFound');
  if (em.status !== 'active') throw invalid('body.employeeId', 'staffing.employeeLeft');
  return em;
}

/** Appoints a safety officer (full-time 专职 or part-time 兼职) from the roster, with the appointment document. */
export async function appointStaff(db: Db, ctx: Ctx, enterpriseId: string, input: StaffInput): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    await activeEmployee(tx, enterpriseId, input.employeeId);
    const row = { kind: input.kind, appointment_no: input.appointmentNo ?? '', appointed_on: input.appointedOn ?? null, duties: input.duties ?? '' };
    const id = await insertStaff(tx, actor.scope, enterpriseId, input.employeeId, row, ctx.now);
    if (!id) throw invalid('body.employeeId', 'staffing.staffExists');
    await writeAudit(tx, ctx, { action: 'staffing.staff.create', entityType: 'safety_staff', entityId: id, enterpriseId, after: { employeeId: input.employeeId, ...row } });
    // R-TRN-2: an officer appointed without the safety qualification owes it within the months, from today.
    await openQualificationDuties(tx, ctx, enterpriseId, [input.employeeId]);
  });
}

export async function editStaff(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: StaffPatch): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findStaff(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    if (r.version !== patch.version) throw stale();
    const before = { kind: r.kind, appointment_no: r.appointment_no, appointed_on: r.appointed_on, duties: r.duties };
    const after = {
      kind: patch.kind ?? r.kind, appointment_no: patch.appointmentNo ?? r.appointment_no, duties: patch.duties ?? r.duties,
      appointed_on: patch.appointedOn === undefined ? r.appointed_on : patch.appointedOn,
    };
    if (!(await updateStaff(tx, enterpriseId, id, r.version, after, ctx.now))) throw stale();
    await writeAudit(tx, ctx, { action: 'staffing.staff.update', entityType: 'safety_staff', entityId: id, enterpriseId, before, after });
    // A corrected appointment date moves the qualification's due day (the duty for the old day is withdrawn).
    if (after.appointed_on !== before.appointed_on) await openQualificationDuties(tx, ctx, enterpriseId, [r.employee_id]);
  });
}

export async function removeStaff(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findStaff(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    await deleteFilesOf(tx, ctx, enterpriseId, STAFFING_FILE_OWNERS.staff, id);
    await deleteItem(tx, 'safety_staff', enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'staffing.staff.delete', entityType: 'safety_staff', entityId: id, enterpriseId, before: { employeeId: r.employee_id, kind: r.kind, appointmentNo: r.appointment_no } });
    // R-TRN-2: no longer an officer, he no longer owes the qualification as one (unless he still is one another way).
    await reconcileQualificationDuties(tx, ctx, enterpriseId, r.employee_id);
  });
}

/** Registers a registered safety engineer (注册安全工程师) of the roster: certificate number, specialty, validity. */
export async function addEngineer(db: Db, ctx: Ctx, enterpriseId: string, input: EngineerInput): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    await activeEmployee(tx, enterpriseId, input.employeeId);
    if (await certificateTaken(tx, enterpriseId, input.certificateNo)) throw invalid('body.certificateNo', 'staffing.certificateTaken');
    const row = { certificate_no: input.certificateNo, specialty: input.specialty, valid_until: input.validUntil };
    const id = await insertEngineer(tx, actor.scope, enterpriseId, input.employeeId, row, ctx.now);
    if (!id) throw invalid('body.employeeId', 'staffing.engineerExists');
    await writeAudit(tx, ctx, { action: 'staffing.engineer.create', entityType: 'safety_engineer', entityId: id, enterpriseId, after: { employeeId: input.employeeId, ...row } });
  });
}

export async function editEngineer(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: EngineerPatch): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findEngineer(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    if (r.version !== patch.version) throw stale();
    const before = { certificate_no: r.certificate_no, specialty: r.specialty, valid_until: r.valid_until };
    const after = { certificate_no: patch.certificateNo ?? r.certificate_no, specialty: patch.specialty ?? r.specialty, valid_until: patch.validUntil ?? r.valid_until };
    if (after.certificate_no !== r.certificate_no && await certificateTaken(tx, enterpriseId, after.certificate_no, id)) throw invalid('body.certificateNo', 'staffing.certificateTaken');
    if (!(await updateEngineer(tx, enterpriseId, id, r.version, after, ctx.now))) throw stale();
    await writeAudit(tx, ctx, { action: 'staffing.engineer.update', entityType: 'safety_engineer', entityId: id, enterpriseId, before, after });
  });
}

export async function removeEngineer(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findEngineer(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    await deleteItem(tx, 'safety_engineers', enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'staffing.engineer.delete', entityType: 'safety_engineer', entityId: id, enterpriseId, before: { employeeId: r.employee_id, certificateNo: r.certificate_no } });
  });
}

/** Records an outsourced safety-management engagement: shown, never counted as the department or staff (R-TEAM-1). */
export async function addEngagement(db: Db, ctx: Ctx, enterpriseId: string, input: EngagementInput): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const row = {
      institution_name: input.institutionName, services: input.services ?? '', contract_no: input.contractNo ?? '', starts_on: input.startsOn, ends_on: input.endsOn ?? null,
    };
    const id = await insertEngagement(tx, actor.scope, enterpriseId, row, ctx.now);
    await writeAudit(tx, ctx, { action: 'staffing.engagement.create', entityType: 'safety_service_engagement', entityId: id, enterpriseId, after: row });
  });
}

export async function editEngagement(db: Db, ctx: Ctx, enterpriseId: string, id: string, patch: EngagementPatch): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findEngagement(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    if (r.version !== patch.version) throw stale();
    const before = { institution_name: r.institution_name, services: r.services, contract_no: r.contract_no, starts_on: r.starts_on, ends_on: r.ends_on };
    const after = {
      institution_name: patch.institutionName ?? r.institution_name, services: patch.services ?? r.services, contract_no: patch.contractNo ?? r.contract_no,
      starts_on: patch.startsOn ?? r.starts_on, ends_on: patch.endsOn === undefined ? r.ends_on : patch.endsOn,
    };
    if (after.ends_on !== null && after.ends_on < after.starts_on) throw invalid('body.endsOn', 'staffing.endsBeforeStart');
    if (!(await updateEngagement(tx, enterpriseId, id, r.version, after, ctx.now))) throw stale();
    await writeAudit(tx, ctx, { action: 'staffing.engagement.update', entityType: 'safety_service_engagement', entityId: id, enterpriseId, before, after });
  });
}

export async function removeEngagement(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<StaffingView> {
  return write(db, ctx, enterpriseId, async (tx, actor) => {
    const r = await findEngagement(tx, actor.scope, enterpriseId, id, { lock: true });
    if (!r) throw notFound();
    await deleteFilesOf(tx, ctx, enterpriseId, STAFFING_FILE_OWNERS.engagement, id);
    await deleteItem(tx, 'safety_service_engagements', enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'staffing.engagement.delete', entityType: 'safety_service_engagement', entityId: id, enterpriseId, before: { institutionName: r.institution_name } });
  });
}

/**
 * R-TEAM-1/2, the regulators' list: the active enterprises in scope (subdistrict by location, department by industry)
 * with their compliance and what each lacks. Compliance is decided in SQL for the filter and the counts, then each
 * row of the page is checked again by checkStaffing for its shortfalls.
 */
export async function staffingOverview(db: Db, ctx: Ctx, q: StaffingOverviewQuery): Promise<StaffingOverview> {
  const actor = requireActor(ctx);
  const rules = await currentRules(db, ctx, STAFFING_RULES);
  const { rows, total, counts: c } = await overviewPage(db, actor.scope, q, rules.value, localDay(ctx.now));
  return {
    items: rows.map((r) => {
      const check = checkStaffing(rules.value, {
        industryCode: r.industry_code, hazardousGoodsCarrier: r.hazardous_goods_carrier, headcount: Number(r.headcount), department: r.department,
        fullTime: Number(r.full_time), partTime: Number(r.part_time), engineers: Number(r.engineers),
      });
      return {
        enterpriseId: r.id, name: r.name, creditCode: r.credit_code, subdistrictName: r.subdistrict_name, industryName: r.industry_name,
        headcount: Number(r.headcount), declaredHeadcount: Number(r.employee_count), department: r.department,
        fullTime: Number(r.full_time), partTime: Number(r.part_time), engineers: Number(r.engineers),
        // The SQL's decision, which filtered and counted the list; the test suite holds it equal to check.compliant.
        compliant: r.compliant, shortfalls: shortfallsFor(check.shortfalls, ctx.locale),
      };
    }),
    total, page: q.page, pageSize: q.pageSize,
    counts: { total: c.total, compliant: c.compliant, nonCompliant: c.total - c.compliant },
    ruleSetVersion: rules.version,
  };
}

/** For the regulators' workbench: the active enterprises in scope that do not meet R-TEAM-1/2. */
export async function nonCompliantCount(db: Db, ctx: Ctx): Promise<number> {
  const actor = requireActor(ctx);
  const rules = await currentRules(db, ctx, STAFFING_RULES);
  const q: StaffingOverviewQuery = { page: 1, pageSize: 1, order: 'asc', sort: 'name', compliant: 'no' };
  const { counts } = await overviewPage(db, actor.scope, q, rules.value, localDay(ctx.now));
  return counts.total - counts.compliant;
}
