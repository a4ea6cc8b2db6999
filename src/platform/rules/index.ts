import type { ModuleManifest } from '../module';
import { rulesRoutes } from './rules.routes';

export { defineRuleSet, type RuleSetDef, type RuleSetValue } from './rule-set';
export { currentRules, currentRulesByDistrict, currentRulesOf, rulesVersion, type RulesAt, type Versioned } from './rules.service';

declare module '../auth/permissions' {
  interface ModulePermissions {
    'rules.manage': true;
  }
}

/**
 * The rule-set admin API (规则配置). Modules declare their rule-sets in their own manifests (`ruleSets`); this
 * platform manifest only mounts the one API over all of them. Its permission is the district admin's alone (the
 * district admin holds every permission; no role is granted it).
 */
export const rulesModule: ModuleManifest = {
  name: 'rules', routes: [rulesRoutes], permissions: ['rules.manage'],
  auditEntities: { rule_set: ['规则配置', 'Rule-set'] }, auditActions: { 'rules.save': ['保存规则配置', 'Rule-set saved'] },
  messages: {
    'zh-CN': {
      'rules.staleVersion': '规则已被他人修改（当前为第 {version} 版），请刷新后再编辑',
      'rules.invalid.type': '格式不正确',
      'rules.invalid.integer': '须为整数',
      'rules.invalid.option': '不是可选的值（可选：{options}）',
      'rules.invalid.unknownKeys': '包含未知的项：{keys}',
      'rules.invalid.value': '取值不正确',
    },
    'en-US': {
      'rules.staleVersion': 'Someone else changed these rules (now version {version}); reload before editing',
      'rules.invalid.type': 'Invalid format',
      'rules.invalid.integer': 'Must be a whole number',
      'rules.invalid.option': 'Not one of the options ({options})',
      'rules.invalid.unknownKeys': 'Unknown entries: {keys}',
      'rules.invalid.value': 'Invalid value',
    },
  },
};
