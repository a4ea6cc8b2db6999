import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import type { RescueSupervisionQuery, RescueSupervisionRow } from './rescue.schema';
import { rescueSupervisionRows } from './rescue.supervision';

type ColumnKey = 'name' | 'creditCode' | 'subdistrict' | 'industry' | 'requirement' | 'readiness' | 'teams' | 'members' | 'agreements' | 'agreementValidTo'
  | 'equipment' | 'inspectionsOverdue' | 'expired';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'name', width: 30 }, { key: 'creditCode', width: 22 }, { key: 'subdistrict', width: 14 }, { key: 'industry', width: 16 }, { key: 'requirement', width: 18 },
  { key: 'readiness', width: 30 }, { key: 'teams', width: 8 }, { key: 'members', width: 8 }, { key: 'agreements', width: 8 }, { key: 'agreementValidTo', width: 14 },
  { key: 'equipment', width: 8 }, { key: 'inspectionsOverdue', width: 10 }, { key: 'expired', width: 8 },
];

function cell(locale: Locale, key: ColumnKey, r: RescueSupervisionRow): string | number {
  switch (key) {
    case 'subdistrict': return r.subdistrictName;
    case 'industry': return r.industryName;
    case 'requirement': return t(locale, `rescue.requirement.${r.requirement}`);
    case 'readiness': return r.requirement === 'not_required' ? '' : r.met ? t(locale, 'rescue.supervision.met') : r.reasons.map((x) => t(locale, `rescue.reason.${x}`)).join('；');
    case 'agreementValidTo': return r.agreementValidTo ?? '';
    default: return r[key];
  }
}

const sheet = (locale: Locale) => defineSheet<ColumnKey, RescueSupervisionRow>({
  name: t(locale, 'rescue.supervision.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `rescue.supervision.col.${c.key}`), width: c.width, write: (r: RescueSupervisionRow) => cell(locale, c.key, r) })),
});

/** R-EMG-3: the regulators' list of the enterprises' rescue organisation and resources as .xlsx, with the list's filters. */
export async function exportRescueSupervision(db: Db, ctx: Ctx, q: RescueSupervisionQuery): Promise<XlsxFile> {
  const { rows } = await rescueSupervisionRows(db, ctx, q);
  const buffer = await sheet(ctx.locale).write(rows);
  const date = fileDate(ctx.now);
  return { filename: `应急救援力量-${date}.xlsx`, fallbackName: `rescue-supervision-${date}.xlsx`, buffer };
}
