export { defineWorkflow, refuseIf, requires, type BaseRefusal, type Decision, type Guard, type OperationSpec, type Workflow, type WorkflowSpec } from './workflow';
export {
  abilitiesOf, bindWorkflow, operate, refusalError, workflowAuditActions, type Effect, type EffectContext, type EffectResult, type HistoryEntry, type LockableSelect, type StaleRefusal,
  type WorkflowBinding, type WorkflowRow,
} from './operate';
