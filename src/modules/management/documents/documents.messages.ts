import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** The document library (R-DOC-1): messages for people, zh-CN first, en-US with the same keys. */
export const documentsMessages = defineMessages(
  {
    'documents.codesOnlyForRules': '只有规章制度可以标明落实的必备制度，操作规程不能标明',
    'documents.duplicateCode': '必备制度的代码不能重复',
    'documents.unknownCode': '所选的必备制度不在本区的必备制度清单中',
    'documents.unknownPost': '所选岗位不是本企业的岗位',
    'documents.refused.notManager': '只有主要负责人或安全管理人员可以维护制度和操作规程',
    'documents.refused.principalOnly': '制度规程须由主要负责人本人签字批准',
    'documents.refused.openVersion': '这份文件已有一个未发布的版本，请先修改、批准并发布它',
    'documents.refused.notDraft': '这个版本已经批准，不能再修改',
    'documents.refused.notApproved': '这个版本还未经主要负责人批准，不能发布',
    'documents.refused.published': '这个版本已经发布',
    'documents.refused.archived': '这份文件已停用',
    'documents.refused.noEmployee': '你的账号没有关联名册中的人员，没有需要阅读确认的制度规程',
    'documents.refused.reviewed': '本年度的制度规程评审已经签署过',
    'documents.notify.ack.title': '请阅读《{title}》第 {number} 版',
    'documents.notify.ack.body': '企业发布了《{title}》第 {number} 版，请在手机上阅读并确认已知晓。',
    'laws.refused.repealed': '这项法律法规或标准已废止，不能再采用',
    'laws.unknownDocument': '所选的制度规程不是本企业的文件',
    'workbench.documents.pending': '待阅读确认的制度规程',
  },
  {
    'documents.codesOnlyForRules': 'Only a rule document states which required rules it satisfies; a procedure cannot',
    'documents.duplicateCode': 'Each required rule needs its own code',
    'documents.unknownCode': 'The chosen required rule is not in the district\'s list of required rules',
    'documents.unknownPost': 'The chosen post is not one of the enterprise\'s posts',
    'documents.refused.notManager': 'Only the principal or a safety manager keeps the rules and procedures',
    'documents.refused.principalOnly': 'The principal approves rules and procedures with his own signature',
    'documents.refused.openVersion': 'This document already has an unpublished version: edit, approve and publish it first',
    'documents.refused.notDraft': 'This version is approved and can no longer change',
    'documents.refused.notApproved': 'The principal has not approved this version yet: it cannot be published',
    'documents.refused.published': 'This version is already published',
    'documents.refused.archived': 'This document is no longer in use',
    'documents.refused.noEmployee': 'Your account is not linked to a person on the roster: you have nothing to acknowledge',
    'documents.refused.reviewed': 'This year\'s review of the rules and procedures is already signed',
    'documents.notify.ack.title': 'Please read "{title}" version {number}',
    'documents.notify.ack.body': 'The enterprise published "{title}" version {number}: read it on your phone and confirm you know it.',
    'laws.refused.repealed': 'This law or standard is repealed and cannot be adopted',
    'laws.unknownDocument': 'The chosen document is not one of the enterprise\'s',
    'workbench.documents.pending': 'Rules and procedures to read and acknowledge',
  },
);

export const documentsAuditNames = {
  entities: {
    document: ['制度规程', 'Rule or procedure'],
    document_version: ['制度规程版本', 'Rule or procedure version'],
    document_review: ['制度规程年度评审', 'Yearly review of rules and procedures'],
    law: ['法律法规和标准', 'Law, regulation or standard'],
  },
  actions: {
    'documents.create': ['新建制度规程', 'Rule or procedure created'],
    'documents.update': ['修改制度规程', 'Rule or procedure edited'],
    'documents.versionCreate': ['新建制度规程版本', 'Version drafted'],
    'documents.versionUpdate': ['修改制度规程版本', 'Version edited'],
    'documents.approve': ['批准制度规程版本', 'Version approved'],
    'documents.publish': ['发布制度规程版本', 'Version published'],
    'documents.acknowledge': ['确认已阅读制度规程', 'Version acknowledged'],
    'documents.review': ['签署制度规程年度评审', 'Yearly review signed'],
    'laws.create': ['登记法律法规和标准', 'Law registered'],
    'laws.update': ['修改法律法规和标准', 'Law edited'],
    'laws.adopt': ['采用法律法规和标准', 'Law adopted'],
    'laws.drop': ['不再采用法律法规和标准', 'Law no longer adopted'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
