import { cellText, defineSheet, parseDateCell, type CellInput, type RowError } from '../../../platform/files/sheet';
import type { TrainingCourseType } from '../../../platform/db/schema';
import { COURSE_NAMES } from './training.rule-sets';
import { COURSE_TYPES, round1 } from './training.rules';

/*
 * R-TRN-1: training records (培训记录) as .xlsx — one row per person and session; rows with the same day, type,
 * course, hours and trainer make one session. The row rules are plain functions; the service feeds them the roster
 * (name → people, with a check of the last four of the ID number) and today.
 */

export const COLUMNS = [
  { key: 'heldOn', header: '培训日期', width: 13, aliases: ['日期'], note: '必填，日期格式，如 2026-03-15，不能晚于今天。', example: '2026-03-15' },
  { key: 'courseType', header: '培训类型', width: 22, aliases: ['类型'], note: `必填，以下之一：${COURSE_TYPES.map((t) => COURSE_NAMES[t][0]).join('、')}。`, example: '学法培训' },
  { key: 'title', header: '课程名称', width: 30, aliases: ['课程', '培训内容'], note: '必填，不超过 200 个字。', example: '《安全生产法》解读' },
  { key: 'hours', header: '学时', width: 8, aliases: ['培训学时'], note: '必填，大于 0，最多一位小数。', example: '4' },
  { key: 'trainer', header: '授课人', width: 12, required: false, aliases: ['讲师', '培训教师'], note: '选填，不超过 100 个字。', example: '张老师' },
  { key: 'name', header: '姓名', width: 12, aliases: ['参训人员', '人员姓名'], note: '必填，本企业在职人员的姓名。', example: '李四' },
  { key: 'idLast4', header: '身份证号后四位', width: 14, aliases: ['身份证后四位'], note: '必填，用于核对是哪一位人员（同名时区分）。', example: '1234' },
  { key: 'score', header: '考试成绩', width: 10, required: false, aliases: ['成绩'], note: '选填，0–1000 的分数。', example: '92' },
  { key: 'passed', header: '是否合格', width: 10, required: false, aliases: ['考核结果', '合格'], note: '选填，“合格”或“不合格”；填了成绩或结果即视为该课次进行了考试。', example: '合格' },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const DATA_SHEET = '培训记录';
export const MAX_IMPORT_ROWS = 5_000;

export const RECORD_SHEET = defineSheet<ColumnKey>({
  name: DATA_SHEET,
  maxRows: MAX_IMPORT_ROWS,
  columns: COLUMNS.map((c) => ({ ...c, numFmt: c.key === 'heldOn' ? 'yyyy-mm-dd' : c.key === 'idLast4' ? '@' : undefined })),
});

export type SheetRow = { row: number; cells: Record<ColumnKey, CellInput> };
export type Person = { id: string; matches: (last4: string) => boolean };
export type ValidRecord = {
  row: number; heldOn: string; courseType: TrainingCourseType; title: string; hours: number; trainer: string; employeeId: string; score: number | null; passed: boolean | null;
};

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;
const TYPE_BY_NAME = new Map<string, TrainingCourseType>(COURSE_TYPES.flatMap((t) => [
  [COURSE_NAMES[t][0].replace(/\s+/g, ''), t], [COURSE_NAMES[t][0].replace(/^三级教育：/, ''), t], [t, t],
] as [string, TrainingCourseType][]));

function numberCell(v: CellInput): number | null {
  if (v === null || v instanceof Date) return null;
  const n = typeof v === 'number' ? v : Number(cellText(v).replace(/\s/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The session a record belongs to: rows agreeing on these make one session. */
export const sessionKey = (r: Pick<ValidRecord, 'heldOn' | 'courseType' | 'title' | 'hours' | 'trainer'>) => JSON.stringify([r.heldOn, r.courseType, r.title, r.hours, r.trainer]);

/**
 * Checks every row: the day (not after today), the type by its name, the course, the hours, the person by name and the
 * last four of the ID number (among the enterprise's active people), score and result; a person twice in one session
 * is an error at the second row. Returns the good rows and one error per bad cell, in sheet order.
 */
export function validateRecords(rows: readonly SheetRow[], ctx: { people: ReadonlyMap<string, readonly Person[]>; today: string }) {
  const valid: ValidRecord[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  let errorRows = 0;
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (key: ColumnKey, message: string, params?: Record<string, string | number>) => rowErrors.push({ row, column: header(key), message, ...(params ? { params } : {}) });

    const dayText = cellText(cells.heldOn);
    const heldOn = dayText ? parseDateCell(cells.heldOn, (d) => d >= '2000-01-01') : null;
    if (!dayText) fail('heldOn', 'validation.required');
    else if (!heldOn) fail('heldOn', 'validation.date');
    else if (heldOn > ctx.today) fail('heldOn', 'training.futureDate');

    const typeText = cellText(cells.courseType).replace(/\s+/g, '');
    const courseType = typeText ? TYPE_BY_NAME.get(typeText) : undefined;
    if (!typeText) fail('courseType', 'validation.required');
    else if (!courseType) fail('courseType', 'training.import.courseType', { name: cellText(cells.courseType) });

    const title = cellText(cells.title);
    if (!title) fail('title', 'validation.required');
    else if (title.length > 200) fail('title', 'validation.tooLong', { max: 200 });

    const hoursText = cellText(cells.hours);
    const hours = hoursText ? numberCell(cells.hours) : null;
    if (!hoursText) fail('hours', 'validation.required');
    else if (hours === null || hours <= 0 || hours > 200 || round1(hours) !== hours) fail('hours', 'training.hours');

    const trainer = cellText(cells.trainer);
    if (trainer.length > 100) fail('trainer', 'validation.tooLong', { max: 100 });

    const name = cellText(cells.name);
    const last4 = cellText(cells.idLast4).toUpperCase();
    let employeeId: string | undefined;
    if (!name) fail('name', 'validation.required');
    else if (!last4) fail('idLast4', 'validation.required');
    else {
      const candidates = ctx.people.get(name) ?? [];
      if (!candidates.length) fail('name', 'training.import.unknownPerson', { name });
      else {
        employeeId = candidates.find((p) => p.matches(last4))?.id;
        if (!employeeId) fail('idLast4', 'training.import.wrongLast4', { name });
      }
    }

    const scoreText = cellText(cells.score);
    const score = scoreText ? numberCell(cells.score) : null;
    if (scoreText && (score === null || score < 0 || score > 1000)) fail('score', 'training.import.score');
    const passedText = cellText(cells.passed).replace(/\s+/g, '');
    const passed = passedText === '' ? null : passedText === '合格' || passedText === '是' ? true : passedText === '不合格' || passedText === '否' ? false : undefined;
    if (passed === undefined) fail('passed', 'training.import.passed');

    if (!rowErrors.length) {
      const key = `${sessionKey({ heldOn: heldOn!, courseType: courseType!, title, hours: hours!, trainer })}|${employeeId!}`;
      if (seen.has(key)) fail('name', 'training.import.duplicate', { name });
      seen.add(key);
    }
    if (rowErrors.length) { errorRows++; errors.push(...rowErrors); continue; }
    valid.push({ row, heldOn: heldOn!, courseType: courseType!, title, hours: hours!, trainer, employeeId: employeeId!, score, passed: passed ?? null });
  }
  return { valid, errors, errorRows };
}

export async function readRecords(buffer: Buffer): Promise<SheetRow[]> {
  const { rows } = await RECORD_SHEET.read(buffer);
  return rows.map((r) => ({ row: r.row, cells: r.cells }));
}

export async function buildRecordTemplate(input: { enterpriseName: string }): Promise<Buffer> {
  return RECORD_SHEET.template({
    notes: {
      title: '培训记录导入说明', subtitle: `适用企业：${input.enterpriseName}`, widths: [14, 90],
      intro: ['请在“培训记录”工作表中从第 2 行起每行填写一人参加一次培训的记录，不要修改表头；空行会被忽略，一次最多 5000 行。',
        '培训日期、培训类型、课程名称、学时和授课人都相同的行视为同一次培训。', '培训类型：', ...COURSE_TYPES.map((t) => `· ${COURSE_NAMES[t][0]}`)],
      extra: [['导入方式', '“严格导入”：文件中只要有一行错误就不导入任何数据，并列出每个错误的行号和列名；“仅导入正确行”：导入没有错误的行，并列出出错的行。']],
    },
    validations: {
      hours: { type: 'decimal', operator: 'greaterThan', allowBlank: false, formulae: [0], showErrorMessage: true, errorStyle: 'stop', errorTitle: '学时', error: '请填写大于 0 的学时' },
    },
  });
}
