/** Messages for people, zh-CN first. Keys are stable; clients branch on error codes, never on these texts. */
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

type Dict = Record<string, string>;

const zh: Dict = {
  'error.NOT_FOUND': '记录不存在或您无权访问',
  'error.FORBIDDEN': '您没有执行此操作的权限',
  'error.UNAUTHENTICATED': '请先登录',
  'error.VALIDATION': '提交的数据有误，请检查后重试',
  'error.CONFLICT': '数据已被他人修改或与现有记录冲突，请刷新后重试',
  'error.STATE': '当前状态不允许此操作',
  'error.RATE_LIMITED': '请求过于频繁，请稍后再试',
  'error.CSRF': '页面已过期，请刷新后重试',
  'error.LOCKED': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
  'error.BAD_CREDENTIALS': '用户名或密码错误',
  'error.PASSWORD_CHANGE_REQUIRED': '首次登录请先修改初始密码',
  'error.INTERNAL': '服务器内部错误，请稍后再试',
  'error.PAYLOAD_TOO_LARGE': '上传的文件过大',
  'error.UNSUPPORTED_FILE': '不支持的文件类型',
  'validation.creditCode.format': '统一社会信用代码应为18位（数字及大写字母，不含 I、O、Z、S、V）',
  'validation.creditCode.check': '统一社会信用代码校验位错误：应为 {expected}',
  'validation.creditCode.duplicate': '该统一社会信用代码已登记',
  'validation.idNumber': '身份证号码格式或校验位不正确',
  'validation.idNumber.duplicate': '该身份证号码的员工已存在',
  'validation.phone': '手机号码格式不正确',
  'validation.password.weak': '密码至少 8 位，且须包含字母和数字',
  'validation.password.same': '新密码不能与原密码相同',
  'validation.password.wrong': '原密码不正确',
  'validation.username.duplicate': '用户名已被使用',
  'validation.orgUnit.parent': '上级单位不合法（层级应为 公司→部门→车间→班组）',
  'validation.orgUnit.hasChildren': '该单位下还有下级单位、岗位或员工，无法删除',
  'validation.orgUnit.root': '企业根节点不能删除或移动',
  'validation.post.certificate': '特种作业岗位必须填写所需证书类型',
  'validation.post.inUse': '该岗位仍有员工，无法删除',
  'validation.required': '必填',
  'validation.role.scope': '该角色缺少必需的范围（所属企业、街道、部门、单位或机构）',
  'validation.role.notAllowed': '您不能授予该角色',
  'import.file': '无法读取文件，请使用下载的模板（.xlsx）',
  'import.header': '表头与模板不一致：缺少列 {columns}',
  'import.empty': '文件中没有数据行',
  'import.hasErrors': '文件中有 {count} 行错误，未导入任何数据。可修正后重新上传，或选择仅导入正确的行',
  'validation.risk.value': '{field} 的取值不在公布的取值表中',
  'validation.risk.codeTaken': '该风险点编号已存在',
  // risk-map keys (zh-CN)
  // risk-report keys (zh-CN)
  'notify.welcome.title': '欢迎使用企业安全生产主体责任平台',
  'notify.welcome.body': '您的账号已创建，请及时修改初始密码。',
  'notify.import.title': '员工导入完成',
  'notify.import.body': '已导入 {count} 名员工。',
  'validation.tooLong': '不能超过 {max} 个字',
  'validation.date': '日期格式不正确，应为 YYYY-MM-DD（如 2024-03-01）',
  'validation.employmentForm': '用工形式应为：正式、劳务派遣、临时、农民工、实习',
  'validation.orgUnit.invalid': '所属单位不存在或不属于该企业',
  'validation.orgUnit.notFound': '找不到单位“{name}”',
  'validation.orgUnit.ambiguous': '单位名称“{name}”不唯一，请填写完整路径，如“{example}”',
  'validation.post.invalid': '岗位不存在或不属于该企业',
  'validation.post.notFound': '找不到岗位“{name}”',
  'validation.post.ambiguous': '岗位“{name}”在多个单位中都有，请写成“单位路径/岗位”',
  'validation.employee.alreadyLeft': '该员工已离职',
  'import.idNumber.asNumber': '身份证号被保存成了数字，末几位已丢失：请将该列设为文本格式后重新填写',
  'import.idNumber.repeated': '与第 {row} 行的身份证号重复',
  'import.tooManyRows': '文件行数过多：一次最多导入 {max} 行',
  'import.nothingValid': '没有可导入的正确行',
  'import.done': '已导入 {count} 名员工',
  'import.partial': '已导入 {count} 名员工，{errors} 行有错误未导入',
};

const en: Dict = {
  'error.NOT_FOUND': 'The record does not exist or you may not access it',
  'error.FORBIDDEN': 'You are not allowed to do this',
  'error.UNAUTHENTICATED': 'Please sign in first',
  'error.VALIDATION': 'Some of the data is invalid; please check and try again',
  'error.CONFLICT': 'The record was changed by someone else or conflicts with an existing one; refresh and retry',
  'error.STATE': 'This operation is not allowed in the current state',
  'error.RATE_LIMITED': 'Too many requests; please try again later',
  'error.CSRF': 'The page has expired; please refresh and retry',
  'error.LOCKED': 'Too many failed sign-ins: the account is locked; try again in {minutes} minutes',
  'error.BAD_CREDENTIALS': 'Wrong user name or password',
  'error.PASSWORD_CHANGE_REQUIRED': 'Please change your initial password first',
  'error.INTERNAL': 'Internal server error; please try again later',
  'error.PAYLOAD_TOO_LARGE': 'The uploaded file is too large',
  'error.UNSUPPORTED_FILE': 'Unsupported file type',
  'validation.creditCode.format': 'A unified social credit code has 18 characters (digits and capitals except I, O, Z, S, V)',
  'validation.creditCode.check': 'Wrong check character in the unified social credit code: expected {expected}',
  'validation.creditCode.duplicate': 'This unified social credit code is already registered',
  'validation.idNumber': 'Invalid ID-card number or check digit',
  'validation.idNumber.duplicate': 'An employee with this ID-card number already exists',
  'validation.phone': 'Invalid phone number',
  'validation.password.weak': 'The password needs at least 8 characters with letters and digits',
  'validation.password.same': 'The new password must differ from the old one',
  'validation.password.wrong': 'The current password is wrong',
  'validation.username.duplicate': 'This user name is taken',
  'validation.orgUnit.parent': 'Invalid parent unit (levels are company → department → workshop → team)',
  'validation.orgUnit.hasChildren': 'The unit still has sub-units, posts or employees and cannot be deleted',
  'validation.orgUnit.root': 'The enterprise root unit cannot be deleted or moved',
  'validation.post.certificate': 'A special-operation post needs the certificate type it requires',
  'validation.post.inUse': 'The post still has employees and cannot be deleted',
  'validation.required': 'Required',
  'validation.role.scope': 'The role needs its scope (enterprise, subdistrict, department, unit or institution)',
  'validation.role.notAllowed': 'You may not grant this role',
  'import.file': 'Cannot read the file; please use the downloaded template (.xlsx)',
  'import.header': 'The header differs from the template: missing columns {columns}',
  'import.empty': 'The file has no data rows',
  'import.hasErrors': '{count} rows have errors and nothing was imported. Fix them and upload again, or import only the valid rows',
  'validation.risk.value': 'The value of {field} is not in the published list',
  'validation.risk.codeTaken': 'This risk point code is already taken',
  // risk-map keys (en-US)
  // risk-report keys (en-US)
  'notify.welcome.title': 'Welcome to SafeDuty',
  'notify.welcome.body': 'Your account has been created; please change the initial password.',
  'notify.import.title': 'Employee import finished',
  'notify.import.body': '{count} employees imported.',
  'validation.tooLong': 'At most {max} characters',
  'validation.date': 'Invalid date; use YYYY-MM-DD (e.g. 2024-03-01)',
  'validation.employmentForm': 'Employment form must be one of: 正式, 劳务派遣, 临时, 农民工, 实习',
  'validation.orgUnit.invalid': 'The unit does not exist or belongs to another enterprise',
  'validation.orgUnit.notFound': 'No unit named "{name}"',
  'validation.orgUnit.ambiguous': 'Several units are named "{name}"; write the full path, e.g. "{example}"',
  'validation.post.invalid': 'The post does not exist or belongs to another enterprise',
  'validation.post.notFound': 'No post named "{name}"',
  'validation.post.ambiguous': 'Several units have a post "{name}"; write it as "unit path/post"',
  'validation.employee.alreadyLeft': 'The employee has already left',
  'import.idNumber.asNumber': 'The ID number was stored as a number and lost its last digits; format the column as text and re-enter it',
  'import.idNumber.repeated': 'Same ID number as row {row}',
  'import.tooManyRows': 'Too many rows: at most {max} per file',
  'import.nothingValid': 'There are no valid rows to import',
  'import.done': '{count} employees imported',
  'import.partial': '{count} employees imported; {errors} rows with errors were skipped',
};

const dicts: Record<Locale, Dict> = { 'zh-CN': zh, 'en-US': en };

export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = dicts[locale][key] ?? dicts['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks zh-CN unless the Accept-Language header prefers English. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

export function hasMessage(key: string): boolean {
  return key in zh;
}
