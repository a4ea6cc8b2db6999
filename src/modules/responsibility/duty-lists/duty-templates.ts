import type { Locale } from '../../../platform/i18n/messages';

/**
 * R-RESP-1: the built-in library of duty-list templates (岗位安全生产责任清单), by position and by department. Each
 * item carries its content, its scope (责任范围), its assessment criterion (考核标准) and points, and its source: an
 * article (and clause) of the Work Safety Law (中华人民共和国安全生产法, 2021 revision) quoted in WORK_SAFETY_LAW
 * below, or a point of the district's action plan (the principal's "ten ones", R-RESP-5, and "five in place",
 * R-RESP-4). Templates are code, not rows: an enterprise copies one into a list of its own (duty-list.service.ts) and
 * edits the copy; `duty-templates.test.ts` checks every template against its sources. Each template's points add up
 * to 100, so a person's assessment score reads as a percentage.
 */

/** The Work Safety Law (2021), the articles the templates cite: their subject and, where they list duties, the clauses. */
export const WORK_SAFETY_LAW: Readonly<Record<number, { subject: string; clauses?: readonly string[] }>> = {
  3: { subject: '安全生产工作坚持"三个必须"：管行业必须管安全、管业务必须管安全、管生产经营必须管安全' },
  4: { subject: '生产经营单位建立健全全员安全生产责任制和安全生产规章制度，加大安全生产投入，构建双重预防机制' },
  21: {
    subject: '生产经营单位的主要负责人对本单位安全生产工作负有下列职责',
    clauses: [
      '建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设',
      '组织制定并实施本单位安全生产规章制度和操作规程',
      '组织制定并实施本单位安全生产教育和培训计划',
      '保证本单位安全生产投入的有效实施',
      '组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查本单位的安全生产工作，及时消除生产安全事故隐患',
      '组织制定并实施本单位的生产安全事故应急救援预案',
      '及时、如实报告生产安全事故',
    ],
  },
  22: { subject: '全员安全生产责任制应当明确各岗位的责任人员、责任范围和考核标准等内容，并加强监督考核' },
  23: { subject: '具备安全生产条件所必需的资金投入，安全生产费用专门用于改善安全生产条件' },
  24: { subject: '设置安全生产管理机构或者配备安全生产管理人员' },
  25: {
    subject: '生产经营单位的安全生产管理机构以及安全生产管理人员履行下列职责',
    clauses: [
      '组织或者参与拟订本单位安全生产规章制度、操作规程和生产安全事故应急救援预案',
      '组织或者参与本单位安全生产教育和培训，如实记录安全生产教育和培训情况',
      '组织开展危险源辨识和评估，督促落实本单位重大危险源的安全管理措施',
      '组织或者参与本单位应急救援演练',
      '检查本单位的安全生产状况，及时排查生产安全事故隐患，提出改进安全生产管理的建议',
      '制止和纠正违章指挥、强令冒险作业、违反操作规程的行为',
      '督促落实本单位安全生产整改措施',
    ],
  },
  27: { subject: '主要负责人和安全生产管理人员必须具备与本单位所从事的生产经营活动相应的安全生产知识和管理能力' },
  28: { subject: '对从业人员（含被派遣劳动者、实习学生）进行安全生产教育和培训，未经培训合格的不得上岗作业，建立培训档案' },
  29: { subject: '采用新工艺、新技术、新材料或者使用新设备，对从业人员进行专门的安全生产教育和培训' },
  30: { subject: '特种作业人员必须经专门的安全作业培训，取得相应资格，方可上岗作业' },
  36: { subject: '安全设备的设计、制造、安装、使用、检测、维修、改造和报废符合标准，经常性维护、保养，定期检测' },
  37: { subject: '危险物品的容器、运输工具及危险性较大的特种设备经检测、检验合格' },
  38: { subject: '严禁使用应当淘汰的危及生产安全的工艺、设备' },
  41: { subject: '建立安全风险分级管控制度和事故隐患排查治理制度，及时发现并消除事故隐患' },
  43: { subject: '爆破、吊装、动火、临时用电等危险作业，安排专门人员进行现场安全管理' },
  44: { subject: '教育和督促从业人员严格执行安全生产规章制度和安全操作规程，如实告知危险因素、防范措施和应急措施' },
  45: { subject: '为从业人员提供符合标准的劳动防护用品，并监督、教育从业人员按照使用规则佩戴、使用' },
  46: { subject: '安全生产管理人员对安全生产状况进行经常性检查，发现问题立即处理，不能处理的及时报告' },
  51: { subject: '依法参加工伤保险，为从业人员缴纳保险费' },
  55: { subject: '从业人员发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后撤离作业场所' },
  57: { subject: '从业人员严格落实岗位安全责任，遵守安全生产规章制度和操作规程，服从管理，正确佩戴和使用劳动防护用品' },
  58: { subject: '从业人员接受安全生产教育和培训，掌握本职工作所需的安全生产知识，提高技能和事故预防、应急处理能力' },
  59: { subject: '从业人员发现事故隐患或者其他不安全因素，立即向现场安全生产管理人员或者本单位负责人报告' },
  60: { subject: '工会依法对安全生产工作进行监督，从业人员通过工会参与民主管理' },
  61: { subject: '被派遣劳动者享有从业人员的权利，并应当履行从业人员的义务' },
  83: { subject: '发生生产安全事故后，单位负责人迅速组织抢救，并按照国家有关规定立即如实报告' },
};

/** R-RESP-5: the principal's ten minimums (十个一), as the obligations engine names them. */
export const TEN_ONES = [
  'inspection', 'training_check', 'meeting', 'system_review', 'letters', 'rules_review', 'investment_check', 'plan_review', 'drill', 'congress_report',
] as const;
export type TenOne = (typeof TEN_ONES)[number];

/** R-RESP-4: the principal's five in place (五到位). */
export const FIVE_IN_PLACE = ['responsibility', 'management', 'investment', 'training', 'emergency'] as const;
export type FiveInPlace = (typeof FIVE_IN_PLACE)[number];

/** Where an item comes from: an article (and clause) of the Work Safety Law, or a point of the district's action plan. */
export type DutySource =
  | { law: 'work_safety_law'; article: number; clause?: number }
  | { rule: 'R-RESP-5'; point: TenOne }
  | { rule: 'R-RESP-4'; point: FiveInPlace };

export type TemplateItem = { content: string; scope: string; criterion: string; points: number; source: DutySource };

export const TEMPLATE_POSITIONS = [
  'principal', 'deputy_safety', 'other_leader', 'safety_manager', 'department_head', 'workshop_head', 'team_leader', 'operator',
  'special_operator', 'dispatched', 'temporary', 'migrant', 'intern',
  'dept_safety', 'dept_production', 'dept_equipment', 'dept_hr',
] as const;
export type TemplateKey = (typeof TEMPLATE_POSITIONS)[number];

export type DutyTemplate = {
  key: TemplateKey;
  /** A post's list, or a department's (一部门一清单). */
  level: 'post' | 'department';
  /** Leaders, staff in management, people on the shop floor, the non-regular forms of employment, or departments. */
  group: 'leaders' | 'management' | 'operations' | 'nonRegular' | 'departments';
  names: Record<Locale, string>;
  items: readonly TemplateItem[];
};

const LAW_ZH = '《中华人民共和国安全生产法》';
const PLAN_ZH = '《落实企业安全生产主体责任三年行动专题实施方案》';
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 21 → 二十一, 83 → 八十三 (the article numbers cited here are below 100). */
export function chineseNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${ones ? ZH_DIGITS[ones] : ''}`;
}

const TEN_ONE_ZH: Record<TenOne, string> = {
  inspection: '每月带队全面检查', training_check: '每季度检查培训计划落实', meeting: '每季度主持安全专题会议', system_review: '每年梳理完善责任制',
  letters: '每年签订全员责任书', rules_review: '每年梳理完善规章制度和操作规程', investment_check: '每年检查安全投入',
  plan_review: '每年梳理完善应急预案', drill: '每年组织应急演练', congress_report: '每年向职代会报告安全生产工作',
};
const FIVE_ZH: Record<FiveInPlace, string> = { responsibility: '安全责任到位', management: '安全管理到位', investment: '安全投入到位', training: '安全培训到位', emergency: '应急救援到位' };

/** How an item's source is written on a list and in print: 《中华人民共和国安全生产法》第二十一条第（一）项. */
export function sourceLabel(source: DutySource, locale: Locale): string {
  if ('law' in source) {
    if (locale === 'en-US') return `Work Safety Law, Art. ${source.article}${source.clause ? `(${source.clause})` : ''}`;
    return `${LAW_ZH}第${chineseNumber(source.article)}条${source.clause ? `第（${chineseNumber(source.clause)}）项` : ''}`;
  }
  if (source.rule === 'R-RESP-5') return locale === 'en-US' ? `District action plan, "ten ones": ${source.point} (R-RESP-5)` : `${PLAN_ZH}"十个一"：${TEN_ONE_ZH[source.point]}`;
  return locale === 'en-US' ? `District action plan, "five in place": ${source.point} (R-RESP-4)` : `${PLAN_ZH}"五到位"：${FIVE_ZH[source.point]}`;
}

const law = (article: number, clause?: number): DutySource => ({ law: 'work_safety_law', article, ...(clause ? { clause } : {}) });
const ten = (point: TenOne): DutySource => ({ rule: 'R-RESP-5', point });
const five = (point: FiveInPlace): DutySource => ({ rule: 'R-RESP-4', point });
const item = (content: string, scope: string, criterion: string, points: number, source: DutySource): TemplateItem => ({ content, scope, criterion, points, source });

const WHOLE = '本单位全部生产经营活动和全体从业人员';
const MY_POST = '本岗位作业活动';

const PRINCIPAL: TemplateItem[] = [
  // Art. 21, the seven statutory duties, one item each.
  item('建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设', WHOLE,
    '责任制覆盖全部岗位和人员（含劳务派遣、临时用工、农民工、实习学生）得满分；每缺一个岗位扣1分；未推进标准化建设扣2分', 5, law(21, 1)),
  item('组织制定并实施本单位安全生产规章制度和操作规程', WHOLE, '制度和操作规程覆盖全部工艺和岗位并组织学习得满分；缺一项扣1分', 5, law(21, 2)),
  item('组织制定并实施本单位安全生产教育和培训计划', WHOLE, '年度培训计划经审定发布并落实得满分；无计划不得分；有未经培训上岗人员扣3分', 5, law(21, 3)),
  item('保证本单位安全生产投入的有效实施', WHOLE, '安全投入列入年度预算、安全生产费用足额提取并专款专用得满分；挪用或未提取不得分', 5, law(21, 4)),
  item('组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查本单位的安全生产工作，及时消除生产安全事故隐患', WHOLE,
    '风险辨识评估和分级管控清单完成、隐患闭环整改得满分；有逾期未整改隐患每项扣1分；重大隐患未按"五到位"治理不得分', 5, law(21, 5)),
  item('组织制定并实施本单位的生产安全事故应急救援预案', WHOLE, '预案编制、评审、备案并按规定演练得满分；未备案扣3分', 5, law(21, 6)),
  item('及时、如实报告生产安全事故', WHOLE, '无迟报、漏报、谎报、瞒报得满分；有一次不得分', 5, law(21, 7)),
  // R-RESP-5: the ten ones.
  item('每月至少带队对照企业安全检查清单开展一次全面安全检查', WHOLE, '每月1次且有检查记录和隐患整改闭环；每缺一次扣1分', 4, ten('inspection')),
  item('每季度至少检查一次本单位安全生产教育和培训计划落实情况', WHOLE, '每季度1次且有检查记录；每缺一次扣1分', 4, ten('training_check')),
  item('每季度至少主持召开一次会议专题研究本单位安全生产工作', WHOLE, '每季度1次且有会议纪要；每缺一次扣1分', 4, ten('meeting')),
  item('每年至少梳理完善一次本单位全员安全生产责任制', WHOLE, '有梳理记录并经本人签字确认得满分；未梳理不得分', 4, ten('system_review')),
  item('每年组织签订一次全员安全生产责任书（员工承诺书）', WHOLE, '全员签订得满分；签订率每低10%扣1分', 4, ten('letters')),
  item('每年至少梳理完善一次本单位安全生产规章制度和操作规程', WHOLE, '有修订记录和发布文件得满分；未梳理不得分', 4, ten('rules_review')),
  item('每年至少检查一次本单位安全生产投入的实施情况', WHOLE, '有检查记录和费用使用台账得满分；未检查不得分', 4, ten('investment_check')),
  item('每年至少梳理完善一次本单位生产安全事故应急救援预案', WHOLE, '有评估或修订记录得满分；未梳理不得分', 4, ten('plan_review')),
  item('每年至少组织一次本单位生产安全事故应急救援演练', WHOLE, '有演练方案、记录和评估得满分；未演练不得分', 4, ten('drill')),
  item('每年至少向职工代表大会（职工大会）做一次安全生产工作报告', WHOLE, '有报告文本和会议记录得满分；未报告不得分', 4, ten('congress_report')),
  // R-RESP-4: the five in place.
  item('安全责任到位：全员安全生产责任制覆盖率达到100%，当年全员安全生产责任书全部签订', WHOLE, '覆盖率和签订率均为100%得满分；每低5%扣1分', 5, five('responsibility')),
  item('安全管理到位：安全生产规章制度和操作规程现行有效，安全生产管理机构和人员配备符合规定', WHOLE, '制度现行、配备合规得满分；配备不足不得分', 5, five('management')),
  item('安全投入到位：安全投入纳入年度预算，安全生产费用按规定足额提取和使用', WHOLE, '预算和台账齐全得满分；未足额提取不得分', 5, five('investment')),
  item('安全培训到位：培训学时无缺口，无未经安全培训合格人员上岗', WHOLE, '无缺口、无未培训上岗得满分；每发现一人扣1分', 5, five('training')),
  item('应急救援到位：应急预案按规定备案，演练按期开展，应急救援组织和队伍落实', WHOLE, '备案、演练、队伍均落实得满分；缺一项扣2分', 5, five('emergency')),
];

const DEPUTY_SAFETY: TemplateItem[] = [
  item('协助主要负责人建立健全并落实全员安全生产责任制，组织每年梳理完善和考核', WHOLE, '责任制年度梳理和考核完成得满分；未组织考核扣5分', 15, law(22)),
  item('分管安全生产管理机构，督促安全生产管理人员依法履行职责', '安全生产管理机构和安全生产管理人员', '机构和人员按规定配备、履职记录完整得满分；配备不足扣5分', 15, law(24)),
  item('组织制定安全生产规章制度、操作规程和年度教育培训计划，并督促各部门实施', WHOLE, '制度、规程和计划齐全且有督促检查记录得满分；缺一项扣3分', 10, law(4)),
  item('组织双重预防机制运行，定期组织安全检查和隐患排查治理，督促隐患按期整改', WHOLE, '检查计划落实、隐患闭环得满分；逾期未整改隐患每项扣1分', 15, law(41)),
  item('组织编制安全生产费用提取和使用计划，监督专款专用', WHOLE, '计划和台账齐全得满分；发现挪用不得分', 10, law(23)),
  item('组织编制、修订应急救援预案，组织应急演练和评估', WHOLE, '预案备案、演练评估完成得满分；未演练扣5分', 10, law(25, 4)),
  item('事故发生后立即赶赴现场组织抢救，并按规定及时、如实报告', WHOLE, '无迟报、漏报、谎报、瞒报得满分；有一次不得分', 10, law(83)),
  item('落实"一岗双责"：分管业务工作与安全工作同计划、同布置、同检查、同总结、同考核', '分管业务范围', '分管范围安全工作纳入业务计划和考核得满分；未同步布置扣5分', 15, law(3)),
];

const OTHER_LEADER: TemplateItem[] = [
  item('落实"一岗双责"，对分管业务范围内的安全生产工作负直接领导责任，做到管业务必须管安全', '分管业务范围', '分管范围未发生生产安全事故、责任落实得满分；发生一般事故不得分', 20, law(3)),
  item('在计划、布置、检查、总结、评比分管业务工作的同时，计划、布置、检查、总结、评比安全生产工作', '分管业务范围', '业务会议和计划中同步安排安全工作得满分；每缺一次扣2分', 15, law(3)),
  item('督促分管部门落实全员安全生产责任制、安全生产规章制度和操作规程', '分管部门', '分管部门责任清单齐全并落实得满分；每缺一个部门扣3分', 15, law(22)),
  item('组织分管范围内的安全风险辨识管控和隐患排查治理', '分管业务范围', '分管范围隐患按期整改得满分；逾期一项扣2分', 15, law(41)),
  item('保证分管范围内安全生产投入的落实', '分管业务范围', '分管范围安全投入按计划落实得满分；未落实不得分', 10, law(23)),
  item('每季度至少参加一次分管范围的安全检查', '分管业务范围', '每季度1次且有记录；每缺一次扣3分', 10, law(46)),
  item('分管范围发生事故时立即组织抢救并按规定报告', '分管业务范围', '无迟报、漏报、瞒报得满分；有一次不得分', 15, law(83)),
];

const SAFETY_MANAGER: TemplateItem[] = [
  // Art. 25, the seven duties of the safety management function, one item each.
  item('组织或者参与拟订本单位安全生产规章制度、操作规程和生产安全事故应急救援预案', WHOLE, '制度、规程和预案拟订或修订有记录得满分；每缺一项扣3分', 12, law(25, 1)),
  item('组织或者参与本单位安全生产教育和培训，如实记录安全生产教育和培训情况', WHOLE, '培训按计划开展、档案完整真实得满分；档案缺失每人扣1分', 12, law(25, 2)),
  item('组织开展危险源辨识和评估，督促落实本单位重大危险源的安全管理措施', WHOLE, '辨识评估完成、重大危险源措施落实得满分；缺一项扣3分', 12, law(25, 3)),
  item('组织或者参与本单位应急救援演练', WHOLE, '按计划组织演练并有评估记录得满分；未演练不得分', 12, law(25, 4)),
  item('检查本单位的安全生产状况，及时排查生产安全事故隐患，提出改进安全生产管理的建议', WHOLE, '检查记录完整、隐患及时登记和跟踪得满分；漏查一次扣2分', 12, law(25, 5)),
  item('制止和纠正违章指挥、强令冒险作业、违反操作规程的行为', WHOLE, '发现违章及时制止并记录得满分；放任违章一次扣4分', 12, law(25, 6)),
  item('督促落实本单位安全生产整改措施', WHOLE, '整改措施跟踪验收闭环得满分；逾期未督促一项扣2分', 12, law(25, 7)),
  item('对本单位安全生产状况进行经常性检查，发现问题立即处理，不能处理的及时报告本单位有关负责人', WHOLE, '检查和报告记录完整得满分；发现问题未报告一次扣4分', 8, law(46)),
  item('具备与本单位生产经营活动相应的安全生产知识和管理能力，按规定参加再培训和考核', '本人', '考核合格且再培训学时达标得满分；不合格不得分', 8, law(27)),
];

const DEPARTMENT_HEAD: TemplateItem[] = [
  item('落实"一岗双责"，对本部门业务范围内的安全生产工作全面负责，做到管业务必须管安全', '本部门业务范围', '本部门未发生生产安全事故、责任落实得满分；发生事故不得分', 20, law(3)),
  item('组织制定并落实本部门各岗位安全生产责任清单', '本部门全体人员', '本部门岗位清单全覆盖得满分；每缺一个岗位扣2分', 15, law(22)),
  item('组织本部门人员参加安全生产教育和培训，确保培训合格后上岗', '本部门全体人员', '本部门无未培训上岗人员得满分；每发现一人扣3分', 15, law(28)),
  item('组织本部门安全风险辨识和隐患排查，及时整改或者报告', '本部门业务范围', '隐患按期整改或报告得满分；逾期一项扣2分', 15, law(41)),
  item('教育和督促本部门人员严格执行安全生产规章制度和操作规程', '本部门全体人员', '有教育记录、无违章得满分；发现违章一次扣2分', 15, law(44)),
  item('落实本部门劳动防护用品的申领、发放和正确佩戴使用', '本部门全体人员', '发放台账完整、佩戴正确得满分；发现未佩戴一次扣2分', 10, law(45)),
  item('发生事故立即报告并组织、参与抢救', '本部门业务范围', '无迟报、漏报、瞒报得满分；有一次不得分', 10, law(83)),
];

const WORKSHOP_HEAD: TemplateItem[] = [
  item('作为车间安全生产第一责任人，组织落实车间全员安全生产责任制', '本车间全部作业活动和人员', '车间岗位清单全覆盖、考核落实得满分；每缺一个岗位扣2分', 15, law(22)),
  item('组织车间级安全教育和新工艺、新设备的专门安全培训', '本车间全体人员（含被派遣、临时用工、实习人员）', '车间级教育全覆盖得满分；每缺一人扣2分', 15, law(28)),
  item('组织车间安全风险辨识、管控措施落实和每日隐患排查（一车间一表格）', '本车间', '每日排查有记录、隐患按期整改得满分；漏检一次扣1分', 15, law(41)),
  item('执行动火、受限空间、高处、吊装、临时用电等危险作业审批，安排专人进行现场安全管理', '本车间危险作业', '危险作业审批和现场监护齐全得满分；无审批作业一次扣5分', 15, law(43)),
  item('保证车间安全设施设备完好，督促经常性维护保养和定期检测', '本车间设备设施', '设备完好、检测在有效期内得满分；每发现一项失效扣2分', 10, law(36)),
  item('确保特种作业人员持证上岗', '本车间特种作业岗位', '持证率100%得满分；发现无证上岗不得分', 10, law(30)),
  item('督促从业人员按照使用规则正确佩戴和使用劳动防护用品', '本车间全体人员', '抽查佩戴正确得满分；每发现一人次扣1分', 10, law(45)),
  item('组织车间现场处置方案演练；发生事故立即报告并组织抢救', '本车间', '演练按计划开展、事故报告及时得满分；有迟报不得分', 10, law(83)),
];

const TEAM_LEADER: TemplateItem[] = [
  item('组织班前安全讲话和交接班安全检查，如实告知作业危险因素和防范措施', '本班组作业活动', '每班有班前会和交接班记录得满分；缺一次扣1分', 15, law(44)),
  item('组织班组级安全教育和岗位安全操作技能培训，落实以师带徒', '本班组全体人员', '班组级教育全覆盖得满分；每缺一人扣2分', 15, law(28)),
  item('按岗位检查卡开展班中巡回检查，发现事故隐患立即处理或者报告', '本班组作业区域', '巡检记录完整、隐患及时报告得满分；漏报一次扣4分', 20, law(59)),
  item('制止和纠正班组成员违章作业、冒险作业，带头遵守操作规程', '本班组全体人员', '班组无违章得满分；发现违章一次扣2分', 15, law(57)),
  item('检查班组成员劳动防护用品的佩戴和使用', '本班组全体人员', '抽查佩戴正确得满分；每发现一人次扣1分', 10, law(45)),
  item('维护班组设备设施和安全防护装置完好，不擅自拆除、停用', '本班组设备设施', '防护装置完好得满分；发现拆除或停用一次扣5分', 10, law(36)),
  item('遇直接危及人身安全的紧急情况，组织班组人员停止作业、撤离并立即报告', '本班组全体人员', '应急处置符合现场处置方案得满分；处置不当不得分', 15, law(55)),
];

/** The employee's own duties (Arts. 57–59) and rights they exercise (55, 60): the core of every shop-floor template. */
const OPERATOR: TemplateItem[] = [
  item('严格落实岗位安全责任，遵守本单位安全生产规章制度和操作规程', MY_POST, '无违章作业得满分；发现违章一次扣5分', 20, law(57)),
  item('服从管理，不违章作业，拒绝违章指挥和强令冒险作业', MY_POST, '服从安全管理得满分；不服从管理一次扣5分', 15, law(57)),
  item('正确佩戴和使用劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('接受安全生产教育和培训，掌握本职工作所需的安全生产知识，提高安全生产技能和事故预防、应急处理能力', '本人', '培训学时达标、考核合格得满分；缺训或不合格不得分', 15, law(58)),
  item('发现事故隐患或者其他不安全因素，立即向现场安全生产管理人员或者本单位负责人报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 15, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者在采取可能的应急措施后撤离作业场所', MY_POST, '熟知应急处置措施和撤离路线得满分；抽问不会扣5分', 10, law(55)),
  item('通过工会、职工代表大会参与本单位安全生产民主管理和监督', '本人', '参加民主管理活动或提出合理化建议得满分', 10, law(60)),
];

const SPECIAL_OPERATOR: TemplateItem[] = [
  item('经专门的安全作业培训，取得特种作业操作证后持证上岗，并按期复审', MY_POST, '持有效证件上岗得满分；无证或过期不得分', 20, law(30)),
  item('严格遵守本单位安全生产规章制度和特种作业操作规程', MY_POST, '无违章作业得满分；发现违章一次扣5分', 15, law(57)),
  item('作业前检查设备、工具和安全防护装置，确认安全后方可作业', MY_POST, '作业前检查记录完整得满分；缺一次扣2分', 10, law(57)),
  item('正确佩戴和使用劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('接受安全生产教育和培训，提高安全技能和应急处理能力', '本人', '培训学时达标得满分；缺训不得分', 15, law(58)),
  item('发现事故隐患或者其他不安全因素，立即报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 15, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者撤离作业场所', MY_POST, '熟知应急处置措施得满分；抽问不会扣5分', 10, law(55)),
];

const DISPATCHED: TemplateItem[] = [
  item('作为被派遣劳动者，履行从业人员的安全生产义务，服从用工单位的安全生产管理', MY_POST, '服从用工单位管理得满分；不服从管理一次扣5分', 20, law(61)),
  item('接受用工单位岗位安全操作规程和安全操作技能的教育和培训，未经培训合格不上岗', '本人', '培训合格后上岗得满分；未培训上岗不得分', 15, law(28)),
  item('遵守用工单位安全生产规章制度和操作规程', MY_POST, '无违章作业得满分；发现违章一次扣5分', 15, law(57)),
  item('正确佩戴和使用劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('发现事故隐患或者其他不安全因素，立即向现场安全生产管理人员报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 20, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者撤离作业场所', MY_POST, '熟知撤离路线得满分；抽问不会扣5分', 15, law(55)),
];

const TEMPORARY: TemplateItem[] = [
  item('上岗前接受安全生产教育和培训，掌握岗位安全操作规程', '本人', '培训合格后上岗得满分；未培训上岗不得分', 20, law(58)),
  item('遵守本单位安全生产规章制度和操作规程，服从现场管理', MY_POST, '无违章作业得满分；发现违章一次扣5分', 20, law(57)),
  item('正确佩戴和使用劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('只在指定区域和岗位作业，不擅自进入危险区域或者操作与本岗位无关的设备', MY_POST, '未发现越岗作业得满分；发现一次扣5分', 15, law(57)),
  item('发现事故隐患或者其他不安全因素，立即报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 15, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者撤离作业场所', MY_POST, '熟知撤离路线得满分；抽问不会扣5分', 15, law(55)),
];

const MIGRANT: TemplateItem[] = [
  item('与其他从业人员同等落实岗位安全责任，遵守安全生产规章制度和操作规程', MY_POST, '无违章作业得满分；发现违章一次扣5分', 20, law(57)),
  item('接受三级安全教育和岗位安全操作技能培训，掌握本岗位安全知识', '本人', '三级教育和岗位培训合格得满分；未培训上岗不得分', 20, law(58)),
  item('正确佩戴和使用劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('服从现场安全管理，不冒险作业', MY_POST, '服从管理得满分；冒险作业一次扣5分', 15, law(57)),
  item('发现事故隐患或者其他不安全因素，立即报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 15, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者撤离作业场所', MY_POST, '熟知撤离路线得满分；抽问不会扣5分', 15, law(55)),
];

const INTERN: TemplateItem[] = [
  item('接受实习单位相应的安全生产教育和培训，考核合格后方可参加实习作业', '本人', '培训考核合格后实习得满分；未培训不得分', 20, law(28)),
  item('在带教师傅指导下作业，不独立从事特种作业和危险作业', MY_POST, '未发现独立从事特种作业得满分；发现一次不得分', 20, law(30)),
  item('遵守实习单位安全生产规章制度和操作规程', MY_POST, '无违章作业得满分；发现违章一次扣5分', 15, law(57)),
  item('正确佩戴和使用实习单位提供的劳动防护用品', MY_POST, '抽查佩戴正确得满分；每发现一次未佩戴扣3分', 15, law(57)),
  item('发现事故隐患或者其他不安全因素，立即向带教师傅或者现场安全管理人员报告', MY_POST, '发现隐患及时报告得满分；隐瞒不报一次不得分', 15, law(59)),
  item('发现直接危及人身安全的紧急情况时，停止作业或者撤离作业场所', MY_POST, '熟知撤离路线得满分；抽问不会扣5分', 15, law(55)),
];

const DEPT_SAFETY: TemplateItem[] = [
  item('组织或者参与拟订本单位安全生产规章制度、操作规程和生产安全事故应急救援预案', WHOLE, '拟订、修订有记录得满分；每缺一项扣3分', 15, law(25, 1)),
  item('组织或者参与本单位安全生产教育和培训，如实记录安全生产教育和培训情况', WHOLE, '培训档案完整真实得满分；档案缺失每人扣1分', 15, law(25, 2)),
  item('组织开展危险源辨识和评估，督促落实本单位重大危险源的安全管理措施', WHOLE, '辨识评估完成得满分；缺一项扣3分', 15, law(25, 3)),
  item('组织或者参与本单位应急救援演练', WHOLE, '演练按计划开展得满分；未演练不得分', 10, law(25, 4)),
  item('检查本单位的安全生产状况，及时排查生产安全事故隐患，提出改进安全生产管理的建议', WHOLE, '检查计划落实、隐患台账完整得满分；漏查一次扣2分', 20, law(25, 5)),
  item('制止和纠正违章指挥、强令冒险作业、违反操作规程的行为', WHOLE, '违章制止记录完整得满分；放任违章一次扣5分', 15, law(25, 6)),
  item('督促落实本单位安全生产整改措施', WHOLE, '整改闭环得满分；逾期未督促一项扣2分', 10, law(25, 7)),
];

const DEPT_PRODUCTION: TemplateItem[] = [
  item('落实"管生产经营必须管安全"，生产计划与安全措施同步安排、同步落实', '生产系统', '生产计划含安全措施得满分；未同步安排一次扣5分', 20, law(3)),
  item('教育和督促生产人员严格执行安全操作规程，如实告知作业场所危险因素', '生产系统全体人员', '有教育和告知记录得满分；缺一项扣3分', 15, law(44)),
  item('组织生产系统安全风险辨识和隐患排查治理', '生产系统', '隐患按期整改得满分；逾期一项扣2分', 20, law(41)),
  item('组织危险作业审批和现场安全管理', '生产系统危险作业', '审批和监护齐全得满分；无审批作业一次扣5分', 15, law(43)),
  item('采用新工艺、新技术、新材料或者使用新设备前，组织专门的安全生产教育和培训', '生产系统', '专门培训有记录得满分；未培训不得分', 15, law(29)),
  item('组织生产安全事故的现场应急处置，并立即报告', '生产系统', '无迟报、漏报得满分；有一次不得分', 15, law(83)),
];

const DEPT_EQUIPMENT: TemplateItem[] = [
  item('安全设备的设计、制造、安装、使用、检测、维修、改造和报废符合标准，经常性维护保养并定期检测', '全部设备设施', '维护和检测记录完整得满分；每发现一项失效扣3分', 25, law(36)),
  item('危险物品容器、特种设备按规定经检测、检验合格后使用', '特种设备和危险物品容器', '检验在有效期内得满分；发现超期使用不得分', 20, law(37)),
  item('不使用应当淘汰的危及生产安全的工艺、设备', '全部设备设施', '未使用淘汰设备得满分；发现使用不得分', 15, law(38)),
  item('设备检维修作业落实危险作业审批和现场安全管理', '设备检维修作业', '检修作业审批齐全得满分；无审批作业一次扣5分', 15, law(43)),
  item('组织设备设施安全隐患排查治理', '全部设备设施', '隐患按期整改得满分；逾期一项扣2分', 15, law(41)),
  item('落实"一岗双责"，管设备必须管安全', '设备管理业务', '设备安全工作纳入部门计划和考核得满分', 10, law(3)),
];

const DEPT_HR: TemplateItem[] = [
  item('将全员安全生产责任制落实情况纳入考核，考核结果与薪酬、晋升挂钩', '全体从业人员', '年度考核完成并与薪酬晋升挂钩得满分；未挂钩扣10分', 25, law(22)),
  item('建立从业人员安全生产教育和培训档案，如实记录培训时间、内容、参加人员和考核结果', '全体从业人员', '档案完整得满分；每缺一人扣1分', 20, law(28)),
  item('将被派遣劳动者、实习学生纳入本单位从业人员统一管理', '被派遣劳动者和实习学生', '统一纳入培训和考核得满分；每缺一人扣2分', 15, law(28)),
  item('依法参加工伤保险，为从业人员缴纳保险费', '全体从业人员', '参保率100%得满分；每缺一人扣2分', 20, law(51)),
  item('做好特种作业人员持证上岗和资格复审管理', '特种作业人员', '持证和复审台账完整得满分；发现过期一人扣5分', 20, law(30)),
];

export const DUTY_TEMPLATES: readonly DutyTemplate[] = [
  { key: 'principal', level: 'post', group: 'leaders', names: { 'zh-CN': '主要负责人', 'en-US': 'Principal' }, items: PRINCIPAL },
  { key: 'deputy_safety', level: 'post', group: 'leaders', names: { 'zh-CN': '分管安全生产负责人', 'en-US': 'Deputy in charge of safety' }, items: DEPUTY_SAFETY },
  { key: 'other_leader', level: 'post', group: 'leaders', names: { 'zh-CN': '其他负责人（一岗双责）', 'en-US': 'Other leaders (one post, two duties)' }, items: OTHER_LEADER },
  { key: 'safety_manager', level: 'post', group: 'management', names: { 'zh-CN': '安全生产管理人员', 'en-US': 'Safety manager' }, items: SAFETY_MANAGER },
  { key: 'department_head', level: 'post', group: 'management', names: { 'zh-CN': '部门负责人', 'en-US': 'Department head' }, items: DEPARTMENT_HEAD },
  { key: 'workshop_head', level: 'post', group: 'operations', names: { 'zh-CN': '车间（生产单元）负责人', 'en-US': 'Workshop head' }, items: WORKSHOP_HEAD },
  { key: 'team_leader', level: 'post', group: 'operations', names: { 'zh-CN': '班组长', 'en-US': 'Team leader' }, items: TEAM_LEADER },
  { key: 'operator', level: 'post', group: 'operations', names: { 'zh-CN': '岗位操作人员', 'en-US': 'Operator' }, items: OPERATOR },
  { key: 'special_operator', level: 'post', group: 'operations', names: { 'zh-CN': '特种作业人员', 'en-US': 'Special operation worker' }, items: SPECIAL_OPERATOR },
  { key: 'dispatched', level: 'post', group: 'nonRegular', names: { 'zh-CN': '被派遣劳动者', 'en-US': 'Dispatched worker' }, items: DISPATCHED },
  { key: 'temporary', level: 'post', group: 'nonRegular', names: { 'zh-CN': '临时用工人员', 'en-US': 'Temporary worker' }, items: TEMPORARY },
  { key: 'migrant', level: 'post', group: 'nonRegular', names: { 'zh-CN': '农民工', 'en-US': 'Migrant worker' }, items: MIGRANT },
  { key: 'intern', level: 'post', group: 'nonRegular', names: { 'zh-CN': '实习学生', 'en-US': 'Intern' }, items: INTERN },
  { key: 'dept_safety', level: 'department', group: 'departments', names: { 'zh-CN': '安全生产管理部门', 'en-US': 'Safety department' }, items: DEPT_SAFETY },
  { key: 'dept_production', level: 'department', group: 'departments', names: { 'zh-CN': '生产管理部门', 'en-US': 'Production department' }, items: DEPT_PRODUCTION },
  { key: 'dept_equipment', level: 'department', group: 'departments', names: { 'zh-CN': '设备管理部门', 'en-US': 'Equipment department' }, items: DEPT_EQUIPMENT },
  { key: 'dept_hr', level: 'department', group: 'departments', names: { 'zh-CN': '人力资源部门', 'en-US': 'Human resources department' }, items: DEPT_HR },
];

const BY_KEY = new Map<string, DutyTemplate>(DUTY_TEMPLATES.map((t) => [t.key, t]));

export function dutyTemplate(key: string): DutyTemplate | undefined {
  return BY_KEY.get(key);
}

/** A template's items as an enterprise list's items: the source written out in Chinese, as the list prints it. */
export function templateListItems(template: DutyTemplate): { content: string; scope: string; criterion: string; points: number; source: string }[] {
  return template.items.map((i) => ({ content: i.content, scope: i.scope, criterion: i.criterion, points: i.points, source: sourceLabel(i.source, 'zh-CN') }));
}
