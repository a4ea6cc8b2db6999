import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** The daily risk assessment and commitment notice (R-COM-1): messages for people, zh-CN first, en-US with the same keys. */
export const dailyNoticeMessages = defineMessages(
  {
    'dailyNotice.month': '月份格式不正确，应为 YYYY-MM（如 2026-12）',
    'dailyNotice.refused.notManager': '只有主要负责人或安全管理人员可以填写公告',
    'dailyNotice.refused.notApplicable': '本企业所属行业无须发布安全风险研判与承诺公告（由区应急管理局在“规则配置”中设定的行业须每日公告）',
    'dailyNotice.refused.inactive': '企业已停产或关闭，无须发布安全风险研判与承诺公告',
    'dailyNotice.refused.exists': '今天的公告已经填写过，请在原公告上修改或签署',
    'dailyNotice.refused.posted': '公告已由主要负责人签署发布，不能修改',
    'dailyNotice.refused.notToday': '只能修改或签署今天的公告',
    'dailyNotice.refused.principalOnly': '承诺须由主要负责人本人签署，签署后即公告',
    'workbench.dailyNotice.today': '今日安全风险研判与承诺公告未发布',
    'workbench.dailyNotice.notPosted': '今日未发布安全风险研判与承诺公告的企业',
  },
  {
    'dailyNotice.month': 'Invalid month; use YYYY-MM (e.g. 2026-12)',
    'dailyNotice.refused.notManager': 'Only the principal or a safety manager fills in the notice',
    'dailyNotice.refused.notApplicable': 'The enterprise\'s industry does not post the daily risk assessment and commitment notice (the industries are set on the rule-set screen)',
    'dailyNotice.refused.inactive': 'The enterprise is suspended or closed: it posts no daily risk assessment and commitment notice',
    'dailyNotice.refused.exists': 'Today\'s notice is already filled in: edit or sign that one',
    'dailyNotice.refused.posted': 'The principal has signed and posted the notice: it cannot change',
    'dailyNotice.refused.notToday': 'Only today\'s notice can be edited or signed',
    'dailyNotice.refused.principalOnly': 'The principal signs the commitment in person; his signature posts the notice',
    'workbench.dailyNotice.today': 'Today\'s risk assessment and commitment notice is not posted',
    'workbench.dailyNotice.notPosted': 'Enterprises that have not posted today\'s risk commitment notice',
  },
);

export const dailyNoticeAuditNames = {
  entities: { daily_risk_notice: ['安全风险研判与承诺公告', 'Daily risk commitment notice'] },
  actions: {
    'dailyNotice.draft': ['填写安全风险研判与承诺公告', 'Daily notice filled in'],
    'dailyNotice.update': ['修改安全风险研判与承诺公告', 'Daily notice edited'],
    'dailyNotice.sign': ['签署发布安全风险研判与承诺公告', 'Daily notice signed and posted'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
