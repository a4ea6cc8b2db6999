import type { EmploymentForm } from '../../platform/db/schema';
import { cellText as text, defineSheet, parseDateCell as parseDay, type CellInput } from '../../platform/files/sheet';
import { REFERENCE_SHEET } from '../../platform/files/xlsx';
import { isUnderAge, isValidIdNumber, MIN_WORKING_AGE, normalizeIdNumber, PHONE } from './id-number';
import { isHireDate } from './employee.schema';

/*
 * Employee rosters as .xlsx: the import template, the reading of an uploaded file, the row rules and the export.
 * The row rules (forms, dates, unit and post names) are plain functions without I/O, unit-tested in
 * test/employee.test.ts; the service feeds them the enterprise's units, posts and existing ID hashes.
 */

// ---- columns and labels ----

export const COLUMNS = [
  { key: 'name', header: '姓名', width: 12 },
  { key: 'idNumber', header: '身份证号', width: 22 },
  { key: 'phone', header: '手机号', width: 15 },
  { key: 'employmentForm', header: '用工形式', width: 12 },
  { key: 'orgUnit', header: '所属单位', width: 30 },
  { key: 'posts', header: '岗位', width: 28 },
  { key: 'hireDate', header: '入职日期', width: 13 },
  // R-TRN-2: a new enterprise's roster says who was trained before joining (入职前已培训) and how that is proven.
  { key: 'trainedBeforeJoining', header: '入职前已培训', width: 13 },
  { key: 'priorTrainingNote', header: '入职前培训证明', width: 36 },
] as const;
/** The columns a roster may leave out (older templates have none of them). */
const OPTIONAL_COLUMNS: readonly ColumnKey[] = ['trainedBeforeJoining', 'priorTrainingNote'];
export type ColumnKey = (typeof COLUMNS)[number]['key'];
export const DATA_SHEET = '员工信息';
/** The most data rows one upload may carry; the template's drop-downs cover as many. */
export const MAX_IMPORT_ROWS = 10_000;

export const FORM_LABELS: Record<EmploymentForm, string> = {
  regular: '正式',
  dispatched: '劳务派遣',
  temporary: '临时',
  migrant: '农民工',
  intern: '实习',
};
const FORM_ALIASES: Record<string, EmploymentForm> = {
  // Issue 10: 合同工 is not one of the forms (it named no form and was stored as 正式); an unknown form is refused.
  正式工: 'regular', 派遣: 'dispatched', 劳务派遣工: 'dispatched', 临时工: 'temporary', 实习生: 'intern',
};

/** 用工形式 as written in a sheet → the stored code; the Chinese labels, a few common variants and the codes. */
export function parseEmploymentForm(text: string): EmploymentForm | null {
  const t = text.trim();
  for (const [code, label] of Object.entries(FORM_LABELS) as [EmploymentForm, string][]) {
    if (t === label || t.toLowerCase() === code) return code;
  }
  return FORM_ALIASES[t] ?? null;
}

// ---- cell values ----

export type { CellInput };

/**
 * A hire date from a cell (platform/files/sheet.ts parseDateCell: date cells, serial numbers, the usual written
 * forms), within the years a hire date may fall in. Returns YYYY-MM-DD or null if invalid.
 */
export function parseDateCell(v: CellInput): string | null {
  return parseDay(v, isHireDate);
}

// ---- org units and posts by name ----

export type UnitNode = { id: string; parentId: string | null; name: string };
/** A post; `hazardous` when it is a key post or a special operation (no minor works there: 劳动法 第六十四条). */
export type PostNode = { id: string; unitId: string; name: string; hazardous?: boolean };

const SEPARATOR = /\s*[/／\\>]\s*/;
const splitPath = (s: string) => s.split(SEPARATOR).map((x) => x.trim()).filter(Boolean);

/**
 * Unit names from the top of the tree, without the company itself: 生产部/一车间/甲班. The root unit (the company)
 * is written with its own name. Units whose parent is missing are treated as children of the root.
 */
export function unitPathNames(units: UnitNode[]): Map<string, string> {
  const chains = unitChains(units);
  const out = new Map<string, string>();
  for (const [id, chain] of chains) out.set(id, chain.length === 1 ? chain[0]! : chain.slice(1).join('/'));
  return out;
}

/** Each unit's names from the root down, the root's own name included. */
function unitChains(units: UnitNode[]): Map<string, string[]> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chains = new Map<string, string[]>();
  const chainOf = (u: UnitNode, depth = 0): string[] => {
    const known = chains.get(u.id);
    if (known) return known;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const chain = parent && depth < 50 ? [...chainOf(parent, depth + 1), u.name] : [u.name];
    chains.set(u.id, chain);
    return chain;
  };
  for (const u of units) chainOf(u);
  return chains;
}

export type Resolved = { ok: true; id: string } | { ok: false; message: string; params: Record<string, string> };

export type UnitIndex = {
  /** Resolves a unit written as a full path, a trailing part of the path, or a name that is unique in the tree. */
  resolve: (written: string) => Resolved;
  /** Ids of the unit and of its ancestors, nearest first. */
  ancestors: (id: string) => string[];
  /** Whether `id` lies below `ancestorId`. */
  isBelow: (id: string, ancestorId: string) => boolean;
  chains: Map<string, string[]>;
};

export function unitIndex(units: UnitNode[]): UnitIndex {
  const chains = unitChains(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  const display = unitPathNames(units);
  const cache = new Map<string, Resolved>();
  const matches = (segments: string[]) => {
    const out: string[] = [];
    for (const [id, chain] of chains) {
      if (segments.length > chain.length) continue;
      const tail = chain.slice(chain.length - segments.length);
      if (tail.every((s, i) => s === segments[i])) out.push(id);
    }
    return out;
  };
  const resolve = (written: string): Resolved => {
    const key = splitPath(written).join('/');
    const hit = cache.get(key);
    if (hit) return hit;
    const segments = key ? key.split('/') : [];
    let r: Resolved;
    const found = segments.length ? matches(segments) : [];
    if (found.length === 1) r = { ok: true, id: found[0]! };
    else if (found.length === 0) r = { ok: false, message: 'validation.orgUnit.notFound', params: { name: written.trim() } };
    else r = { ok: false, message: 'validation.orgUnit.ambiguous', params: { name: written.trim(), example: display.get(found[0]!)! } };
    cache.set(key, r);
    return r;
  };
  const ancestors = (id: string) => {
    const out: string[] = [];
    let cur = byId.get(id);
    while (cur && out.length < 50) {
      out.push(cur.id);
      cur = cur.parentId ? byId.get(cur.parentId) : undefined;
    }
    return out;
  };
  const isBelow = (id: string, ancestorId: string) => id !== ancestorId && ancestors(id).includes(ancestorId);
  return { resolve, ancestors, isBelow, chains };
}

/** Splits the 岗位 cell: several posts are separated by 、 , ， ; ； or line breaks. */
export function splitPosts(written: string): string[] {
  return [...new Set(written.split(/[、,，;；\n\r]+/).map((p) => p.trim()).filter(Boolean))];
}

/**
 * Resolves one post for an employee of `unitId`. A post may be written as its name or as 单位/岗位. When several
 * posts share the name, the one in the employee's own unit wins, then the nearest ancestor's, then a single one
 * below the unit; anything else is ambiguous and the sheet must name the unit.
 */
export function resolvePost(written: string, unitId: string | null, posts: PostNode[], units: UnitIndex): Resolved {
  const segments = splitPath(written);
  const name = segments.pop() ?? '';
  let candidates = posts.filter((p) => p.name === name);
  if (segments.length) {
    const unit = units.resolve(segments.join('/'));
    if (!unit.ok) return unit;
    candidates = candidates.filter((p) => p.unitId === unit.id);
  }
  if (candidates.length === 1) return { ok: true, id: candidates[0]!.id };
  if (candidates.length === 0) return { ok: false, message: 'validation.post.notFound', params: { name: written } };
  if (unitId) {
    for (const ancestor of units.ancestors(unitId)) {
      const here = candidates.filter((p) => p.unitId === ancestor);
      if (here.length === 1) return { ok: true, id: here[0]!.id };
      if (here.length > 1) break;
    }
    const below = candidates.filter((p) => units.isBelow(p.unitId, unitId));
    if (below.length === 1) return { ok: true, id: below[0]!.id };
  }
  return { ok: false, message: 'validation.post.ambiguous', params: { name: written } };
}

// ---- row rules ----

export type SheetRow = { row: number; cells: Record<ColumnKey, CellInput> };
export type RowError = { row: number; column: string; message: string; params?: Record<string, string | number> };
export type ValidRow = {
  row: number; name: string; idNumber: string; phone: string; employmentForm: EmploymentForm; orgUnitId: string; postIds: string[]; hireDate: string | null;
  trainedBeforeJoining: boolean; priorTrainingNote: string;
};

const YES = new Set(['是', '有', 'y', 'yes', '1', 'true', '√', '已培训']);
const NO = new Set(['', '否', '无', 'n', 'no', '0', 'false', '未培训']);
/** 是/否 as written in a cell (a few common variants); null when it is neither. */
export function parseYesNo(v: string): boolean | null {
  const t = v.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}
export type RowContext = {
  units: UnitIndex;
  posts: PostNode[];
  /** Normalised ID numbers already registered in the enterprise (any status). */
  isRegistered: (idNumber: string) => boolean;
  /** Today, China time (YYYY-MM-DD): no one under 16 is employed. */
  today: string;
};

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

/** The well-formed ID numbers of a sheet, normalised: the ones worth looking up among registered employees. */
export function candidateIdNumbers(rows: SheetRow[]): string[] {
  const out = new Set<string>();
  for (const { cells } of rows) {
    const v = cells.idNumber;
    if (v === null || v instanceof Date || (typeof v === 'number' && v >= 1e15)) continue;
    const s = text(v);
    if (isValidIdNumber(s)) out.add(normalizeIdNumber(s));
  }
  return [...out];
}

/**
 * Checks every row of a sheet and returns the good rows and one error per bad cell, in sheet order. A repeated ID
 * number is reported on each later row, naming the first one.
 */
export function validateRows(rows: SheetRow[], ctx: RowContext): { valid: ValidRow[]; errors: RowError[]; warnings: RowError[]; errorRows: number } {
  const valid: ValidRow[] = [];
  const errors: RowError[] = [];
  // Issue 10: what is allowed but worth a second look is said, not silently accepted.
  const warnings: RowError[] = [];
  const hazardous = new Set(ctx.posts.filter((p) => p.hazardous).map((p) => p.id));
  const seen = new Map<string, number>();
  let errorRows = 0;
  for (const { row, cells } of rows) {
    const rowErrors: RowError[] = [];
    const fail = (key: ColumnKey, message: string, params?: Record<string, string | number>) => rowErrors.push({ row, column: header(key), message, ...(params ? { params } : {}) });

    const name = text(cells.name);
    if (!name) fail('name', 'validation.required');
    else if (name.length > 50) fail('name', 'validation.tooLong', { max: 50 });

    let idNumber = '';
    const rawId = cells.idNumber;
    if (rawId === null || text(rawId) === '') fail('idNumber', 'validation.required');
    // Excel keeps 15 significant digits: an ID number typed into a number cell has already lost its tail.
    else if (typeof rawId === 'number' && rawId >= 1e15) fail('idNumber', 'import.idNumber.asNumber');
    else if (!isValidIdNumber(text(rawId))) fail('idNumber', 'validation.idNumber');
    else {
      idNumber = normalizeIdNumber(text(rawId));
      const first = seen.get(idNumber);
      if (first !== undefined) fail('idNumber', 'import.idNumber.repeated', { row: first });
      else {
        seen.set(idNumber, row);
        if (ctx.isRegistered(idNumber)) fail('idNumber', 'validation.idNumber.duplicate');
        else if (isUnderAge(idNumber, ctx.today)) fail('idNumber', 'validation.idNumber.underAge', { age: MIN_WORKING_AGE });
      }
    }

    const phone = text(cells.phone).replace(/\s+/g, '');
    if (phone && !PHONE.test(phone)) fail('phone', 'validation.phone');

    const formText = text(cells.employmentForm);
    const form = formText ? parseEmploymentForm(formText) : null;
    if (!formText) fail('employmentForm', 'validation.required');
    else if (!form) fail('employmentForm', 'validation.employmentForm');

    let orgUnitId: string | null = null;
    const unitText = text(cells.orgUnit);
    if (!unitText) fail('orgUnit', 'validation.required');
    else {
      const r = ctx.units.resolve(unitText);
      if (r.ok) orgUnitId = r.id;
      else fail('orgUnit', r.message, r.params);
    }

    const postIds: string[] = [];
    for (const p of splitPosts(text(cells.posts))) {
      const r = resolvePost(p, orgUnitId, ctx.posts, ctx.units);
      if (r.ok) { if (!postIds.includes(r.id)) postIds.push(r.id); } else fail('posts', r.message, r.params);
    }

    let hireDate: string | null = null;
    if (cells.hireDate !== null && text(cells.hireDate) !== '') {
      hireDate = parseDateCell(cells.hireDate);
      if (!hireDate) fail('hireDate', 'validation.date');
    }

    // R-TRN-2: 16 and 17-year-olds (未成年工) may work, but never on key posts or special operations: a row error.
    if (idNumber && isUnderAge(idNumber, ctx.today, 18) && postIds.some((p) => hazardous.has(p))) fail('posts', 'import.minorOnHazardousPost');

    const trainedText = text(cells.trainedBeforeJoining ?? null);
    const trained = parseYesNo(trainedText);
    if (trained === null) fail('trainedBeforeJoining', 'import.yesNo');
    const priorTrainingNote = text(cells.priorTrainingNote ?? null);
    if (priorTrainingNote.length > 500) fail('priorTrainingNote', 'validation.tooLong', { max: 500 });
    else if (trained && !priorTrainingNote) fail('priorTrainingNote', 'import.priorTraining.evidence');

    if (rowErrors.length) {
      errorRows++;
      errors.push(...rowErrors);
    } else {
      valid.push({ row, name, idNumber, phone, employmentForm: form!, orgUnitId: orgUnitId!, postIds, hireDate, trainedBeforeJoining: trained === true, priorTrainingNote });
      const warn = (key: ColumnKey, message: string, params?: Record<string, string | number>) => warnings.push({ row, column: header(key), message, ...(params ? { params } : {}) });
      if (hireDate && hireDate > ctx.today) warn('hireDate', 'import.hireDate.future', { date: hireDate });
    }
  }
  return { valid, errors, warnings, errorRows };
}

// ---- workbooks ----

export type ExportRow = {
  name: string; idNumberMasked: string; phone: string; employmentForm: EmploymentForm; unitPath: string; posts: string[];
  hireDate: string | null; status: 'active' | 'left';
};

const NOTES: Record<ColumnKey, { note: string; example: string }> = {
  name: { note: '必填，不超过 50 个字。', example: '张三' },
  idNumber: { note: '必填，18 位居民身份证号码，末位校验码须正确（X 大小写均可）。请保持该列为“文本”格式，否则 Excel 会把号码末几位变成 0。同一文件内及本企业已登记的员工（含已离职）中不得重复。平台只保存脱敏号码。', example: '110101199003071234' },
  phone: { note: '选填，11 位手机号码或带区号的固定电话（如 0871-63123456）。', example: '13800000000' },
  employmentForm: { note: `必填，从下拉列表中选择：${Object.values(FORM_LABELS).join('、')}。`, example: '正式' },
  orgUnit: { note: '必填，按“部门/车间/班组”填写完整路径，如“生产部/一车间/甲班”；单位名称在本企业唯一时也可只写名称；填写企业名称表示公司本部。可选的单位见“单位与岗位”工作表。', example: '生产部/一车间/甲班' },
  posts: { note: '选填，多个岗位用“、”或“,”分隔。岗位名称在多个单位中重复时，优先匹配所属单位及其上级单位的岗位，仍无法确定时请写成“单位路径/岗位”，如“生产部/一车间/甲班/操作工”。', example: '操作工、班组长' },
  hireDate: { note: '选填，日期格式，如 2024-03-01（也可写 2024/3/1 或 2024年3月1日）。', example: '2024-03-01' },
  trainedBeforeJoining: { note: '选填，“是”或“否”（空白为否）。未经岗前安全培训的人员不能安排岗位；入职前已在其他单位完成培训的填“是”，并在下一列写明证明。', example: '否' },
  priorTrainingNote: { note: '“入职前已培训”为“是”时必填：培训单位、时间、学时或证明文件编号，如“2023年在原单位完成三级安全教育72学时，证明编号PX-2023-018”。', example: '' },
};

// ID and phone numbers are text: a number cell would round an 18-digit ID number.
const FORMATS: Partial<Record<ColumnKey, string>> = { idNumber: '@', phone: '@', hireDate: 'yyyy-mm-dd' };

/** The roster sheet of the template and the import: read as raw cells (the row rules above need the enterprise). */
export const ROSTER_SHEET = defineSheet<ColumnKey, ExportRow>({
  name: DATA_SHEET,
  maxRows: MAX_IMPORT_ROWS,
  columns: COLUMNS.map((c) => ({
    ...c, ...NOTES[c.key], numFmt: FORMATS[c.key], write: (r: ExportRow) => exportCell(c.key, r), ...(OPTIONAL_COLUMNS.includes(c.key) ? { required: false } : {}),
  })),
});

/** The export: the template's layout (ID numbers masked), with the status as an extra last column. */
const EXPORT_SHEET = defineSheet<ColumnKey | 'status', ExportRow>({
  ...ROSTER_SHEET.definition,
  columns: [...ROSTER_SHEET.definition.columns.filter((c) => !OPTIONAL_COLUMNS.includes(c.key)), { key: 'status', header: '状态', width: 8, required: false, write: (r) => (r.status === 'active' ? '在职' : '离职') }],
});

function exportCell(key: ColumnKey, r: ExportRow): string {
  switch (key) {
    case 'name': return r.name;
    case 'idNumber': return r.idNumberMasked;
    case 'phone': return r.phone;
    case 'employmentForm': return FORM_LABELS[r.employmentForm];
    case 'orgUnit': return r.unitPath;
    case 'posts': return r.posts.join('、');
    case 'hireDate': return r.hireDate ?? '';
    case 'trainedBeforeJoining': case 'priorTrainingNote': return '';
  }
}

/** Reads the data sheet of an uploaded workbook into rows; throws SheetError when it is not a usable roster. */
export async function readRoster(buffer: Buffer): Promise<SheetRow[]> {
  const { rows } = await ROSTER_SHEET.read(buffer);
  return rows.map((r) => ({ row: r.row, cells: r.cells }));
}

export type TemplateInput = { enterpriseName: string; unitPaths: string[]; posts: { unitPath: string; name: string }[] };

/** The import template: the data sheet with drop-downs, a guide in Chinese, and the enterprise's units and posts. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const forms = Object.values(FORM_LABELS);
  return ROSTER_SHEET.template({
    notes: {
      title: '员工信息导入说明', subtitle: `适用企业：${input.enterpriseName}`, widths: [14, 90],
      intro: ['请在“员工信息”工作表中从第 2 行起每行填写一名员工，不要修改表头；空行会被忽略，一次最多 10000 行。'],
      extra: [['导入方式', '“严格导入”：文件中只要有一行错误就不导入任何数据，并列出每个错误的行号和列名；“仅导入正确行”：导入没有错误的行，并列出出错的行。']],
    },
    reference: { unitHeader: '单位（完整路径）', unitPaths: input.unitPaths, posts: input.posts },
    validations: {
      employmentForm: {
        type: 'list', allowBlank: false, formulae: [`"${forms.join(',')}"`],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: '用工形式', error: `请从列表中选择：${forms.join('、')}`,
      },
      // A drop-down of full paths, as a warning only: a unit name that is unique in the tree is accepted too.
      ...(input.unitPaths.length ? {
        orgUnit: {
          type: 'list', allowBlank: false, formulae: [`'${REFERENCE_SHEET}'!$A$2:$A$${input.unitPaths.length + 1}`],
          showErrorMessage: true, errorStyle: 'warning', errorTitle: '所属单位', error: '该单位不在本企业的单位列表中，请核对',
        },
      } : {}),
      trainedBeforeJoining: {
        type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, errorStyle: 'stop', errorTitle: '入职前已培训', error: '请选择“是”或“否”',
      },
      hireDate: {
        type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1950, 0, 1))],
        showErrorMessage: true, errorStyle: 'warning', errorTitle: '入职日期', error: '请填写日期，如 2024-03-01',
      },
    },
  });
}

/** The roster in the template's layout (ID numbers masked), with the status as an extra last column. */
export async function buildExport(rows: Iterable<ExportRow> | AsyncIterable<ExportRow>): Promise<Buffer> {
  return EXPORT_SHEET.write(rows);
}
