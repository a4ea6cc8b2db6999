import { createContext, useContext } from 'react';
// Only the types of the modules' strings: their texts arrive with each module's own chunk (app/module-messages.ts).
import type { riskMessages } from '../modules/risk/risk.messages';
import type { hazardMessages } from '../modules/hazards/hazard.messages';
import type { rulesMessages } from '../modules/rules/rules.messages';
import type { auditMessages } from '../modules/audit/audit.messages';
import type { dutiesMessages } from '../modules/duties/duties.messages';
import type { meetingsMessages } from '../modules/meetings/meetings.messages';
import type { emergencyPlansMessages } from '../modules/emergency-plans/emergency-plans.messages';
import type { drillsMessages } from '../modules/drills/drills.messages';
import type { rescueMessages } from '../modules/rescue/rescue.messages';
import type { accidentsMessages } from '../modules/accidents/accidents.messages';
import type { accidentFollowupMessages } from '../modules/accident-followup/accident-followup.messages';
import type { obligationMessages } from '../modules/obligations/obligation.messages';
import { submissionMessages } from './components/submission.messages';
import { signatureMessages } from './components/signature.messages';
import type { lettersMessages } from '../modules/letters/letters.messages';
import type { keyMomentsMessages } from '../modules/key-moments/key-moments.messages';
import type { staffingMessages } from '../modules/staffing/staffing.messages';
import type { investmentMessages } from '../modules/investment/investment.messages';
import type { equipmentMessages } from '../modules/equipment/equipment.messages';
import type { overviewMessages } from '../modules/management-overview/messages';
import type { trainingMessages } from '../modules/training/training.messages';
import type { certificateMessages } from '../modules/certificates/certificates.messages';
import type { ppeMessages } from '../modules/ppe/ppe.messages';
import type { standardisationMessages } from '../modules/standardisation/standardisation.messages';
import type { cultureMessages } from '../modules/culture/culture.messages';
import type { documentsMessages } from '../modules/documents/documents.messages';
import type { insuranceMessages } from '../modules/insurance/insurance.messages';

export type Locale = 'zh-CN' | 'en-US';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
const STORAGE_KEY = 'safeduty.locale';

/** [简体中文, English]: every string the user sees has both, and the compiler checks that it does. */
export type Entry = readonly [zh: string, en: string];

const coreMessages = {
  // App
  'app.name': ['企业安全生产主体责任平台', 'SafeDuty – Enterprise Safety Responsibility Platform'],
  'app.shortName': ['安全生产主体责任', 'SafeDuty'],
  'app.title': ['SafeDuty 企业安全生产主体责任平台', 'SafeDuty – Enterprise Safety Responsibility Platform'],
  'app.tagline': ['企业落实主体责任 · 监管部门实时掌握 · 一次填报多方共享', 'Enterprises own their safety duties · regulators see it live · report once'],

  // Navigation and layout
  'nav.home': ['首页', 'Home'],
  'tabbar.home': ['首页', 'Home'],
  'tabbar.report': ['上报', 'Report'],
  'tabbar.tasks': ['任务', 'Tasks'],
  'tabbar.me': ['我的', 'Me'],
  'me.myReports': ['我上报的隐患', 'Hazards I reported'],
  'me.myRectifications': ['交给我整改的隐患', 'Hazards for me to rectify'],
  'me.myRisks': ['我岗位的风险', 'The risks of my post'],
  'nav.enterprises': ['企业名录', 'Enterprises'],
  'nav.ownEnterprise': ['本企业档案', 'My enterprise'],
  'nav.org': ['组织架构', 'Organisation'],
  'nav.employees': ['员工台账', 'Employees'],
  'nav.users': ['用户管理', 'Users'],
  'nav.audit': ['审计日志', 'Audit log'],
  'nav.notifications': ['消息通知', 'Notifications'],
  // The side menu's groups (app/menu.tsx NAV_GROUPS).
  'navGroup.supervision': ['综合监管', 'Supervision'],
  'navGroup.enterprise': ['企业信息', 'Enterprise'],
  'navGroup.prevention': ['双重预防', 'Risks & hazards'],
  'navGroup.responsibility': ['责任体系', 'Responsibility'],
  'navGroup.fulfilment': ['履职管理', 'Duty fulfilment'],
  'navGroup.management': ['管理体系', 'Safety management'],
  'navGroup.workforce': ['人员培训与防护', 'Training & protection'],
  'navGroup.emergency': ['应急与事故', 'Emergencies & accidents'],
  'navGroup.system': ['系统', 'System'],
  'crumb.enterpriseDetail': ['企业详情', 'Enterprise'],
  'crumb.notFound': ['页面不存在', 'Not found'],
  'layout.toggleMenu': ['展开/收起菜单', 'Toggle menu'],
  'layout.switchLanguage': ['切换语言 / Switch language', 'Switch language / 切换语言'],

  // Common
  'common.actions': ['操作', 'Actions'],
  'common.back': ['返回', 'Back'],
  'common.backHome': ['返回首页', 'Back to home'],
  'common.cancel': ['取消', 'Cancel'],
  'common.clearFilters': ['清除筛选', 'Clear filters'],
  'common.close': ['关闭', 'Close'],
  'common.copy': ['复制', 'Copy'],
  'common.copied': ['已复制', 'Copied'],
  'common.create': ['创建', 'Create'],
  'common.createdAt': ['创建时间', 'Created'],
  'common.updatedAt': ['更新时间', 'Updated'],
  'common.delete': ['删除', 'Delete'],
  'common.deleted': ['已删除', 'Deleted'],
  'common.edit': ['编辑', 'Edit'],
  'common.yes': ['是', 'Yes'],
  'common.no': ['否', 'No'],
  'common.noData': ['暂无数据', 'No data'],
  'common.noMatch': ['没有符合筛选条件的记录。可以调整或清除筛选条件。', 'Nothing matches the filters. Change or clear them.'],
  'common.ok': ['确定', 'OK'],
  'common.reload': ['刷新', 'Reload'],
  'common.retry': ['重试', 'Retry'],
  'common.save': ['保存', 'Save'],
  'common.saved': ['已保存', 'Saved'],
  'common.total': ['共 {total} 条', '{total} in total'],
  'common.unsavedTitle': ['修改尚未保存', 'Your changes are not saved'],
  'common.unsavedBody': ['离开此页面，已填写的内容将会丢失。确定离开吗？', 'What you entered will be lost if you leave this page. Leave now?'],
  'common.leave': ['离开', 'Leave'],
  'common.keepEditing': ['继续编辑', 'Keep editing'],
  'common.separator': ['；', '; '],
  'common.withDetails': ['{message}：{details}', '{message}: {details}'],
  'lang.other': ['English', '中文'],
  'lang.otherShort': ['EN', '中'],

  // Errors (the server's messages arrive translated; these cover what happens in the browser)
  'error.INTERNAL': ['服务器内部错误，请稍后再试', 'Internal server error; please try again later'],
  'error.NETWORK': ['无法连接服务器，请检查网络后重试', 'Cannot reach the server; check the network and retry'],
  'error.conflictTitle': ['数据已被他人修改', 'Changed by someone else'],
  'error.conflictBody': ['请刷新后查看最新数据，再重新修改。', 'Reload to see the latest data, then make your change again.'],
  'error.forbiddenTitle': ['无权访问', 'Access denied'],
  'error.forbiddenBody': ['您的角色没有访问此页面的权限。', 'Your role may not open this page.'],
  'error.notFoundTitle': ['未找到', 'Not found'],
  'error.pageNotFound': ['您访问的页面不存在。', 'The page you asked for does not exist.'],
  'error.loadFailed': ['加载失败', 'Failed to load'],
  'error.requestId': ['请求编号：{id}', 'Request ID: {id}'],

  // Validation in forms
  'validation.required': ['必填', 'Required'],
  'validation.minLength': ['至少 {n} 个字符', 'At least {n} characters'],
  'validation.maxLength': ['最多 {n} 个字符', 'At most {n} characters'],
  'validation.numberMin': ['不能小于 {min}', 'Must not be less than {min}'],
  'validation.numberMax': ['不能大于 {max}', 'Must not be greater than {max}'],
  'validation.numberAbove': ['应大于 {min}', 'Must be greater than {min}'],
  'validation.numberBelow': ['应小于 {max}', 'Must be less than {max}'],
  'validation.moneyNegative': ['金额不能为负数', 'An amount cannot be negative'],
  'common.yuan': ['元', 'CNY'],
  'validation.phone': ['手机号码格式不正确', 'Invalid phone number'],

  // Auth
  'auth.changePassword': ['修改密码', 'Change password'],
  'auth.logout': ['退出登录', 'Sign out'],
  'auth.loggedOut': ['已退出登录', 'Signed out'],
  'login.title': ['账号登录', 'Sign in'],
  'login.username': ['用户名', 'User name'],
  'login.password': ['密码', 'Password'],
  'login.usernameRequired': ['请输入用户名', 'Enter your user name'],
  'login.passwordRequired': ['请输入密码', 'Enter your password'],
  'login.submit': ['登录', 'Sign in'],
  'login.demoTitle': ['演示账号', 'Demo accounts'],
  'login.demoHint': ['点击任一账号即可填入用户名和密码。', 'Click an account to fill in its user name and password.'],
  'login.demoLoaded': ['本系统加载了演示数据：下列账号的密码是公开的，仅供体验，请勿用于生产。', 'Demo data is loaded: the passwords of these accounts are public. For trying out only, not for production.'],
  'login.passwordHint': ['首次登录或密码被重置后，请输入管理员告知的一次性验证码。', 'After your account was created or reset, enter the one-time code your administrator gave you.'],
  'password.title': ['修改密码', 'Change password'],
  'password.forcedHint': ['首次登录或密码已被重置，请先设置新密码后再使用系统。', 'This is your first sign-in or your password was reset: set a new password to continue.'],
  'password.current': ['当前密码', 'Current password'],
  'password.currentOrCode': ['当前密码或一次性验证码', 'Current password or one-time code'],
  'password.currentRequired': ['请输入当前密码', 'Enter the current password'],
  'password.new': ['新密码', 'New password'],
  'password.newRequired': ['请输入新密码', 'Enter a new password'],
  'password.rule': ['至少 10 位；不能是常见密码，不能包含用户名，不能有 4 个以上重复或连续的字符（如 aaaa、1234）', 'At least 10 characters; not a common password, not containing your user name, no 4 repeated or sequential characters (aaaa, 1234)'],
  'password.ruleLength': ['至少 10 位', 'At least 10 characters'],
  'password.ruleUsername': ['不包含用户名', 'Does not contain the user name'],
  'password.rulePattern': ['没有 4 个以上重复或连续的字符，至少 5 个不同字符', 'No 4 repeated or sequential characters; at least 5 different ones'],
  'password.ruleVariety': ['混用大小写字母、数字和符号更安全', 'Mixing upper and lower case, digits and symbols is safer'],
  'password.strength': ['强度', 'Strength'],
  'password.strength.weak': ['弱', 'Weak'],
  'password.strength.fair': ['一般', 'Fair'],
  'password.strength.good': ['较强', 'Good'],
  'password.strength.strong': ['强', 'Strong'],
  'password.commonChecked': ['提交时还会检查是否为常见密码。', 'On submit it is also checked against common passwords.'],
  'password.same': ['新密码不能与当前密码相同', 'The new password must differ from the current one'],
  'password.confirm': ['确认新密码', 'Confirm new password'],
  'password.confirmRequired': ['请再次输入新密码', 'Enter the new password again'],
  'password.mismatch': ['两次输入的密码不一致', 'The passwords do not match'],
  'password.submit': ['确认修改', 'Change password'],
  'password.changed': ['密码已修改', 'Password changed'],

  // Roles and scopes
  'role.district_admin': ['区管理员', 'District administrator'],
  'role.department_officer': ['区级部门监管员', 'District department officer'],
  'role.subdistrict_officer': ['街道监管员', 'Subdistrict officer'],
  'role.enterprise_principal': ['企业主要负责人', 'Enterprise principal'],
  'role.safety_manager': ['安全管理员', 'Safety manager'],
  'role.unit_leader': ['部门/车间/班组负责人', 'Unit leader'],
  'role.employee': ['员工', 'Employee'],
  'role.insurer_staff': ['保险机构人员', 'Insurer staff'],
  'role.service_staff': ['技术服务机构人员', 'Technical-service staff'],
  'roleIntro.district_admin': ['您负责平台的运行：企业登记、用户与权限、基础数据和审计。', 'You run the platform: enterprise registration, users and permissions, reference data and the audit log.'],
  'roleIntro.department_officer': ['您按行业监管企业：查看所管行业企业的档案、风险分级管控和隐患排查治理情况，督办重大隐患。', 'You supervise enterprises by industry: their profiles, risk control and hazard remediation; you list major hazards for supervision.'],
  'roleIntro.subdistrict_officer': ['您按属地监管企业：查看本街道企业的档案、风险分级管控和隐患排查治理情况，督办重大隐患。', 'You supervise the enterprises in your subdistrict: their profiles, risk control and hazard remediation; you list major hazards for supervision.'],
  'roleIntro.enterprise_principal': ['您是本企业安全生产第一责任人：掌握风险与隐患情况，确认并报送双报告，保障重大隐患治理。', 'You carry your enterprise\'s safety responsibility: know its risks and hazards, sign and submit the double reports, see major hazards through.'],
  'roleIntro.safety_manager': ['您负责本企业安全管理的日常工作：风险辨识评价、检查计划、隐患确认与整改跟踪、员工台账和账号。', 'You run day-to-day safety management: risk assessment, check plans, confirming and tracking hazards, staff records and accounts.'],
  'roleIntro.unit_leader': ['您负责本单位及下级单位的安全生产工作：执行检查任务，跟踪本单位隐患整改。', 'You are responsible for safety in your unit and the units below it: run its checks and follow its hazards to closure.'],
  'roleIntro.employee': ['人人都是安全员：发现隐患随手拍、随手报，按时完成岗位检查。', 'Everyone a safety officer: report a hazard the moment you see it, and run your post\'s checks on time.'],
  'roleIntro.insurer_staff': ['您可以查看所服务企业的基本信息。', 'You can see the profiles of the enterprises you insure.'],
  'roleIntro.service_staff': ['您可以查看所服务企业的基本信息。', 'You can see the profiles of the enterprises you serve.'],
  'scopeKind.district': ['管辖范围', 'District'],
  'scopeKind.department': ['所属部门', 'Department'],
  'scopeKind.subdistrict': ['所属街道', 'Subdistrict'],
  'scopeKind.enterprise': ['所属企业', 'Enterprise'],
  'scopeKind.institution': ['所属机构', 'Institution'],

  // Home
  'home.morning': ['上午好，{name}', 'Good morning, {name}'],
  'home.afternoon': ['下午好，{name}', 'Good afternoon, {name}'],
  'home.evening': ['晚上好，{name}', 'Good evening, {name}'],
  'home.scopeLine': ['{kind}：{name}', '{kind}: {name}'],
  'home.openOwnEnterprise': ['进入本企业档案 →', 'Open my enterprise →'],
  'home.byStatus': ['企业经营状态', 'Enterprises by status'],
  'home.bySubdistrict': ['各街道企业数', 'Enterprises by subdistrict'],
  'home.byEmploymentForm': ['在岗员工用工形式', 'Active employees by employment form'],
  'workbench.title': ['我的待办', 'My to-do'],
  'workbench.none': ['暂无待办事项。新的隐患、检查任务和报告到期时会出现在这里。', 'Nothing waits on you. New hazards, check tasks and reports that come due appear here.'],
  'workbench.incomplete': ['部分待办暂时无法统计，请稍后刷新', 'Some of your to-do could not be counted just now; refresh in a moment'],
  'workbench.urge': ['催报', 'Urge'],
  'workbench.urgeConfirm': ['向 {n} 家未报送的企业发送催报提醒？企业主要负责人和安全管理员会收到通知，每天可催报一次。', 'Remind the {n} enterprises that have not submitted? Their principal and safety managers are notified; you can urge once a day.'],
  'workbench.urged': ['已向 {n} 家企业催报', 'Urged {n} enterprises'],
  'workbench.urgedToday': ['今日已催报（{time}），明天可再次催报', 'Urged today at {time}; you can urge again tomorrow'],
  'stat.enterprises': ['企业总数', 'Enterprises'],
  'stat.highRiskEnterprises': ['高危行业企业', 'High-risk enterprises'],
  'stat.activeEmployees': ['在岗员工', 'Active employees'],
  'stat.orgUnits': ['组织单元', 'Org units'],
  'stat.keyPosts': ['关键岗位', 'Key posts'],
  'stat.specialPosts': ['特种作业岗位', 'Special-operation posts'],
  'stat.users': ['用户数', 'Users'],
  'stat.unread': ['未读消息', 'Unread notifications'],

  // Enterprises
  'enterprise.name': ['企业名称', 'Name'],
  'enterprise.empty': ['范围内还没有企业。企业登记纳入监管后会列在这里。', 'No enterprises in scope yet. They are listed here once registered for supervision.'],
  'enterprise.creditCode': ['统一社会信用代码', 'Unified social credit code'],
  'enterprise.creditCodeHint': ['18 位，系统会校验校验位', '18 characters; the check character is verified'],
  'enterprise.creditCodeLength': ['统一社会信用代码应为 18 位', 'The code has 18 characters'],
  'enterprise.address': ['地址', 'Address'],
  'enterprise.subdistrict': ['所属街道', 'Subdistrict'],
  'enterprise.industry': ['行业', 'Industry'],
  'enterprise.employeeCount': ['从业人数', 'Employees'],
  'enterprise.highRisk': ['高危行业', 'High-risk'],
  'enterprise.highRiskFilter': ['是否高危', 'High-risk?'],
  'enterprise.highRiskYes': ['高危行业', 'High-risk'],
  'enterprise.highRiskNo': ['非高危行业', 'Not high-risk'],
  'enterprise.status': ['经营状态', 'Status'],
  'enterprise.principalName': ['主要负责人', 'Principal'],
  'enterprise.principalPhone': ['负责人电话', 'Principal\'s phone'],
  'enterprise.legalRepresentative': ['法定代表人', 'Legal representative'],
  'enterprise.attributes': ['企业属性', 'Attributes'],
  'enterprise.aboveScale': ['规模以上企业', 'Above designated size'],
  'enterprise.centralProvincial': ['中央/省属企业', 'Central or provincial SOE'],
  'enterprise.stateOwned': ['国有企业', 'State-owned'],
  'enterprise.crowdedVenue': ['人员密集场所', 'Crowded venue'],
  // RULES.md §8: the facts the rules read, and what is derived from them.
  'enterprise.hazardousGoodsCarrier': ['危险货物运输企业', 'Hazardous-goods carrier'],
  'enterprise.hasWorkersCongress': ['设有职工代表大会（职代会）', "Has a workers' congress"],
  'enterprise.annualRevenueWan': ['营业收入', 'Revenue'],
  'enterprise.annualRevenueHint': ['上一年度营业收入，用于划分企业规模；不填则只按从业人数估算', "Last year's revenue, for the size class; left empty, the size is estimated on staff alone"],
  'enterprise.revenueUnit': ['万元', '× 10,000 CNY'],
  'enterprise.revenueNotDeclared': ['未填报', 'Not declared'],
  'enterprise.revenueDecimals': ['最多保留两位小数', 'At most two decimals'],
  'enterprise.actualController': ['实际控制人', 'Actual controller'],
  'enterprise.onboardedOn': ['纳入平台日期', 'Joined the platform on'],
  'enterprise.onboardedOnHint': ['企业的各项履职任务不早于此日开始', 'No obligation of the enterprise starts before this date'],
  'enterprise.sizeClass': ['企业规模', 'Size'],
  'enterprise.sizeEstimated': ['{size}（估算）', '{size} (estimated)'],
  'enterprise.sizeEstimatedNoRevenue': ['未填报营业收入，仅按从业人数估算', 'No revenue declared: estimated on staff alone'],
  'enterprise.sizeEstimatedPartial': ['该行业的划分标准还要用平台未采集的指标（如资产总额），或行业不在划分办法范围内，结果为估算', "The industry's thresholds use an indicator the platform does not hold (such as total assets), or the industry lies outside the classification: the result is an estimate"],
  'enterprise.keyIndustry': ['重点行业领域', 'Key industry'],
  'enterprise.keyIndustryBy': ['依据：{basis}', 'Because: {basis}'],
  'enterprise.keyIndustryBy.industry': ['所属行业', 'its industry'],
  'enterprise.keyIndustryBy.crowdedVenue': ['人员密集场所', 'a crowded venue'],
  'enterprise.keyIndustryBy.hazardousGoodsCarrier': ['危险货物运输企业', 'a hazardous-goods carrier'],
  'enterprise.derivedHint': ['重点行业领域和企业规模由系统按规则配置（第 {version} 版）和国家统计局《统计上大中小微型企业划分办法（2017）》计算', 'Key industry and size are computed with the rule-set (version {version}) and the national statistical classification (2017)'],
  'enterpriseSize.large': ['大型企业', 'Large'],
  'enterpriseSize.medium': ['中型企业', 'Medium'],
  'enterpriseSize.small': ['小型企业', 'Small'],
  'enterpriseSize.micro': ['微型企业', 'Micro'],
  'enterprise.searchPlaceholder': ['搜索企业名称或信用代码', 'Search name or credit code'],
  'enterprise.create': ['新增企业', 'New enterprise'],
  'enterprise.edit': ['编辑企业档案', 'Edit enterprise'],
  'enterprise.tabProfile': ['基本信息', 'Profile'],
  'enterpriseFile.tabRisk': ['风险管控', 'Risk'],
  'enterpriseFile.tabHazards': ['隐患排查治理', 'Hazards'],
  'enterpriseFile.tabChecks': ['检查完成情况', 'Check completion'],
  'enterpriseFile.tabReports': ['报告', 'Reports'],
  'enterpriseFile.tabMajor': ['重大隐患', 'Major hazards'],
  'enterpriseFile.reportsHint': ['企业已报送的隐患排查治理双报告（月度、季度、年度），点开查看签署后的报告。', 'The double reports the enterprise has submitted (monthly, quarterly, yearly); open one to read the signed report.'],
  'enterpriseFile.checkRate': ['本月检查完成率', 'Checks done this month'],
  'enterpriseFile.checkRateHint': ['完成率 = 已完成 ÷（已完成 + 漏检），统计 {since} 以来到期的检查任务；进行中的任务不计入。', 'Rate = done ÷ (done + missed), over check tasks due since {since}; tasks still open are not counted.'],
  'enterpriseFile.noTasks': ['本月没有这一状态的检查任务。', 'No check task in this state this month.'],
  'enterprise.tabOrg': ['组织架构', 'Organisation'],
  'enterprise.tabEmployees': ['员工', 'Employees'],
  'enterprise.pick': ['选择企业', 'Choose an enterprise'],
  'enterprise.pickFirst': ['请先在右上角选择一家企业', 'Choose an enterprise first (top right)'],
  'enterpriseStatus.active': ['正常经营', 'Active'],
  'enterpriseStatus.suspended': ['停产停业', 'Suspended'],
  'enterpriseStatus.closed': ['已关闭', 'Closed'],

  // Organisation
  'orgKind.company': ['公司', 'Company'],
  'orgKind.department': ['部门', 'Department'],
  'orgKind.workshop': ['车间', 'Workshop'],
  'orgKind.team': ['班组', 'Team'],
  'org.treeTitle': ['组织架构', 'Organisation'],
  'org.unitCount': ['{n} 个单元', '{n} units'],
  'org.counts': ['{employees} 人 · {posts} 岗', '{employees} staff · {posts} posts'],
  'org.empty': ['尚无组织架构', 'No organisation yet'],
  'org.addChild': ['添加下级', 'Add sub-unit'],
  'org.addChildTo': ['在“{name}”下添加单位', 'Add a unit under "{name}"'],
  'org.rename': ['重命名', 'Rename'],
  'org.move': ['移动', 'Move'],
  'org.moveTitle': ['移动“{name}”', 'Move "{name}"'],
  'org.newParent': ['新的上级单位', 'New parent unit'],
  'org.moveUp': ['上移', 'Move up'],
  'org.moveDown': ['下移', 'Move down'],
  'org.kind': ['单位类型', 'Unit type'],
  'org.unitName': ['单位名称', 'Unit name'],
  'org.deleteConfirm': ['删除“{name}”？', 'Delete "{name}"?'],
  'org.deleteHint': ['只有没有下级单位、岗位和员工的单位才能删除。', 'Only a unit without sub-units, posts and employees can be deleted.'],
  'post.panelTitle': ['{name} · 岗位', '{name} · posts'],
  'post.name': ['岗位名称', 'Post'],
  'post.flags': ['标识', 'Flags'],
  'post.keyPost': ['关键岗位', 'Key post'],
  'post.keyPostHint': ['涉及重大危险源、关键设备或关键工序的岗位', 'A post at a major hazard, key equipment or key process'],
  'post.specialOperation': ['特种作业', 'Special operation'],
  'post.specialOperationHint': ['作业人员须持特种作业操作证上岗', 'Workers need a special-operation certificate'],
  'post.certificateType': ['所需证书类型', 'Required certificate'],
  'post.certificatePlaceholder': ['如：低压电工作业、焊接与热切割作业', 'e.g. low-voltage electrical work, welding'],
  'post.certificateRequired': ['特种作业岗位须填写所需证书类型', 'A special-operation post needs its certificate type'],
  'post.employeeCount': ['在岗人数', 'Staff'],
  'post.create': ['新增岗位', 'New post'],
  'post.edit': ['编辑岗位', 'Edit post'],
  'post.empty': ['该单位暂无岗位。新增岗位后会列在这里，之后可把员工分配到岗位。', 'No posts in this unit. Posts you add are listed here, and employees can then be assigned to them.'],
  'post.deleteConfirm': ['删除岗位“{name}”？', 'Delete the post "{name}"?'],

  // Employees
  'employee.name': ['姓名', 'Name'],
  'employee.empty': ['名册里还没有员工。新增员工或从 Excel 导入名册后会列在这里。', 'No employees yet. They are listed here once added or imported from Excel.'],
  'employee.idNumber': ['身份证号', 'ID number'],
  'employee.idNumberFormat': ['身份证号应为 18 位（末位可为 X）', 'An ID number has 18 characters (the last may be X)'],
  'employee.idNumberKeep': ['当前为 {masked}；不修改请留空', 'Currently {masked}; leave empty to keep it'],
  'employee.phone': ['手机号', 'Phone'],
  'employee.employmentForm': ['用工形式', 'Employment form'],
  'employee.orgUnit': ['所属单位', 'Unit'],
  'employee.posts': ['岗位', 'Posts'],
  'employee.pickUnitFirst': ['请先选择所属单位', 'Choose the unit first'],
  'employee.hireDate': ['入职日期', 'Hire date'],
  'employee.status': ['状态', 'Status'],
  'employee.searchPlaceholder': ['搜索姓名或手机号', 'Search name or phone'],
  'employee.create': ['新增员工', 'New employee'],
  'employee.edit': ['编辑员工', 'Edit employee'],
  'employee.deleteConfirm': ['删除员工“{name}”？', 'Delete the employee "{name}"?'],
  'employee.import': ['导入', 'Import'],
  'employee.export': ['导出', 'Export'],
  'employee.exportFile': ['员工台账.xlsx', 'employees.xlsx'],
  'employmentForm.regular': ['正式工', 'Regular'],
  'employmentForm.dispatched': ['劳务派遣', 'Dispatched'],
  'employmentForm.temporary': ['临时工', 'Temporary'],
  'employmentForm.migrant': ['农民工', 'Migrant worker'],
  'employmentForm.intern': ['实习生', 'Intern'],
  'employeeStatus.active': ['在岗', 'Active'],
  'employeeStatus.left': ['已离职', 'Left'],

  // Import
  'import.title': ['导入员工', 'Import employees'],
  'import.hint': ['请下载模板，按模板填写后上传（.xlsx）。默认严格模式：有任何错误行时不导入任何数据。', 'Download the template, fill it in and upload it (.xlsx). Strict by default: if any row has an error nothing is imported.'],
  'import.downloadTemplate': ['下载导入模板', 'Download template'],
  'import.templateFile': ['员工导入模板.xlsx', 'employee-import-template.xlsx'],
  'import.dropHere': ['点击或拖拽文件到此处', 'Click or drop a file here'],
  'import.onlyXlsx': ['仅支持 .xlsx 文件', 'Only .xlsx files'],
  'import.start': ['开始导入', 'Import'],
  'import.check': ['检查文件', 'Check the file'],
  'import.warnings': ['{n} 条提示：这些行已按原样导入，请核对', '{n} notes: these rows were imported as written, please check them'],
  'import.chooseAgain': ['重新选择文件', 'Choose another file'],
  'import.confirm': ['确认导入（{n} 行）', 'Import ({n} rows)'],
  'import.nothingValid': ['文件中没有可导入的行，请修正后重新选择', 'No row of the file can be imported: correct it and choose it again'],
  'import.total': ['总行数', 'Rows'],
  'import.valid': ['正确行', 'Valid'],
  'import.errors': ['错误行', 'With errors'],
  'import.imported': ['已导入', 'Imported'],
  'import.importedN': ['已导入 {n} 名员工', '{n} employees imported'],
  'import.strictFailed': ['发现 {n} 行错误，未导入任何数据', '{n} rows have errors; nothing was imported'],
  'import.strictFailedHint': ['可修正文件后重新上传，或选择仅导入正确的行。', 'Fix the file and upload it again, or import only the valid rows.'],
  'import.validOnly': ['仅导入正确的行（{n} 行）', 'Import only the valid rows ({n})'],
  'import.partial': ['已导入 {imported} 行，跳过 {skipped} 行错误', '{imported} rows imported, {skipped} rows with errors skipped'],
  'import.done': ['导入完成：{n} 名员工', 'Import finished: {n} employees'],
  'import.row': ['行号', 'Row'],
  'import.column': ['列', 'Column'],
  'import.message': ['错误说明', 'Problem'],

  // Users
  'user.username': ['用户名', 'User name'],
  'user.usernameRule': ['3–64 位字母、数字、下划线、点或短横线', '3–64 letters, digits, _ . or -'],
  'user.displayName': ['姓名', 'Display name'],
  'user.role': ['角色', 'Role'],
  'user.scope': ['所属范围', 'Scope'],
  'user.status': ['状态', 'Status'],
  'user.lastLoginAt': ['最近登录', 'Last sign-in'],
  'user.subdistrict': ['所属街道', 'Subdistrict'],
  'user.department': ['所属部门', 'Department'],
  'user.institution': ['所属机构', 'Institution'],
  'user.enterprise': ['所属企业', 'Enterprise'],
  'user.orgUnit': ['负责的单位', 'Unit led'],
  'user.employee': ['关联员工', 'Linked employee'],
  'user.employeeHint': ['可选：把账号与员工台账中的人员关联', 'Optional: link the account to a person in the staff records'],
  'user.searchPlaceholder': ['搜索用户名或姓名', 'Search user name or name'],
  'user.create': ['新增用户', 'New user'],
  'user.created': ['用户已创建', 'User created'],
  'user.editTitle': ['编辑用户 {username}', 'Edit user {username}'],
  'user.roleChangeHint': ['更改角色后，该用户须重新登录。', 'After a role change the user must sign in again.'],
  'user.normal': ['正常', 'Normal'],
  'user.disabled': ['已停用', 'Disabled'],
  'user.locked': ['已锁定', 'Locked'],
  'user.mustChange': ['待设置密码', 'Must set a password'],
  'user.resetPassword': ['重置密码', 'Reset password'],
  'user.resetConfirm': ['重置 {name} 的密码？', 'Reset the password of {name}?'],
  'user.resetHint': ['将生成 24 小时内有效的一次性验证码，原密码立即失效。用户用验证码登录后须设置新密码。', 'A one-time code valid for 24 hours is issued and the old password stops working. The user signs in with the code and must choose a new password.'],
  'user.unlock': ['解除锁定', 'Unlock'],
  'user.unlocked': ['已解除锁定', 'Unlocked'],
  'user.enable': ['启用', 'Enable'],
  'user.enabled': ['已启用', 'Enabled'],
  'user.disable': ['停用', 'Disable'],
  'user.disableConfirm': ['停用 {name} 的账号？', 'Disable the account of {name}?'],
  'user.disabledDone': ['已停用', 'Disabled'],
  'user.oneTimeCodeTitle': ['一次性验证码', 'One-time code'],
  'user.oneTimeCode': ['一次性验证码', 'One-time code'],
  'user.oneTimeCodeExpires': ['有效期至', 'Valid until'],
  'user.oneTimeCodeHint': ['验证码只显示这一次，请复制后安全地告知用户本人。用户在登录页的密码栏输入验证码，登录后须立即设置自己的密码；任何人（包括您）都看不到该密码。', 'The code is shown only this once: copy it and pass it on safely to the user in person. The user enters it in the password field of the sign-in page and must then choose their own password, which nobody (you included) ever sees.'],
  'user.oneTimeCodeDone': ['我已记下', 'Done'],

  // Audit
  'audit.history': ['变更记录', 'History'],
  'audit.historyOf': ['只看此对象的记录', 'Show only this record\'s history'],
  'audit.historyFor': ['{type} {id} 的变更记录', 'History of {type} {id}'],
  'audit.seq': ['序号', 'Seq'],
  'audit.at': ['时间', 'Time'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.system': ['系统', 'System'],
  'audit.action': ['操作', 'Action'],
  'audit.entityType': ['对象类型', 'Record type'],
  'audit.entityId': ['对象 ID', 'Record ID'],
  'audit.ip': ['IP', 'IP'],
  'audit.requestId': ['请求编号', 'Request ID'],
  'audit.field': ['字段', 'Field'],
  'audit.before': ['修改前', 'Before'],
  'audit.after': ['修改后', 'After'],
  'audit.noDetails': ['此操作没有记录字段变化', 'No field changes recorded for this action'],
  'audit.verify': ['校验审计链', 'Verify audit chain'],
  'audit.verifyOk': ['审计链完整', 'The audit chain is intact'],
  'audit.verifyOkBody': ['已校验 {chains} 条审计链共 {checked} 条记录（最新序号 {lastSeq}），未发现篡改。', '{checked} entries in {chains} chains checked (latest #{lastSeq}); no tampering found.'],
  'audit.problem.hash_mismatch': ['内容被修改（哈希不符）', 'content altered (hash mismatch)'],
  'audit.problem.prev_hash_mismatch': ['与上一条记录的链接断开', 'link to the previous entry broken'],
  'audit.problem.gap': ['记录缺失（链上序号不连续）', 'entry missing (gap in the chain)'],
  'audit.problem.head_mismatch': ['链尾记录缺失或链头不符', 'entries missing at the end of the chain (head does not match)'],
  'audit.chainPlatform': ['平台', 'platform'],
  'audit.chainEnterprise': ['企业链', 'enterprise chain'],
  'audit.verifyFailed': ['审计链校验失败', 'Audit chain verification failed'],
  'audit.verifyFailedBody': ['已校验 {checked} 条记录，发现 {n} 处问题：', '{checked} entries checked; {n} problems found:'],

  // Notifications
  'notifications.title': ['消息通知', 'Notifications'],
  'notifications.bellLabel': ['消息通知，{count} 条未读', 'Notifications, {count} unread'],
  'notifications.all': ['全部', 'All'],
  'notifications.unread': ['未读', 'Unread'],
  'notifications.empty': ['暂无消息。有与你有关的隐患、检查任务或报告需要处理时，消息会出现在这里。', 'No notifications. They appear here when a hazard, check task or report needs you.'],
  'notifications.noneUnread': ['没有未读消息', 'No unread notifications'],
  'notifications.markRead': ['标为已读', 'Mark read'],
  'notifications.readAll': ['全部标为已读', 'Mark all read'],
  'notifications.allRead': ['已全部标为已读', 'All marked as read'],
  'notifications.viewAll': ['查看全部', 'View all'],
} as const satisfies Record<string, Entry>;

/** What every page needs, the login page included: the only strings in the entry's chunks. */
const core = { ...coreMessages, ...submissionMessages, ...signatureMessages } as const satisfies Record<string, Entry>;
/**
 * Each domain module keeps its own strings beside its pages, typed here by their shape alone; the texts are added when
 * the module's messages chunk arrives (`addMessages`, before any of its screens renders: app/module-messages.ts).
 */
type ModuleMessages = typeof riskMessages & typeof hazardMessages & typeof dutiesMessages & typeof rulesMessages & typeof auditMessages & typeof meetingsMessages & typeof obligationMessages & typeof lettersMessages & typeof keyMomentsMessages & typeof staffingMessages & typeof equipmentMessages & typeof cultureMessages & typeof documentsMessages & typeof investmentMessages & typeof insuranceMessages & typeof overviewMessages & typeof trainingMessages & typeof certificateMessages & typeof ppeMessages & typeof standardisationMessages & typeof emergencyPlansMessages & typeof drillsMessages & typeof rescueMessages & typeof accidentsMessages & typeof accidentFollowupMessages;

export type MessageKey = keyof typeof core | keyof ModuleMessages;
const dictionary: Record<string, Entry> = { ...core };
/** The core keys, for the dictionary tests (they add the modules' with `addMessages`). */
export const CORE_MESSAGE_KEYS = Object.keys(core) as MessageKey[];
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Adds a module's strings when its chunk has loaded. A key may not change its text (two modules colliding). */
export function addMessages(dict: Record<string, Entry>): void {
  for (const [key, entry] of Object.entries(dict)) {
    const had = dictionary[key];
    if (had && (had[0] !== entry[0] || had[1] !== entry[1])) throw new Error(`message ${key} is defined twice with different texts`);
    dictionary[key] = entry;
  }
}

/** Every key known now: the core's, and those of the modules loaded so far. */
export function messageKeys(): MessageKey[] {
  return Object.keys(dictionary) as MessageKey[];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(dictionary, key);
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const entry = dictionary[key];
  // Never a key on screen: a module's screen renders only once its strings are in (module-messages.ts).
  if (!entry) return '';
  const text: string = entry[locale === 'en-US' ? 1 : 0];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type I18n = {
  locale: Locale;
  t: Translate;
  /** For keys built from data (`role.${role}`): the fallback is shown when the dictionary has no entry. */
  tx: (key: string, fallback?: string) => string;
  setLocale: (next: Locale) => void;
};

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Chinese first: English only when the user picked it before. */
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
