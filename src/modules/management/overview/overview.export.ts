import type { Ctx } from '../../../platform/auth/actor';
import type { Db } from '../../../platform/db/database';
import { defineExport, EXPORT_MAX_ROWS, storedParams, withProgress, type Progress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate, type XlsxFile } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import type { OverviewItem, OverviewQuery } from './overview.schema';
import { managementOverview } from './overview.service';

const COLUMNS = [
  { key: 'name', width: 32 }, { key: 'creditCode', width: 22 }, { key: 'subdistrict', width: 12 }, { key: 'industry', width: 16 }, { key: 'headcount', width: 10 },
  { key: 'staffing', width: 14 }, { key: 'missingRules', width: 36 }, { key: 'ackRate', width: 14 },
  { key: 'feeRequired', width: 16 }, { key: 'feeAccrued', width: 14 }, { key: 'feeUsed', width: 14 }, { key: 'feeShortfall', width: 14 }, { key: 'feeIneligible', width: 14 },
  { key: 'policy', width: 14 }, { key: 'uninsured', width: 12 }, { key: 'overdue', width: 14 }, { key: 'problems', width: 40 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

function cell(locale: Locale, r: OverviewItem, key: Key): string | number {
  const na = t(locale, 'managementOverview.value.notApplicable');
  const fee = (v: keyof NonNullable<OverviewItem['fee']>) => (r.fee ? Number(r.fee[v] ?? 0) : na);
  switch (key) {
    case 'name': return r.name;
    case 'creditCode': return r.creditCode;
    case 'subdistrict': return r.subdistrictName;
    case 'industry': return r.industryName;
    case 'headcount': return r.headcount;
    case 'staffing': return t(locale, r.staffing.compliant ? 'managementOverview.value.compliant' : 'managementOverview.value.noncompliant');
    case 'missingRules': return r.rules.missing.length ? r.rules.missing.join('、') : t(locale, 'managementOverview.value.none');
    case 'ackRate': return r.rules.rate === null ? '—' : `${r.rules.rate}%（${r.rules.acknowledged}/${r.rules.asked}）`;
    case 'feeRequired': return r.fee ? (r.fee.required === null ? '—' : Number(r.fee.required)) : na;
    case 'feeAccrued': return fee('accrued');
    case 'feeUsed': return fee('used');
    case 'feeShortfall': return fee('shortfall');
    case 'feeIneligible': return fee('ineligible');
    case 'policy': return r.insurance ? t(locale, r.insurance.policyMissing ? 'managementOverview.value.policyMissing' : 'managementOverview.value.policyInForce') : na;
    case 'uninsured': return r.insurance ? r.insurance.uninsured : na;
    case 'overdue': return r.equipment.overdue;
    case 'problems': return r.problems.length ? r.problems.map((p) => t(locale, `managementOverview.problem.${p}`)).join('；') : t(locale, 'managementOverview.value.none');
  }
}

/** Issue 12 §7: the view as .xlsx with the screen's filters and order, every row up to EXPORT_MAX_ROWS. */
export async function exportManagementOverview(db: Db, ctx: Ctx, q: OverviewQuery, progress: Progress = async () => {}): Promise<XlsxFile> {
  const list = await managementOverview(db, ctx, { ...q, page: 1, pageSize: EXPORT_MAX_ROWS });
  const sheet = defineSheet<Key, OverviewItem>({
    name: t(ctx.locale, 'managementOverview.sheet'),
    columns: COLUMNS.map((c) => ({ key: c.key, header: t(ctx.locale, `managementOverview.col.${c.key}`), width: c.width, write: (r: OverviewItem) => cell(ctx.locale, r, c.key) })),
    freezeColumns: 1,
  });
  const footer = list.total > list.items.length ? [t(ctx.locale, 'hazard.export.truncated', { max: list.items.length, total: list.total })] : [];
  const buffer = await sheet.write(withProgress(list.items, progress), { title: t(ctx.locale, 'managementOverview.title', { date: list.today }), footer });
  const date = fileDate(ctx.now);
  return { filename: `管理体系总览-${date}.xlsx`, fallbackName: `management-overview-${date}.xlsx`, buffer };
}

export const managementOverviewExport = defineExport<{ q: OverviewQuery }>({
  kind: 'management.overview', params: storedParams,
  count: async (db, ctx, p) => Math.min(EXPORT_MAX_ROWS, (await managementOverview(db, ctx, { ...p.q, page: 1, pageSize: 1 })).total),
  run: (db, ctx, p, progress) => exportManagementOverview(db, ctx, p.q, progress),
});
