import { beforeAll, describe, expect, test } from 'vitest';
import type { ResponseOf } from '../../api/types';
import type { Role, ScopeKind } from '../../modules/auth/api/auth.api';
import type { TaskStatus, ChecklistLevel, CheckCycle, ItemSource, PlanType } from '../../modules/hazards/api/checks.api';
import type { HazardClass, HazardLevel, HazardOp, HazardSource, HazardStatus } from '../../modules/hazards/api/hazards.api';
import type { EnterpriseStatus } from '../../modules/enterprises/api/enterprises.api';
import type { EmployeeStatus, EmploymentForm } from '../../modules/employees/api/employees.api';
import type { OrgUnitKind } from '../../modules/org/api/org.api';
import { CORE_MESSAGE_KEYS, isMessageKey, messageKeys, translate } from '../i18n';
import { loadModuleMessages } from '../module-messages';
import { WEB_MODULES } from '../module-list';
import { HAZARD_TABS, MAJOR_TABS, WORKBENCH_TABS } from '../../modules/hazards/components/hazard-tabs';

/** Every value of a union, checked by the compiler (`npm run typecheck`): a value missing from the list fails it. */
const every = <U extends string | number>() => <const A extends readonly U[]>(values: A & ([U] extends [A[number]] ? unknown : never)) => values;

type AuditProblem = ResponseOf<'/audit/verify'>['problems'][number]['reason'];
type RiskKind = ItemOf2<ResponseOf<'/enterprises/{enterpriseId}/risk-points'>>['kind'];
type ItemOf2<T> = T extends { items: (infer I)[] } ? I : never;

/**
 * Keys built from data (`hazardStatus.${status}`): for each prefix the screens use, every value the server can send.
 * The value lists are tied to the generated API types, so a new status on the server fails the typecheck until it is
 * listed here, and then this test until both languages have it.
 */
const DATA_KEYS: Record<string, readonly (string | number)[]> = {
  // The hazard ledger's empty sentence, one per tab it can show (the regulator's tabs are a subset of these).
  'hazardEmpty': [...HAZARD_TABS, ...MAJOR_TABS, ...WORKBENCH_TABS],
  'role': every<Role>()(['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee', 'insurer_staff', 'service_staff']),
  'roleIntro': every<Role>()(['district_admin', 'department_officer', 'subdistrict_officer', 'enterprise_principal', 'safety_manager', 'unit_leader', 'employee', 'insurer_staff', 'service_staff']),
  'scopeKind': every<ScopeKind>()(['district', 'department', 'subdistrict', 'enterprise', 'institution']),
  'hazardStatus': every<HazardStatus>()(['reported', 'confirmed', 'rectifying', 'submitted', 'closed', 'voided']),
  'hazardLevel': every<HazardLevel>()(['general', 'major']),
  'hazardSource': every<HazardSource>()(['self_check', 'employee_report', 'regulator', 'tip_off', 'insurer', 'service']),
  'hazardClass': every<HazardClass>()(['thing', 'behaviour', 'management']),
  'hazardOp': every<HazardOp>()(['confirm', 'assign', 'submit', 'accept', 'reject', 'void', 'fixOnSpot', 'requestExtension', 'decideExtension']),
  'enterpriseStatus': every<EnterpriseStatus>()(['active', 'suspended', 'closed']),
  'employmentForm': every<EmploymentForm>()(['regular', 'dispatched', 'temporary', 'migrant', 'intern']),
  'employeeStatus': every<EmployeeStatus>()(['active', 'left']),
  'orgKind': every<OrgUnitKind>()(['company', 'department', 'workshop', 'team']),
  'checklistLevel': every<ChecklistLevel>()(['enterprise', 'workshop', 'post']),
  'checkCycle': every<CheckCycle>()(['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
  'itemSource': every<ItemSource>()(['standard', 'enterprise', 'risk']),
  'planType': every<PlanType>()(['daily', 'comprehensive', 'special', 'seasonal', 'holiday', 'resumption']),
  'taskStatus': every<TaskStatus>()(['open', 'done', 'missed']),
  'audit.problem': every<AuditProblem>()(['hash_mismatch', 'prev_hash_mismatch', 'gap', 'head_mismatch']),
  'risk.kind': every<RiskKind>()(['equipment', 'operation', 'place']),
  'risk.grade': [1, 2, 3, 4],
  'risk.level': ['company', 'department', 'workshop', 'team'],
  'doubleReportType': ['month', 'quarter', 'year'],
};

/**
 * Prefixes whose values are open-ended (entity types, notification kinds, accident types…): the screens pass a
 * fallback to `tx`, so an unknown value shows the server's text, never a key.
 */
const OPEN_PREFIXES = new Set([
  'notificationKind', 'accident', 'risk.value', 'risk.report.action', 'printGrade', 'hazardTab', 'hazardEscalation',
  'risk.measure', 'risk.factor', 'risk.method', 'risk.direct', 'risk.gradeShort', 'risk.levelShort', 'doubleReport',
]);

// Every screen's source, as text (Vite reads it at build time of the test).
const raw = import.meta.glob<string>(['../../**/*.{ts,tsx}', '!../../**/__tests__/**', '!../../**/*.gen.ts'], { query: '?raw', import: 'default', eager: true });
const sources = Object.entries(raw).map(([file, text]) => ({ file: file.replace(/^(\.\.\/)+/, ''), text }));

describe('i18n', () => {
  // The modules' strings arrive with their chunks, as in the app once signed in.
  beforeAll(async () => { await loadModuleMessages(); });

  test('the core dictionary (all the login page carries) holds no module\'s strings; each module brings its own', async () => {
    const core = new Set<string>(CORE_MESSAGE_KEYS);
    for (const m of WEB_MODULES) {
      const own = Object.keys(await m.messages!());
      expect(own.length, m.name).toBeGreaterThan(0);
      expect(own.filter((k) => core.has(k)), m.name).toEqual([]);
    }
    expect(messageKeys().length).toBeGreaterThan(core.size);
  });

  test('every entry has both languages, the Chinese first, with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const bad: string[] = [];
    for (const key of messageKeys()) {
      const zh = translate('zh-CN', key);
      const en = translate('en-US', key);
      if (!zh.trim() || !en.trim()) bad.push(`${key}: empty`);
      if (JSON.stringify(placeholders(zh)) !== JSON.stringify(placeholders(en))) bad.push(`${key}: placeholders differ`);
      if (zh === key || en === key) bad.push(`${key}: the key itself`);
    }
    expect(bad).toEqual([]);
  });

  test('no text shows a rule ID, RULES.md or [cfg] to people (issue 10)', () => {
    const shown: string[] = [];
    for (const key of messageKeys()) {
      for (const locale of ['zh-CN', 'en-US'] as const) {
        const text = translate(locale, key);
        if (/\bR-[A-Z]{2,}(-\d+)?\b|RULES\.md|\[cfg\]/.test(text)) shown.push(`${key} (${locale}): ${text}`);
      }
    }
    expect(shown).toEqual([]);
  });

  test('every literal key the screens pass to t() or tx() exists', () => {
    expect(sources.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\b(?:t|tx)\(\s*'([a-zA-Z][\w.]*)'/g)) if (!isMessageKey(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  test('keys built from data exist for every value the server can send, in both languages', () => {
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(DATA_KEYS)) {
      for (const v of values) if (!isMessageKey(`${prefix}.${v}`)) missing.push(`${prefix}.${v}`);
    }
    expect(missing).toEqual([]);
  });

  // t() takes only MessageKey, so the compiler checks a template key built from a typed value; tx() takes any string.
  test('every prefix of a key tx() builds from data is covered above (no key shown raw)', () => {
    const uncovered = new Set<string>();
    for (const { file, text } of sources) {
      for (const m of text.matchAll(/\btx\(\s*`([a-zA-Z][\w.]*)\.\$\{/g)) {
        const prefix = m[1]!;
        if (!(prefix in DATA_KEYS) && !OPEN_PREFIXES.has(prefix)) uncovered.add(`${file}: ${prefix}`);
      }
    }
    expect([...uncovered]).toEqual([]);
  });
});
