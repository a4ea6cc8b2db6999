import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, EXPORT_MAX_ROWS, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import type { CompetenceItem, CompetenceQuery } from './competence.schema';
import { competenceOverview } from './competence.service';

const COLUMNS = [
  { key: 'name', width: 32 }, { key: 'creditCode', width: 22 }, { key: 'subdistrict', width: 12 }, { key: 'industry', width: 16 }, { key: 'people', width: 10 },
  { key: 'shortfall', width: 14 }, { key: 'legalRate', width: 16 }, { key: 'unqualified', width: 16 }, { key: 'minors', width: 14 },
  { key: 'expired', width: 12 }, { key: 'expiring', width: 12 }, { key: 'reviewDue', width: 12 }, { key: 'ppeMissing', width: 16 }, { key: 'ppeOverdue', width: 16 },
  { key: 'stdStatus', width: 16 }, { key: 'stdScore', width: 12 }, { key: 'stdIntended', width: 12 }, { key: 'stdAwarded', width: 16 }, { key: 'problems', width: 40 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

const GRADES = new Set(['1', '2', '3', 'none']);
const gradeName = (locale: Locale, g: string | null) => (g && GRADES.has(g) ? t(locale, `competenceOverview.grade.${g}`) : '—');

function cell(locale: Locale, r: CompetenceItem, key: Key): string | number {
  const s = r.standardisation;
  switch (key) {
    case 'name': return r.name;
    case 'creditCode': return r.creditCode;
    case 'subdistrict': return r.subdistrictName;
    case 'industry': return r.industryName;
    case 'people': return r.training.people;
    case 'shortfall': return r.training.shortfall;
    case 'legalRate': return r.training.legalRate === null ? '—' : `${r.training.legalRate}%（${r.training.legalCovered}/${r.training.people}）`;
    case 'unqualified': return r.certificates.unqualifiedOnPost;
    case 'minors': return r.certificates.minorsOnHazardous;
    case 'expired': return r.certificates.expired;
    case 'expiring': return r.certificates.expiringSoon;
    case 'reviewDue': return r.certificates.reviewDue;
    case 'ppeMissing': return r.ppe.missing;
    case 'ppeOverdue': return r.ppe.overdue;
    case 'stdStatus': return s.required || s.status !== 'none' ? t(locale, `competenceOverview.std.${s.status}`) : t(locale, 'competenceOverview.value.notRequired');
    case 'stdScore': return s.score ?? '—';
    case 'stdIntended': return gradeName(locale, s.intendedGrade);
    case 'stdAwarded': return s.awardedGrade ? `${gradeName(locale, s.awardedGrade)}${s.validUntil ? t(locale, 'competenceOverview.value.validUntil', { date: s.validUntil }) : ''}` : '—';
    case 'problems': return r.problems.length ? r.problems.map((p) => t(locale, `competenceOverview.problem.${p}`)).join('；') : t(locale, 'competenceOverview.value.none');
  }
}

/** Issue 13 §5: the competence view as .xlsx with the screen's filters and order, every row up to EXPORT_MAX_ROWS. */
export async function exportCompetenceOverview(db: Db, ctx: Ctx, q: CompetenceQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const list = await competenceOverview(db, ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const sheet = defineSheet<Key, CompetenceItem>({
    name: t(ctx.locale, 'competenceOverview.sheet'),
    columns: COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `competenceOverview.col.${c.key}`), width: c.width, write: (r: CompetenceItem) => cell(ctx.locale, r, c.key) })),
    freezeColumns: 1,
  });
  const footer = list.total > list.items.length ? [t(ctx.locale, 'hazard.export.truncated', { max: list.items.length, total: list.total })] : [];
  const buffer = await sheet.write(withProgress(list.items, progress), { title: t(ctx.locale, 'competenceOverview.title', { date: list.today }), footer });
  const date = fileDate(ctx.now);
  return { filename: `人员资格与培训总览-${date}.xlsx`, fallbackName: `competence-overview-${date}.xlsx`, buffer };
}

export const competenceOverviewExport = defineExport<{ q: CompetenceQuery }>({
  kind: 'management.competence', params: storedParams,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await competenceOverview(db, ctx, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportCompetenceOverview(db, ctx, p.q, progress),
});
