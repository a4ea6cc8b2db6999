import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, type Progress } from '../../../platform/files/exports';
import { fileDate, safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { t } from '../../../platform/i18n/messages';
import { leaderboardWorkbook, taskWorkbook } from './check.excel';
import { enterpriseName } from './check.repository';
import type { LeaderboardPeriod, TaskQuery } from './check.schema';
import { listCheckTasks, rankLeaderboard } from './check.service';
import { EXPORT_MAX_ROWS } from '../stats/hazard-stats.excel';

/**
 * The check task list as .xlsx with the list's own filters (status, mine, date, plan, search, order): the rows come
 * from the list's service function, so the export shows exactly what the list shows, up to EXPORT_MAX_ROWS.
 */
export async function exportCheckTasks(db: Db, ctx: Ctx, enterpriseId: string, q: TaskQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const page = await listCheckTasks(db, ctx, enterpriseId, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const buffer = await taskWorkbook(ctx.locale, page.items, progress, { total: page.total, truncated: page.total > page.items.length });
  const date = fileDate(ctx.now);
  return { filename: `检查任务-${safeFileName(await enterpriseName(db, requireActor(ctx).scope, enterpriseId))}-${date}.xlsx`, fallbackName: `check-tasks-${date}.xlsx`, buffer };
}

/**
 * R-HAZ-6: the leaderboard of a period as .xlsx. It is ranked by the leaderboard's own function, so its first rows
 * are the screen's; where the screen stops at the top LEADERBOARD_SIZE, the sheet carries everyone with points.
 */
export async function exportLeaderboard(db: Db, ctx: Ctx, enterpriseId: string, period: LeaderboardPeriod, progress: Progress = async () => {}): Promise<XlsxFile> {
  const { ranked } = await rankLeaderboard(db, ctx, enterpriseId, period);
  const rows = ranked.slice(0, EXPORT_MAX_ROWS);
  const buffer = await leaderboardWorkbook(ctx.locale, period, rows, progress, { total: ranked.length, truncated: ranked.length > rows.length });
  const date = fileDate(ctx.now);
  const label = t('zh-CN', `check.leaderboard.period.${period}`);
  return { filename: `积分排行-${safeFileName(await enterpriseName(db, requireActor(ctx).scope, enterpriseId))}-${label}-${date}.xlsx`, fallbackName: `points-${period}-${date}.xlsx`, buffer };
}

export const checkTasksExport = defineExport<{ enterpriseId: string; q: TaskQuery }>({
  kind: 'check.tasks', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await listCheckTasks(db, ctx, p.enterpriseId, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportCheckTasks(db, ctx, p.enterpriseId, p.q, progress),
});

export const leaderboardExport = defineExport<{ enterpriseId: string; period: LeaderboardPeriod }>({
  kind: 'check.leaderboard', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await rankLeaderboard(db, ctx, p.enterpriseId, p.period)).ranked.length),
  run: (db, ctx, p, progress) => exportLeaderboard(db, ctx, p.enterpriseId, p.period, progress),
});
