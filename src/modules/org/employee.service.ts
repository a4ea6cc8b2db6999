import { randomUUID } from 'node:crypto';
import type { Actor, Ctx } from '../../platform/auth/actor';
import { can, requireActor } from '../../platform/auth/actor';
import type { Permission } from '../../platform/auth/permissions';
import { managedEnterpriseId } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../platform/files/exports';
import { fileDate, readXlsxUpload, safeFileName, type Upload, type XlsxFile } from '../../platform/files/xlsx';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../platform/errors';
import { t } from '../../platform/i18n/messages';
import { enqueueOutbox } from '../../platform/outbox';
import { idLast4Hash } from '../../platform/signatures';
import { addLocalDays, localDay } from '../../platform/time';
import { triggerEvent } from '../obligations';
import { postAssignmentGuard, type AssignedPerson } from './post-assignment';
import {
  buildExport, buildTemplate, candidateIdNumbers, COLUMNS, readRoster, unitIndex, unitPathNames, validateRows,
} from './employee.excel';
import {
  allEmployeeRows, countPosts, employeeWithHash, findEmployeeRow, findEnterpriseInScope, insertEmployeePosts,
  insertEmployees, listEmployeeRows, postsOf, postsOfEmployees, registeredHashes, replaceEmployeePosts, unitExists, unitsOf,
  updateEmployeeRow, type EmployeeChanges, type EmployeeRowWithUnit,
} from './employee.repository';
import {
  type EmployeeCreate, type EmployeeDetail, type EmployeeExportQuery, type EmployeeListQuery, type EmployeePage,
  type EmployeeSummary, type EmployeeUpdate, type ImportMode, type ImportReport,
} from './employee.schema';
import { hashIdNumber, isUnderAge, maskIdNumber, MIN_WORKING_AGE, normalizeIdNumber } from './id-number';

type PostRef = { id: string; name: string };
/** R-TRN-2: a minor (未成年工) is under 18. */
const ADULT_AGE = 18;
const POSTS_HEADER = COLUMNS.find((c) => c.key === 'posts')!.header;

/**
 * Who may change an enterprise's employees: its own managers (not unit leaders, not employees) or the district
 * admin. Regulators read and export only. The enterprise itself has already been found in the caller's scope.
 */
function mayWrite(actor: Actor, permission: Permission): boolean {
  if (!can(actor, permission)) return false;
  return actor.scope.kind === 'district' || managedEnterpriseId(actor) !== null;
}

async function enterpriseOf(db: Executor, actor: Actor, enterpriseId: string) {
  const e = await findEnterpriseInScope(db, actor.scope, enterpriseId);
  if (!e) throw notFound();
  return e;
}

function summary(r: EmployeeRowWithUnit, posts: PostRef[]): EmployeeSummary {
  return {
    id: r.id, name: r.name, idNumberMasked: r.id_number_masked, phone: r.phone, employmentForm: r.employment_form,
    orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name, posts, hireDate: r.hire_date, status: r.status, version: r.version,
  };
}

function detail(r: EmployeeRowWithUnit, posts: PostRef[], actor: Actor): EmployeeDetail {
  return {
    ...summary(r, posts), enterpriseId: r.enterprise_id, createdAt: r.created_at, updatedAt: r.updated_at,
    abilities: { canEdit: mayWrite(actor, 'employee.manage') },
  };
}

/** What the audit trail keeps of an employee: never the ID number itself, only its masked form. */
function auditView(r: EmployeeRowWithUnit, posts: PostRef[]) {
  return {
    id: r.id, name: r.name, idNumberMasked: r.id_number_masked, phone: r.phone, employmentForm: r.employment_form,
    orgUnitId: r.org_unit_id, postIds: posts.map((p) => p.id), hireDate: r.hire_date, status: r.status, version: r.version,
  };
}

async function loadOne(db: Executor, actor: Actor, enterpriseId: string, id: string) {
  const row = await findEmployeeRow(db, actor.scope, enterpriseId, id);
  if (!row) throw notFound();
  const posts = (await postsOfEmployees(db, actor.scope, enterpriseId, [id])).get(id) ?? [];
  return { row, posts };
}

export async function listEmployees(db: Db, ctx: Ctx, enterpriseId: string, q: EmployeeListQuery): Promise<EmployeePage> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const { items: rows, total } = await listEmployeeRows(db, actor.scope, enterpriseId, q);
  const posts = await postsOfEmployees(db, actor.scope, enterpriseId, rows.map((r) => r.id));
  return {
    items: rows.map((r) => summary(r, posts.get(r.id) ?? [])),
    total, page: q.page, pageSize: q.pageSize,
    abilities: { canManage: mayWrite(actor, 'employee.manage'), canImport: mayWrite(actor, 'employee.import'), canExport: can(actor, 'employee.export') },
  };
}

export async function getEmployee(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<EmployeeDetail> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  const { row, posts } = await loadOne(db, actor, enterpriseId, id);
  return detail(row, posts, actor);
}

async function checkUnitAndPosts(db: Executor, actor: Actor, enterpriseId: string, orgUnitId: string | undefined, postIds: string[] | undefined) {
  if (orgUnitId !== undefined && !(await unitExists(db, actor.scope, enterpriseId, orgUnitId))) throw invalid('body.orgUnitId', 'validation.orgUnit.invalid');
  if (postIds !== undefined && (await countPosts(db, actor.scope, enterpriseId, postIds)) !== postIds.length) throw invalid('body.postIds', 'validation.post.invalid');
}

/** R-TRN-2: "trained before joining" needs its evidence (a scan or a description). */
function requirePriorEvidence(input: { trainedBeforeJoining: boolean; priorTrainingAttachmentId: string | null; priorTrainingNote: string }): void {
  if (input.trainedBeforeJoining && !input.priorTrainingAttachmentId && !input.priorTrainingNote) {
    throw invalid('body.priorTrainingNote', 'certificates.assign.evidenceRequired');
  }
}

/**
 * R-TRN-2: the posts a person is being put on are refused (400 at `body.postIds`, naming the post and what is missing)
 * when one is a special operation and he holds no valid certificate of its type, when he is a minor and it is a key or
 * special-operation post, or when he has not passed the pre-post training (nor was trained before joining).
 */
async function refuseUnqualified(db: Executor, enterpriseId: string, today: string, person: AssignedPerson): Promise<void> {
  if (!person.postIds.length) return;
  const [refusal] = await postAssignmentGuard().refusals(db, enterpriseId, today, [person]);
  if (refusal) throw new AppError('VALIDATION', { reason: refusal.reason, issues: [{ path: 'body.postIds', message: refusal.messageKey, params: refusal.params }] });
}

const duplicateIdNumber = () => alreadyTaken('body.idNumber', 'validation.idNumber.duplicate');

/** 劳动法 第十五条: no one under 16 is employed (400 at the ID number, which carries the birth date). */
function refuseUnderAge(idNumber: string, ctx: Ctx): void {
  if (isUnderAge(idNumber, localDay(ctx.now))) throw invalid('body.idNumber', 'validation.idNumber.underAge', { age: MIN_WORKING_AGE });
}

/** A hire date this many days back or later makes an added person a new hire (issue 11 §9). */
const RECENT_HIRE_DAYS = 30;

/**
 * Whether a person added to the roster is a new hire: hired within the last RECENT_HIRE_DAYS days (or later), or, with
 * no hire date, when `absentIsNew` (one person added by hand is; a roster import without dates loads existing staff).
 */
function isRecentHire(hireDate: string | null, ctx: Ctx, absentIsNew: boolean): boolean {
  if (hireDate === null) return absentIsNew;
  return hireDate >= addLocalDays(localDay(ctx.now), -RECENT_HIRE_DAYS);
}

export async function createEmployee(db: Db, ctx: Ctx, idSecret: string, enterpriseId: string, input: EmployeeCreate): Promise<EmployeeDetail> {
  const actor = requireActor(ctx);
  const idNumber = normalizeIdNumber(input.idNumber);
  refuseUnderAge(idNumber, ctx);
  const hash = hashIdNumber(idNumber, idSecret);
  return db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    if (!mayWrite(actor, 'employee.manage')) throw forbidden();
    await checkUnitAndPosts(tx, actor, enterpriseId, input.orgUnitId, input.postIds);
    if (await employeeWithHash(tx, actor.scope, enterpriseId, hash)) throw duplicateIdNumber();
    requirePriorEvidence(input);
    const today = localDay(ctx.now);
    await refuseUnqualified(tx, enterpriseId, today, {
      employeeId: null, name: input.name, minor: isUnderAge(idNumber, today, ADULT_AGE), trainedBeforeJoining: input.trainedBeforeJoining, postIds: input.postIds,
    });
    const id = randomUUID();
    await insertEmployees(tx, actor.scope, enterpriseId, [{
      id, name: input.name, id_number_masked: maskIdNumber(idNumber), id_number_hash: hash,
      id_last4_hash: idLast4Hash(idSecret, enterpriseId, id, idNumber.slice(-4)),
      phone: input.phone, employment_form: input.employmentForm, org_unit_id: input.orgUnitId, hire_date: input.hireDate,
    }], ctx.now);
    await insertEmployeePosts(tx, actor.scope, enterpriseId, input.postIds.map((post_id) => ({ employee_id: id, post_id })));
    await postAssignmentGuard().keepAdultDays(tx, enterpriseId, [{ employeeId: id, idNumber }], today);
    if (input.trainedBeforeJoining) {
      await postAssignmentGuard().keepPriorTraining(tx, ctx, enterpriseId, [id], { attachmentId: input.priorTrainingAttachmentId, note: input.priorTrainingNote });
    }
    const { row, posts } = await loadOne(tx, actor, enterpriseId, id);
    await writeAudit(tx, ctx, { action: 'employee.create', entityType: 'employee', entityId: id, enterpriseId, after: auditView(row, posts) });
    // Issue 11: a person added to the roster is a new hire unless the hire date says otherwise; the duties a hire opens
    // (a personal letter to sign within N days, R-RESP-3; a mentor in a key industry, R-RESP-9) count from today.
    if (isRecentHire(input.hireDate, ctx, true)) {
      await triggerEvent(tx, ctx, { enterpriseId, event: 'employee.hired', at: ctx.now, subjectKey: id, subjectLabel: input.name, ownerEmployeeId: id });
    }
    return detail(row, posts, actor);
  });
}

export async function updateEmployee(db: Db, ctx: Ctx, idSecret: string, enterpriseId: string, id: string, input: EmployeeUpdate): Promise<EmployeeDetail> {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    const before = await loadOne(tx, actor, enterpriseId, id);
    if (!mayWrite(actor, 'employee.manage')) throw forbidden();
    if (before.row.version !== input.version) throw new AppError('CONFLICT');
    await checkUnitAndPosts(tx, actor, enterpriseId, input.orgUnitId, input.postIds);
    requirePriorEvidence(input);
    const today = localDay(ctx.now);
    // Only the posts being added are checked: assignments made before the rule are kept (and listed as unqualified).
    const added = (input.postIds ?? []).filter((p) => !before.posts.some((b) => b.id === p));
    if (added.length) {
      const minor = input.idNumber !== undefined
        ? isUnderAge(normalizeIdNumber(input.idNumber), today, ADULT_AGE) : await postAssignmentGuard().isMinor(tx, enterpriseId, id, today);
      await refuseUnqualified(tx, enterpriseId, today, {
        employeeId: id, name: input.name ?? before.row.name, minor, trainedBeforeJoining: input.trainedBeforeJoining, postIds: added,
      });
    }
    const changes: EmployeeChanges = {
      name: input.name, phone: input.phone, employment_form: input.employmentForm, org_unit_id: input.orgUnitId,
      hire_date: input.hireDate, status: input.status,
    };
    if (input.idNumber !== undefined) {
      const idNumber = normalizeIdNumber(input.idNumber);
      refuseUnderAge(idNumber, ctx);
      const hash = hashIdNumber(idNumber, idSecret);
      const holder = await employeeWithHash(tx, actor.scope, enterpriseId, hash);
      if (holder && holder !== id) throw duplicateIdNumber();
      changes.id_number_masked = maskIdNumber(idNumber);
      changes.id_number_hash = hash;
      changes.id_last4_hash = idLast4Hash(idSecret, enterpriseId, id, idNumber.slice(-4));
      await postAssignmentGuard().keepAdultDays(tx, enterpriseId, [{ employeeId: id, idNumber }], today, { replace: true });
    }
    if (input.trainedBeforeJoining) {
      await postAssignmentGuard().keepPriorTraining(tx, ctx, enterpriseId, [id], { attachmentId: input.priorTrainingAttachmentId, note: input.priorTrainingNote });
    }
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as EmployeeChanges;
    if (!(await updateEmployeeRow(tx, actor.scope, enterpriseId, id, input.version, defined, ctx.now))) throw new AppError('CONFLICT');
    if (input.postIds !== undefined) await replaceEmployeePosts(tx, actor.scope, enterpriseId, id, input.postIds);
    const after = await loadOne(tx, actor, enterpriseId, id);
    await writeAudit(tx, ctx, {
      action: 'employee.update', entityType: 'employee', entityId: id, enterpriseId,
      before: auditView(before.row, before.posts), after: auditView(after.row, after.posts),
    });
    return detail(after.row, after.posts, actor);
  });
}

/** Someone leaving is recorded, not deleted: their history (training, duties, accidents) keeps pointing at them. */
export async function markEmployeeLeft(db: Db, ctx: Ctx, enterpriseId: string, id: string): Promise<EmployeeDetail> {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    await enterpriseOf(tx, actor, enterpriseId);
    const before = await loadOne(tx, actor, enterpriseId, id);
    if (!mayWrite(actor, 'employee.manage')) throw forbidden();
    if (before.row.status === 'left') throw new AppError('STATE', { messageKey: 'validation.employee.alreadyLeft' });
    if (!(await updateEmployeeRow(tx, actor.scope, enterpriseId, id, before.row.version, { status: 'left' }, ctx.now))) throw new AppError('CONFLICT');
    const after = await loadOne(tx, actor, enterpriseId, id);
    await writeAudit(tx, ctx, {
      action: 'employee.leave', entityType: 'employee', entityId: id, enterpriseId,
      before: auditView(before.row, before.posts), after: auditView(after.row, after.posts),
    });
    return detail(after.row, after.posts, actor);
  });
}

// ---- .xlsx ----

async function rosterReference(db: Executor, actor: Actor, enterpriseId: string) {
  const units = await unitsOf(db, actor.scope, enterpriseId);
  const paths = unitPathNames(units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })));
  return { units, paths };
}

export async function employeeTemplate(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  const ent = await enterpriseOf(db, actor, enterpriseId);
  if (!mayWrite(actor, 'employee.import')) throw forbidden();
  const { units, paths } = await rosterReference(db, actor, enterpriseId);
  const posts = await postsOf(db, actor.scope, enterpriseId);
  const buffer = await buildTemplate({
    enterpriseName: ent.name,
    unitPaths: units.map((u) => paths.get(u.id)!),
    posts: posts.map((p) => ({ name: p.name, unitPath: paths.get(p.org_unit_id) ?? '' })),
  });
  return { filename: `员工导入模板-${safeFileName(ent.name)}.xlsx`, fallbackName: 'employee-import-template.xlsx', buffer };
}

export async function exportEmployees(db: Db, ctx: Ctx, enterpriseId: string, q: EmployeeExportQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  const ent = await enterpriseOf(db, actor, enterpriseId);
  const rows = await allEmployeeRows(db, actor.scope, enterpriseId, q);
  const posts = await postsOfEmployees(db, actor.scope, enterpriseId, rows.map((r) => r.id));
  const { paths } = await rosterReference(db, actor, enterpriseId);
  const buffer = await buildExport(withProgress(rows.map((r) => ({
    name: r.name, idNumberMasked: r.id_number_masked, phone: r.phone, employmentForm: r.employment_form,
    unitPath: paths.get(r.org_unit_id) ?? r.org_unit_name, posts: (posts.get(r.id) ?? []).map((p) => p.name),
    hireDate: r.hire_date, status: r.status,
  })), progress));
  const date = fileDate(ctx.now);
  return { filename: `员工名单-${safeFileName(ent.name)}-${date}.xlsx`, fallbackName: `employees-${date}.xlsx`, buffer };
}

/** The roster export: every employee the list shows with the same filters. */
export const employeesExport = defineExport<{ enterpriseId: string; q: EmployeeExportQuery }>({
  kind: 'employees', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => {
    const actor = requireActor(ctx);
    await enterpriseOf(db, actor, p.enterpriseId);
    return (await listEmployeeRows(db, actor.scope, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total;
  },
  run: (db, ctx, p, progress) => exportEmployees(db, ctx, p.enterpriseId, p.q, progress),
});

/**
 * R-TRN-2 in the roster import: a row putting someone on a post he may not hold (a special operation without a valid
 * certificate, which a person not yet registered cannot have; a minor on a key post; no pre-post training and not
 * trained before joining) is a row error at the posts column, like any other. Moves such rows from valid to errors.
 */
async function refuseUnqualifiedRows(db: Executor, enterpriseId: string, today: string, checked: ReturnType<typeof validateRows>): Promise<void> {
  const refusals = await postAssignmentGuard().refusals(db, enterpriseId, today, checked.valid.map((r) => ({
    employeeId: null, name: r.name, minor: isUnderAge(r.idNumber, today, ADULT_AGE), trainedBeforeJoining: r.trainedBeforeJoining, postIds: r.postIds,
  })));
  const kept: typeof checked.valid = [];
  for (const [i, r] of checked.valid.entries()) {
    const refusal = refusals[i];
    if (!refusal) { kept.push(r); continue; }
    checked.errors.push({ row: r.row, column: POSTS_HEADER, message: refusal.messageKey, params: refusal.params });
    checked.errorRows++;
  }
  if (kept.length === checked.valid.length) return;
  checked.valid = kept;
  checked.errors.sort((a, b) => a.row - b.row);
  checked.warnings = checked.warnings.filter((w) => kept.some((r) => r.row === w.row));
}

/**
 * Imports a roster. Every row is checked first (format, check digit, duplicates in the file and in the enterprise,
 * units and posts by name); `strict` imports nothing if any row is wrong, `valid` imports the good rows. The
 * inserts, one audit row and the importer's notification share one transaction.
 *
 * D25: on the embedded engine the pool has one connection and a transaction holds it, so whatever runs inside the
 * transaction holds every other request. Everything slow — reading the file, checking 5,000 rows, the reference
 * lookups — therefore happens before it opens, in statements of its own that other requests interleave with; the
 * transaction only writes, a thousand rows per statement (~0.5 s for 5,000 employees). Yielding to the event loop
 * between those statements was measured and rejected: reads then queue behind the open transaction and their p99
 * doubled (bench/embedded-import.ts). Staging rows or chunked transactions with compensation would break the
 * all-or-nothing promise on a crash for a gain the benchmark does not need.
 */
export async function importEmployees(db: Db, ctx: Ctx, idSecret: string, enterpriseId: string, mode: ImportMode, upload: Upload | null): Promise<ImportReport> {
  const actor = requireActor(ctx);
  await enterpriseOf(db, actor, enterpriseId);
  if (!mayWrite(actor, 'employee.import')) throw forbidden();
  const { filename, sheet: rows } = await readXlsxUpload(upload, readRoster);

  const { units } = await rosterReference(db, actor, enterpriseId);
  const posts = await postsOf(db, actor.scope, enterpriseId);
  const hashOf = new Map(candidateIdNumbers(rows).map((id) => [id, hashIdNumber(id, idSecret)]));
  const registered = await registeredHashes(db, actor.scope, enterpriseId, [...hashOf.values()]);
  const checked = validateRows(rows, {
    units: unitIndex(units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name }))),
    posts: posts.map((p) => ({ id: p.id, unitId: p.org_unit_id, name: p.name, hazardous: p.key_post || p.special_operation })),
    isRegistered: (id) => registered.has(hashOf.get(id) ?? hashIdNumber(id, idSecret)),
    today: localDay(ctx.now),
  });
  await refuseUnqualifiedRows(db, enterpriseId, localDay(ctx.now), checked);
  const tr = (list: typeof checked.errors) => list.map((e) => ({ row: e.row, column: e.column, message: t(ctx.locale, e.message, e.params) }));
  const errors = tr(checked.errors);
  const report = (imported: number, message: string): ImportReport => ({
    total: rows.length, validCount: checked.valid.length, errorCount: checked.errorRows, imported, errors, warnings: tr(checked.warnings), message,
  });
  if (mode === 'strict' && checked.errorRows > 0) return report(0, t(ctx.locale, 'import.hasErrors', { count: checked.errorRows }));
  if (checked.valid.length === 0) return report(0, t(ctx.locale, 'import.nothingValid'));

  const ids = checked.valid.map(() => randomUUID());
  await db.transaction().execute(async (tx) => {
    await insertEmployees(tx, actor.scope, enterpriseId, checked.valid.map((r, i) => ({
      id: ids[i]!, name: r.name, id_number_masked: maskIdNumber(r.idNumber),
      id_number_hash: hashOf.get(r.idNumber) ?? hashIdNumber(r.idNumber, idSecret), phone: r.phone,
      id_last4_hash: idLast4Hash(idSecret, enterpriseId, ids[i]!, r.idNumber.slice(-4)),
      employment_form: r.employmentForm, org_unit_id: r.orgUnitId, hire_date: r.hireDate,
    })), ctx.now, { analyze: true });
    await insertEmployeePosts(tx, actor.scope, enterpriseId, checked.valid.flatMap((r, i) => r.postIds.map((post_id) => ({ employee_id: ids[i]!, post_id }))));
    await postAssignmentGuard().keepAdultDays(tx, enterpriseId, checked.valid.map((r, i) => ({ employeeId: ids[i]!, idNumber: r.idNumber })), localDay(ctx.now));
    // R-TRN-2: the rows trained before joining keep that record, each with the evidence its row describes.
    for (const [i, r] of checked.valid.entries()) {
      if (r.trainedBeforeJoining) await postAssignmentGuard().keepPriorTraining(tx, ctx, enterpriseId, [ids[i]!], { attachmentId: null, note: r.priorTrainingNote });
    }
    // Issue 11 §9: rows whose hire date is recent are new hires, as if added by hand; rows without one are existing staff.
    for (const [i, r] of checked.valid.entries()) {
      if (!isRecentHire(r.hireDate, ctx, false)) continue;
      await triggerEvent(tx, ctx, { enterpriseId, event: 'employee.hired', at: ctx.now, subjectKey: ids[i]!, subjectLabel: r.name, ownerEmployeeId: ids[i]! });
    }
    const count = checked.valid.length;
    await writeAudit(tx, ctx, {
      action: 'employee.import', entityType: 'enterprise', entityId: enterpriseId, enterpriseId,
      after: { count, mode, file: filename, skippedRows: checked.errorRows },
    });
    await enqueueOutbox(tx, {
      topic: 'notify',
      payload: { userId: actor.userId, kind: 'employee.import', titleKey: 'notify.import.title', bodyKey: 'notify.import.body', params: { count }, link: '/employees' },
    });
  });
  const imported = checked.valid.length;
  return report(imported, checked.errorRows > 0
    ? t(ctx.locale, 'import.partial', { count: imported, errors: checked.errorRows })
    : t(ctx.locale, 'import.done', { count: imported }));
}
