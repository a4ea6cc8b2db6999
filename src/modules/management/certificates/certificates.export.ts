import type { Ctx } from '../../../platform/auth/actor';
import { requireActor } from '../../../platform/auth/actor';
import { requireEnterpriseInScope } from '../../../platform/auth/policy';
import { defineExport, storedParams, withProgress } from '../../../platform/files/exports';
import { defineSheet } from '../../../platform/files/sheet';
import { fileDate } from '../../../platform/files/xlsx';
import { t, type Locale } from '../../../platform/i18n/messages';
import { localDay } from '../../../platform/time';
import type { UnqualifiedList } from './certificates.schema';
import { unqualifiedOf } from './certificates.service';

/*
 * Issue 13 §2 and §5, R-TRN-2: the people on posts they do not qualify for as .xlsx, with the list's reason filter and
 * the reader's scope (a unit leader's branch), headers and values in the reader's language (zh-CN, en-US).
 */

type Item = UnqualifiedList['items'][number];
type Reason = Item['reason'];

const COLUMNS = [
  { key: 'employeeName', width: 12 }, { key: 'orgUnitName', width: 20 }, { key: 'postName', width: 18 }, { key: 'reason', width: 28 },
  { key: 'certificateType', width: 36 }, { key: 'dueOn', width: 14 }, { key: 'hazard', width: 16 },
] as const;
type Key = (typeof COLUMNS)[number]['key'];

function cell(locale: Locale, r: Item, key: Key): string {
  switch (key) {
    case 'employeeName': return r.employeeName;
    case 'orgUnitName': return r.orgUnitName;
    case 'postName': return r.postName ?? '—';
    case 'reason': return t(locale, `certificates.reason.${r.reason}`);
    case 'certificateType': return r.certificateType ?? '—';
    case 'dueOn': return r.dueOn ?? '—';
    case 'hazard': return r.hazardId ? t(locale, 'certificates.unqualified.hazardOpened') : '—';
  }
}

const sheetFor = (locale: Locale) => defineSheet<Key, Item>({
  name: t(locale, 'certificates.unqualified.sheet'),
  columns: COLUMNS.map((c) => ({ key: c.key, header: t(locale, `certificates.unqualified.col.${c.key}`), width: c.width, write: (r: Item) => cell(locale, r, c.key) })),
  freezeColumns: 1,
});

async function listOf(db: Parameters<typeof unqualifiedOf>[0], ctx: Ctx, enterpriseId: string, reason: Reason | undefined): Promise<UnqualifiedList> {
  const actor = requireActor(ctx);
  await requireEnterpriseInScope(db, actor, enterpriseId);
  return unqualifiedOf(db, actor.scope, enterpriseId, localDay(ctx.now), reason);
}

/** The unqualified-on-post list (GET …/unqualified-on-post/export), every row the screen shows with the same filter. */
export const unqualifiedExport = defineExport<{ enterpriseId: string; reason?: Reason | undefined }>({
  kind: 'certificates.unqualified', params: storedParams, enterpriseId: (p) => p.enterpriseId,
  count: async (db, ctx, p) => (await listOf(db, ctx, p.enterpriseId, p.reason)).items.length,
  run: async (db, ctx, p, progress) => {
    const list = await listOf(db, ctx, p.enterpriseId, p.reason);
    const buffer = await sheetFor(ctx.locale).write(withProgress(list.items, progress), { title: t(ctx.locale, 'certificates.unqualified.exportTitle', { date: list.today }) });
    const date = fileDate(ctx.now);
    return { filename: `${t(ctx.locale, 'certificates.unqualified.fileName')}-${date}.xlsx`, fallbackName: `unqualified-on-post-${date}.xlsx`, buffer };
  },
});
