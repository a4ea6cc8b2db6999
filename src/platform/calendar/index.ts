import type { ModuleManifest } from '../module';
import { calendarAuditActions, calendarAuditEntities, calendarMessages } from './calendar.messages';
import { calendarRoutes } from './calendar.routes';

export {
  addWorkingDays, isWeekend, isWorkingDay, isYearLoaded, WEEKDAYS_ONLY, weekdayOf, workCalendar, workingDaysBetween, yearOf,
  type CalendarDay, type CalendarDayKind, type WorkCalendar,
} from './working-days';
export {
  loadWorkCalendar, onCalendarChanged, registerCalendarListener, saveCalendarYear, seedWorkCalendarFromPackage, workingDaysAfter,
  type CalendarListener,
} from './calendar.service';
export { PACKAGED_SOURCE, PACKAGED_YEARS, packagedCalendarYear } from './official-calendar';
// The stored days with their names (a holiday period's name: 国庆节), for modules that show or group them.
export { calendarDays } from './calendar.repository';

/**
 * China's official working-day calendar (工作日历, issue 11 §1): platform machinery every "N working days" deadline
 * counts on, and its admin API. It reuses the rule-sets' permission `rules.manage` (the district admin's alone).
 */
export const calendarModule: ModuleManifest = {
  name: 'calendar', routes: [calendarRoutes], messages: calendarMessages,
  auditEntities: calendarAuditEntities, auditActions: calendarAuditActions,
};
