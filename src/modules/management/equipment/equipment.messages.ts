import type { AuditNames } from '../../../platform/audit/audit-names';
import { defineMessages } from '../../../platform/i18n/messages';

/** The equipment register (issue 12 §5): messages for people, zh-CN first, en-US with the same keys. */
export const equipmentMessages = defineMessages(
  {
    'equipment.money': '金额格式不正确，应为不超过两位小数的非负数（单位：元），如 1280000 或 1280000.50',
    'equipment.obsoleteDuplicate': '淘汰目录中的编号不能重复',
    'equipment.codeTaken': '设备编号已被本企业的其他设备使用',
    'equipment.unknownUnit': '所选部门不存在或不在您的管理范围内',
    'equipment.unknownFloorPlan': '所选平面图不存在',
    'equipment.positionWithoutPlan': '标注位置前请先选择平面图',
    'equipment.unknownRiskPoint': '所选风险点不存在或您无权查看',
    'equipment.unknownObsolete': '所选条目不在现行的淘汰落后工艺设备目录中',
    'equipment.specialFieldsNeedType': '只有特种设备才填写检验日期',
    'equipment.nextDueBeforeInspection': '下次检验日期应晚于检验日期',
    'equipment.futureInspection': '检验日期不能晚于今天',
    'equipment.refused.notManager': '只有主要负责人或安全管理人员可以维护设备台账',
    'equipment.refused.notSpecial': '只有特种设备需要登记定期检验',
    'equipment.refused.retired': '设备已报废，不能再登记检验',
    'equipment.refused.olderInspection': '检验日期早于已登记的最近一次检验',
    'equipment.hazard.title': '特种设备超期未检验：{name}（{code}）',
    'equipment.hazard.description': '{type}“{name}”（编号 {code}，使用登记证号 {registrationNo}）的定期检验应于 {due} 前完成，现已超期。特种设备未经定期检验或检验不合格的，不得继续使用（特种设备安全法第四十条）。',
    'workbench.equipment.overdue': '特种设备超期未检验',
    'workbench.equipment.dueSoon': '特种设备即将到期检验',
    'workbench.equipment.scopeOverdue': '有特种设备超期未检验的企业',
  },
  {
    'equipment.money': 'Invalid amount: a non-negative number of yuan with at most two decimals, e.g. 1280000 or 1280000.50',
    'equipment.obsoleteDuplicate': 'Codes in the obsolete catalogue must be unique',
    'equipment.codeTaken': 'Another equipment of the enterprise already has this code',
    'equipment.unknownUnit': 'The unit does not exist or is outside your scope',
    'equipment.unknownFloorPlan': 'The floor plan does not exist',
    'equipment.positionWithoutPlan': 'Choose a floor plan before placing the equipment on it',
    'equipment.unknownRiskPoint': 'The risk point does not exist or you may not see it',
    'equipment.unknownObsolete': 'The item is not in the current catalogue of obsolete processes and equipment',
    'equipment.specialFieldsNeedType': 'Inspection dates are recorded for special equipment only',
    'equipment.nextDueBeforeInspection': 'The next inspection must come after the inspection day',
    'equipment.futureInspection': 'The inspection day cannot be later than today',
    'equipment.refused.notManager': 'Only the principal or a safety manager keeps the equipment register',
    'equipment.refused.notSpecial': 'Periodic inspections are recorded for special equipment only',
    'equipment.refused.retired': 'The equipment is retired: no inspection can be recorded',
    'equipment.refused.olderInspection': 'The inspection is older than the last one on record',
    'equipment.hazard.title': 'Special equipment overdue for inspection: {name} ({code})',
    'equipment.hazard.description': 'The periodic inspection of {type} "{name}" (code {code}, registration {registrationNo}) was due by {due} and is overdue. Special equipment not inspected on time may not be used (Special Equipment Safety Law, Art 40).',
    'workbench.equipment.overdue': 'Special equipment overdue for inspection',
    'workbench.equipment.dueSoon': 'Special equipment inspection due soon',
    'workbench.equipment.scopeOverdue': 'Enterprises with special equipment overdue for inspection',
  },
);

export const equipmentAuditNames = {
  entities: {
    equipment: ['设备设施', 'Equipment'],
    renovation_project: ['机械化换人、自动化减人项目', 'Mechanisation / automation project'],
  },
  actions: {
    'equipment.create': ['登记设备设施', 'Equipment registered'],
    'equipment.update': ['修改设备设施', 'Equipment edited'],
    'equipment.inspect': ['登记特种设备定期检验', 'Special equipment inspection recorded'],
    'equipment.overdueHazard': ['特种设备超期未检验，生成隐患', 'Overdue inspection opened a hazard'],
    'renovation.create': ['登记机械化换人、自动化减人项目', 'Renovation project recorded'],
    'renovation.update': ['修改机械化换人、自动化减人项目', 'Renovation project edited'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
