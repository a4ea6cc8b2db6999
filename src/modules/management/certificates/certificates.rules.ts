import { addLocalDays, addLocalMonths } from '../../../platform/time';

/*
 * R-TRN-2 as pure functions (no I/O): a certificate's validity and review days, its status on a day, matching a post's
 * required certificate type against the catalogue, and the age rules of a post. Tested row by row in
 * test/certificates.test.ts; the service, the import and the daily job use the same functions.
 */

export const CERTIFICATE_KINDS = ['special_operation', 'special_equipment', 'safety_qualification'] as const;
export type CertificateKindCode = (typeof CERTIFICATE_KINDS)[number];

export const CERTIFICATE_STATUSES = ['valid', 'review_due', 'expiring', 'review_overdue', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The periods of one kind [cfg]: validity, review cycle (0: none before renewal), the longer cycle and the years that earn it. */
export type KindPeriods = { validYears: number; reviewYears: number; extendedReviewYears: number; compliantYearsForExtension: number };

const years = (day: string, n: number) => addLocalMonths(day, n * 12);

/** The default end of validity: the issue day plus the kind's validity (6 years for a special-operation certificate). */
export function defaultValidUntil(issuedOn: string, p: KindPeriods): string {
  return years(issuedOn, p.validYears);
}

/** The review cycle in years on a certificate: the longer one once extended (R-TRN-2: 6 after 10 compliant years). */
export function reviewCycle(p: KindPeriods, extended: boolean): number {
  return extended ? p.extendedReviewYears : p.reviewYears;
}

/**
 * The next review due after `from` (the issue day, or the review day just passed): one cycle on; none when the kind
 * has no review or the review would fall on or after the end of validity (the renewal is then the review).
 */
export function nextReviewFrom(from: string, validUntil: string, p: KindPeriods, extended: boolean): string | null {
  const cycle = reviewCycle(p, extended);
  if (cycle <= 0) return null;
  const due = years(from, cycle);
  return due < validUntil ? due : null;
}

/** Whether the holder has worked compliantly long enough (from `compliantSince`) for the longer review cycle. */
export function mayExtendReview(compliantSince: string, today: string, p: KindPeriods): boolean {
  return years(compliantSince, p.compliantYearsForExtension) <= today;
}

/**
 * A certificate's status on `today`: expired after its last valid day, lapsed when its review is overdue (特种作业人员安全
 * 技术培训考核管理规定 Art 30: not reviewed in time, the certificate is void), "expiring"/"review due" within `soonDays`.
 */
export function certificateStatus(c: { status: 'active' | 'revoked'; validUntil: string; nextReviewOn: string | null }, today: string, soonDays: number): CertificateStatus {
  if (c.status === 'revoked') return 'revoked';
  if (c.validUntil < today) return 'expired';
  if (c.nextReviewOn !== null && c.nextReviewOn < today) return 'review_overdue';
  const soon = addLocalDays(today, soonDays);
  if (c.validUntil <= soon) return 'expiring';
  if (c.nextReviewOn !== null && c.nextReviewOn <= soon) return 'review_due';
  return 'valid';
}

/** Valid for work on `today`: neither expired, nor lapsed by an overdue review, nor revoked. */
export const isValidOn = (s: CertificateStatus) => s === 'valid' || s === 'expiring' || s === 'review_due';

// ---- the safety qualification of principals and safety managers ----

/** The certificate code a principal or a safety manager needs (the catalogue's two safety-qualification types). */
export const QUALIFICATION_CODE = { principal: 'sq-principal', manager: 'sq-manager' } as const;

/**
 * R-TRN-2 [cfg]: the last day on which a person appointed principal or safety manager on `appointedOn` may still work
 * without the safety qualification (安全生产培训管理办法: the assessment is passed within six months of taking the post,
 * by default 183 days).
 */
export function qualificationDueOn(appointedOn: string, days: number): string {
  return addLocalDays(appointedOn, days);
}

export type QualificationState = 'qualified' | 'grace' | 'overdue';

/**
 * R-TRN-2: a principal or safety manager holding a valid certificate of his code is qualified; without one he is within
 * his grace until the due day (inclusive), and unqualified from the day after. The appointment is never refused.
 */
export function qualificationState(holdsValid: boolean, appointedOn: string, today: string, days: number): QualificationState {
  if (holdsValid) return 'qualified';
  return today > qualificationDueOn(appointedOn, days) ? 'overdue' : 'grace';
}

// ---- the catalogue ----

export type CatalogueType = { code: string; kind: CertificateKindCode; name: string; aliases: readonly string[] };

const norm = (s: string) => s.replace(/[\s（）()]/g, '').replace(/证$/, '');

/**
 * The catalogue type a post's free-text certificate type names: its code, its name, one of its aliases, or (failing
 * those) the one type whose name or alias the text contains (低压电工作业 → 电工作业). Null when nothing or several match.
 */
export function typeOfPost(catalogue: readonly CatalogueType[], written: string | null): CatalogueType | null {
  if (!written) return null;
  const w = norm(written.trim());
  if (!w) return null;
  const exact = catalogue.find((c) => c.code === written.trim() || norm(c.name) === w || c.aliases.some((a) => norm(a) === w));
  if (exact) return exact;
  const within = catalogue.filter((c) => [c.name, ...c.aliases].some((n) => norm(n).length >= 2 && w.includes(norm(n))));
  return within.length === 1 ? within[0]! : null;
}

// ---- age ----

/** The day the holder of an ID number turns `age` (29 February comes of age on 1 March in a common year, as isUnderAge). */
export function comesOfAgeOn(idNumber: string, age: number): string {
  const birth = idNumber.slice(6, 14);
  const y = Number(birth.slice(0, 4)) + age;
  const m = Number(birth.slice(4, 6));
  const d = Number(birth.slice(6, 8));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return d > last ? addLocalDays(day, 1) : day;
}

export const ADULT_AGE = 18;

export type PostKind = { keyPost: boolean; specialOperation: boolean };

/**
 * R-TRN-2 (劳动法 第六十四条): a minor (16–17) may hold an ordinary post but neither a key (hazardous) post nor a special
 * operation. Under 16 nobody is employed at all (refused before any post is looked at).
 */
export function minorMayHold(post: PostKind): boolean {
  return !post.keyPost && !post.specialOperation;
}
