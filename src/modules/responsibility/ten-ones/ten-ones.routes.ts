import { z } from 'zod';
import type { RouteModule } from '../../../platform/http/app';
import { enterpriseParams } from '../../../platform/http/route';
import { boardEnterpriseQuery } from '../../obligations';
import { fiveInPlacePanel, responsibilityOverview } from './ten-ones.service';

const tags = ['responsibility'];
const ratio = z.object({ covered: z.number(), total: z.number(), percent: z.number().nullable() });
const rate = z.object({
  due: z.number(), fulfilled: z.number(), onTime: z.number(), late: z.number(), overdue: z.number(), waived: z.number(),
  rate: z.number().nullable(), onTimeRate: z.number().nullable(),
});

const fiveInPlace = z.object({
  year: z.number(),
  indicators: z.array(z.object({
    key: z.enum(['responsibility', 'management', 'investment', 'training', 'emergency']), state: z.enum(['met', 'notMet', 'notAssessed']),
    reasons: z.array(z.string()),
  })),
  coverage: z.object({ posts: ratio, people: ratio }),
  letters: z.object({ roster: z.number(), done: z.number(), complete: z.boolean() }).nullable(),
  /** The management system's decisions the management and investment indicators read (issue 12). */
  management: z.object({ missingRules: z.array(z.string()), staffingCompliant: z.boolean() }),
  investment: z.object({ budgetApproved: z.boolean(), fee: z.object({ accrued: z.string().nullable(), shortfall: z.string() }).nullable() }),
  /** The plans, drills and rescue organisation the emergency indicator reads (issue 14, R-EMG-1…3). */
  emergency: z.object({
    comprehensivePlanFiled: z.boolean(), mainDrillWithinYear: z.boolean(), drillWithinHalfYear: z.boolean().nullable(),
    rescue: z.object({ required: z.boolean(), met: z.boolean() }),
  }).nullable(),
  principalRate: rate,
});

const overviewPage = z.object({
  items: z.array(z.object({
    enterpriseId: z.string(), name: z.string(), subdistrictId: z.string(), subdistrict: z.string(), industryCode: z.string(), industry: z.string(),
    overdue: z.number(), due: z.number(), fulfilled: z.number(), late: z.number(), waived: z.number(),
    rate: z.number().nullable(), principalRate: z.number().nullable(),
    coveragePosts: z.number().nullable(), coveragePeople: z.number().nullable(),
    lettersRoster: z.number().nullable(), lettersDone: z.number().nullable(),
    commitmentYear: z.number().nullable(), commitmentSignedAt: z.date().nullable(),
  })),
  total: z.number(), page: z.number(), pageSize: z.number(),
});

// R-RESP-4 five-in-place; issue 11 §10, the regulators' view of each enterprise's responsibility system.
export const tenOnesRoutes: RouteModule = (app, { db }) => {
  app.get('/enterprises/:enterpriseId/five-in-place', {
    config: { access: 'obligation.read' },
    schema: { tags, summary: '主要负责人“五到位”（由记录推导）', params: enterpriseParams, response: { 200: fiveInPlace } },
  }, async (req) => fiveInPlacePanel(db, req.ctx, req.params.enterpriseId));

  app.get('/responsibility/overview', {
    config: { access: 'obligation.supervise' },
    schema: {
      tags, summary: '辖区企业责任体系：责任清单覆盖率、责任书签订、主要负责人履职率、逾期事项、安全承诺',
      querystring: boardEnterpriseQuery, response: { 200: overviewPage },
    },
  }, async (req) => responsibilityOverview(db, req.ctx, { ...req.query, definitionKey: req.query.rule, overdueOnly: req.query.overdueOnly === 'true' }));
};
