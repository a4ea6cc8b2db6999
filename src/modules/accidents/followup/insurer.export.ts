import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { MAX_PAGE_SIZE } from '../../../platform/db/list-query';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDateTime } from '../../../platform/time';
import type { InsurerNoticeItem, InsurerNoticeQuery } from './followup.schema';
import { listInsurerNotices } from './insurer.service';

type ColumnKey = 'occurredAt' | 'enterprise' | 'summary' | 'grade' | 'deaths' | 'missing' | 'serious' | 'minor' | 'loss' | 'policy' | 'notifiedAt' | 'stage';
const COLUMNS: { key: ColumnKey; width: number }[] = [
  { key: 'occurredAt', width: 18 }, { key: 'enterprise', width: 30 }, { key: 'summary', width: 40 }, { key: 'grade', width: 10 }, { key: 'deaths', width: 8 },
  { key: 'missing', width: 8 }, { key: 'serious', width: 8 }, { key: 'minor', width: 8 }, { key: 'loss', width: 14 }, { key: 'policy', width: 20 },
  { key: 'notifiedAt', width: 18 }, { key: 'stage', width: 12 },
];

function cell(locale: Locale, key: ColumnKey, n: InsurerNoticeItem): string | number {
  switch (key) {
    case 'occurredAt': return localDateTime(n.occurredAt);
    case 'enterprise': return n.enterpriseName;
    case 'summary': return n.summary;
    case 'grade': return n.grade ? t(locale, `accident.grade.${n.grade}`) : '';
    case 'deaths': return n.deaths;
    case 'missing': return n.missing;
    case 'serious': return n.seriousInjuries;
    case 'minor': return n.minorInjuries;
    case 'loss': return Number(n.directLoss);
    case 'policy': return n.policyNumber;
    case 'notifiedAt': return localDateTime(n.notifiedAt);
    case 'stage': return t(locale, `accidentFollowup.claimStage.${n.claimStage}`);
  }
}

const sheet = (locale: Locale) => defineSheet<ColumnKey, InsurerNoticeItem>({
  name: t(locale, 'accidentFollowup.insurerExport.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `accidentFollowup.insurerExport.col.${c.key}`), width: c.width, write: (n: InsurerNoticeItem) => cell(locale, c.key, n) })),
});

/** 安责险: the insurer's accident notices as .xlsx, with the list's filters (every page: an insurer's notices number in the hundreds). */
export async function exportInsurerNotices(db: Db, ctx: Ctx, q: InsurerNoticeQuery): Promise<XlsxFile> {
  const rows: InsurerNoticeItem[] = [];
  for (let page = 1; ; page++) {
    const p = await listInsurerNotices(db, ctx, { ...q, page, pageSize: MAX_PAGE_SIZE });
    rows.push(...p.items);
    if (p.items.length < MAX_PAGE_SIZE || rows.length >= p.total) break;
  }
  const buffer = await sheet(ctx.locale).write(rows);
  const date = fileDate(ctx.now);
  return { filename: `安责险事故通知-${date}.xlsx`, fallbackName: `insurer-accident-notices-${date}.xlsx`, buffer };
}
