import { z } from 'zod';
import { defineRuleSet } from '../../../platform/rules';
import { INDUSTRIES } from '../../../seed/reference-data';
import { DEFAULT_REQUIRED_RULES } from './documents.rules';

const INDUSTRY_CODES = INDUSTRIES.map((i) => i.code) as [string, ...string[]];

const requiredRule = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: z.string().trim().min(2).max(60),
  nameEn: z.string().trim().min(2).max(120),
  ruleIds: z.array(z.string().regex(/^R-[A-Z]+-\d+$/)).max(10),
  industries: z.array(z.enum(INDUSTRY_CODES)).max(INDUSTRY_CODES.length),
}).strict();

/**
 * R-DOC-1 [cfg], issue 12 §2: the written rules (制度) each enterprise must have, each with the rule IDs that require
 * it and the industries it applies to (none = every enterprise). Rule documents declare which of these codes they
 * satisfy; an enterprise lacks those that apply to its industry and no effective rule document satisfies.
 */
export const REQUIRED_RULES = defineRuleSet({
  name: 'required-rules',
  module: 'management.documents',
  schema: z.object({
    rules: z.array(requiredRule).min(1).max(100)
      .refine((rs) => new Set(rs.map((r) => r.code)).size === rs.length, { message: 'documents.duplicateCode' }),
  }).strict(),
  defaults: { rules: DEFAULT_REQUIRED_RULES.map((r) => ({ ...r, ruleIds: [...r.ruleIds], industries: [...r.industries] })) },
  rules: ['R-DOC-1'],
  labels: {
    'zh-CN': {
      title: '必备安全生产规章制度',
      description: '每家企业必须建立的安全生产规章制度清单。每项制度可限定适用行业（不选即所有企业）；企业的制度文件标明其落实了哪些必备制度，平台据此列出企业缺少的制度。',
      fields: { rules: '必备制度', code: '代码', name: '制度名称', nameEn: '英文名称', ruleIds: '依据的规则编号', industries: '适用行业（不选即所有企业）', ...Object.fromEntries(INDUSTRIES.map((i) => [`@${i.code}`, i.name])) },
    },
    'en-US': {
      title: 'Required safety rules',
      description: 'The written safety rules every enterprise must have. Each may be limited to industries (none = every enterprise); an enterprise\'s rule documents declare which required rules they satisfy, and the platform lists the ones it lacks.',
      fields: { rules: 'Required rules', code: 'Code', name: 'Name', nameEn: 'English name', ruleIds: 'Rule IDs', industries: 'Industries (none = all)', ...Object.fromEntries(INDUSTRIES.map((i) => [`@${i.code}`, i.nameEn])) },
    },
  },
});
