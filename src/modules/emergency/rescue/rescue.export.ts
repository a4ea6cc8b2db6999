import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, safeFileName, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { enterpriseName } from './rescue.repository';
import type { RescueEquipmentQuery, RescueEquipmentView } from './rescue.schema';
import { listEquipment } from './rescue.service';

type ColumnKey = 'name' | 'category' | 'quantity' | 'unit' | 'location' | 'keeper' | 'cycle' | 'lastInspected' | 'nextDue' | 'expiresOn' | 'state' | 'note';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'name', width: 24 }, { key: 'category', width: 14 }, { key: 'quantity', width: 10 }, { key: 'unit', width: 8 }, { key: 'location', width: 24 },
  { key: 'keeper', width: 12 }, { key: 'cycle', width: 12 }, { key: 'lastInspected', width: 14 }, { key: 'nextDue', width: 14 }, { key: 'expiresOn', width: 14 },
  { key: 'state', width: 10 }, { key: 'note', width: 30 },
];

function cell(locale: Locale, key: ColumnKey, q: RescueEquipmentView): string | number {
  switch (key) {
    case 'category': return t(locale, `rescue.category.${q.category}`);
    case 'state': return t(locale, `rescue.state.${q.state}`);
    case 'cycle': return q.inspectionCycleDays ?? '';
    case 'lastInspected': return q.lastInspectedOn ?? '';
    case 'nextDue': return q.nextInspectionDue ?? '';
    case 'expiresOn': return q.expiresOn ?? '';
    default: return q[key];
  }
}

const equipmentSheet = (locale: Locale) => defineSheet<ColumnKey, RescueEquipmentView>({
  name: t(locale, 'rescue.export.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `rescue.col.${c.key}`), width: c.width, write: (q: RescueEquipmentView) => cell(locale, c.key, q) })),
});

/** Issue 14 §2: the emergency equipment list as .xlsx, with the list's own filters (an enterprise holds a few hundred items at most). */
export async function exportEquipment(db: Db, ctx: Ctx, enterpriseId: string, q: RescueEquipmentQuery): Promise<XlsxFile> {
  const { items } = await listEquipment(db, ctx, enterpriseId, q);
  const buffer = await equipmentSheet(ctx.locale).write(items);
  const date = fileDate(ctx.now);
  const name = safeFileName(await enterpriseName(db, enterpriseId));
  return { filename: `应急物资装备-${name}-${date}.xlsx`, fallbackName: `rescue-equipment-${date}.xlsx`, buffer };
}
