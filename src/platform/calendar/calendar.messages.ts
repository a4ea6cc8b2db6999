import type { AuditNames } from '../audit/audit-names';
import { defineMessages } from '../i18n/messages';

/** The working-day calendar's messages for people, zh-CN first. */
export const calendarMessages = defineMessages({
  'calendar.invalid.kind': '类型只能是“放假”或“调休上班”',
  'calendar.invalid.outsideYear': '日期 {day} 不在 {year} 年内',
  'calendar.invalid.duplicate': '日期 {day} 重复出现',
  'calendar.invalid.workdayNotWeekend': '{day} 不是周六或周日：只有周末才能设为调休上班日',
}, {
  'calendar.invalid.kind': 'The kind must be "holiday" or "workday"',
  'calendar.invalid.outsideYear': 'The date {day} is not in {year}',
  'calendar.invalid.duplicate': 'The date {day} is listed more than once',
  'calendar.invalid.workdayNotWeekend': '{day} is not a Saturday or Sunday: only a weekend day can be an adjusted working day',
});

export const calendarAuditEntities: AuditNames = { work_calendar: ['工作日历', 'Working-day calendar'] };
export const calendarAuditActions: AuditNames = { 'calendar.save': ['保存工作日历', 'Working-day calendar saved'] };
