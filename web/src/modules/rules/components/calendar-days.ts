import type { MessageKey } from '../../../app/i18n';
import type { CalendarDayRow } from '../api/calendar.api';

const WEEKDAY_KEYS = [
  'calendar.weekday.0', 'calendar.weekday.1', 'calendar.weekday.2', 'calendar.weekday.3', 'calendar.weekday.4', 'calendar.weekday.5', 'calendar.weekday.6',
] as const satisfies readonly MessageKey[];

/** 0 = Sunday … 6 = Saturday of a calendar date (YYYY-MM-DD); no time zone applies to a date. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

export function weekdayKey(day: string): MessageKey {
  return WEEKDAY_KEYS[weekdayOf(day)]!;
}

export function isWeekendDay(day: string): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** The year's days in date order, as the server stores them. */
export function byDay(days: readonly CalendarDayRow[]): CalendarDayRow[] {
  return [...days].sort((a, b) => a.day.localeCompare(b.day));
}
