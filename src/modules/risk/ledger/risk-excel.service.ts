import { randomUUID } from 'node:crypto';
import type { Ctx, Scope } from '../../../platform/auth/actor';
import { requireActor, wholeEnterprise } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { writeAudit } from '../../../platform/audit/audit';
import { formatCode, nextCodes, reserveCode } from '../../../platform/db/codes';
import type { Db, Tx } from '../../../platform/db/database';
import type { ControlLevelName, MeasureCategory } from '../../../platform/db/schema';
import { AppError, forbidden } from '../../../platform/errors';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { cellText } from '../../../platform/files/sheet';
import { fileDate, readXlsxUpload, safeFileName, type Upload, type XlsxFile } from '../../../platform/files/xlsx';
import { t } from '../../../platform/i18n/messages';
import { resolvePost, unitIndex, unitPathNames } from '../../org';
import { enterpriseForCards } from '../cards/risk-card.repository';
import {
  buildLedger, buildLedgerTemplate, formatEvaluation, formatFactors, KIND_LABELS, ledgerUnits, LEVEL_LABELS, R8_LABELS, readLedger,
  TITLE_SUFFIX, validateRows, type LedgerRow, type ValidRiskRow,
} from './risk-excel.sheet';
import {
  activeEmployees, clearControllersAndPosts, deleteMeasures, insertLedger, ledgerAssessments, ledgerControllers, ledgerMeasures,
  ledgerPointPosts, lockPoints, measuresOf, pointsByCode, postsOf, sharedEmployeeNames, takenCodes, unitsOf, updateLedgerPoint,
} from './risk-excel.repository';
import type { RiskImportReport, RiskExportQuery } from './risk-excel.schema';
import { reassessDue, type Grade, type MethodInput, type MethodResult } from '../points/risk-grading';
import { listRiskPoints } from '../points/risk-point.repository';
import { MEASURE_CATEGORIES } from '../points/risk-point.schema';
import { applyAssessment, mayManageRisk, reserveRiskPointCodes, RISK_POINT_CODE_SERIES, riskPointCodeNumber, today } from '../points/risk-point.service';
import { currentRiskRules } from '../rules/risk-rules.service';
import { enterpriseDistrict } from '../rules/risk-rules.repository';

const LEVEL_ORDER: ControlLevelName[] = ['company', 'department', 'workshop', 'team'];

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r); else out.set(k, [r]);
  }
  return out;
}

type StoredMethod = { inputs?: MethodInput } & Record<string, unknown>;

/**
 * 一企一清单 as .xlsx, with the ledger's filters (and its narrowing to a unit leader's branch). People and posts are
 * written so the file reads back into the same ledger: a shared name carries its unit, an ambiguous post its unit path.
 */
export async function exportLedger(db: Db, ctx: Ctx, enterpriseId: string, q: RiskExportQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  const scope = actor.scope;
  const ent = await enterpriseForCards(db, scope, enterpriseId);
  const { rows } = await listRiskPoints(db, scope, enterpriseId, { ...q, page: 1, pageSize: 1_000_000 }, today(ctx));
  const [units, posts, measures, controllers, pointPosts, assessments, shared] = await Promise.all([
    // Posts are named as the import reads them back, against every post of the enterprise (a unit leader's file too).
    unitsOf(db, scope, enterpriseId), postsOf(db, wholeEnterprise(enterpriseId), enterpriseId), ledgerMeasures(db, scope, enterpriseId),
    ledgerControllers(db, scope, enterpriseId), ledgerPointPosts(db, scope, enterpriseId), ledgerAssessments(db, scope, enterpriseId),
    sharedEmployeeNames(db, scope, enterpriseId),
  ]);
  const nodes = units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name }));
  const paths = unitPathNames(nodes);
  const index = unitIndex(nodes);
  const postNodes = posts.map((p) => ({ id: p.id, unitId: p.org_unit_id, name: p.name }));
  const postById = new Map(postNodes.map((p) => [p.id, p]));
  const measuresBy = groupBy(measures, (m) => m.risk_point_id);
  const controllersBy = groupBy(controllers, (c) => c.risk_point_id);
  const postsBy = groupBy(pointPosts, (p) => p.risk_point_id);
  const assessmentBy = new Map(assessments.map((a) => [`${a.risk_point_id}:${a.stage}`, a]));

  const postText = (postId: string, unitId: string) => {
    const p = postById.get(postId);
    if (!p) return '';
    const plain = resolvePost(p.name, unitId, postNodes, index);
    return plain.ok && plain.id === p.id ? p.name : `${paths.get(p.unitId) ?? ''}/${p.name}`;
  };

  const ledger: LedgerRow[] = rows.map((r) => {
    // The evaluation behind the current grade: the residual one once there is one, else the inherent one.
    const stage = r.residual_grade !== null ? 'residual' : 'inherent';
    const stored = (assessmentBy.get(`${r.id}:${stage}`)?.methods ?? []) as StoredMethod[];
    const inputs = stored.map((m) => m.inputs).filter((m): m is MethodInput => !!m);
    const factors = (r.hazard_factors ?? {}) as Partial<Record<'people' | 'things' | 'environment' | 'management', string[]>>;
    const byCategory = groupBy(measuresBy.get(r.id) ?? [], (m) => m.category);
    return {
      code: r.code, name: r.name, kind: KIND_LABELS[r.kind], unit: paths.get(r.org_unit_id) ?? r.org_unit_name,
      factors: formatFactors({ people: factors.people ?? [], things: factors.things ?? [], environment: factors.environment ?? [], management: factors.management ?? [] }),
      accidents: r.accident_types.join('、'),
      evaluation: inputs.length === stored.length ? formatEvaluation(inputs, stored as unknown as MethodResult[]) : '',
      grade: r.grade as Grade | null,
      level: r.control_level ? LEVEL_LABELS[r.control_level] : '',
      controllers: (controllersBy.get(r.id) ?? []).sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level))
        .map((c) => `${LEVEL_LABELS[c.level]}:${shared.has(c.name) ? `${c.name}（${paths.get(c.org_unit_id) ?? ''}）` : c.name}`).join('；'),
      measures: Object.fromEntries(MEASURE_CATEGORIES.map((c) => [c, (byCategory.get(c) ?? []).map((m) => m.content).join('\n')])) as Record<MeasureCategory, string>,
      emergency: r.emergency_measures,
      location: r.location,
      posts: (postsBy.get(r.id) ?? []).map((p) => postText(p.post_id, r.org_unit_id)).filter(Boolean).join('、'),
      major: r.major_hazard_source,
      r8: (Object.keys(R8_LABELS) as (keyof typeof R8_LABELS)[])
        .filter((k) => ({ warningSigns: r.has_warning_signs, monitoring: r.has_monitoring, emergencyEquipment: r.has_emergency_equipment, escapeRoutes: r.has_escape_routes })[k])
        .map((k) => R8_LABELS[k]).join('、'),
    };
  });
  const buffer = await buildLedger(`${ent.name}${TITLE_SUFFIX}`, withProgress(ledger, progress));
  const date = fileDate(ctx.now);
  return { filename: `风险分级管控清单-${safeFileName(ent.name)}-${date}.xlsx`, fallbackName: `risk-ledger-${date}.xlsx`, buffer };
}

/** The ledger export: as many rows as the ledger list has with the same filters. */
export const ledgerExport = defineExport<{ enterpriseId: string; q: RiskExportQuery }>({
  kind: 'risk.ledger', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => {
    const actor = requireActor(ctx);
    await requireEnterpriseInScope(db, actor, p.enterpriseId);
    return (await listRiskPoints(db, actor.scope, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 }, today(ctx))).total;
  },
  run: (db, ctx, p, progress) => exportLedger(db, ctx, p.enterpriseId, p.q, progress),
});

export async function ledgerTemplate(db: Db, ctx: Ctx, enterpriseId: string): Promise<XlsxFile> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  const ent = await enterpriseForCards(db, actor.scope, enterpriseId);
  const [units, posts] = await Promise.all([unitsOf(db, actor.scope, enterpriseId), postsOf(db, actor.scope, enterpriseId)]);
  const paths = unitPathNames(units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })));
  const buffer = await buildLedgerTemplate({
    enterpriseName: ent.name,
    unitPaths: units.map((u) => paths.get(u.id)!),
    posts: posts.map((p) => ({ name: p.name, unitPath: paths.get(p.org_unit_id) ?? '' })),
  });
  return { filename: `风险清单导入模板-${safeFileName(ent.name)}.xlsx`, fallbackName: 'risk-import-template.xlsx', buffer };
}

/**
 * The code of every imported row: its own, or the next of the FX- series. The written codes move the series on past
 * them first (which locks its counter until commit); then the codes in use are read again under that lock, a written
 * code taken meanwhile is a conflict, and the rows without one get consecutive numbers past every FX- code in use.
 */
async function reserveImportCodes(tx: Tx, scope: Scope, enterpriseId: string, written: (string | null)[]): Promise<string[]> {
  await reserveRiskPointCodes(tx, enterpriseId, written.filter((c): c is string => c !== null));
  await reserveCode(tx, enterpriseId, RISK_POINT_CODE_SERIES, 0);
  const taken = await takenCodes(tx, scope, enterpriseId);
  if (written.some((c) => c !== null && taken.has(c))) throw new AppError('CONFLICT', { messageKey: 'validation.risk.codeTaken' });
  const missing = written.filter((c) => c === null).length;
  if (missing === 0) return written as string[];
  const highest = [...taken, ...written].reduce((max, c) => Math.max(max, (c && riskPointCodeNumber(c)) || 0), 0);
  let n = await nextCodes(tx, enterpriseId, RISK_POINT_CODE_SERIES, missing, highest);
  return written.map((c) => c ?? formatCode({ prefix: 'FX-', width: 3 }, n++));
}

/**
 * Imports a ledger in the export's layout. Every row is checked first; grades are re-computed from the evaluation
 * inputs with the rule-set in force (a disagreeing grade cell only earns a warning). A row whose code is an active
 * point's updates that point (issue 10: an exported ledger re-imported unchanged changes nothing; a changed grade is
 * a new assessment whose reason is the import); the other rows create points; points the file does not name are
 * listed and never deleted. `preview` answers what an import would do and writes nothing, `strict` imports nothing if
 * any row is wrong, `valid` imports the good rows. The writes and one audit row share one transaction.
 * D25: as for employees (employee.service.ts, importEmployees), all the reading and checking happens before the
 * transaction opens, which only writes, in multi-row statements (an update is a few statements per changed point).
 */
export async function importLedger(db: Db, ctx: Ctx, enterpriseId: string, mode: 'strict' | 'valid' | 'preview', upload: Upload | null): Promise<RiskImportReport> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  if (!mayManageRisk(actor, enterpriseId)) throw forbidden();
  const { filename, sheet } = await readXlsxUpload(upload, readLedger);
  const [units, posts, employees, existing, rules] = await Promise.all([
    unitsOf(db, actor.scope, enterpriseId), postsOf(db, actor.scope, enterpriseId), activeEmployees(db, actor.scope, enterpriseId), pointsByCode(db, actor.scope, enterpriseId),
    enterpriseDistrict(db, actor.scope, enterpriseId).then((d) => currentRiskRules(db, d)),
  ]);
  const { rows, title } = sheet;
  const index = unitIndex(units.map((u) => ({ id: u.id, parentId: u.parent_id, name: u.name })));
  const checked = validateRows(rows, {
    units: ledgerUnits(index, units.find((u) => u.parent_id === null)?.id ?? null, title),
    posts: posts.map((p) => ({ id: p.id, unitId: p.org_unit_id, name: p.name })),
    employees: employees.map((e) => ({ id: e.id, name: e.name, unitId: e.org_unit_id })),
    archivedCodes: new Set([...existing.values()].filter((p) => p.status === 'archived').map((p) => p.code)),
    rules: rules.rules,
  });
  const target = (r: ValidRiskRow) => (r.code ? existing.get(r.code) : undefined);
  const creates = checked.valid.filter((r) => !target(r));
  const updates = checked.valid.filter((r) => target(r));
  const gradeChanged = (r: ValidRiskRow) => !!r.assessment && r.assessment.grade !== target(r)!.grade;
  const named = new Set(rows.map((r) => cellText(r.cells.code ?? null)).filter(Boolean));
  const plan: RiskImportReport['plan'] = {
    created: creates.map((r) => ({ row: r.row, code: r.code, name: r.name })),
    updated: updates.map((r) => ({ row: r.row, code: r.code!, name: r.name, gradeChanged: gradeChanged(r) })),
    notInFile: [...existing.values()].filter((p) => p.status === 'active' && !named.has(p.code)).map((p) => ({ code: p.code, name: p.name })),
  };
  const tr = (list: typeof checked.errors) => list.map((e) => ({ row: e.row, column: e.column, message: t(ctx.locale, e.message, e.params) }));
  const report = (imported: number, message: string): RiskImportReport => ({
    total: rows.length, validCount: checked.valid.length, errorCount: checked.errorRows, imported,
    errors: tr(checked.errors), warnings: tr(checked.warnings), message, plan,
  });
  if (mode === 'preview') return report(0, '');
  if (mode === 'strict' && checked.errorRows > 0) return report(0, t(ctx.locale, 'import.hasErrors', { count: checked.errorRows }));
  if (checked.valid.length === 0) return report(0, t(ctx.locale, 'import.nothingValid'));

  const now = ctx.now;
  const idOf = new Map(checked.valid.map((r) => [r, target(r)?.id ?? randomUUID()]));
  const ids = checked.valid.map((r) => idOf.get(r)!);
  const reason = t('zh-CN', 'riskImport.reason');
  await db.transaction().execute(async (tx) => {
    // The points to update, under their lock: one archived (or gone) since the file was read fails the import whole.
    const updateIds = updates.map((r) => target(r)!.id);
    const locked = new Map((await lockPoints(tx, actor.scope, enterpriseId, updateIds)).map((p) => [p.id, p]));
    if (updateIds.some((id) => locked.get(id)?.status !== 'active')) throw new AppError('CONFLICT', { messageKey: 'riskImport.pointsChanged' });
    // D12: the codes are taken inside the transaction, under the series' lock (platform/db/codes.ts), so an import and
    // a concurrent create or import never hand out the same FX- code; what was checked before is checked again here.
    const createCodes = await reserveImportCodes(tx, actor.scope, enterpriseId, creates.map((r) => r.code));
    const code = new Map(creates.map((r, i) => [r, createCodes[i]!]));
    const fields = (r: ValidRiskRow) => ({
      name: r.name, kind: r.kind, org_unit_id: r.orgUnitId, location: r.location,
      hazard_factors: JSON.stringify(r.factors), accident_types: r.accidentTypes, major_hazard_source: r.majorHazardSource,
      emergency_measures: r.emergencyMeasures,
      has_warning_signs: r.r8.warningSigns, has_monitoring: r.r8.monitoring, has_emergency_equipment: r.r8.emergencyEquipment, has_escape_routes: r.r8.escapeRoutes,
      updated_at: now,
    });
    for (const r of updates) {
      const point = locked.get(target(r)!.id)!;
      await updateLedgerPoint(tx, actor.scope, enterpriseId, point.id, point.version, fields(r));
      // R-RISK-6: a grade that the file changes is a re-assessment, with the import as its reason.
      if (r.assessment && r.assessment.grade !== point.grade) {
        await applyAssessment(tx, ctx, enterpriseId, point.id, {
          stage: point.grade === null ? 'inherent' : 'residual', methods: r.assessment.inputs,
          reason: t('zh-CN', 'riskImport.gradeChanged', { from: point.grade ?? '—', to: r.assessment.grade }),
        });
      }
    }
    // Measures: a measure the file keeps (same category and text) stays, with its check items; the rest is the file's.
    const kept = new Set<string>();
    const stale: string[] = [];
    const have = await measuresOf(tx, actor.scope, enterpriseId, updateIds);
    const wanted = new Map(updates.map((r) => [target(r)!.id, new Set(r.measures.map((m) => `${m.category}\n${m.content}`))]));
    for (const m of have) {
      const key = `${m.risk_point_id}\n${m.category}\n${m.content}`;
      if (wanted.get(m.risk_point_id)?.has(`${m.category}\n${m.content}`) && !kept.has(key)) kept.add(key);
      else stale.push(m.id);
    }
    await deleteMeasures(tx, actor.scope, enterpriseId, stale);
    await clearControllersAndPosts(tx, actor.scope, enterpriseId, updateIds);
    await insertLedger(tx, actor.scope, enterpriseId, {
      points: creates.map((r) => {
        const grade = r.assessment?.grade ?? null;
        return {
          enterprise_id: enterpriseId, id: idOf.get(r)!, code: code.get(r)!, ...fields(r), grade, inherent_grade: grade, residual_grade: null,
          control_level: grade ? rules.rules.controlLevel[grade] : null, last_assessed_at: grade ? now : null,
          reassess_due: grade ? reassessDue(now, grade, rules.rules) : null, floor_plan_id: null, created_at: now,
        };
      }),
      assessments: creates.flatMap((r) => r.assessment ? [{
        enterprise_id: enterpriseId, risk_point_id: idOf.get(r)!, stage: 'inherent' as const, grade: r.assessment.grade, rule_set_version: rules.version,
        methods: JSON.stringify(r.assessment.inputs.map((m, k) => ({ ...r.assessment!.results[k]!, inputs: m }))),
        reason, assessed_by: actor.userId, assessed_at: now,
      }] : []),
      controllers: checked.valid.flatMap((r, i) => r.controllers.map((c) => ({ enterprise_id: enterpriseId, risk_point_id: ids[i]!, level: c.level, employee_id: c.employeeId }))),
      measures: checked.valid.flatMap((r, i) => r.measures.flatMap((m, k) => (kept.has(`${ids[i]}\n${m.category}\n${m.content}`) ? []
        : [{ enterprise_id: enterpriseId, risk_point_id: ids[i]!, category: m.category, content: m.content, owner_employee_id: null, sort: k }]))),
      posts: checked.valid.flatMap((r, i) => r.postIds.map((p) => ({ enterprise_id: enterpriseId, risk_point_id: ids[i]!, post_id: p }))),
    });
    await writeAudit(tx, ctx, {
      action: 'risk.import', entityType: 'enterprise', entityId: enterpriseId, enterpriseId,
      after: {
        count: ids.length, created: creates.length, updated: updates.length, regraded: plan.updated.filter((u) => u.gradeChanged).length,
        mode, file: filename, skippedRows: checked.errorRows, warnings: checked.warnings.length, ruleSetVersion: rules.version,
      },
    });
  });
  const imported = ids.length;
  const done = updates.length === 0 ? t(ctx.locale, 'riskImport.done', { count: creates.length })
    : creates.length === 0 ? t(ctx.locale, 'riskImport.updated', { count: updates.length })
      : t(ctx.locale, 'riskImport.doneBoth', { created: creates.length, updated: updates.length });
  return report(imported, checked.errorRows > 0 ? t(ctx.locale, 'riskImport.partial', { count: imported, errors: checked.errorRows }) : done);
}
