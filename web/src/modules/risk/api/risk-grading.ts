/**
 * The server's pure grading rules (RULES.md §3), shared as they are: the assessment form previews a grade with the
 * very functions the server stores it with. The module has no I/O and no Node dependency.
 */
export {
  CONTROL_LEVELS, DEFAULT_RISK_RULES, DIRECT_CONDITIONS, LEC_VALUES, LS_VALUES, MES_VALUES, combineGrades, gradeMethod, requiredControlLevels,
} from '../../../../../src/modules/risk/points/risk-grading';
export type {
  Bands, ControlLevel, DirectCondition, Grade, Method, MethodInput, MethodResult, RiskRuleSet,
} from '../../../../../src/modules/risk/points/risk-grading';
