import type { Actor, Ctx } from '../../platform/auth/actor';
import { can, requireActor } from '../../platform/auth/actor';
import { managedEnterpriseId } from '../../platform/auth/policy';
import { writeAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import { AppError, alreadyTaken, forbidden, invalid, notFound } from '../../platform/errors';
import type { Page } from '../../platform/http/route';
import { currentRules } from '../../platform/rules';
import { localDay } from '../../platform/time';
import { triggerEvent } from '../obligations';
import { validateCreditCode } from './credit-code';
import { deriveEnterpriseAttributes } from './enterprise-attributes';
import { ENTERPRISE_ATTRIBUTE_RULES } from './enterprise-attributes.rule-sets';
import { factsOf } from './enterprise-attributes.service';
import { enterpriseStatusChanged } from './enterprise-status';
import {
  creditCodeTaken, findEnterprise, industryExists, insertEnterprise, listEnterprises, subdistrictOfDistrict, updateEnterpriseRow,
  type EnterpriseWithNames,
} from './enterprise.repository';
import { insertOrgUnit } from './org-unit.repository';
import type { EnterpriseCreate, EnterpriseDetail, EnterpriseListQuery, EnterpriseUpdateInput } from './enterprise.schema';

type Summary = Omit<EnterpriseDetail, 'address' | 'legalRepresentative' | 'principalPhone' | 'aboveScale' | 'centralProvincial' | 'stateOwned' | 'crowdedVenue'
  | 'annualRevenueWan' | 'hazardousGoodsCarrier' | 'hasWorkersCongress' | 'actualController' | 'onboardedOn' | 'attributes' | 'version' | 'createdAt' | 'abilities'>;

export async function listEnterpriseDirectory(db: Db, ctx: Ctx, q: EnterpriseListQuery): Promise<Page<Summary>> {
  const actor = requireActor(ctx);
  const { items: rows, total } = await listEnterprises(db, actor.scope, q);
  return {
    items: rows.map((r) => ({
      id: r.id, creditCode: r.credit_code, name: r.name, subdistrictId: r.subdistrict_id, subdistrictName: r.subdistrict_name,
      industryCode: r.industry_code, industryName: r.industry_name, employeeCount: r.employee_count, highRisk: r.high_risk,
      status: r.status, principalName: r.principal_name, updatedAt: r.updated_at,
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}

/** Enterprise users edit their own profile; the district admin edits any. Regulators read only. */
function canEdit(actor: Actor): boolean {
  if (!can(actor, 'enterprise.update')) return false;
  return actor.scope.kind === 'district' || managedEnterpriseId(actor) !== null;
}

/** The profile as the caller sees it, with the RULES.md §8 attributes derived under the district's rule-set in force. */
async function present(db: Executor, e: EnterpriseWithNames, actor: Actor): Promise<EnterpriseDetail> {
  const rules = await currentRules(db, e.district_id, ENTERPRISE_ATTRIBUTE_RULES);
  const a = deriveEnterpriseAttributes(factsOf(e), rules.value);
  return {
    id: e.id, creditCode: e.credit_code, name: e.name, address: e.address, subdistrictId: e.subdistrict_id,
    subdistrictName: e.subdistrict_name, industryCode: e.industry_code, industryName: e.industry_name,
    legalRepresentative: e.legal_representative, principalName: e.principal_name, principalPhone: e.principal_phone,
    employeeCount: e.employee_count, aboveScale: e.above_scale, centralProvincial: e.central_provincial,
    stateOwned: e.state_owned, crowdedVenue: e.crowded_venue, highRisk: e.high_risk, status: e.status,
    annualRevenueWan: e.annual_revenue_wan === null ? null : Number(e.annual_revenue_wan),
    hazardousGoodsCarrier: e.hazardous_goods_carrier, hasWorkersCongress: e.has_workers_congress,
    actualController: e.actual_controller, onboardedOn: e.onboarded_on,
    attributes: {
      keyIndustry: a.keyIndustry, keyIndustryBy: a.keyIndustryBy, sizeClass: a.sizeClass, sizeEstimated: a.sizeEstimated,
      sizeSector: a.sizeSector, ruleSetVersion: rules.version,
    },
    version: e.version, createdAt: e.created_at, updatedAt: e.updated_at,
    abilities: { canEdit: canEdit(actor) },
  };
}

export async function getEnterprise(db: Executor, ctx: Ctx, id: string): Promise<EnterpriseDetail> {
  const actor = requireActor(ctx);
  const e = await findEnterprise(db, actor.scope, id);
  if (!e) throw notFound();
  return present(db, e, actor);
}

async function checkReferences(db: Executor, actor: Actor, districtId: string, subdistrictId: string | undefined, industryCode: string | undefined) {
  if (subdistrictId && !(await subdistrictOfDistrict(db, actor.scope, districtId, subdistrictId))) throw invalid('body.subdistrictId', 'error.NOT_FOUND');
  if (industryCode && !(await industryExists(db, actor.scope, industryCode))) throw invalid('body.industryCode', 'error.NOT_FOUND');
}

export function checkedCreditCode(input: string): string {
  const r = validateCreditCode(input);
  if (r.ok) return r.code;
  if (r.reason === 'format') throw invalid('body.creditCode', 'validation.creditCode.format');
  throw invalid('body.creditCode', 'validation.creditCode.check', { expected: r.expected });
}

/** The day an enterprise joined the platform is a past or present local date. */
function checkOnboardedOn(ctx: Ctx, day: string | undefined) {
  if (day !== undefined && day > localDay(ctx.now)) throw invalid('body.onboardedOn', 'validation.onboardedOn.future');
}

export async function createEnterprise(db: Db, ctx: Ctx, input: EnterpriseCreate): Promise<EnterpriseDetail> {
  const actor = requireActor(ctx);
  const scope = actor.scope;
  if (scope.kind !== 'district') throw forbidden();
  const creditCode = checkedCreditCode(input.creditCode);
  checkOnboardedOn(ctx, input.onboardedOn);
  return db.transaction().execute(async (tx) => {
    await checkReferences(tx, actor, scope.districtId, input.subdistrictId, input.industryCode);
    if (await creditCodeTaken(tx, scope, creditCode)) throw alreadyTaken('body.creditCode', 'validation.creditCode.duplicate');
    const row = await insertEnterprise(tx, scope, {
      credit_code: creditCode, name: input.name, address: input.address,
      subdistrict_id: input.subdistrictId, industry_code: input.industryCode, legal_representative: input.legalRepresentative,
      principal_name: input.principalName, principal_phone: input.principalPhone, employee_count: input.employeeCount,
      above_scale: input.aboveScale, central_provincial: input.centralProvincial, state_owned: input.stateOwned,
      crowded_venue: input.crowdedVenue, high_risk: input.highRisk, status: input.status,
      annual_revenue_wan: input.annualRevenueWan, hazardous_goods_carrier: input.hazardousGoodsCarrier,
      has_workers_congress: input.hasWorkersCongress, actual_controller: input.actualController,
      onboarded_on: input.onboardedOn ?? localDay(ctx.now),
    });
    // Every enterprise starts with the root of its own tree.
    const rootId = crypto.randomUUID();
    await insertOrgUnit(tx, scope, row.id, { id: rootId, parent_id: null, kind: 'company', name: row.name, path: `/${rootId}/` });
    await writeAudit(tx, ctx, { action: 'enterprise.create', entityType: 'enterprise', entityId: row.id, enterpriseId: row.id, after: row });
    const full = await findEnterprise(tx, actor.scope, row.id);
    return present(tx, full!, actor);
  });
}

// The date it joined the platform decides from when its obligations run: the district's to set, like its supervision.
const REGULATORY_FIELDS = ['subdistrictId', 'industryCode', 'status', 'onboardedOn'] as const;

export async function updateEnterprise(db: Db, ctx: Ctx, id: string, input: EnterpriseUpdateInput): Promise<EnterpriseDetail> {
  const actor = requireActor(ctx);
  return db.transaction().execute(async (tx) => {
    const before = await findEnterprise(tx, actor.scope, id);
    if (!before) throw notFound();
    if (!canEdit(actor)) throw forbidden();
    // Location, industry and status decide who supervises the enterprise: only the district changes them.
    if (actor.scope.kind !== 'district' && REGULATORY_FIELDS.some((f) => input[f] !== undefined && input[f] !== ({ subdistrictId: before.subdistrict_id, industryCode: before.industry_code, status: before.status, onboardedOn: before.onboarded_on })[f])) {
      throw forbidden();
    }
    if (before.version !== input.version) throw new AppError('CONFLICT');
    checkOnboardedOn(ctx, input.onboardedOn);
    await checkReferences(tx, actor, before.district_id, input.subdistrictId, input.industryCode);
    const set = {
      name: input.name, address: input.address, subdistrict_id: input.subdistrictId, industry_code: input.industryCode,
      legal_representative: input.legalRepresentative, principal_name: input.principalName, principal_phone: input.principalPhone,
      employee_count: input.employeeCount, above_scale: input.aboveScale, central_provincial: input.centralProvincial,
      state_owned: input.stateOwned, crowded_venue: input.crowdedVenue, high_risk: input.highRisk, status: input.status,
      annual_revenue_wan: input.annualRevenueWan, hazardous_goods_carrier: input.hazardousGoodsCarrier,
      has_workers_congress: input.hasWorkersCongress, actual_controller: input.actualController, onboarded_on: input.onboardedOn,
    };
    const after = await updateEnterpriseRow(tx, actor.scope, id, input.version,
      { ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)), updated_at: ctx.now });
    if (!after) throw new AppError('CONFLICT');
    const { subdistrict_name: _s, industry_name: _i, industry_categories: _c, ...beforeRow } = before;
    await writeAudit(tx, ctx, { action: 'enterprise.update', entityType: 'enterprise', entityId: id, enterpriseId: id, before: beforeRow, after });
    // R-COM-1: a new principal signs a new commitment within N [cfg] days (the principal's own duties follow the role, so
    // the open ones are his from now on).
    if (after.principal_name !== before.principal_name && after.principal_name.trim() && before.principal_name.trim()) {
      await triggerEvent(tx, ctx, { enterpriseId: id, event: 'principal.changed', at: ctx.now, subjectKey: after.principal_name, subjectLabel: after.principal_name });
    }
    if (after.status !== before.status) {
      // Issue 11 §9, R-RESP-6: leaving 'suspended' is a resumption; the duties it opens count from today, and the
      // listeners (the responsibility module's key moments) act in this transaction.
      if (before.status === 'suspended' && after.status === 'active') {
        await triggerEvent(tx, ctx, { enterpriseId: id, event: 'enterprise.reactivated', at: ctx.now, subjectKey: id, subjectLabel: after.name });
      }
      await enterpriseStatusChanged(tx, ctx, { enterpriseId: id, name: after.name, from: before.status, to: after.status });
    }
    const full = await findEnterprise(tx, actor.scope, id);
    return present(tx, full!, actor);
  });
}
