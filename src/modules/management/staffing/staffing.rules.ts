import type { Locale } from '../../../platform/i18n/messages';

/*
 * R-TEAM-1/2: whether an enterprise's safety organisation meets the law, and exactly what is missing. Pure: no I/O,
 * every number from the district's `safety-staffing` rule-set, so the page, the regulators' list and the tests agree.
 */

/** The [cfg] values of the `safety-staffing` rule-set (staffing.rule-sets.ts), as the check reads them. */
export type StaffingRules = {
  /** R-TEAM-1: industries that need a department or full-time staff whatever their size. */
  teamIndustries: readonly string[];
  /** R-TEAM-1: a hazardous-goods carrier (RULES.md §8) is a transport unit whatever its industry. */
  carriersNeedTeam: boolean;
  /** R-TEAM-1: more than this many employees ("> 100", 101 or more) → department or full-time staff. */
  sizeThreshold: number;
  /** R-TEAM-2: industries that employ registered safety engineers (the seed's set plus the law's). */
  engineerIndustries: readonly string[];
  /** R-TEAM-2: the law's subset (Art 27), where a missing engineer makes the enterprise non-compliant. */
  engineerMandatoryIndustries: readonly string[];
  /** R-TEAM-2 ratio: units of these industries with at least `minHeadcount` employees. */
  engineerRatio: { industries: readonly string[]; minHeadcount: number; percentOfSafetyStaff: number; smallStaffMax: number; minimumWhenSmall: number };
  /** R-TEAM-2 ratio: hazardous-chemical firms' full-time safety staff as a share of headcount. */
  fullTimeRatio: { industries: readonly string[]; percentOfHeadcount: number; smallHeadcountBelow: number; minimumWhenSmall: number };
};

export type StaffingFacts = {
  industryCode: string;
  hazardousGoodsCarrier: boolean;
  /** The roster's active employees of every employment form. */
  headcount: number;
  department: boolean;
  /** Safety staff who are active employees of the roster, by kind. */
  fullTime: number;
  partTime: number;
  /** Registered safety engineers who are active employees and whose certificate is valid today. */
  engineers: number;
};

export type ShortfallCode = 'DEPARTMENT_OR_FULL_TIME' | 'SAFETY_STAFF' | 'FULL_TIME_STAFF' | 'ENGINEER';
/** What is missing: `count` more people of the kind; `advised` is the seed's "配足" beyond the law (not a breach). */
export type Shortfall = { code: ShortfallCode; count: number; severity: 'required' | 'advised'; rule: 'R-TEAM-1' | 'R-TEAM-2' };

export type StaffingCheck = {
  compliant: boolean;
  /** Why R-TEAM-1 asks what it asks: the industry (or being a carrier), the size, or neither. */
  teamBasis: 'industry' | 'carrier' | 'size' | 'small';
  required: { departmentOrFullTime: boolean; anySafetyStaff: boolean; fullTime: number; engineers: number; engineersAdvised: number };
  shortfalls: Shortfall[];
};

/** ceil(n × percent ÷ 100) in integers: the percent is read to two decimals (basis points). */
export function percentCeil(n: number, percent: number): number {
  const bp = Math.round(percent * 100);
  return Math.floor((n * bp + 9_999) / 10_000);
}

export function checkStaffing(rules: StaffingRules, f: StaffingFacts): StaffingCheck {
  const industryTeam = rules.teamIndustries.includes(f.industryCode);
  const carrierTeam = rules.carriersNeedTeam && f.hazardousGoodsCarrier;
  // R-TEAM-1: "> 100" employees means 101 or more.
  const big = f.headcount > rules.sizeThreshold;
  const teamBasis = industryTeam ? 'industry' : carrierTeam ? 'carrier' : big ? 'size' : 'small';
  const departmentOrFullTime = teamBasis !== 'small';
  const shortfalls: Shortfall[] = [];

  // R-TEAM-2 ratio for hazardous-chemical firms: full-time staff ≥ 2% of headcount, at least 1 below 50 employees.
  const ft = rules.fullTimeRatio;
  const fullTime = ft.industries.includes(f.industryCode)
    ? (f.headcount < ft.smallHeadcountBelow ? ft.minimumWhenSmall : percentCeil(f.headcount, ft.percentOfHeadcount))
    : 0;
  const fullTimeMissing = Math.max(0, fullTime - f.fullTime);

  if (departmentOrFullTime) {
    // A missing full-time officer asked by the ratio also meets this; say it once.
    if (!f.department && f.fullTime === 0 && fullTimeMissing === 0) shortfalls.push({ code: 'DEPARTMENT_OR_FULL_TIME', count: 1, severity: 'required', rule: 'R-TEAM-1' });
  } else if (f.fullTime + f.partTime === 0 && fullTimeMissing === 0) {
    shortfalls.push({ code: 'SAFETY_STAFF', count: 1, severity: 'required', rule: 'R-TEAM-1' });
  }
  if (fullTimeMissing > 0) shortfalls.push({ code: 'FULL_TIME_STAFF', count: fullTimeMissing, severity: 'required', rule: 'R-TEAM-2' });

  // R-TEAM-2: the law's industries employ at least one engineer; ≥ 300-staff units of the ratio's industries have
  // engineers ≥ 15% of their safety staff (at least one while the safety staff are 7 or fewer).
  const er = rules.engineerRatio;
  const staff = f.fullTime + f.partTime;
  const byRatio = er.industries.includes(f.industryCode) && f.headcount >= er.minHeadcount
    ? (staff <= er.smallStaffMax ? er.minimumWhenSmall : percentCeil(staff, er.percentOfSafetyStaff))
    : 0;
  const engineers = Math.max(rules.engineerMandatoryIndustries.includes(f.industryCode) ? 1 : 0, byRatio);
  const engineersAdvised = rules.engineerIndustries.includes(f.industryCode) ? 1 : 0;
  if (f.engineers < engineers) shortfalls.push({ code: 'ENGINEER', count: engineers - f.engineers, severity: 'required', rule: 'R-TEAM-2' });
  else if (f.engineers < engineersAdvised) shortfalls.push({ code: 'ENGINEER', count: engineersAdvised - f.engineers, severity: 'advised', rule: 'R-TEAM-2' });

  return {
    compliant: !shortfalls.some((s) => s.severity === 'required'),
    teamBasis,
    required: { departmentOrFullTime, anySafetyStaff: !departmentOrFullTime, fullTime, engineers, engineersAdvised },
    shortfalls,
  };
}

/** A shortfall as a sentence for people, zh-CN or en-US ("还需配备 1 名专职安全生产管理人员"). */
export function shortfallText(s: Shortfall, locale: Locale): string {
  const n = s.count;
  if (locale === 'zh-CN') {
    const advised = s.severity === 'advised' ? '（建议配足）' : '';
    switch (s.code) {
      case 'DEPARTMENT_OR_FULL_TIME': return '还需设置安全生产管理机构或配备 1 名专职安全生产管理人员';
      case 'SAFETY_STAFF': return '还需配备 1 名专职或兼职安全生产管理人员';
      case 'FULL_TIME_STAFF': return `还需配备 ${n} 名专职安全生产管理人员`;
      case 'ENGINEER': return `还需配备 ${n} 名注册安全工程师${advised}`;
    }
  }
  const people = (one: string, many: string) => `${n} more ${n === 1 ? one : many}`;
  switch (s.code) {
    case 'DEPARTMENT_OR_FULL_TIME': return 'Needs a safety department or 1 more full-time safety officer';
    case 'SAFETY_STAFF': return 'Needs 1 more full-time or part-time safety officer';
    case 'FULL_TIME_STAFF': return `Needs ${people('full-time safety officer', 'full-time safety officers')}`;
    case 'ENGINEER': return `Needs ${people('registered safety engineer', 'registered safety engineers')}${s.severity === 'advised' ? ' (advised)' : ''}`;
  }
}
