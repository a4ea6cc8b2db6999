import type { QueryKey } from '@tanstack/react-query';
import { api, type Query, type OnExportProgress } from '../../../app/api';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';
import type { DirectCondition } from './risk-grading';

type E = '/enterprises/{enterpriseId}';
type PointPath = `${E}/risk-points/{id}`;

export type RiskPage = ResponseOf<`${E}/risk-points`>;
export type RiskSummary = ItemOf<RiskPage>;
export type RiskDetail = ResponseOf<PointPath>;

export type RiskPointCreate = BodyOf<`${E}/risk-points`>;
/** The fields of a point as the create and edit forms hold them. */
export type RiskPointFields = Omit<RiskPointCreate, 'assessment'>;
export type RiskPointUpdate = BodyOf<PointPath, 'patch'>;
export type AssessmentInput = BodyOf<`${PointPath}/assessments`>;
export type ControllersInput = BodyOf<`${PointPath}/controllers`, 'put'>;
type MeasuresInput = BodyOf<`${PointPath}/measures`, 'put'>;

/** GB 6441: the 20 accident types, stored as their Chinese names. */
export type AccidentType = NonNullable<RiskPointCreate['accidentTypes']>[number];
export const ACCIDENT_TYPES = [
  '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
  '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其它爆炸', '中毒和窒息', '其它伤害',
] as const satisfies readonly AccidentType[];
/** A point's accident types are read back as stored text; the forms offer and send only the GB 6441 ones. */
export const isAccidentType = (x: string): x is AccidentType => ACCIDENT_TYPES.some((a) => a === x);

export type RiskKind = RiskSummary['kind'];
export const RISK_KINDS = ['equipment', 'operation', 'place'] as const satisfies readonly RiskKind[];
/** R-RISK-5: the seven categories of control measures. */
export type MeasureCategory = RiskDetail['measures'][number]['category'];
export const MEASURE_CATEGORIES = ['engineering', 'monitoring', 'isolation', 'ppe', 'management', 'training', 'emergency'] as const satisfies readonly MeasureCategory[];
export type CheckCycle = RiskDetail['measures'][number]['checkItems'][number]['cycle'];
export const CHECK_CYCLES = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const satisfies readonly CheckCycle[];
export type HazardFactors = RiskSummary['hazardFactors'];
export type FactorClass = keyof HazardFactors;
export const FACTOR_CLASSES = ['people', 'things', 'environment', 'management'] as const satisfies readonly FactorClass[];
/** R-RISK-8: what a grade 1–2 point must have on site. */
export type R8Item = RiskSummary['missingR8'][number];
export const R8_ITEMS = ['warningSigns', 'monitoring', 'emergencyEquipment', 'escapeRoutes'] as const satisfies readonly R8Item[];
export const R8_FIELDS = {
  warningSigns: 'hasWarningSigns', monitoring: 'hasMonitoring', emergencyEquipment: 'hasEmergencyEquipment', escapeRoutes: 'hasEscapeRoutes',
} as const satisfies Record<R8Item, keyof RiskDetail>;
export type RiskFlag = NonNullable<QueryOf<`${E}/risk-points`>['flag']>;
export const RISK_FLAGS = ['missingR8', 'overdue', 'controlFailing', 'unassessed'] as const satisfies readonly RiskFlag[];

export type Shape = NonNullable<RiskSummary['shape']>;

/** A measure as the editor holds it: new ones have no id yet, and neither do their check items. */
export type CheckItem = Omit<RiskDetail['measures'][number]['checkItems'][number], 'id'> & { id?: string };
export type Measure = Omit<RiskDetail['measures'][number], 'id' | 'ownerName' | 'checkItems'> & {
  id?: string; ownerName?: string | null; checkItems: CheckItem[];
};
export type Assessment = RiskDetail['assessments'][number];
/** A method as stored with an assessment: its inputs, score and grade. */
export type StoredMethod = Assessment['methods'][number];

export type RiskSummaryCounts = ResponseOf<`${E}/risk-summary`>;
export type MyRisk = ItemOf<ResponseOf<'/risk/mine'>>;
export type RulesView = ResponseOf<'/risk/rules/current'>;

/** The import's answer, its plan (created, updated, not in the file) included: the server's schema, generated. */
export type RiskImportReport = ResponseOf<`${E}/risk-points/import`, 'post'>;
type ImportMode = NonNullable<QueryOf<`${E}/risk-points/import`, 'post'>['mode']>;

export type { DirectCondition };

const base = (enterpriseId: string) => `/enterprises/${enterpriseId}/risk-points`;

/**
 * The queries a change of risk points shows in, for a write's `invalidates`: everything of the enterprise under
 * `['risk', enterpriseId, …]` (ledger, details and counts — the home page's grade card too —, map, board, cards, the
 * live annual report), 我的风险, the regulators' overview and grade-1 list, the check items drawn from the points'
 * measures, and the workbench (overdue, failing and incomplete points).
 */
export const riskQueries = (enterpriseId: string): QueryKey[] => [
  ['risk', enterpriseId], ['risk', 'mine'], ['risk', 'overview'], ['risk', 'major'], ['check-items', enterpriseId, 'risk'], ['workbench'],
];

export const riskApi = {
  currentRules: (signal?: AbortSignal) => api.get<RulesView>('/risk/rules/current', undefined, { signal }),
  mine: (signal?: AbortSignal) => api.get<ResponseOf<'/risk/mine'>>('/risk/mine', undefined, { signal }),
  list: (enterpriseId: string, query: Query, signal?: AbortSignal) => api.get<RiskPage>(base(enterpriseId), query, { signal }),
  summary: (enterpriseId: string, signal?: AbortSignal) => api.get<RiskSummaryCounts>(`/enterprises/${enterpriseId}/risk-summary`, undefined, { signal }),
  get: (enterpriseId: string, id: string, signal?: AbortSignal) => api.get<RiskDetail>(`${base(enterpriseId)}/${id}`, undefined, { signal }),
  create: (enterpriseId: string, body: RiskPointCreate) => api.post<RiskDetail>(base(enterpriseId), body),
  update: (enterpriseId: string, id: string, body: RiskPointUpdate) => api.patch<RiskDetail>(`${base(enterpriseId)}/${id}`, body),
  archive: (enterpriseId: string, id: string) => api.del(`${base(enterpriseId)}/${id}`),
  assess: (enterpriseId: string, id: string, body: AssessmentInput) => api.post<RiskDetail>(`${base(enterpriseId)}/${id}/assessments`, body),
  setControllers: (enterpriseId: string, id: string, body: ControllersInput) => api.put<RiskDetail>(`${base(enterpriseId)}/${id}/controllers`, body),
  setMeasures: (enterpriseId: string, id: string, measures: Measure[]) => {
    const body: MeasuresInput = {
      measures: measures.map((m) => ({
        category: m.category, content: m.content, ownerEmployeeId: m.ownerEmployeeId,
        checkItems: m.checkItems.map((c) => ({ content: c.content, method: c.method, cycle: c.cycle, postId: c.postId })),
      })),
    };
    return api.put<RiskDetail>(`${base(enterpriseId)}/${id}/measures`, body);
  },
  exportList: (enterpriseId: string, query: Query, fallbackName: string, onProgress?: OnExportProgress) => api.download(`${base(enterpriseId)}/export`, query, fallbackName, onProgress),
  downloadTemplate: (enterpriseId: string, fallbackName: string) => api.download(`${base(enterpriseId)}/import-template`, undefined, fallbackName),
  import: (enterpriseId: string, file: File, mode: ImportMode) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<RiskImportReport>(`${base(enterpriseId)}/import`, form, { mode });
  },
};
