import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** The safety organisation and staffing check (R-TEAM-1/2): messages for people, zh-CN first, en-US with the same keys. */
export const staffingMessages = defineMessages(
  {
    'staffing.employeeNotFound': '该人员不在本企业的从业人员名册中',
    'staffing.employeeLeft': '该人员已离职，不能任命',
    'staffing.staffExists': '该人员已是安全生产管理人员，请修改原记录',
    'staffing.engineerExists': '该人员已登记为注册安全工程师，请修改原记录',
    'staffing.certificateTaken': '该注册证书编号已登记',
    'staffing.endsBeforeStart': '结束日期不能早于开始日期',
    'staffing.percentDecimals': '比例最多保留两位小数',
    'staffing.refused.notManager': '只有主要负责人或安全管理人员可以维护安全管理机构和人员',
    'workbench.staffing.shortfall': '安全管理机构和人员配备不符合要求',
    'workbench.staffing.nonCompliant': '安全管理人员配备不符合要求的企业',
    'staffing.fileOwner': '请说明文件属于哪一项（安全生产管理机构、安全生产管理人员或委托服务）',
    'staffing.basis.industry': '本企业属于“{industry}”行业，不论规模都须设置安全生产管理机构或配备专职安全生产管理人员',
    'staffing.basis.carrier': '本企业为危险货物运输单位，不论规模都须设置安全生产管理机构或配备专职安全生产管理人员',
    'staffing.basis.size': '从业人员 {headcount} 人，超过 {threshold} 人，须设置安全生产管理机构或配备专职安全生产管理人员',
    'staffing.basis.small': '从业人员 {headcount} 人，不超过 {threshold} 人，须配备专职或兼职安全生产管理人员',
  },
  {
    'staffing.employeeNotFound': 'This person is not on the enterprise\'s roster',
    'staffing.employeeLeft': 'This person has left the enterprise and cannot be appointed',
    'staffing.staffExists': 'This person is already a safety officer: edit that record',
    'staffing.engineerExists': 'This person is already registered as a safety engineer: edit that record',
    'staffing.certificateTaken': 'This certificate number is already registered',
    'staffing.endsBeforeStart': 'The end date cannot be before the start date',
    'staffing.percentDecimals': 'A share has at most two decimals',
    'staffing.refused.notManager': 'Only the principal or a safety manager keeps the safety organisation',
    'workbench.staffing.shortfall': 'The safety organisation falls short of the staffing rules',
    'workbench.staffing.nonCompliant': 'Enterprises whose safety staffing falls short',
    'staffing.fileOwner': 'Say which record the file belongs to (the department, a safety officer or an engagement)',
    'staffing.basis.industry': 'As a "{industry}" enterprise it needs a safety department or full-time safety staff at any size',
    'staffing.basis.carrier': 'As a hazardous-goods carrier it needs a safety department or full-time safety staff at any size',
    'staffing.basis.size': '{headcount} employees, more than {threshold}: it needs a safety department or full-time safety staff',
    'staffing.basis.small': '{headcount} employees, {threshold} or fewer: it needs full-time or part-time safety staff',
  },
);

export const staffingAuditNames = {
  entities: {
    safety_department: ['安全生产管理机构', 'Safety department'],
    safety_staff: ['安全生产管理人员', 'Safety officer'],
    safety_engineer: ['注册安全工程师', 'Registered safety engineer'],
    safety_service_engagement: ['委托安全生产管理服务', 'Outsourced safety management'],
  },
  actions: {
    'staffing.department.save': ['设置安全生产管理机构', 'Safety department saved'],
    'staffing.department.delete': ['撤销安全生产管理机构', 'Safety department removed'],
    'staffing.staff.create': ['任命安全生产管理人员', 'Safety officer appointed'],
    'staffing.staff.update': ['修改安全生产管理人员', 'Safety officer edited'],
    'staffing.staff.delete': ['免去安全生产管理人员', 'Safety officer removed'],
    'staffing.engineer.create': ['登记注册安全工程师', 'Registered safety engineer added'],
    'staffing.engineer.update': ['修改注册安全工程师', 'Registered safety engineer edited'],
    'staffing.engineer.delete': ['删除注册安全工程师', 'Registered safety engineer removed'],
    'staffing.engagement.create': ['登记委托安全生产管理服务', 'Outsourced safety management added'],
    'staffing.engagement.update': ['修改委托安全生产管理服务', 'Outsourced safety management edited'],
    'staffing.engagement.delete': ['删除委托安全生产管理服务', 'Outsourced safety management removed'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
