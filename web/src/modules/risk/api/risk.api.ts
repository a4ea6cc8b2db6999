import { api, type Page, type Query, type OnExportProgress } from '../../../app/api';
import type { ResponseOf } from '../../../api/types';
import type { ControlLevel, DirectCondition, Grade, MethodInput, RiskRuleSet } from './risk-grading';

/** GB 6441: the 20 accident types, stored as their Chinese names. */
export const ACCIDENT_TYPES = [
  '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
  '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其它爆炸', '中毒和窒息', '其它伤害',
] as const;
export type RiskKind = 'equipment' | 'operation' | 'place';
export const RISK_KINDS: readonly RiskKind[] = ['equipment', 'operation', 'place'];
/** R-RISK-5: the seven categories of control measures. */
export type MeasureCategory = 'engineering' | 'monitoring' | 'isolation' | 'ppe' | 'management' | 'training' | 'emergency';
export const MEASURE_CATEGORIES: readonly MeasureCategory[] = ['engineering', 'monitoring', 'isolation', 'ppe', 'management', 'training', 'emergency'];
export type CheckCycle = 'shift' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
export const CHECK_CYCLES: readonly CheckCycle[] = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
export type FactorClass = 'people' | 'things' | 'environment' | 'management';
export const FACTOR_CLASSES: readonly FactorClass[] = ['people', 'things', 'environment', 'management'];
/** R-RISK-8: what a grade 1–2 point must have on site. */
export type R8Item = 'warningSigns' | 'monitoring' | 'emergencyEquipment' | 'escapeRoutes';
export const R8_ITEMS: readonly R8Item[] = ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes'];
export const R8_FIELDS: Record<R8Item, 'hasWarningSigns' | 'hasMonitoring' | 'hasEmergencyEquipment' | 'hasEscapeRoutes'> = {
  warningSigns: 'hasWarningSigns', monitoring: 'hasMonitoring', emergencyEquipment: 'hasEmergencyEquipment', escapeRoutes: 'hasEscapeRoutes',
};
export type RiskFlag = 'missingR8' | 'overdue' | 'controlFailing' | 'unassessed';
export const RISK_FLAGS: readonly RiskFlag[] = ['missingR8', 'overdue', 'controlFailing', 'unassessed'];

export type HazardFactors = Record<FactorClass, string[]>;
export type Shape = { type: 'marker'; x: number; y: number } | { type: 'polygon'; points: [number, number][] };

export type RiskSummary = {
  id: string; code: string; name: string; kind: RiskKind; orgUnitId: string; orgUnitName: string; location: string;
  grade: Grade | null; inherentGrade: Grade | null; residualGrade: Grade | null; controlLevel: ControlLevel | null;
  reassessDue: string | null; majorHazardSource: boolean; accidentTypes: string[]; hazardFactors: HazardFactors;
  emergencyMeasures: string; missingR8: R8Item[]; overdue: boolean; controlFailing: boolean;
  floorPlanId: string | null; shape: Shape | null; postNames: string[];
  controllers: { level: ControlLevel; employeeId: string; name: string }[];
  measures: { id: string; category: MeasureCategory; content: string }[];
  scores: string; version: number;
};
export type RiskPage = Page<RiskSummary> & { canManage: boolean };

export type CheckItem = { id?: string; content: string; method: string; cycle: CheckCycle; postId: string | null };
export type Measure = {
  id?: string; category: MeasureCategory; content: string; ownerEmployeeId: string | null; ownerName?: string | null; checkItems: CheckItem[];
};
/** A method as stored with an assessment: its inputs, score and grade. */
export type StoredMethod = { method: MethodInput['method']; score: number | null; grade: Grade; inputs?: Partial<MethodInput> };
export type Assessment = {
  id: string; stage: 'inherent' | 'residual'; grade: Grade; methods: StoredMethod[]; ruleSetVersion: number; reason: string;
  assessedBy: string | null; assessedAt: string;
};
export type RiskDetail = Omit<RiskSummary, 'measures'> & {
  postIds: string[];
  hasWarningSigns: boolean; hasMonitoring: boolean; hasEmergencyEquipment: boolean; hasEscapeRoutes: boolean;
  measures: Measure[];
  assessments: Assessment[];
  requiredLevels: ControlLevel[];
  abilities: { canEdit: boolean; canAssess: boolean };
};

export type AssessmentInput = { stage: 'inherent' | 'residual'; methods: MethodInput[]; reason: string };
export type RiskPointFields = {
  code?: string; name: string; kind: RiskKind; orgUnitId: string; postIds: string[]; location: string; hazardFactors: HazardFactors;
  accidentTypes: string[]; majorHazardSource: boolean; emergencyMeasures: string;
  hasWarningSigns: boolean; hasMonitoring: boolean; hasEmergencyEquipment: boolean; hasEscapeRoutes: boolean;
};
export type RiskPointCreate = RiskPointFields & { assessment?: AssessmentInput };
export type RiskPointUpdate = Partial<RiskPointFields> & { version: number };
export type ControllersInput = Partial<Record<ControlLevel, string | null>>;

export type RiskSummaryCounts = {
  total: number; byGrade: Record<Grade, number>; unassessed: number; overdue: number; controlFailing: number; missingR8: number;
};
export type MyRisk = {
  id: string; code: string; name: string; grade: Grade | null; level: ControlLevel; orgUnitName: string; reassessDue: string | null; controlFailing: boolean;
};
export type RulesView = { version: number; rules: RiskRuleSet; createdAt: string | null; note: string };

/** The import's answer, its plan (created, updated, not in the file) included: the server's schema, generated. */
export type RiskImportReport = ResponseOf<'/enterprises/{enterpriseId}/risk-points/import', 'post'>;

export type { DirectCondition };

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/risk-points`;

export const riskApi = {
  currentRules: (signal?: AbortSignal) => api.get<RulesView>('/risk/rules/current', undefined, { signal }),
  mine: (signal?: AbortSignal) => api.get<{ items: MyRisk[] }>('/risk/mine', undefined, { signal }),
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<RiskPage>(base(enterpriseId), query, { signal }),
  summary: (enterpriseId: string, signal?: AbortSignal) => api.get<RiskSummaryCounts>(`/enterprises/${enterpriseId}/risk-summary`, undefined, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<RiskDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: RiskPointCreate) => api.post<RiskDetail>(base(enterpriseId), body),
  update: (enterpriseId: string, id: string, body: RiskPointUpdate) => api.patch<RiskDetail>(`${base(enterpriseId)}/${id}`, body),
  archive: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/${id}`),
  assess: (enterpriseId: string, id: string, body: AssessmentInput) => api.post<RiskDetail>(`${base(enterpriseId)}/${id}/assessments`, body),
  setControllers: (enterpriseId: string, id: string, body: ControllersInput) => api.put<RiskDetail>(`${base(enterpriseId)}/${id}/controllers`, body),
  setMeasures: (enterpriseId: string, id: string, measures: Measure[]) =>
    api.put<RiskDetail>(`${base(enterpriseId)}/${id}/measures`, {
      measures: measures.map((m) => ({
        category: m.category, content: m.content, ownerEmployeeId: m.ownerEmployeeId ?? null,
        checkItems: m.checkItems.map((c) => ({ content: c.content, method: c.method, cycle: c.cycle, postId: c.postId ?? null })),
      })),
    }),
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
  downloadTemplate: (enterpriseId: string, fallbackName: string) => api.download(`${base(enterpriseId)}/import-template`, undefined, fallbackName),
  import: (enterpriseId: string, file: File, mode: 'strict' | 'valid' | 'preview') => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<RiskImportReport>(`${base(enterpriseId)}/import`, form, { mode });
  },
};
