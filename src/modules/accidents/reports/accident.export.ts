import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import type { StatsQuery, StatsRow } from './accident.schema';
import { accidentStats } from './accident.service';

type ColumnKey = 'label' | 'accidents' | 'nearMisses' | 'deaths' | 'seriousInjuries' | 'directLoss';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'label', width: 24 }, { key: 'accidents', width: 12 }, { key: 'nearMisses', width: 12 }, { key: 'deaths', width: 12 },
  { key: 'seriousInjuries', width: 12 }, { key: 'directLoss', width: 20 },
];

const statsSheet = (locale: Locale) => defineSheet<ColumnKey, StatsRow>({
  name: t(locale, 'accident.stats.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `accident.stats.col.${c.key}`), width: c.width, write: (r: StatsRow) => r[c.key] })),
});

/** The statistics as .xlsx (one row per group and a total), from the same service function as the screen. */
export async function exportStats(db: Db, ctx: Ctx, enterpriseId: string | null, q: StatsQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const stats = await accidentStats(db, ctx, enterpriseId, q);
  const rows: StatsRow[] = [...stats.rows, { key: 'total', label: t(ctx.locale, 'accident.stats.total'), ...stats.total }];
  const buffer = await statsSheet(ctx.locale).write(withProgress(rows, progress), {});
  const date = fileDate(ctx.now);
  return { filename: `事故统计-${date}.xlsx`, fallbackName: `accident-stats-${date}.xlsx`, buffer };
}

export const accidentStatsExport = defineExport<{ enterpriseId: string | null; q: StatsQuery }>({
  kind: 'accidents.stats', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => (await accidentStats(db, ctx, p.enterpriseId, p.q)).rows.length + 1,
  run: (db, ctx, p, progress) => exportStats(db, ctx, p.enterpriseId, p.q, progress),
});
