import { PLATFORM_AUDIT_NAMES, registerAuditNames, type AuditNames } from './audit/audit-names';
import type { Role } from './db/schema';
import { registerUniqueFields, type FieldIssue } from './errors';
import { grantPermissions, type Permission } from './auth/permissions';
import type { RouteModule } from './http/app';
import { registerMessages, type MessageDict } from './i18n/messages';
import type { JobRunner } from './jobs/runner';
import { registerNotificationKinds, type NotificationKindNames } from './outbox';
import { registerObligations, type ObligationDefinition } from './obligations/obligation.definition';
import { registerRuleSets, type RuleSetDef } from './rules/rule-set';
import { registerWorkbenchSource, type WorkbenchSource } from './workbench';

/**
 * One module's public door (STYLE: "a module is one folder with one public door"): everything the platform needs to
 * mount it, declared in one object in the module's `index.ts`. Adding a module is writing its folder and one line in
 * the module list (src/app.ts); the permission map, the message files and the app stop being edited per module.
 */
export type ModuleManifest = {
  /** A short name, unique among modules (logs and errors). */
  name: string;
  /** Route registrations, mounted under /api/v1. Every route declares its access (platform/http/app.ts). */
  routes: readonly RouteModule[];
  /** Registers the module's job handlers and schedules on the platform's runner. */
  jobs?: (jobs: JobRunner) => void;
  /** Permissions this module adds to the vocabulary (typed by merging into `ModulePermissions`). */
  permissions?: readonly Permission[];
  /** Which roles hold which of them (the district admin holds all). */
  roleGrants?: Partial<Record<Role, readonly Permission[]>>;
  /** Messages for people, both locales (`defineMessages` types them), in one dictionary or several. */
  messages?: MessageDict | readonly MessageDict[];
  /**
   * The entity types its audit rows name, each named in both locales: the audit screen's column, title and filter
   * read the union of every module's (src/platform/audit/audit-names.ts). A code nobody names reads "other".
   */
  auditEntities?: AuditNames;
  /** The actions its audit rows record (`hazard.confirm`), each named in both locales, likewise. */
  auditActions?: AuditNames;
  /** The kinds of notification it sends, each named in both locales (the tag people read in the bell). */
  notificationKinds?: NotificationKindNames;
  /** Its [cfg] rule-sets (src/platform/rules/): versioned per district, edited on the one 规则配置 screen. */
  ruleSets?: readonly RuleSetDef[];
  /** Its items on the home page's to-do workbench for the person asking (src/platform/workbench.ts). */
  workbench?: WorkbenchSource;
  /**
   * Its duties that come due (src/platform/obligations, issue 11): each definition's rule id, owner, cadence or trigger,
   * which enterprises owe it and what fulfils it. The engine (src/modules/obligations) does the rest.
   */
  obligations?: readonly ObligationDefinition[];
  /**
   * Its unique constraints that guard one field, by PostgreSQL constraint name (`risk_points_enterprise_id_code_key`):
   * a violation the service's own check missed (a race) is answered at that field (src/platform/errors.ts).
   */
  uniqueFields?: Readonly<Record<string, FieldIssue>>;
};

const installed = new Set<string>();

/**
 * Installs what a list of manifests declares into the process-wide registries (permissions, messages, audit names;
 * idempotent per module name) and returns what the app and job runner mount, and the audit codes they name.
 */
export function installModules(modules: readonly ModuleManifest[]): {
  routes: RouteModule[]; jobs: ((jobs: JobRunner) => void)[]; auditEntities: string[]; auditActions: string[];
} {
  const names = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
    if (installed.has(m.name)) continue;
    grantPermissions(m.permissions ?? [], m.roleGrants ?? {});
    for (const dict of m.messages ? [m.messages].flat() : []) registerMessages(dict);
    if (m.ruleSets) registerRuleSets(m.ruleSets);
    if (m.notificationKinds) registerNotificationKinds(m.notificationKinds);
    if (m.workbench) registerWorkbenchSource(m.name, m.workbench);
    if (m.obligations) registerObligations(m.obligations);
    if (m.uniqueFields) registerUniqueFields(m.uniqueFields);
    registerAuditNames({ entities: m.auditEntities, actions: m.auditActions });
    installed.add(m.name);
  }
  return {
    routes: modules.flatMap((m) => m.routes),
    jobs: modules.flatMap((m) => (m.jobs ? [m.jobs] : [])),
    auditEntities: declared(PLATFORM_AUDIT_NAMES.entities, modules.map((m) => m.auditEntities)),
    auditActions: declared(PLATFORM_AUDIT_NAMES.actions, modules.map((m) => m.auditActions)),
  };
}

/** The codes the platform and these modules name, sorted. */
function declared(platform: AuditNames, names: readonly (AuditNames | undefined)[]): string[] {
  return [...new Set([platform, ...names].flatMap((n) => Object.keys(n ?? {})))].sort();
}
