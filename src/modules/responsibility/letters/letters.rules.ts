/*
 * Letters and commitments (R-RESP-3, R-COM-1): the built-in wording, what exactly a person signs, and the principal's
 * commitment drafted from the enterprise's figures. No I/O.
 */

export const LETTER_KINDS = ['responsibility', 'commitment'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The platform's own wording (version 0), used until the enterprise saves its own. */
export const BUILTIN_TEMPLATES: Record<LetterKind, { title: string; body: string }> = {
  responsibility: {
    title: '安全生产责任书',
    body: [
      '为全面落实安全生产主体责任，坚持“安全第一、预防为主、综合治理”的方针，根据《中华人民共和国安全生产法》等法律法规和本单位全员安全生产责任制，签订本责任书。',
      '一、严格遵守安全生产法律法规和本单位安全生产规章制度、操作规程，服从管理，正确佩戴和使用劳动防护用品。',
      '二、认真履行本岗位安全生产责任清单所列职责，做好岗位风险辨识和管控，按要求开展隐患排查，发现事故隐患或者其他不安全因素立即报告。',
      '三、按规定参加安全生产教育和培训，掌握本岗位安全操作技能和应急处置措施；特种作业人员持证上岗。',
      '四、不违章指挥、不违章作业、不违反劳动纪律；有权拒绝违章指挥和强令冒险作业，发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后撤离作业场所。',
      '五、发生生产安全事故时，立即报告，积极参加抢险救援，保护事故现场。',
      '六、本责任书的履行情况纳入年度安全生产责任考核，考核结果与绩效、评优挂钩。',
      '七、本责任书自签订之日起至本年度 12 月 31 日止有效。',
    ].join('\n'),
  },
  commitment: {
    title: '安全生产承诺书',
    body: [
      '本人郑重承诺：',
      '一、牢固树立安全发展理念，自觉遵守安全生产法律法规和本单位各项安全生产规章制度、操作规程。',
      '二、认真履行岗位安全生产职责，做到不伤害自己、不伤害他人、不被他人伤害、保护他人不受伤害。',
      '三、积极参加安全生产教育培训和应急演练，提高安全意识和应急处置能力。',
      '四、主动排查身边的事故隐患，发现隐患及时报告、及时处理，不隐瞒、不拖延。',
      '五、服从安全管理，正确使用安全防护设施和劳动防护用品，不擅自拆除、停用安全设施。',
      '六、如违反上述承诺，自愿接受本单位的处理；造成事故的，依法承担相应责任。',
    ].join('\n'),
  },
};

export type LetterContentInput = {
  campaignId: string; year: number; kind: LetterKind; templateVersion: number; title: string; body: string;
  enterpriseId: string; enterpriseName: string; employeeId: string; employeeName: string;
};

/**
 * What one person signs: the campaign's wording with the parties and the year. Its canonical JSON is hashed by the
 * signature (platform/signatures), so the letter shown, printed and signed is provably this one.
 */
export function letterContent(i: LetterContentInput) {
  return {
    document: 'letter', campaignId: i.campaignId, year: i.year, kind: i.kind, templateVersion: i.templateVersion,
    title: i.title, body: i.body,
    enterprise: { id: i.enterpriseId, name: i.enterpriseName },
    signer: { employeeId: i.employeeId, name: i.employeeName },
  };
}

/** The day a later hire's letter is due: N days after the later of the day they were hired, added, and the start. */
export function lateHireBase(startsOn: string, hireDate: string | null, addedOn: string): string {
  return [startsOn, hireDate ?? startsOn, addedOn].sort().at(-1)!;
}

// ---- the principal's public commitment (R-COM-1) ----

/** The five aspects the seed's commitment discloses. */
export const COMMITMENT_ASPECTS = ['responsibility', 'management', 'investment', 'risk', 'hazards'] as const;
export type CommitmentAspect = (typeof COMMITMENT_ASPECTS)[number];

export type CommitmentFigures = {
  /** Active risk points by grade (1 重大 … 4 低) and in total. */
  risk: { total: number; byGrade: Record<1 | 2 | 3 | 4, number> };
  hazards: { open: number; majorOpen: number };
  /** This year's planned safety investment in 万元, as the enterprise states it; null when not stated. */
  investmentWan: number | null;
  staffing: { employees: number; safetyManagers: number };
};

export type CommitmentSection = { aspect: CommitmentAspect; text: string };

export const ASPECT_TITLES: Record<CommitmentAspect, string> = {
  responsibility: '责任落实', management: '管理制度', investment: '安全投入', risk: '风险管控', hazards: '隐患排查治理',
};

const wan = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** The drafted texts of the five aspects, each quoting the enterprise's figures; the principal may edit them before signing. */
export function draftSections(year: number, f: CommitmentFigures): CommitmentSection[] {
  const g = f.risk.byGrade;
  return [
    {
      aspect: 'responsibility',
      text: `本人作为本单位主要负责人，是本单位安全生产第一责任人，对本单位安全生产工作全面负责。本单位建立健全并落实全员安全生产责任制，${year} 年组织全体从业人员签订安全生产责任书。`,
    },
    {
      aspect: 'management',
      text: `本单位建立健全安全生产规章制度和操作规程。现有从业人员 ${f.staffing.employees} 人，配备安全生产管理人员 ${f.staffing.safetyManagers} 人，依法设置安全生产管理机构或者配备安全生产管理人员。`,
    },
    {
      aspect: 'investment',
      text: f.investmentWan === null
        ? `本单位保证安全生产条件所必需的资金投入，${year} 年按规定足额提取和使用安全生产费用，专款专用。`
        : `本单位保证安全生产条件所必需的资金投入，${year} 年计划安全生产投入 ${wan(f.investmentWan)} 万元，按规定提取和使用安全生产费用，专款专用。`,
    },
    {
      aspect: 'risk',
      text: `本单位辨识评估安全风险点 ${f.risk.total} 个，其中重大风险 ${g[1]} 个、较大风险 ${g[2]} 个、一般风险 ${g[3]} 个、低风险 ${g[4]} 个，逐一落实管控措施和管控责任人，设置公告警示。`,
    },
    {
      aspect: 'hazards',
      text: `本单位建立事故隐患排查治理制度，定期组织排查。目前尚未整改完毕的隐患 ${f.hazards.open} 项，其中重大事故隐患 ${f.hazards.majorOpen} 项，均落实整改措施、责任、资金、时限和预案，实行闭环管理。`,
    },
  ];
}

export const COMMITMENT_CLOSING = '本人郑重承诺：严格履行安全生产法定职责，依法依规组织生产经营，自觉接受从业人员、社会公众和政府部门的监督。';

export type CommitmentContent = {
  enterprise: { id: string; name: string };
  year: number;
  principalName: string;
  figures: CommitmentFigures;
  sections: CommitmentSection[];
  closing: string;
};
