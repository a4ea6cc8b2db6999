import { api } from '../../../app/api';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

/** A loaded year of the official working-day calendar, with its counts. */
export type CalendarYearSummary = ItemOf<ResponseOf<'/calendar/years'>>;
/** One year: loaded or not, and its holidays and adjusted working days. */
export type CalendarYear = ResponseOf<'/calendar/{year}'>;
export type CalendarDayRow = CalendarYear['days'][number];
export type CalendarDayKind = CalendarDayRow['kind'];
export type CalendarSave = BodyOf<'/calendar/{year}', 'put'>;

/** The query keys of the calendar screens; a save invalidates them all. */
export const calendarQueries = {
  all: ['calendar'] as const,
  years: () => ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
};

export const calendarApi = {
  years: (signal?: AbortSignal) => api.get<ResponseOf<'/calendar/years'>>('/calendar/years', undefined, { signal }),
  year: (year: number, signal?: AbortSignal) => api.get<CalendarYear>(`/calendar/${year}`, undefined, { signal }),
  save: (year: number, body: CalendarSave) => api.put<ResponseOf<'/calendar/{year}', 'put'>>(`/calendar/${year}`, body),
};
