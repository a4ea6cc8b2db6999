import { createRequire } from 'node:module';
import type { CalendarDay } from './working-days';

/**
 * The official calendar as the `chinese-days` package ships it (the State Council's yearly notices, 2004–2026 in
 * 1.5.7): holidays, weekend days off included, and adjusted working weekends, each named "English,中文,days".
 */
type PackageData = { holidays: Record<string, string>; workdays: Record<string, string> };

const require = createRequire(import.meta.url);
let data: PackageData | null = null;

function packageData(): PackageData {
  data ??= require('chinese-days/dist/chinese-days.json') as PackageData;
  return data;
}

/** What a year loaded from the package names as its source, with the package's version. */
export const PACKAGED_SOURCE = `chinese-days ${(require('chinese-days/package.json') as { version: string }).version}`;

/** The years loaded from the package into a database that has no calendar for them yet. */
export const PACKAGED_YEARS = { from: 2020, to: 2026 } as const;

/** The Chinese name of a package entry ("National Day,国庆节,3" → 国庆节). */
function nameOf(entry: string): string {
  return entry.split(',')[1]?.trim() ?? '';
}

/** One year of the packaged calendar in day order, or null when the package does not carry that year. */
export function packagedCalendarYear(year: number): CalendarDay[] | null {
  const { holidays, workdays } = packageData();
  const prefix = `${year}-`;
  const days: CalendarDay[] = [
    ...Object.entries(holidays).filter(([d]) => d.startsWith(prefix)).map(([day, v]) => ({ day, kind: 'holiday' as const, name: nameOf(v) })),
    ...Object.entries(workdays).filter(([d]) => d.startsWith(prefix)).map(([day, v]) => ({ day, kind: 'workday' as const, name: nameOf(v) })),
  ];
  return days.length ? days.sort((a, b) => a.day.localeCompare(b.day)) : null;
}
