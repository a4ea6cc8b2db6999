import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/**
 * Instants are shown on the district's clock, China Standard Time (UTC+8, as src/platform/time.ts), whatever the
 * browser's own time zone: a deadline, a shift or a report time reads the same for the officer and the enterprise.
 */
const DISTRICT_UTC_OFFSET_MINUTES = 480;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.utcOffset(DISTRICT_UTC_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : value;
}

/** The time of day on the district's clock (HH:mm), for something that happened today. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.utcOffset(DISTRICT_UTC_OFFSET_MINUTES).format('HH:mm') : value;
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  // A calendar date (a deadline, a hire date) is already a date: no time zone applies.
  if (DATE_ONLY.test(value)) return value;
  const d = dayjs(value);
  return d.isValid() ? d.utcOffset(DISTRICT_UTC_OFFSET_MINUTES).format('YYYY-MM-DD') : value;
}

export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * Now on the district's clock (a dayjs at UTC+8): the default year, quarter or day of a form or a page, as the server
 * counts them, whatever the browser's time zone.
 */
export function districtNow(): dayjs.Dayjs {
  return dayjs().utcOffset(DISTRICT_UTC_OFFSET_MINUTES);
}

/** This year on the district's clock. */
export const districtYear = (): number => districtNow().year();
