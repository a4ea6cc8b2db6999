import { registerMessages, t, type Locale } from '../i18n/messages';

/** Audit codes named for people, zh-CN first: an entity type (`risk_point`) or an action (`hazard.confirm`). */
export type AuditNames = Readonly<Record<string, readonly [zhCN: string, enUS: string]>>;

/** One code of the audit vocabulary with its name in the caller's language. */
export type AuditTerm = { code: string; name: string };

const entities = new Set<string>();
const actions = new Set<string>();

/**
 * Declares entity types and actions with their names in both locales (a module's, through its manifest). The names
 * are messages (`audit.entity.<code>`, `audit.action.<code>`), so two modules that name one code differently fail at
 * start like any other message collision.
 */
export function registerAuditNames(names: { entities?: AuditNames; actions?: AuditNames }): void {
  for (const [prefix, dict, codes] of [['audit.entity', names.entities, entities], ['audit.action', names.actions, actions]] as const) {
    if (!dict) continue;
    const pairs = Object.entries(dict);
    registerMessages({
      'zh-CN': Object.fromEntries(pairs.map(([code, [zh]]) => [`${prefix}.${code}`, zh])),
      'en-US': Object.fromEntries(pairs.map(([code, [, en]]) => [`${prefix}.${code}`, en])),
    });
    for (const [code] of pairs) codes.add(code);
  }
}

// A code nobody named (a row written before its module named it, or by a module no longer mounted) reads as a plain
// "other", never as the code itself.
registerMessages({
  'zh-CN': { 'audit.entity.other': '其他', 'audit.action.other': '其他' },
  'en-US': { 'audit.entity.other': 'Other', 'audit.action.other': 'Other' },
});

/** The entity types and actions the platform's own machinery writes (stored files, submissions, urges, the demo). */
export const PLATFORM_AUDIT_NAMES = {
  entities: {
    photo: ['照片', 'Photo'],
    attachment: ['附件', 'Attachment'],
    submission: ['报送文件', 'Submitted document'],
  },
  actions: {
    'photo.upload': ['上传照片', 'Photo uploaded'],
    'photo.link': ['关联照片', 'Photo linked to a record'],
    'photo.lock': ['锁定照片', 'Photo locked'],
    'photo.delete': ['删除照片', 'Photo deleted'],
    'photo.process': ['处理照片', 'Photo processed'],
    'attachment.upload': ['上传附件', 'Attachment uploaded'],
    'attachment.link': ['关联附件', 'Attachment linked to a record'],
    'attachment.lock': ['锁定附件', 'Attachment locked'],
    'attachment.delete': ['删除附件', 'Attachment deleted'],
    'attachment.process': ['处理附件', 'Attachment processed'],
    'submission.pdf.archive': ['存档报送 PDF', 'Submitted PDF archived'],
    urge: ['催报', 'Urged'],
    'system.seed_demo': ['载入演示数据', 'Demo data loaded'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };

registerAuditNames(PLATFORM_AUDIT_NAMES);

/** Every entity type and action named so far, in the order they were declared (platform first, then the modules). */
export function auditCodes(): { entities: string[]; actions: string[] } {
  return { entities: [...entities], actions: [...actions] };
}

export function auditEntityName(locale: Locale, code: string): string {
  return t(locale, entities.has(code) ? `audit.entity.${code}` : 'audit.entity.other');
}

export function auditActionName(locale: Locale, code: string): string {
  return t(locale, actions.has(code) ? `audit.action.${code}` : 'audit.action.other');
}

/** The audit screen's filter options: every named entity type and action, in the caller's language. */
export function auditVocabulary(locale: Locale): { entityTypes: AuditTerm[]; actions: AuditTerm[] } {
  return {
    entityTypes: [...entities].map((code) => ({ code, name: auditEntityName(locale, code) })),
    actions: [...actions].map((code) => ({ code, name: auditActionName(locale, code) })),
  };
}
