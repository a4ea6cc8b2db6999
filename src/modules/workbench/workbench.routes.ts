import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { t } from '../../platform/i18n/messages';
import { workbenchSources, type WorkbenchItem } from '../../platform/workbench';
import { requireActor } from '../../platform/auth/actor';

const item = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  to: z.string(),
  tone: z.enum(['danger', 'warning', 'normal']),
  detail: z.string().nullable(),
  urge: z.object({ path: z.string(), body: z.record(z.string(), z.union([z.string(), z.number()])), urgedAt: z.date().nullable() }).nullable(),
});
export const workbenchResponse = z.object({
  items: z.array(item),
  /** Some module's figures could not be counted just now (logged): the workbench shows what it has and says so. */
  incomplete: z.boolean(),
});

export const workbenchRoutes: RouteModule = (app, { db }) => {
  app.get('/workbench', {
    config: { access: 'authenticated' },
    schema: { tags: ['workbench'], summary: '我的待办（工作台）：每一项是一个数和打开它的列表', response: { 200: workbenchResponse } },
  }, async (req) => {
    const actor = requireActor(req.ctx);
    const ctx = { ...req.ctx, actor };
    let incomplete = false;
    const lists = await Promise.all(workbenchSources().map(([module, source]) => source(db, ctx).catch((err: unknown) => {
      req.log.error({ err, module }, 'workbench source failed');
      incomplete = true;
      return [] as WorkbenchItem[];
    })));
    const items = lists.flat().map((i) => ({
      key: i.key,
      label: t(ctx.locale, `workbench.${i.key}`),
      count: i.count,
      to: i.to,
      tone: i.tone,
      detail: i.detail === undefined ? null : t(ctx.locale, `workbench.${i.key}.detail`, { n: i.detail }),
      urge: i.urge ?? null,
    }));
    return { items, incomplete };
  });
};
