import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, EXPORT_MAX_ROWS, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import type { OverviewQuery } from './standardisation.schema';
import { standardisationOverview } from './standardisation.service';

type Item = Awaited<ReturnType<typeof standardisationOverview>>['items'][number];
const COLUMNS = [
  { key: 'name', width: 32 }, { key: 'creditCode', width: 22 }, { key: 'subdistrict', width: 12 }, { key: 'industry', width: 16 },
  { key: 'required', width: 10 }, { key: 'submitted', width: 10 }, { key: 'score', width: 10 }, { key: 'intendedGrade', width: 12 }, { key: 'submittedAt', width: 18 },
  { key: 'awardedGrade', width: 12 }, { key: 'validUntil', width: 14 }, { key: 'reviewBody', width: 24 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

function cell(locale: Locale, r: Item, key: Key): string | number {
  const yes = (b: boolean) => t(locale, b ? 'standardisation.export.yes' : 'standardisation.export.no');
  const grade = (g: string | null) => (g ? t(locale, `standardisation.grade.${g}`) : '—');
  switch (key) {
    case 'name': return r.name;
    case 'creditCode': return r.creditCode;
    case 'subdistrict': return r.subdistrictName;
    case 'industry': return r.industryName;
    case 'required': return yes(r.required);
    case 'submitted': return yes(r.submitted);
    case 'score': return r.score ?? '—';
    case 'intendedGrade': return grade(r.intendedGrade);
    case 'submittedAt': return r.submittedAt ? localDateTime(r.submittedAt) : '—';
    case 'awardedGrade': return grade(r.awardedGrade);
    case 'validUntil': return r.validUntil ?? '—';
    case 'reviewBody': return r.reviewBody ?? '—';
  }
}

/** R-STD-1: the regulators' list as .xlsx with the screen's filters and order, every row up to EXPORT_MAX_ROWS. */
export async function exportStandardisationOverview(db: Db, ctx: Ctx, q: Omit<OverviewQuery, 'page' | 'pageSize'>, progress: Progress = async () => {}): Promise<XlsxFile> {
  const list = await standardisationOverview(db, ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const sheet = defineSheet<Key, Item>({
    name: t(ctx.locale, 'standardisation.export.sheet'),
    columns: COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `standardisation.export.col.${c.key}`), width: c.width, write: (r: Item) => cell(ctx.locale, r, c.key) })),
    freezeColumns: 1,
  });
  const buffer = await sheet.write(withProgress(list.items, progress), { title: t(ctx.locale, 'standardisation.export.title', { year: list.year }) });
  const date = fileDate(ctx.now);
  return { filename: `安全生产标准化自评情况-${list.year}-${date}.xlsx`, fallbackName: `standardisation-${list.year}-${date}.xlsx`, buffer };
}

export const standardisationOverviewExport = defineExport<{ q: Omit<OverviewQuery, 'page' | 'pageSize'> }>({
  kind: 'standardisation.overview', params: storedParams,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await standardisationOverview(db, ctx, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportStandardisationOverview(db, ctx, p.q, progress),
});
