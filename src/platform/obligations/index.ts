/**
 * The obligations engine's definitions (issue 11 §1). The engine itself (occurrences, jobs, views) is the module
 * src/modules/obligations, whose public door exports the calls below. A module that owns a record which fulfils a duty:
 *
 *   await fulfilByRecord(tx, ctx, { enterpriseId, record: 'meeting.safety_topic', recordType: 'meeting', recordId,
 *     at: meeting.heldAt, byPrincipal: chairIsPrincipal });
 *
 * in the same transaction that writes the record (a rolled-back record fulfils nothing), and when the record is voided
 * or corrected so it no longer qualifies:
 *
 *   await revertByRecord(tx, ctx, { enterpriseId, recordType: 'meeting', recordId, reason: 'voided' });
 *
 * An event that opens a duty (a new hire owes a personal signature within N days):
 *
 *   await triggerEvent(tx, ctx, { enterpriseId, event: 'employee.hired', at: ctx.now, subjectKey: employeeId,
 *     subjectLabel: name, ownerEmployeeId: employeeId });
 *
 * Definitions are declared in a module's manifest (`obligations`, see obligation.definition.ts).
 */
export {
  APPLIES_FLAGS, OCCURRENCE_STATUSES, obligationDefinition, obligationDefinitions, registerObligations,
  type AppliesFlag, type ObligationApplies, type ObligationCadence, type ObligationDefinition, type ObligationOwner, type ObligationParams,
  type ObligationReportedTo, type OccurrenceStatus,
} from './obligation.definition';
