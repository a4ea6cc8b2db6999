import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** Safety-liability and work-injury insurance (R-INS-1): messages for people, zh-CN first, en-US with the same keys. */
export const insuranceMessages = defineMessages(
  {
    'insurance.money': '金额格式不正确：应为不超过两位小数的数字（元）',
    'insurance.period': '保险止期不能早于起期',
    'insurance.creditCode': '请输入 18 位统一社会信用代码',
    'insurance.policyNumberTaken': '本机构已有相同保单号的保单',
    'insurance.peopleDuplicate': '同一人员只能列入一次',
    'insurance.refused.notInsurer': '只有保险机构的人员可以录入安责险保单',
    'insurance.refused.confirmed': '保单已由企业确认，不能修改',
    'insurance.refused.notOnRoster': '被保险人须为该企业在册在岗的从业人员',
    'insurance.refused.notManager': '只有主要负责人或安全管理人员可以确认保单、登记工伤保险',
    'insurance.notify.entered.title': '{insurer}录入了安责险保单，请核对确认',
    'insurance.notify.entered.body': '保单号 {number}，保险期间 {startsOn} 至 {endsOn}，被保险人 {people} 人。请核对人员、保额和保费后确认。',
    'insurance.notify.confirmed.title': '{enterprise}已确认安责险保单 {number}',
    'insurance.notify.confirmed.body': '保险期间 {startsOn} 至 {endsOn}。',
    'workbench.insurance.toConfirm': '待确认的安责险保单',
    'workbench.insurance.missing': '未按规定投保安全生产责任保险',
    'workbench.insurance.scopeMissing': '未按规定投保安责险的企业',
  },
  {
    'insurance.money': 'Invalid amount: a number of CNY with at most two decimals',
    'insurance.period': 'The policy cannot end before it starts',
    'insurance.creditCode': 'Enter the 18-character unified social credit code',
    'insurance.policyNumberTaken': 'Your institution already has a policy with this number',
    'insurance.peopleDuplicate': 'A person can be listed only once',
    'insurance.refused.notInsurer': 'Only an insurer\'s staff enter safety-liability policies',
    'insurance.refused.confirmed': 'The enterprise has confirmed the policy: it cannot change',
    'insurance.refused.notOnRoster': 'The insured must be active employees on the enterprise\'s roster',
    'insurance.refused.notManager': 'Only the principal or a safety manager confirms policies and records work-injury insurance',
    'insurance.notify.entered.title': '{insurer} entered a safety-liability policy: please check and confirm it',
    'insurance.notify.entered.body': 'Policy {number}, {startsOn} to {endsOn}, {people} people insured. Check the people, cover and premium, then confirm.',
    'insurance.notify.confirmed.title': '{enterprise} confirmed safety-liability policy {number}',
    'insurance.notify.confirmed.body': 'Period {startsOn} to {endsOn}.',
    'workbench.insurance.toConfirm': 'Safety-liability policies to confirm',
    'workbench.insurance.missing': 'Safety-liability insurance missing or not compliant',
    'workbench.insurance.scopeMissing': 'Enterprises without compliant safety-liability insurance',
  },
);

export const insuranceAuditNames = {
  entities: {
    liability_policy: ['安责险保单', 'Safety-liability policy'],
    work_injury_coverage: ['工伤保险参保登记', 'Work-injury insurance record'],
  },
  actions: {
    'insurance.policy.create': ['录入安责险保单', 'Safety-liability policy entered'],
    'insurance.policy.update': ['修改安责险保单', 'Safety-liability policy edited'],
    'insurance.policy.confirm': ['确认安责险保单', 'Safety-liability policy confirmed'],
    'insurance.workInjury.update': ['登记工伤保险参保情况', 'Work-injury insurance recorded'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
