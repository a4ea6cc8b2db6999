import { requireActor, type Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import { exportRows } from './duty-assessment.service';
import { enterpriseName } from './duty-list.repository';

/*
 * R-RESP-2: the assessment's results for HR (pay and promotion): one row per person with unit, posts, employment form,
 * assessor, score, grade and comment.
 */

type Row = Awaited<ReturnType<typeof exportRows>>['rows'][number];
const COLUMNS = [
  { key: 'name', width: 12 }, { key: 'unitName', width: 24 }, { key: 'postNames', width: 24 }, { key: 'employmentForm', width: 10 },
  { key: 'assessor', width: 18 }, { key: 'total', width: 8 }, { key: 'maxPoints', width: 8 }, { key: 'percent', width: 10 }, { key: 'grade', width: 8 },
  { key: 'comment', width: 36 }, { key: 'scoredAt', width: 18 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

function cell(locale: Locale, key: Key, r: Row): string | number {
  switch (key) {
    case 'name': return r.name;
    case 'unitName': return r.unitName;
    case 'postNames': return r.postNames.join('、');
    case 'employmentForm': return t(locale, `duty.form.${r.employmentForm}`);
    case 'assessor': return r.assessorKind === 'leader' && r.assessorName ? r.assessorName : t(locale, `duty.assessor.${r.assessorKind}`);
    case 'total': return r.total ?? '';
    case 'maxPoints': return r.maxPoints ?? '';
    case 'percent': return r.percent ?? '';
    case 'grade': return r.grade ? t(locale, `duty.grade.${r.grade}`) : '';
    case 'comment': return r.comment;
    case 'scoredAt': return r.scoredAt ? localDateTime(r.scoredAt) : '';
  }
}

export async function exportAssessment(db: Db, ctx: Ctx, enterpriseId: string, id: string, progress: Progress = async () => {}): Promise<XlsxFile> {
  const { campaign, rows } = await exportRows(db, ctx, enterpriseId, id);
  const sheet = defineSheet<Key, Row>({
    name: t(ctx.locale, 'duty.export.sheet', { year: campaign.year }),
    columns: COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `duty.export.col.${c.key}`), width: c.width, write: (r: Row) => cell(ctx.locale, c.key, r) })),
  });
  const buffer = await sheet.write(withProgress(rows, progress));
  const date = fileDate(ctx.now);
  const name = safeFileName(await enterpriseName(db, requireActor(ctx).scope, enterpriseId));
  return { filename: `安全生产责任制考核-${name}-${campaign.year}-${date}.xlsx`, fallbackName: `duty-assessment-${campaign.year}-${date}.xlsx`, buffer };
}

export const assessmentExport = defineExport<{ enterpriseId: string; id: string }>({
  kind: 'duty.assessment', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => (await exportRows(db, ctx, p.enterpriseId, p.id)).rows.length,
  run: (db, ctx, p, progress) => exportAssessment(db, ctx, p.enterpriseId, p.id, progress),
});
