import type { Locale } from '../i18n/messages';

/**
 * An obligation definition (issue 11 §1): one rule of RULES.md that becomes something due. Modules declare theirs in
 * their manifest (`obligations`); the engine (src/platform/obligations/) materialises occurrences, reminds, escalates,
 * counts and rates them, and modules fulfil them in the transaction of the record that fulfils them
 * (`fulfilByRecord`). The parameters a district may change (cadence, lead times, which enterprises, enabled, effective
 * date) are the [cfg] rule-set `obligations`, whose defaults are these declarations; each occurrence keeps the version
 * that created it, and an edit applies only to occurrences not yet created.
 */

/** Who owes it. `principal`/`safety_manager`: the enterprise's accounts of that role; `person`: one employee (an
 * event names them); `enterprise`: the enterprise as a whole (its managers act); `regulator`: the supervising office. */
export type ObligationOwner = 'enterprise' | 'principal' | 'safety_manager' | 'person' | 'regulator';

/** To whom it is reported: `internal` (nobody outside the enterprise), or the regulators who receive it. */
export type ObligationReportedTo = 'internal' | 'subdistrict' | 'department' | 'regulators' | 'congress';

export type PeriodicCadence = {
  kind: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly';
  /** Due this many days after the period's last day (0 = due on its last day). */
  graceDays: number;
  /** Yearly duties due on a fixed day instead (MM-DD, e.g. 12-31); null = the period's last day. */
  dueMonthDay?: string | null;
};
export type EventCadence = {
  kind: 'event';
  /** The event that opens an occurrence (`employee.hired`, `plan.issued`, `enterprise.reactivated`…). */
  event: string;
  /** Due N days after the event, counted in working days on the official calendar where `workingDays`. */
  days: number;
  workingDays: boolean;
};
export type ObligationCadence = PeriodicCadence | EventCadence;

/** Which enterprises it applies to: every condition given must hold (absent = no condition). */
export type ObligationApplies = {
  /** Any of these industry categories (industries.categories: rescue_org, drill_half_year, …). */
  industryCategories?: string[];
  keyIndustry?: boolean;
  stateOwned?: boolean;
  highRisk?: boolean;
  hasWorkersCongress?: boolean;
  hazardousGoodsCarrier?: boolean;
  sizeClasses?: ('large' | 'medium' | 'small' | 'micro')[];
  /**
   * At least one of these holds (the others above must all hold): e.g. R-STD-1's self-assessment is owed by central or
   * provincial enterprises, high-risk ones and those above designated size (规上).
   */
  anyOf?: AppliesFlag[];
  /**
   * Industry categories that count as one more alternative of `anyOf`: R-EMG-2's half-yearly drill is owed by the
   * `drill_half_year` industries, hazardous-goods carriers and crowded venues — any one is enough.
   */
  anyOfCategories?: string[];
};

/** The enterprise flags `anyOf` may name. */
export const APPLIES_FLAGS = ['highRisk', 'centralProvincial', 'aboveScale', 'keyIndustry', 'stateOwned', 'hazardousGoodsCarrier', 'crowdedVenue'] as const;
export type AppliesFlag = (typeof APPLIES_FLAGS)[number];

/** The parameters a district may change, per definition (the rule-set `obligations`). */
export type ObligationParams = {
  enabled: boolean;
  /** Local date (YYYY-MM-DD) from which occurrences exist; never earlier than an enterprise's onboarding. */
  effectiveFrom: string;
  cadence: ObligationCadence;
  applies: ObligationApplies;
  /** Reminders this many days before the due date (each once). */
  remindDaysBefore: number[];
  /** Escalations this many days after the due date (each once): the owner, then their regulators or the principal. */
  escalateDaysAfter: number[];
};

export type ObligationDefinition = {
  /** Unique, dotted: `resp.ten.inspection`. */
  key: string;
  /** The module that declares it. */
  module: string;
  /** The RULES.md id it implements (`R-RESP-5`). */
  ruleId: string;
  names: Record<Locale, string>;
  /** One sentence: what fulfils it, for people. */
  hints: Record<Locale, string>;
  owner: ObligationOwner;
  reportedTo: ObligationReportedTo;
  /**
   * The record kinds that fulfil it (`meeting.safety_topic`, `check.enterprise_led`…): a module calls
   * `fulfilByRecord(tx, ctx, { record: kind, … })` in the transaction that writes such a record.
   */
  fulfilledBy: readonly string[];
  /** Whether uploaded evidence (files and a note) can fulfil it. */
  evidence: boolean;
  /** R-RESP-5: only the principal's own act or signature fulfils it; evidence by anyone else waits for the principal. */
  principalOnly?: boolean;
  /**
   * A periodic duty owed per subject (R-EMG-2: each issued on-site disposal plan every half-year), not per enterprise:
   * the daily job does not open it; the module that owns the subjects opens each subject's period (`ensureSubjectPeriod`)
   * and cancels a withdrawn subject's open ones (`cancelSubjectPeriods`); its records fulfil it with `subjectKey`.
   */
  perSubject?: boolean;
  /** The web page where it is done, `{enterpriseId}` filled in (`/e/{enterpriseId}/meetings/new`). */
  link?: string;
  defaults: ObligationParams;
};

export const OCCURRENCE_STATUSES = ['upcoming', 'due', 'fulfilled', 'late_fulfilled', 'overdue', 'waived'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

const registry = new Map<string, ObligationDefinition>();

/** Adds a module's definitions (src/platform/module.ts); a key declared twice fails at start. */
export function registerObligations(defs: readonly ObligationDefinition[]): void {
  for (const def of defs) {
    const had = registry.get(def.key);
    if (had && had !== def) throw new Error(`obligation ${def.key} is declared twice`);
    registry.set(def.key, def);
  }
}

export function obligationDefinitions(): ObligationDefinition[] {
  return [...registry.values()];
}

export function obligationDefinition(key: string): ObligationDefinition | undefined {
  return registry.get(key);
}
