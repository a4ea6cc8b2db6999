import type ExcelJS from 'exceljs';
import type { ControlLevelName, MeasureCategory } from '../../../platform/db/schema';
import { cellText, compactText as compact, defineSheet, type CellInput } from '../../../platform/files/sheet';
import { resolvePost, splitPosts, type PostNode, type UnitIndex } from '../../org';
import {
  combineGrades, DIRECT_CONDITIONS, gradeMethod, GRADE_NAME, InvalidRiskInput, type DirectCondition, type Grade, type MethodInput, type MethodResult,
  type RiskRuleSet,
} from '../points/risk-grading';
import { ACCIDENT_TYPES, MEASURE_CATEGORIES, RISK_KINDS } from '../points/risk-point.schema';

/*
 * The risk ledger (一企一清单) as .xlsx in the customary layout: a title row, a two-row header with the seven
 * measure categories under 管控措施, one row per risk point. The same layout is read back: the header row is found
 * by its texts, every cell is parsed into the values the services take, and grades are re-computed from the
 * evaluation inputs with the rule-set in force (the 风险等级 and 管控层级 cells are never trusted).
 * Pure apart from exceljs: the row rules are tested without a database.
 */

// ---- labels ----

export const KIND_LABELS: Record<(typeof RISK_KINDS)[number], string> = { equipment: '设备设施', operation: '作业活动', place: '场所区域' };
const KIND_ALIASES: Record<string, (typeof RISK_KINDS)[number]> = {
  设备: 'equipment', 设施: 'equipment', 设备设施类: 'equipment', 作业: 'operation', 活动: 'operation', 作业活动类: 'operation',
  场所: 'place', 区域: 'place', 场所区域类: 'place', 场所设施: 'place',
};
export const CATEGORY_LABELS: Record<MeasureCategory, string> = {
  engineering: '工程技术', monitoring: '监控联锁', isolation: '隔离警示', ppe: '个体防护', management: '制度管理', training: '教育培训', emergency: '应急管理',
};
export const LEVEL_LABELS: Record<ControlLevelName, string> = { company: '企业级', department: '部门级', workshop: '车间级', team: '班组级' };
const LEVEL_ALIASES: Record<string, ControlLevelName> = { 公司级: 'company', 厂级: 'company', 岗位级: 'team', 班组: 'team', 车间: 'workshop', 部门: 'department' };
export const FACTOR_LABELS = { people: '人的因素', things: '物的因素', environment: '环境因素', management: '管理因素' } as const;
type FactorClass = keyof typeof FACTOR_LABELS;
const FACTOR_ALIASES: Record<string, FactorClass> = {
  人: 'people', 人员因素: 'people', 人的不安全行为: 'people', 物: 'things', 物的不安全状态: 'things', 设备因素: 'things',
  环境: 'environment', 环境的不良因素: 'environment', 管理: 'management', 管理缺陷: 'management', 管理上的缺陷: 'management',
};
export const DIRECT_LABELS: Record<DirectCondition, string> = {
  law_breach: '违反法律法规及标准',
  past_accident_uncontrolled: '发生过事故且措施未改进',
  major_hazard_source: '重大危险源',
  confined_space_uncontrolled: '有限空间未落实管控',
  dust_explosion_uncontrolled: '粉尘爆炸区域未落实管控',
};
export const R8_LABELS = { warningSigns: '警示标志', monitoring: '监测预警', emergencyEquipment: '应急器材', escapeRoutes: '逃生路线' } as const;
export type R8Item = keyof typeof R8_LABELS;
const R8_ALIASES: Record<string, R8Item> = {
  警示标识: 'warningSigns', 安全警示标志: 'warningSigns', 监测预警系统: 'monitoring', 监控预警: 'monitoring', 应急设施: 'emergencyEquipment',
  应急设备: 'emergencyEquipment', 应急物资: 'emergencyEquipment', 现场应急设施: 'emergencyEquipment', 逃生通道: 'escapeRoutes',
  疏散通道: 'escapeRoutes', 安全出口: 'escapeRoutes', 疏散路线: 'escapeRoutes',
};
const ACCIDENT_ALIASES: Record<string, (typeof ACCIDENT_TYPES)[number]> = {
  其他爆炸: '其它爆炸', 其他伤害: '其它伤害', 中毒窒息: '中毒和窒息', 中毒: '中毒和窒息', 窒息: '中毒和窒息', 爆炸: '其它爆炸',
};
/** A grade cell as people write it: 重大/较大/一般/低 with or without 风险, or the grade number. */
const GRADE_WORDS: Record<string, Grade> = { 重大: 1, 较大: 2, 一般: 3, 低: 4, 一级: 1, 二级: 2, 三级: 3, 四级: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

// ---- columns ----

export const COLUMNS = [
  { key: 'seq', header: '序号', width: 6 },
  { key: 'code', header: '风险点编号', width: 11 },
  { key: 'name', header: '风险点名称', width: 20 },
  { key: 'kind', header: '类型', width: 10 },
  { key: 'unit', header: '所在单位/区域', width: 18 },
  { key: 'factors', header: '危险有害因素', width: 30 },
  { key: 'accidents', header: '可能导致的事故类型', width: 16 },
  { key: 'evaluation', header: '评价方法及数值', width: 24 },
  { key: 'grade', header: '风险等级', width: 10 },
  { key: 'level', header: '管控层级', width: 9 },
  { key: 'controllers', header: '责任人', width: 22 },
  ...MEASURE_CATEGORIES.map((c) => ({ key: `m_${c}` as const, header: CATEGORY_LABELS[c], width: 24 })),
  { key: 'emergency', header: '应急处置措施', width: 28 },
  // Not in every customary ledger, but needed for an exported file to reproduce the ledger on import.
  { key: 'location', header: '具体位置', width: 16 },
  { key: 'posts', header: '涉及岗位', width: 16 },
  { key: 'major', header: '重大危险源', width: 8 },
  { key: 'r8', header: '警示与应急设施', width: 20 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** Columns an uploaded sheet must have; the others are optional (序号, 编号 and 管控层级 are derived). */
const REQUIRED: ColumnKey[] = ['name', 'kind', 'unit', 'factors', 'accidents', 'evaluation', 'grade', 'controllers', ...MEASURE_CATEGORIES.map((c) => `m_${c}` as const), 'emergency'];
const MEASURE_HEADER = '管控措施';
export const DATA_SHEET = '风险分级管控清单';
export const MAX_IMPORT_ROWS = 10_000;

const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

// ---- cell text ----

const text = cellText;
const lines = (s: string) => s.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
/** "1、" "2." "(3)" "①" numbering in front of a measure, but not the "1.5" of "1.5 m 护栏". */
const stripNumbering = (s: string) => s.replace(/^(?:\d{1,2}[、．.)）](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*/, '').trim();

// ---- evaluation text ----

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** "LEC: L=6 E=6 C=15 D=540", "LS: L=3 S=5 R=15", "MES: M=3 E=6 S=4 R=72", "直接判定: 重大危险源". */
export function formatEvaluation(inputs: MethodInput[], results: MethodResult[]): string {
  return inputs.map((m, i) => {
    const score = results[i]?.score ?? null;
    switch (m.method) {
      case 'LEC': return `LEC: L=${fmt(m.L)} E=${fmt(m.E)} C=${fmt(m.C)} D=${fmt(score ?? m.L * m.E * m.C)}`;
      case 'LS': return `LS: L=${fmt(m.L)} S=${fmt(m.S)} R=${fmt(score ?? m.L * m.S)}`;
      case 'MES': return `MES: M=${fmt(m.M)} E=${fmt(m.E)} S=${fmt(m.S)} R=${fmt(score ?? m.M * m.E * m.S)}`;
      case 'DIRECT': return `直接判定: ${m.conditions.length ? m.conditions.map((c) => DIRECT_LABELS[c]).join('、') : '无'}`;
    }
  }).join('\n');
}

type Issue = { message: string; params?: Record<string, string | number> };
type Parsed<T> = { value: T; errors: Issue[]; warnings: Issue[] };

/** Reads the evaluation cell back into method inputs; a written score is only compared with the computed one. */
export function parseEvaluation(s: string): Parsed<{ inputs: MethodInput[]; writtenScores: (number | null)[] }> {
  const errors: Issue[] = [];
  const inputs: MethodInput[] = [];
  const writtenScores: (number | null)[] = [];
  for (const part of s.split(/\r?\n|\r|[；;]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(LEC|LS|MES|直接判定|直接判断|DIRECT)\s*(?:法)?\s*[:：]?\s*([\s\S]*)$/i.exec(part);
    if (!m) { errors.push({ message: 'riskImport.evaluation.method', params: { text: part } }); continue; }
    const method = m[1]!.toUpperCase();
    const rest = m[2]!;
    if (method === 'DIRECT' || method.startsWith('直接')) {
      const conditions: DirectCondition[] = [];
      for (const w of rest.split(/[、,，/]+/).map((x) => x.trim()).filter((x) => x && x !== '无')) {
        const c = (Object.entries(DIRECT_LABELS) as [DirectCondition, string][]).find(([code, label]) => w === label || w === code)?.[0]
          ?? (DIRECT_CONDITIONS as readonly string[]).find((code) => code === w) as DirectCondition | undefined;
        if (c) { if (!conditions.includes(c)) conditions.push(c); } else errors.push({ message: 'riskImport.evaluation.condition', params: { text: w } });
      }
      inputs.push({ method: 'DIRECT', conditions });
      writtenScores.push(null);
      continue;
    }
    const values: Record<string, number> = {};
    for (const v of rest.matchAll(/([A-Za-z])\s*[=＝:：]\s*(-?\d+(?:\.\d+)?)/g)) values[v[1]!.toUpperCase()] = Number(v[2]);
    const need = { LEC: ['L', 'E', 'C'], LS: ['L', 'S'], MES: ['M', 'E', 'S'] }[method as 'LEC' | 'LS' | 'MES'];
    const missing = need.filter((k) => values[k] === undefined);
    if (missing.length) { errors.push({ message: 'riskImport.evaluation.values', params: { method, values: missing.join('、') } }); continue; }
    if (method === 'LEC') { inputs.push({ method: 'LEC', L: values.L!, E: values.E!, C: values.C! }); writtenScores.push(values.D ?? null); }
    if (method === 'LS') { inputs.push({ method: 'LS', L: values.L!, S: values.S! }); writtenScores.push(values.R ?? null); }
    if (method === 'MES') { inputs.push({ method: 'MES', M: values.M!, E: values.E!, S: values.S! }); writtenScores.push(values.R ?? null); }
  }
  return { value: { inputs, writtenScores }, errors, warnings: [] };
}

export function parseGradeCell(s: string): Grade | null {
  const t = compact(s).replace(/风险$/, '').replace(/^([1-4])级$/, '$1');
  return GRADE_WORDS[t] ?? null;
}

// ---- other cells ----

export function parseFactors(s: string): Parsed<Record<FactorClass, string[]>> {
  const out: Record<FactorClass, string[]> = { people: [], things: [], environment: [], management: [] };
  const errors: Issue[] = [];
  for (const line of lines(s)) {
    const m = /^([^:：]{1,12})[:：]\s*([\s\S]*)$/.exec(line);
    const label = m ? compact(m[1]!) : '';
    const cls = (Object.entries(FACTOR_LABELS) as [FactorClass, string][]).find(([, l]) => l === label)?.[0] ?? FACTOR_ALIASES[label];
    if (!m || !cls) { errors.push({ message: 'riskImport.factors.class', params: { text: line.slice(0, 30) } }); continue; }
    for (const item of m[2]!.split(/[；;]+/).map((x) => x.trim()).filter(Boolean)) {
      if (item.length > 200) errors.push({ message: 'validation.tooLong', params: { max: 200 } });
      else if (!out[cls].includes(item)) out[cls].push(item);
    }
  }
  for (const cls of Object.keys(out) as FactorClass[]) if (out[cls].length > 30) errors.push({ message: 'riskImport.tooMany', params: { max: 30 } });
  return { value: out, errors, warnings: [] };
}

export function formatFactors(f: Record<FactorClass, string[]>): string {
  return (Object.keys(FACTOR_LABELS) as FactorClass[]).filter((c) => f[c].length).map((c) => `${FACTOR_LABELS[c]}：${f[c].join('；')}`).join('\n');
}

export function parseAccidents(s: string): Parsed<string[]> {
  const out: string[] = [];
  const errors: Issue[] = [];
  for (const w of s.split(/[、,，;；/\s]+/).map((x) => x.trim()).filter(Boolean)) {
    const a = (ACCIDENT_TYPES as readonly string[]).includes(w) ? w : ACCIDENT_ALIASES[w];
    if (!a) errors.push({ message: 'riskImport.accident', params: { text: w } });
    else if (!out.includes(a)) out.push(a);
  }
  return { value: out, errors, warnings: [] };
}

export function parseKind(s: string): (typeof RISK_KINDS)[number] | null {
  const t = compact(s);
  const hit = (Object.entries(KIND_LABELS) as [(typeof RISK_KINDS)[number], string][]).find(([code, label]) => t === label || t === code);
  return hit?.[0] ?? KIND_ALIASES[t] ?? null;
}

export function parseYesNo(s: string): boolean | null {
  const t = compact(s).toLowerCase();
  if (['', '否', '无', '不是', 'n', 'no', 'false', '×'].includes(t)) return false;
  if (['是', '有', '构成', 'y', 'yes', 'true', '√', '✓'].includes(t)) return true;
  return null;
}

export function parseR8(s: string): Parsed<Record<R8Item, boolean>> {
  const out: Record<R8Item, boolean> = { warningSigns: false, monitoring: false, emergencyEquipment: false, escapeRoutes: false };
  const errors: Issue[] = [];
  for (const w of s.split(/[、,，;；/\n\r]+/).map((x) => compact(x)).filter((x) => x && x !== '无')) {
    const item = (Object.entries(R8_LABELS) as [R8Item, string][]).find(([, l]) => l === w)?.[0] ?? R8_ALIASES[w];
    if (item) out[item] = true; else errors.push({ message: 'riskImport.r8', params: { text: w } });
  }
  return { value: out, errors, warnings: [] };
}

export type EmployeeNode = { id: string; name: string; unitId: string };

/** "企业级:张三；部门级:李四；车间级:王五；班组级:赵六"; a name shared by several people takes its unit: 张三（生产部/一车间）. */
export function parseControllers(s: string, employees: EmployeeNode[], units: UnitIndex): Parsed<{ level: ControlLevelName; employeeId: string }[]> {
  const out: { level: ControlLevelName; employeeId: string }[] = [];
  const errors: Issue[] = [];
  for (const entry of s.split(/[；;\n\r]+/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^([^:：]{1,6})[:：]\s*(.+)$/.exec(entry);
    const label = m ? compact(m[1]!) : '';
    const level = (Object.entries(LEVEL_LABELS) as [ControlLevelName, string][]).find(([, l]) => l === label)?.[0] ?? LEVEL_ALIASES[label];
    if (!m || !level) { errors.push({ message: 'riskImport.controller.format', params: { text: entry.slice(0, 30) } }); continue; }
    const who = /^(.+?)\s*[（(]\s*(.+?)\s*[)）]$/.exec(m[2]!.trim());
    const name = (who ? who[1]! : m[2]!).trim();
    let candidates = employees.filter((e) => e.name === name);
    if (who && candidates.length > 1) {
      const unit = units.resolve(who[2]!);
      if (unit.ok) candidates = candidates.filter((e) => e.unitId === unit.id);
    }
    if (candidates.length === 0) errors.push({ message: 'riskImport.controller.notFound', params: { name } });
    else if (candidates.length > 1) errors.push({ message: 'riskImport.controller.ambiguous', params: { name } });
    else if (out.some((o) => o.level === level)) errors.push({ message: 'riskImport.controller.repeated', params: { level: LEVEL_LABELS[level] } });
    else out.push({ level, employeeId: candidates[0]!.id });
  }
  return { value: out, errors, warnings: [] };
}

export function parseMeasures(s: string): Parsed<string[]> {
  const items = lines(s).map(stripNumbering).filter(Boolean);
  const errors: Issue[] = items.some((i) => i.length > 1000) ? [{ message: 'validation.tooLong', params: { max: 1000 } }] : [];
  return { value: items, errors, warnings: [] };
}

// ---- rows ----

export type SheetRow = { row: number; cells: Partial<Record<ColumnKey, CellInput>> };
export type RowIssue = { row: number; column: string; message: string; params?: Record<string, string | number> };

export type ValidRiskRow = {
  row: number;
  code: string | null;
  name: string;
  kind: (typeof RISK_KINDS)[number];
  orgUnitId: string;
  location: string;
  factors: Record<FactorClass, string[]>;
  accidentTypes: string[];
  majorHazardSource: boolean;
  emergencyMeasures: string;
  /** Null when the row has no evaluation: the point is imported unassessed. */
  assessment: { inputs: MethodInput[]; results: MethodResult[]; grade: Grade } | null;
  controllers: { level: ControlLevelName; employeeId: string }[];
  measures: { category: MeasureCategory; content: string }[];
  postIds: string[];
  r8: Record<R8Item, boolean>;
};

export type RowContext = {
  units: UnitIndex;
  posts: PostNode[];
  employees: EmployeeNode[];
  /**
   * Codes of archived points: not to be used again. (A code of an active point is no error: its row updates that point,
   * so that an exported ledger re-imported unchanged changes nothing.)
   */
  archivedCodes: Set<string>;
  rules: RiskRuleSet;
};

/**
 * Checks every row and returns the good ones, one error per bad cell, and warnings (a grade cell or a written score
 * that disagrees with the computed one: the computed value wins). A code repeated in the file fails on later rows.
 */
export function validateRows(rows: SheetRow[], ctx: RowContext): { valid: ValidRiskRow[]; errors: RowIssue[]; warnings: RowIssue[]; errorRows: number } {
  const valid: ValidRiskRow[] = [];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const seen = new Map<string, number>();
  let errorRows = 0;
  for (const { row, cells } of rows) {
    const rowErrors: RowIssue[] = [];
    const cell = (key: ColumnKey) => text(cells[key] ?? null);
    const fail = (key: ColumnKey, message: string, params?: Record<string, string | number>) => rowErrors.push({ row, column: header(key), message, ...(params ? { params } : {}) });
    const collect = <T>(key: ColumnKey, p: Parsed<T>): T => {
      for (const e of p.errors) fail(key, e.message, e.params);
      return p.value;
    };

    const code = cell('code');
    if (code.length > 40) fail('code', 'validation.tooLong', { max: 40 });
    else if (code) {
      const first = seen.get(code);
      if (first !== undefined) fail('code', 'riskImport.code.repeated', { row: first });
      else {
        seen.set(code, row);
        if (ctx.archivedCodes.has(code)) fail('code', 'riskImport.code.archived');
      }
    }
    const name = cell('name');
    if (!name) fail('name', 'validation.required');
    else if (name.length > 200) fail('name', 'validation.tooLong', { max: 200 });

    const kindText = cell('kind');
    const kind = kindText ? parseKind(kindText) : null;
    if (!kindText) fail('kind', 'validation.required');
    else if (!kind) fail('kind', 'riskImport.kind');

    let orgUnitId: string | null = null;
    const unitText = cell('unit');
    if (!unitText) fail('unit', 'validation.required');
    else {
      const r = ctx.units.resolve(unitText);
      if (r.ok) orgUnitId = r.id; else fail('unit', r.message, r.params);
    }

    const factors = collect('factors', parseFactors(cell('factors')));
    const accidentTypes = collect('accidents', parseAccidents(cell('accidents')));

    let assessment: ValidRiskRow['assessment'] = null;
    const evaluation = collect('evaluation', parseEvaluation(cell('evaluation')));
    if (evaluation.inputs.length > 4) fail('evaluation', 'riskImport.tooMany', { max: 4 });
    else if (evaluation.inputs.length) {
      try {
        const results = evaluation.inputs.map((m) => gradeMethod(m, ctx.rules));
        const grade = combineGrades(results);
        assessment = { inputs: evaluation.inputs, results, grade };
        results.forEach((r, i) => {
          const written = evaluation.writtenScores[i];
          if (written !== null && written !== undefined && r.score !== null && Math.abs(written - r.score) > 1e-6) {
            warnings.push({ row, column: header('evaluation'), message: 'riskImport.scoreDiffers', params: { method: r.method, written: fmt(written), computed: fmt(r.score) } });
          }
        });
      } catch (e) {
        if (!(e instanceof InvalidRiskInput)) throw e;
        fail('evaluation', 'validation.risk.value', { field: e.field });
      }
    }
    const gradeText = cell('grade');
    if (gradeText) {
      const written = parseGradeCell(gradeText);
      if (!assessment) warnings.push({ row, column: header('grade'), message: 'riskImport.grade.unassessed' });
      else if (written === null || written !== assessment.grade) {
        warnings.push({ row, column: header('grade'), message: 'riskImport.grade.differs', params: { written: gradeText, computed: GRADE_NAME[assessment.grade]['zh-CN'] } });
      }
    }

    const controllers = collect('controllers', parseControllers(cell('controllers'), ctx.employees, ctx.units));
    const measures: ValidRiskRow['measures'] = [];
    for (const category of MEASURE_CATEGORIES) {
      for (const content of collect(`m_${category}`, parseMeasures(cell(`m_${category}`)))) measures.push({ category, content });
    }
    if (measures.length > 100) fail('m_engineering', 'riskImport.tooMany', { max: 100 });
    const emergencyMeasures = cell('emergency');
    if (emergencyMeasures.length > 2000) fail('emergency', 'validation.tooLong', { max: 2000 });
    const location = cell('location');
    if (location.length > 200) fail('location', 'validation.tooLong', { max: 200 });
    const postIds: string[] = [];
    for (const p of splitPosts(cell('posts'))) {
      const r = resolvePost(p, orgUnitId, ctx.posts, ctx.units);
      if (r.ok) { if (!postIds.includes(r.id)) postIds.push(r.id); } else fail('posts', r.message, r.params);
    }
    if (postIds.length > 50) fail('posts', 'riskImport.tooMany', { max: 50 });
    const major = parseYesNo(cell('major'));
    if (major === null) fail('major', 'riskImport.yesNo');
    const r8 = collect('r8', parseR8(cell('r8')));

    if (rowErrors.length) {
      errorRows++;
      errors.push(...rowErrors);
      continue;
    }
    valid.push({
      row, code: code || null, name, kind: kind!, orgUnitId: orgUnitId!, location, factors, accidentTypes, majorHazardSource: major!,
      emergencyMeasures, assessment, controllers, measures, postIds, r8,
    });
  }
  return { valid, errors, warnings, errorRows };
}

/** The next free FX-nnn codes after the highest one in use, for rows without a code. */
export function assignCodes(rows: ValidRiskRow[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  for (const r of rows) if (r.code) used.add(r.code);
  let max = 0;
  for (const c of used) if (/^FX-\d+$/.test(c)) max = Math.max(max, Number(c.slice(3)));
  return rows.map((r) => r.code ?? `FX-${String(++max).padStart(3, '0')}`);
}

// ---- reading a workbook ----

/**
 * Reads the ledger sheet: the header row is the first of the top ten rows holding 风险点名称 (a title row above it
 * is fine); measure categories may sit in that row or, under a merged 管控措施 cell, in the row below.
 */
export async function readLedger(buffer: Buffer): Promise<{ rows: SheetRow[]; title: string }> {
  const { rows, title } = await LEDGER_SHEET.read(buffer);
  return { rows: rows.map((r) => ({ row: r.row, cells: r.cells })), title };
}

export const TITLE_SUFFIX = '安全风险分级管控清单';
const ROOT_WORDS = ['本企业', '公司本部', '企业本部'];

/**
 * Units as the sheet names them, where the enterprise itself may also be written 本企业 or 公司本部, or with the name
 * of the enterprise the file was exported from (its title row): a ledger moves to another enterprise unchanged.
 */
export function ledgerUnits(index: UnitIndex, rootId: string | null, title: string): UnitIndex {
  const source = compact(title).replace(/(?:安全)?风险分级管控清单$/, '');
  const aliases = new Set([...ROOT_WORDS, ...(source ? [source] : [])]);
  return { ...index, resolve: (written) => (rootId && aliases.has(compact(written)) ? { ok: true, id: rootId } : index.resolve(written)) };
}

// ---- writing a workbook ----

export const GRADE_FILL: Record<Grade, { bg: string; font: string }> = {
  1: { bg: 'FFFF0000', font: 'FFFFFFFF' },
  2: { bg: 'FFFFA500', font: 'FF000000' },
  3: { bg: 'FFFFFF00', font: 'FF000000' },
  4: { bg: 'FF0070C0', font: 'FFFFFFFF' },
};
/** One row as the export writes it: every cell already text. */
export type LedgerRow = {
  code: string; name: string; kind: string; unit: string; factors: string; accidents: string; evaluation: string; grade: Grade | null;
  level: string; controllers: string; measures: Record<MeasureCategory, string>; emergency: string; location: string; posts: string;
  major: boolean; r8: string;
};

const GRADE_STYLE = Object.fromEntries(([1, 2, 3, 4] as Grade[]).map((g) => [g, {
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: GRADE_FILL[g].bg } } as ExcelJS.Fill,
  font: { bold: true, color: { argb: GRADE_FILL[g].font } } as Partial<ExcelJS.Font>,
}])) as Record<Grade, { fill: ExcelJS.Fill; font: Partial<ExcelJS.Font> }>;
const WRAP: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };

function ledgerCell(key: ColumnKey, r: LedgerRow, i: number): ExcelJS.CellValue {
  switch (key) {
    case 'seq': return i + 1;
    case 'grade': return r.grade ? GRADE_NAME[r.grade]['zh-CN'] : '';
    case 'major': return r.major ? '是' : '否';
    default:
      if (key.startsWith('m_')) return r.measures[key.slice(2) as MeasureCategory];
      return r[key as Exclude<ColumnKey, 'seq' | 'grade' | 'major' | `m_${MeasureCategory}`>];
  }
}

/** The notes sheet of the template, one entry per column. */
const LEDGER_NOTES: Partial<Record<ColumnKey, { note: string; example?: string }>> = {
  seq: { note: '选填，仅供阅读，导入时忽略。' },
  code: { example: 'FX-001', note: '选填，不超过 40 个字符；留空时按 FX-001、FX-002… 自动编号。本企业已有的编号不能重复导入。' },
  name: { example: '液氨储罐区', note: '必填，不超过 200 个字。' },
  kind: { example: '场所区域', note: `必填：${Object.values(KIND_LABELS).join('、')}。` },
  unit: { example: '生产部/一车间', note: '必填，按“部门/车间/班组”填写单位路径，如“生产部/一车间”；单位名称在本企业唯一时也可只写名称；企业本身写企业名称或“本企业”（从其他企业导出的清单中写的原企业名称也按本企业处理）。可选的单位见“单位与岗位”工作表。' },
  factors: { example: '物的因素：储罐泄漏；静电积聚', note: `按类别每行一类，格式“类别：因素1；因素2”，类别为 ${Object.values(FACTOR_LABELS).join('、')}，如“物的因素：储罐泄漏；静电积聚”。` },
  accidents: { example: '火灾、其它爆炸', note: `按 GB 6441 填写，多个用“、”分隔：${ACCIDENT_TYPES.join('、')}。` },
  evaluation: { example: 'LEC: L=3 E=6 C=40 D=720', note: '每行一种方法：“LEC: L=6 E=6 C=15 D=540”、“LS: L=3 S=5 R=15”、“MES: M=3 E=6 S=4 R=72”、' +
    `“直接判定: 重大危险源”（可选条件：${Object.values(DIRECT_LABELS).join('、')}）。取值须在公布的取值表内。D、R 值可省略：平台按取值和现行分级标准重新计算，多种方法取最高等级（从严从高）。留空表示尚未评价。` },
  grade: { note: '导入时不采用此列：等级由评价方法及数值计算得出；与计算结果不一致时以计算结果为准，并在导入结果中提示。导出时按等级填充红、橙、黄、蓝色。' },
  level: { note: '导入时忽略：由风险等级按现行规则确定（重大—企业级，较大—部门级，一般—车间级，低—班组级）。' },
  controllers: { example: '企业级:张三；部门级:李四', note: `各管控层级的责任人，格式“企业级:张三；部门级:李四；车间级:王五；班组级:赵六”，层级为 ${Object.values(LEVEL_LABELS).join('、')}。姓名须为本企业在职员工；本企业有同名员工时写成“张三（生产部/一车间）”。` },
  m_engineering: { example: '1、设置可燃气体报警仪', note: '七类管控措施（工程技术…应急管理）各占一列，每条措施一行（单元格内换行：Alt+Enter），行首的“1、”“(1)”等编号会被去掉。' },
  emergency: { note: '选填，不超过 2000 字。' },
  location: { note: '选填，风险点所在的具体位置，如“厂区东北角储罐区”。' },
  posts: { note: '选填，多个岗位用“、”分隔；岗位名称在多个单位重复时写成“单位路径/岗位”。' },
  major: { example: '否', note: '选填：是 / 否，留空为否。' },
  r8: { example: '警示标志、应急器材', note: `较大及以上风险点应落实的四项：${Object.values(R8_LABELS).join('、')}；填写已落实的项目，用“、”分隔，未落实的不填。` },
};

/**
 * The ledger in the customary layout: a title row, then the two-row header with the seven categories under a merged
 * 管控措施; data from row 4. Grade cells are filled red/orange/yellow/blue, multi-line cells wrapped; the 序号,
 * 编号 and 管控层级 columns are optional in an upload.
 */
export const LEDGER_SHEET = defineSheet<ColumnKey, LedgerRow>({
  name: DATA_SHEET,
  maxRows: MAX_IMPORT_ROWS,
  headerSearchRows: 10,
  freezeColumns: 3,
  landscape: true,
  group: { header: MEASURE_HEADER, keys: MEASURE_CATEGORIES.map((c) => `m_${c}` as const) },
  columns: COLUMNS.map((c) => ({
    ...c, required: REQUIRED.includes(c.key), informational: c.key === 'seq', write: (r: LedgerRow, i: number) => ledgerCell(c.key, r, i),
    ...LEDGER_NOTES[c.key],
  })),
  style: (r, row, col) => {
    row.alignment = WRAP;
    if (!r.grade) return;
    const cell = row.getCell(col('grade'));
    cell.fill = GRADE_STYLE[r.grade].fill;
    cell.font = GRADE_STYLE[r.grade].font;
  },
});

/**
 * The ledger as .xlsx, written with the streaming writer, rows committed as they go: a third less CPU than building
 * the whole workbook model first.
 */
export async function buildLedger(title: string, rows: Iterable<LedgerRow> | AsyncIterable<LedgerRow>): Promise<Buffer> {
  return LEDGER_SHEET.write(rows, { title });
}

/** An empty ledger in the same layout, a guide to every column, and the enterprise's units and posts. */
export async function buildLedgerTemplate(input: { enterpriseName: string; unitPaths: string[]; posts: { unitPath: string; name: string }[] }): Promise<Buffer> {
  return LEDGER_SHEET.template({
    title: `${input.enterpriseName}${TITLE_SUFFIX}`,
    notes: {
      title: '风险清单导入说明', subtitle: `适用企业：${input.enterpriseName}`, widths: [18, 100],
      intro: ['在“风险分级管控清单”工作表第 4 行起每行填写一个风险点，不要修改表头；第 1 行标题可以改写，空行会被忽略，一次最多 10000 行。本平台导出的清单可直接导入。'],
      extra: [['导入方式', '“严格导入”：文件中只要有一行错误就不导入任何数据，并列出每个错误的行号和列名；“仅导入正确行”：导入没有错误的行，并列出出错的行。']],
    },
    reference: { unitHeader: '单位（路径）', unitPaths: input.unitPaths, posts: input.posts },
    validations: {
      kind: {
        type: 'list', allowBlank: false, formulae: [`"${Object.values(KIND_LABELS).join(',')}"`],
        showErrorMessage: true, errorStyle: 'stop', errorTitle: '类型', error: `请从列表中选择：${Object.values(KIND_LABELS).join('、')}`,
      },
    },
  });
}
