import { addLocalDays } from '../../../platform/time';

/**
 * Issue 14 §2, pure: the state of an emergency item on a day (inspection due, expiry), of a rescue agreement, and the
 * next inspection. Days are local calendar days (YYYY-MM-DD); "due on" a day is still in time that day.
 */

export type EquipmentState = 'ok' | 'due_soon' | 'overdue' | 'expired';
export type AgreementState = 'valid' | 'expiring' | 'expired' | 'future';

/** The next inspection: the last one plus the cycle; an item with a cycle never inspected is due on the day it was recorded. */
export function nextInspectionDue(lastInspectedOn: string | null, cycleDays: number | null, recordedOn: string): string | null {
  if (cycleDays === null) return null;
  return lastInspectedOn === null ? recordedOn : addLocalDays(lastInspectedOn, cycleDays);
}

/**
 * The worst of the item's states: expired (its expiry day passed), overdue (its inspection day passed), due soon
 * (either falls within `soonDays`), else ok.
 */
export function equipmentState(nextDue: string | null, expiresOn: string | null, today: string, soonDays: number): EquipmentState {
  if (expiresOn !== null && expiresOn < today) return 'expired';
  if (nextDue !== null && nextDue < today) return 'overdue';
  const soon = addLocalDays(today, soonDays);
  if ((nextDue !== null && nextDue <= soon) || (expiresOn !== null && expiresOn <= soon)) return 'due_soon';
  return 'ok';
}

/** An agreement is valid from its first to its last day; expiring within `soonDays` of its last. */
export function agreementState(validFrom: string, validTo: string, today: string, soonDays: number): AgreementState {
  if (validTo < today) return 'expired';
  if (validFrom > today) return 'future';
  return validTo <= addLocalDays(today, soonDays) ? 'expiring' : 'valid';
}

/** What R-EMG-3's readiness reads of an enterprise's rescue organisation on a day. */
export type RescueFigures = {
  /** A team of kind `team` with at least one member. */
  staffedTeam: boolean;
  /** Named part-time rescuers (kind `parttime`) with at least one member. */
  staffedParttime: boolean;
  teams: number;
  /** Teams of kind `team`. */
  fullTeams: number;
  agreements: number;
  /** An agreement valid on the day. */
  validAgreement: boolean;
};
export type ReadinessReason = 'no_team' | 'no_members' | 'no_agreement' | 'agreement_expired';

/**
 * R-EMG-3: whether a required rescue organisation is in place, and what is missing. A staffed team meets either
 * requirement; where small and micro units may use part-time rescuers, named part-time rescuers with an agreement
 * valid that day meet it too.
 */
export function readinessFrom(requirement: 'team' | 'team_or_parttime', f: RescueFigures): { met: boolean; reasons: ReadinessReason[] } {
  if (f.staffedTeam) return { met: true, reasons: [] };
  if (requirement === 'team') return { met: false, reasons: [f.fullTeams > 0 ? 'no_members' : 'no_team'] };
  const reasons: ReadinessReason[] = [];
  if (!f.staffedParttime) reasons.push(f.teams > 0 ? 'no_members' : 'no_team');
  if (!f.validAgreement) reasons.push(f.agreements > 0 ? 'agreement_expired' : 'no_agreement');
  return { met: reasons.length === 0, reasons };
}
