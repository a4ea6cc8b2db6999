import { z } from 'zod';
import { pageOf, pageQuery } from '../../../platform/http/route';
import { DIRECT_CONDITIONS, type Grade, type Method } from './risk-grading';
import { R8_ITEMS } from '../report/risk-report.rules';
import { wholeNumber } from '../../../platform/http/whole-number';

/** GB 6441 accident types (20). */
export const ACCIDENT_TYPES = [
  '物体打击', '车辆伤害', '机械伤害', '起重伤害', '触电', '淹溺', '灼烫', '火灾', '高处坠落', '坍塌',
  '冒顶片帮', '透水', '放炮', '火药爆炸', '瓦斯爆炸', '锅炉爆炸', '容器爆炸', '其它爆炸', '中毒和窒息', '其它伤害',
] as const;
export const RISK_KINDS = ['equipment', 'operation', 'place'] as const;
export const CONTROLLER_LEVELS = ['company', 'department', 'workshop', 'team'] as const;
export const MEASURE_CATEGORIES = ['engineering', 'monitoring', 'isolation', 'ppe', 'management', 'training', 'emergency'] as const;
export const CHECK_CYCLES = ['shift', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export const LEVELS = ['company', 'department', 'workshop', 'team'] as const;
export const GRADES = [1, 2, 3, 4] as const satisfies readonly Grade[];
export const METHODS = ['LEC', 'LS', 'MES', 'DIRECT'] as const satisfies readonly Method[];
export const ASSESSMENT_STAGES = ['inherent', 'residual'] as const;
export const RISK_FLAGS = ['missingR8', 'overdue', 'controlFailing', 'unassessed'] as const;

/** R-RISK-2: a grade in a response, 1 (major) to 4 (low), so clients can index by it. */
export const riskGrade = z.literal(GRADES);
export const controlLevel = z.enum(LEVELS);
export const r8Items = z.array(z.enum(R8_ITEMS));

export const riskParams = z.object({ enterpriseId: z.uuid(), id: z.uuid() });
const text = (max: number) => z.string().trim().max(max);
const factorList = z.array(text(200).min(1)).max(30).default([]);
export const hazardFactors = z.object({ people: factorList, things: factorList, environment: factorList, management: factorList });

export const methodInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('LEC'), L: z.number(), E: z.number(), C: z.number() }),
  z.object({ method: z.literal('LS'), L: z.number(), S: z.number() }),
  z.object({ method: z.literal('MES'), M: z.number(), E: z.number(), S: z.number() }),
  z.object({ method: z.literal('DIRECT'), conditions: z.array(z.enum(DIRECT_CONDITIONS)) }),
]);
export const assessmentInput = z.object({
  stage: z.enum(ASSESSMENT_STAGES).default('residual'),
  methods: z.array(methodInput).min(1).max(4),
  reason: text(500).min(1),
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const riskPointFields = z.object({
  code: text(40).min(1).optional(),
  name: text(200).min(1),
  kind: z.enum(RISK_KINDS),
  orgUnitId: z.uuid(),
  postIds: z.array(z.uuid()).max(50).default([]),
  location: text(200).default(''),
  hazardFactors: hazardFactors.default({ people: [], things: [], environment: [], management: [] }),
  accidentTypes: z.array(z.enum(ACCIDENT_TYPES)).max(20).default([]),
  majorHazardSource: z.boolean().default(false),
  emergencyMeasures: text(2000).default(''),
  hasWarningSigns: z.boolean().default(false),
  hasMonitoring: z.boolean().default(false),
  hasEmergencyEquipment: z.boolean().default(false),
  hasEscapeRoutes: z.boolean().default(false),
});
export const riskPointCreate = riskPointFields.extend({ assessment: assessmentInput.optional() });
export type RiskPointCreate = z.infer<typeof riskPointCreate>;
export const riskPointUpdate = riskPointFields.partial().extend({ version: z.number().int() });
export type RiskPointUpdate = z.infer<typeof riskPointUpdate>;

export const controllersInput = z.object({ company: z.uuid().nullable().optional(), department: z.uuid().nullable().optional(), workshop: z.uuid().nullable().optional(), team: z.uuid().nullable().optional() });
export const measuresInput = z.object({
  measures: z.array(z.object({
    category: z.enum(MEASURE_CATEGORIES),
    content: text(1000).min(1),
    ownerEmployeeId: z.uuid().nullable().default(null),
    checkItems: z.array(z.object({ content: text(500).min(1), method: text(200).default(''), cycle: z.enum(CHECK_CYCLES), postId: z.uuid().nullable().default(null) })).max(20).default([]),
  })).max(100),
});
export type MeasuresInput = z.infer<typeof measuresInput>;
/** Where a point is drawn on its floor plan: a marker or a polygon, in coordinates 0..1 of the plan. */
export const shape = z.union([
  z.object({ type: z.literal('marker'), x: z.number().min(0).max(1), y: z.number().min(0).max(1) }),
  z.object({ type: z.literal('polygon'), points: z.array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)])).min(3).max(200) }),
]);
export type Shape = z.infer<typeof shape>;
export const shapeInput = z.object({ floorPlanId: z.uuid().nullable(), shape: shape.nullable() });

export const riskListQuery = z.object({
  ...pageQuery,
  pageSize: wholeNumber(1, 1000).default(50),
  sort: z.enum(['code', 'name', 'grade', 'reassessDue', 'updatedAt']).default('code'),
  grade: wholeNumber(1, 4).optional(),
  kind: z.enum(RISK_KINDS).optional(),
  orgUnitId: z.uuid().optional(),
  floorPlanId: z.uuid().optional(),
  flag: z.enum(RISK_FLAGS).optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuery>;

export const riskSummary = z.object({
  id: z.string(), code: z.string(), name: z.string(), kind: z.enum(RISK_KINDS), orgUnitId: z.string(), orgUnitName: z.string(),
  location: z.string(), grade: riskGrade.nullable(), inherentGrade: riskGrade.nullable(), residualGrade: riskGrade.nullable(),
  controlLevel: controlLevel.nullable(), reassessDue: z.string().nullable(), majorHazardSource: z.boolean(),
  // Read back as stored: the table does not check them against GB 6441 (create and import do).
  accidentTypes: z.array(z.string()), hazardFactors, emergencyMeasures: z.string(),
  missingR8: r8Items, overdue: z.boolean(), controlFailing: z.boolean(),
  floorPlanId: z.string().nullable(), shape: shape.nullable(),
  postNames: z.array(z.string()), controllers: z.array(z.object({ level: z.enum(CONTROLLER_LEVELS), employeeId: z.string(), name: z.string() })),
  measures: z.array(z.object({ id: z.string(), category: z.enum(MEASURE_CATEGORIES), content: z.string() })),
  scores: z.string(), version: z.number(),
});
export const riskPage = pageOf(riskSummary);

/** One method of a stored assessment: its result and the values it was given (`inputs`). */
export const storedMethod = z.object({ method: z.enum(METHODS), score: z.number().nullable(), grade: riskGrade, inputs: methodInput.optional() });
export type StoredMethod = z.infer<typeof storedMethod>;

export const riskDetail = riskSummary.extend({
  postIds: z.array(z.string()),
  hasWarningSigns: z.boolean(), hasMonitoring: z.boolean(), hasEmergencyEquipment: z.boolean(), hasEscapeRoutes: z.boolean(),
  measures: z.array(z.object({
    id: z.string(), category: z.enum(MEASURE_CATEGORIES), content: z.string(), ownerEmployeeId: z.string().nullable(), ownerName: z.string().nullable(),
    checkItems: z.array(z.object({ id: z.string(), content: z.string(), method: z.string(), cycle: z.enum(CHECK_CYCLES), postId: z.string().nullable() })),
  })),
  assessments: z.array(z.object({
    id: z.string(), stage: z.enum(ASSESSMENT_STAGES), grade: riskGrade, methods: z.array(storedMethod), ruleSetVersion: z.number(), reason: z.string(),
    assessedBy: z.string().nullable(), assessedAt: z.date(),
  })),
  requiredLevels: z.array(controlLevel),
  abilities: z.object({ canEdit: z.boolean(), canAssess: z.boolean() }),
});

/** "My risks": the points where the caller is a responsible person, at `level`. */
export const myRiskList = z.object({
  items: z.array(z.object({
    id: z.string(), code: z.string(), name: z.string(), grade: riskGrade.nullable(), level: controlLevel, orgUnitName: z.string(), reassessDue: z.string().nullable(),
    controlFailing: z.boolean(),
  })),
});

/** The check items derived from control measures (R-RISK-5), which hidden-hazard investigation builds checklists from. */
export const riskCheckItems = z.array(z.object({
  id: z.string(), content: z.string(), method: z.string(), cycle: z.enum(CHECK_CYCLES), postId: z.string().nullable(), riskPointId: z.string(), riskCode: z.string(),
  riskName: z.string(), grade: riskGrade.nullable(), category: z.enum(MEASURE_CATEGORIES), measure: z.string(),
}));
