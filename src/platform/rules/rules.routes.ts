import { z } from 'zod';
import type { RouteModule } from '../http/app';
import { getRuleSet, listRuleSets, saveRuleSet } from './rules.service';

const params = z.object({ name: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/) });
const about = {
  name: z.string(), module: z.string(), rules: z.array(z.string()), title: z.string(), description: z.string(),
  fields: z.record(z.string(), z.string()),
};
// A rule-set's value is checked against its own schema by the service (its JSON Schema is in `schema`).
const value = z.unknown();
const version = z.object({ version: z.number().int(), value, note: z.string(), createdAt: z.date().nullable() });

/** The one admin API for every module's rule-sets (RULES.md "Conventions" [cfg]). */
export const rulesRoutes: RouteModule = (app, { db }) => {
  app.get('/rules', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['rules'], summary: '规则配置：全部规则集及生效版本',
      response: { 200: z.object({ items: z.array(z.object({ ...about, version: z.number().int(), updatedAt: z.date().nullable() })) }) },
    },
  }, async (req) => listRuleSets(db, req.ctx));

  app.get('/rules/:name', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['rules'], summary: '一个规则集：生效值、默认值、结构与历史版本', params,
      response: {
        200: z.object({
          ...about, current: version, defaults: value, schema: z.record(z.string(), z.unknown()),
          history: z.array(version.extend({ createdAt: z.date(), createdBy: z.string().nullable() })),
        }),
      },
    },
  }, async (req) => getRuleSet(db, req.ctx, req.params.name));

  app.put('/rules/:name', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['rules'], summary: '保存规则集的新版本（追加，不修改旧版本）', params,
      body: z.object({ value, note: z.string().trim().max(500).default(''), baseVersion: z.number().int().min(0).optional() }),
      response: { 200: version },
    },
  }, async (req) => saveRuleSet(db, req.ctx, req.params.name, req.body));
};
