import { formatDateTime } from '../../app/format';
import { isMessageKey, translate, type Locale } from '../../app/i18n';

/**
 * The audit log's before/after records in words. The services write database rows (`org_unit_id`) and views
 * (`orgUnitId`) alike, so a field is looked up by its key in camelCase; a coded value (a status, a level, a grade…) is
 * named through the dictionary of the screen that shows it, chosen by the record type and the field.
 */
export type AuditFormat = {
  locale: Locale;
  /** The audit row's entity type: `status` of a hazard and `status` of an employee are different codes. */
  entityType: string;
  /** The record types' names from the server, for values that name a record type (a file's `ownerType`). */
  entityNames?: ReadonlyMap<string, string>;
};

/** Per record type, the fields whose values are codes and the dictionary prefix that names them. */
const VALUES_BY_ENTITY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  hazard: { status: 'hazardStatus', level: 'hazardLevel', source: 'hazardSource' },
  employee: { status: 'employeeStatus' },
  enterprise: { status: 'enterpriseStatus' },
  org_unit: { kind: 'orgKind' },
  check_task: { status: 'taskStatus' },
  checklist: { level: 'checklistLevel' },
  check_plan: { type: 'planType' },
  risk_point: { kind: 'risk.kind', status: 'auditValue.riskPointStatus', level: 'risk.level', category: 'risk.measure', type: 'auditValue.shapeType' },
  risk_annual_report: { status: 'risk.reportStatus' },
  hazard_report: { status: 'doubleReportStatus' },
  submission: { status: 'submission.status', kind: 'auditValue.submissionKind' },
  export: { kind: 'auditValue.exportKind' },
  photo: { role: 'auditValue.photoStage' },
  attachment: { kind: 'auditValue.fileKind' },
};

/** Fields whose values are the same codes whatever the record. */
const VALUES_ANYWHERE: Readonly<Record<string, string>> = {
  role: 'role',
  employmentForm: 'employmentForm',
  hazardClass: 'hazardClass',
  cycle: 'checkCycle',
  stage: 'risk.stage',
  controlLevel: 'risk.level',
  grade: 'risk.grade',
  inherentGrade: 'risk.grade',
  residualGrade: 'risk.grade',
  accidentTypes: 'accident',
  method: 'risk.method',
  conditions: 'risk.direct',
  locale: 'auditValue.locale',
  via: 'auditValue.via',
  mode: 'auditValue.importMode',
};

/** Objects whose keys are themselves codes: the counts by risk grade, the four kinds of hazard factor. */
const KEYS_UNDER: Readonly<Record<string, string>> = { byGrade: 'risk.grade', hazardFactors: 'risk.factor' };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `org_unit_id` → `orgUnitId`. */
export function fieldKey(field: string): string {
  return field.replace(/_([a-z\d])/g, (_, c: string) => c.toUpperCase());
}

/** A key nobody named yet, in words rather than as written (`skippedRows` → "Skipped rows"). */
function humanise(field: string): string {
  const words = field.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field's label; `parent` is the field the value sits in, for objects keyed by codes (`byGrade.1`). */
export function auditFieldLabel(locale: Locale, field: string, parent?: string): string {
  const under = parent === undefined ? undefined : KEYS_UNDER[fieldKey(parent)];
  const coded = under && `${under}.${field}`;
  if (coded && isMessageKey(coded)) return translate(locale, coded);
  const key = `auditField.${fieldKey(field)}`;
  return isMessageKey(key) ? translate(locale, key) : humanise(field);
}

function codeName(f: AuditFormat, field: string, value: string | number): string | null {
  const key = fieldKey(field);
  if (key === 'ownerType') return f.entityNames?.get(String(value)) ?? null;
  const prefix = VALUES_BY_ENTITY[f.entityType]?.[key] ?? VALUES_ANYWHERE[key];
  const named = prefix && `${prefix}.${value}`;
  return named && isMessageKey(named) ? translate(f.locale, named) : null;
}

/**
 * One field's value in words: codes named, yes/no, instants on the district's clock, lists joined, nested records as
 * "label: value" pairs (a list of records one per line at the top). Nothing empty shows as a blank.
 */
export function formatAuditValue(f: AuditFormat, field: string, value: unknown, depth = 0): string {
  const { locale } = f;
  if (value === undefined || value === null || value === '') return translate(locale, 'auditValue.empty');
  if (typeof value === 'boolean') return translate(locale, value ? 'common.yes' : 'common.no');
  if (typeof value === 'string' || typeof value === 'number') {
    const named = codeName(f, field, value);
    if (named !== null) return named;
    return typeof value === 'string' && INSTANT.test(value) ? formatDateTime(value) : String(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return translate(locale, 'auditValue.empty');
    const records = value.some(isRecord);
    const sep = records ? (depth === 0 ? '\n' : translate(locale, 'auditValue.fieldSep')) : translate(locale, 'auditValue.listSep');
    return value.map((v) => formatAuditValue(f, field, v, depth)).join(sep);
  }
  if (!isRecord(value) || depth > 3) return JSON.stringify(value);
  const colon = translate(locale, 'auditValue.colon');
  const text = Object.entries(value)
    .map(([k, v]) => `${auditFieldLabel(locale, k, field)}${colon}${formatAuditValue(f, k, v, depth + 1)}`)
    .join(translate(locale, 'auditValue.fieldSep'));
  return depth === 0 ? text : translate(locale, 'auditValue.group', { x: text });
}
