import { beforeAll, describe, expect, test } from 'vitest';
import { translate, type Locale, type MessageKey } from '../../../app/i18n';
import { loadModuleMessages } from '../../../app/module-messages';
import { auditFieldLabel, fieldKey, formatAuditValue, type AuditFormat } from '../audit-format';

// The screens' own dictionaries (hazard statuses, risk grades…) arrive with the modules' chunks, as once signed in.
beforeAll(async () => { await loadModuleMessages(); });

const both = (key: MessageKey) => [translate('zh-CN', key), translate('en-US', key)];
const fmt = (locale: Locale, entityType: string, entityNames?: ReadonlyMap<string, string>): AuditFormat => ({ locale, entityType, entityNames });

describe('the audit diff in words', () => {
  test('a field is labelled whether the service wrote a row (snake_case) or a view (camelCase)', () => {
    expect(fieldKey('org_unit_id')).toBe('orgUnitId');
    for (const [field, key] of [['status', 'auditField.status'], ['org_unit_id', 'auditField.orgUnitId'], ['orgUnitId', 'auditField.orgUnitId'],
      ['deadline', 'auditField.deadline'], ['employment_form', 'auditField.employmentForm'], ['grade', 'auditField.grade']] as const) {
      expect([auditFieldLabel('zh-CN', field), auditFieldLabel('en-US', field)]).toEqual(both(key));
    }
    expect(auditFieldLabel('zh-CN', 'title')).not.toBe('title');
  });

  test('a field nobody named reads as words, not as its key', () => {
    expect(auditFieldLabel('en-US', 'someNewCounter')).toBe('Some new counter');
    expect(auditFieldLabel('zh-CN', 'some_new_counter')).toBe('Some new counter');
  });

  test('keys that are codes under their parent are named: counts by risk grade, hazard factors', () => {
    expect(auditFieldLabel('zh-CN', '1', 'byGrade')).toBe(translate('zh-CN', 'risk.grade.1'));
    expect(auditFieldLabel('en-US', 'people', 'hazardFactors')).toBe(translate('en-US', 'risk.factor.people'));
  });

  test.each([
    ['hazard', 'status', 'rectifying', 'hazardStatus.rectifying'],
    ['hazard', 'level', 'major', 'hazardLevel.major'],
    ['hazard', 'source', 'tip_off', 'hazardSource.tip_off'],
    ['employee', 'employment_form', 'dispatched', 'employmentForm.dispatched'],
    ['employee', 'status', 'left', 'employeeStatus.left'],
    ['enterprise', 'status', 'suspended', 'enterpriseStatus.suspended'],
    ['risk_point', 'grade', 2, 'risk.grade.2'],
    ['risk_point', 'residual_grade', 1, 'risk.grade.1'],
    ['risk_point', 'status', 'archived', 'auditValue.riskPointStatus.archived'],
    ['risk_annual_report', 'status', 'confirmed', 'risk.reportStatus.confirmed'],
    ['hazard_report', 'status', 'submitted', 'doubleReportStatus.submitted'],
    ['check_task', 'status', 'missed', 'taskStatus.missed'],
    ['checklist', 'level', 'workshop', 'checklistLevel.workshop'],
    ['check_plan', 'type', 'seasonal', 'planType.seasonal'],
    ['org_unit', 'kind', 'team', 'orgKind.team'],
    ['user', 'role', 'safety_manager', 'role.safety_manager'],
  ] as const)('%s %s %s is named in both languages', (entityType, field, value, key) => {
    expect([formatAuditValue(fmt('zh-CN', entityType), field, value), formatAuditValue(fmt('en-US', entityType), field, value)]).toEqual(both(key));
  });

  test('the same field means different codes on different records', () => {
    expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'status', 'closed')).toBe(translate('zh-CN', 'hazardStatus.closed'));
    expect(formatAuditValue(fmt('zh-CN', 'enterprise'), 'status', 'closed')).toBe(translate('zh-CN', 'enterpriseStatus.closed'));
    expect(formatAuditValue(fmt('zh-CN', 'checklist'), 'level', 'post')).toBe(translate('zh-CN', 'checklistLevel.post'));
  });

  test('booleans read yes/no, empty values a dash, free text and unknown codes as written', () => {
    expect(formatAuditValue(fmt('zh-CN', 'enterprise'), 'high_risk', true)).toBe('是');
    expect(formatAuditValue(fmt('en-US', 'enterprise'), 'highRisk', false)).toBe('No');
    for (const empty of [null, undefined, '', []]) expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'deadline', empty)).toBe('—');
    expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'title', '配电箱门未关')).toBe('配电箱门未关');
    expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'status', 'someday')).toBe('someday');
  });

  test('instants read on the district\'s clock; calendar dates stay as they are', () => {
    expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'confirmed_at', '2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
    expect(formatAuditValue(fmt('zh-CN', 'hazard'), 'deadline', '2026-03-08')).toBe('2026-03-08');
  });

  test('lists and nested records are spelled out with labels and named codes', () => {
    expect(formatAuditValue(fmt('zh-CN', 'risk_point'), 'accident_types', ['火灾', '触电'])).toBe('火灾、触电');
    expect(formatAuditValue(fmt('en-US', 'risk_point'), 'accidentTypes', ['火灾', '触电'])).toBe('Fire, Electric shock');
    // risk.controllers writes a list of { level, employee_id }: one line per entry.
    const controllers = formatAuditValue(fmt('en-US', 'risk_point'), 'value', [{ level: 'company', employee_id: 'e1' }, { level: 'team', employee_id: 'e2' }]);
    const [level, employee] = [translate('en-US', 'auditField.level'), translate('en-US', 'auditField.employeeId')];
    expect(controllers).toBe(`${level}: ${translate('en-US', 'risk.level.company')}; ${employee}: e1\n${level}: ${translate('en-US', 'risk.level.team')}; ${employee}: e2`);
    const totals = formatAuditValue(fmt('zh-CN', 'risk_annual_report'), 'totals', { total: 3, byGrade: { 1: 1, 2: 2 } });
    expect(totals).toBe(`总数：3；各等级数量：（${translate('zh-CN', 'risk.grade.1')}：1；${translate('zh-CN', 'risk.grade.2')}：2）`);
  });

  test('a file\'s owner type reads as the record type\'s name the server gave', () => {
    const names = new Map([['hazard', '隐患']]);
    expect(formatAuditValue(fmt('zh-CN', 'photo', names), 'ownerType', 'hazard')).toBe('隐患');
    expect(formatAuditValue(fmt('zh-CN', 'photo', names), 'role', 'after')).toBe(translate('zh-CN', 'auditValue.photoStage.after'));
  });
});
