import { z } from 'zod';
import type { RouteModule } from '../http/app';
import { calendarDate } from '../http/route';
import { getCalendarYear, listCalendarYears, saveCalendarYear } from './calendar.service';
import { CALENDAR_DAY_KINDS } from './working-days';
import { wholeNumber } from '../http/whole-number';

const params = z.object({ year: wholeNumber(2000, 2100) });
const kind = z.enum(CALENDAR_DAY_KINDS, { message: 'calendar.invalid.kind' });
const day = z.object({ day: calendarDate, kind, name: z.string().trim().max(30).default('') });
const yearSummary = z.object({
  year: z.number().int(), source: z.string(), loadedAt: z.date(), loadedBy: z.string().nullable(),
  holidays: z.number().int(), workdays: z.number().int(),
});
const yearDetail = z.object({
  year: z.number().int(), loaded: z.boolean(), source: z.string().nullable(), loadedAt: z.date().nullable(), loadedBy: z.string().nullable(),
  days: z.array(z.object({ day: z.string(), kind, name: z.string() })),
});

/**
 * The working-day calendar's admin API (issue 11 §1): China's official holidays and adjusted working weekends per
 * year, which "N working days" deadlines count on. The district admin's alone, like the rule-sets.
 */
export const calendarRoutes: RouteModule = (app, { db }) => {
  app.get('/calendar/years', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['calendar'], summary: '工作日历：已载入的年份',
      response: { 200: z.object({ items: z.array(yearSummary) }) },
    },
  }, async (req) => listCalendarYears(db, req.ctx));

  app.get('/calendar/:year', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['calendar'], summary: '一年的法定节假日与调休上班日（未载入的年份按周一至周五计）', params,
      response: { 200: yearDetail },
    },
  }, async (req) => getCalendarYear(db, req.ctx, req.params.year));

  app.put('/calendar/:year', {
    config: { access: 'rules.manage' },
    schema: {
      tags: ['calendar'], summary: '保存一年的工作日历（整年替换；按工作日计算的期限随之重算）', params,
      body: z.object({ days: z.array(day).max(366), source: z.string().trim().min(1).max(100) }),
      response: { 200: yearDetail },
    },
  }, async (req) => saveCalendarYear(db, req.ctx, req.params.year, req.body.days, req.body.source));
};
