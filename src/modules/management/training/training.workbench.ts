import { defineMessages } from '../../../platform/i18n/messages';
import { localMonthIndex, localYear } from '../../../platform/time';
import type { WorkbenchItem, WorkbenchSource } from '../../../platform/workbench';
import { isPrincipalOf, mayManage } from './training.policy';
import { listPlanReviews, listShortfalls } from './training.service';
import { quarterOfMonth } from './training.rules';

/** The workbench items' labels (`workbench.<key>`), zh-CN first. */
export const trainingWorkbenchMessages = defineMessages(
  {
    'workbench.training.shortfall': '培训学时不足人员',
    'workbench.training.retraining': '待再培训人员',
    'workbench.training.planCheck': '本季度培训计划执行情况检查尚未签署',
  },
  {
    'workbench.training.shortfall': 'People short of training hours',
    'workbench.training.retraining': 'People due for re-training',
    'workbench.training.planCheck': 'This quarter\'s check of the training plan is not signed yet',
  },
);

/** The shortfall tab of the enterprise's training page, and the principal's review page. */
export const SHORTFALL_LINK = '/training?tab=overview';
export const REVIEW_LINK = '/training/review';

/**
 * R-TRN-1 on the to-do workbench of an enterprise's principal and safety managers: the people short of the hours the
 * rule-set requires of them and the people with a re-training open (both on the shortfall list); and for the principal,
 * R-RESP-5's quarterly check of the training plan while this quarter's is not signed (it is done only by his signature).
 */
export const trainingWorkbench: WorkbenchSource = async (db, ctx) => {
  const actor = ctx.actor;
  const scope = actor.scope;
  if (scope.kind !== 'enterprise' || !mayManage(actor, scope.enterpriseId)) return [];
  const items: WorkbenchItem[] = [];
  const list = await listShortfalls(db, ctx, scope.enterpriseId, { all: 'no' });
  const shortOfHours = list.items.filter((p) => p.missing > 0).length;
  const retraining = list.items.filter((p) => p.openRetraining > 0).length;
  if (shortOfHours) items.push({ key: 'training.shortfall', count: shortOfHours, to: SHORTFALL_LINK, tone: 'warning' });
  if (retraining) items.push({ key: 'training.retraining', count: retraining, to: SHORTFALL_LINK, tone: 'warning' });
  if (isPrincipalOf(actor, scope.enterpriseId)) {
    const year = localYear(ctx.now);
    const quarter = quarterOfMonth(localMonthIndex(ctx.now) + 1);
    const reviews = await listPlanReviews(db, ctx, scope.enterpriseId, { year });
    if (!reviews.items.some((r) => r.quarter === quarter)) items.push({ key: 'training.planCheck', count: 1, to: REVIEW_LINK, tone: 'warning' });
  }
  return items;
};
