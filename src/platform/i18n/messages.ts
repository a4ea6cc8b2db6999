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
  'error.LOCKED': '登录失败次数过多，请 {minutes} 分钟后再试',
  'error.BAD_CREDENTIALS': '用户名或密码错误',
  'error.PASSWORD_CHANGE_REQUIRED': '请先设置新密码',
  'error.INTERNAL': '服务器内部错误，请稍后再试',
  'error.PAYLOAD_TOO_LARGE': '上传的文件过大',
  'error.UNSUPPORTED_FILE': '不支持的文件类型',
  'error.IDEMPOTENCY_KEY_REUSED': '该提交编号已用于另一份不同的提交，请重新提交',
  'error.IDEMPOTENCY_IN_PROGRESS': '同一提交正在处理中，请稍后刷新查看结果',
  'validation.idempotencyKey': '提交编号（Idempotency-Key）应为 1–100 位字母、数字或 -_.:',
  'validation.phone': '手机号码格式不正确',
  'validation.required': '必填',
  'validation.codeTaken': '编号已存在',
  'import.file': '无法读取文件，请使用下载的模板（.xlsx）',
  'import.header': '表头与模板不一致：缺少列 {columns}',
  'import.empty': '文件中没有数据行',
  'import.hasErrors': '文件中有 {count} 行错误，未导入任何数据。可修正后重新上传，或选择仅导入正确的行',
  'validation.photo.type': '照片只支持 PNG、JPEG 或 WebP 格式',
  'validation.photo.pixels': '照片尺寸过大：每边不超过 {side} 像素，总像素不超过 {megapixels} 百万',
  'validation.photo.quota': '本企业照片存储已达上限（{quota} GB），无法继续上传',
  'dataDir.locked': '数据目录正被另一个 SafeDuty 进程使用（进程号 {pid}，主机 {host}，启动于 {startedAt}），本进程不能再打开它。请先停止该进程；若确认它已不在运行，删除锁文件 {file} 后重试。',
  'notify.import.title': '员工导入完成',
  'notify.import.body': '已导入 {count} 名员工。',
  'validation.tooLong': '不能超过 {max} 个字',
  'validation.tooShort': '至少 {min} 个字',
  'validation.tooBig': '不能大于 {max}',
  'validation.tooSmall': '不能小于 {min}',
  'validation.tooMany': '最多 {max} 项',
  'validation.tooFew': '至少 {min} 项',
  'validation.date': '日期格式不正确，应为 YYYY-MM-DD（如 2024-03-01）',
  // edge input checks (D6, D8, D9, D20)
  'validation.controlChars': '不能包含控制字符',
  'validation.nothingToChange': '没有要修改的内容',
  'validation.json': '请求体不是有效的 JSON',
  'validation.multipart': '上传的表单数据不完整或格式不正确，请重新上传',
  'validation.paramTooLong': '地址中的参数过长',
  'validation.badUrl': '地址编码不正确',
  'validation.request': '请求格式不正确，无法处理',
  'validation.headersTooLarge': '请求头过大，无法处理',
  'error.routeNotFound': '接口不存在',
  'import.tooManyRows': '文件行数过多：一次最多导入 {max} 行',
  'import.tooLarge': '文件内容过大：解压后不能超过 {mb} MB，单元格总数不能超过 {cells} 个。请删除多余的工作表、格式和空行后重试',
  'import.cellTooLong': '文件中有单元格超过 {max} 个字符',
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
  'error.LOCKED': 'Too many failed sign-ins: try again in {minutes} minutes',
  'error.BAD_CREDENTIALS': 'Wrong user name or password',
  'error.PASSWORD_CHANGE_REQUIRED': 'Please set a new password first',
  'error.INTERNAL': 'Internal server error; please try again later',
  'error.PAYLOAD_TOO_LARGE': 'The uploaded file is too large',
  'error.UNSUPPORTED_FILE': 'Unsupported file type',
  'error.IDEMPOTENCY_KEY_REUSED': 'This submission key was already used for a different submission; please submit again',
  'error.IDEMPOTENCY_IN_PROGRESS': 'The same submission is still being processed; refresh shortly to see the result',
  'validation.idempotencyKey': 'The submission key (Idempotency-Key) must be 1–100 letters, digits or -_.:',
  'validation.phone': 'Invalid phone number',
  'validation.required': 'Required',
  'validation.codeTaken': 'This code is already in use',
  'import.file': 'Cannot read the file; please use the downloaded template (.xlsx)',
  'import.header': 'The header differs from the template: missing columns {columns}',
  'import.empty': 'The file has no data rows',
  'import.hasErrors': '{count} rows have errors and nothing was imported. Fix them and upload again, or import only the valid rows',
  'validation.photo.type': 'Photos must be PNG, JPEG or WebP',
  'validation.photo.pixels': 'The photo is too large: at most {side} pixels a side and {megapixels} megapixels in all',
  'validation.photo.quota': "The enterprise's photo storage is full ({quota} GB): no more photos can be uploaded",
  'dataDir.locked': 'The data directory is in use by another SafeDuty process (pid {pid} on host {host}, started {startedAt}); this process cannot open it too. Stop that process first; if it is certainly no longer running, delete the lock file {file} and try again.',
  'notify.import.title': 'Employee import finished',
  'notify.import.body': '{count} employees imported.',
  'validation.tooLong': 'At most {max} characters',
  'validation.tooShort': 'At least {min} characters',
  'validation.tooBig': 'At most {max}',
  'validation.tooSmall': 'At least {min}',
  'validation.tooMany': 'At most {max} items',
  'validation.tooFew': 'At least {min} items',
  'validation.date': 'Invalid date; use YYYY-MM-DD (e.g. 2024-03-01)',
  // edge input checks (D6, D8, D9, D20)
  'validation.controlChars': 'Must not contain control characters',
  'validation.nothingToChange': 'Nothing to change',
  'validation.json': 'The request body is not valid JSON',
  'validation.multipart': 'The uploaded form data is incomplete or malformed; please upload again',
  'validation.paramTooLong': 'A parameter in the address is too long',
  'validation.badUrl': 'The address is not correctly encoded',
  'validation.request': 'The request is malformed and cannot be processed',
  'validation.headersTooLarge': 'The request headers are too large to process',
  'error.routeNotFound': 'No such API endpoint',
  'import.tooManyRows': 'Too many rows: at most {max} per file',
  'import.tooLarge': 'The file is too large: at most {mb} MB uncompressed and {cells} cells in all. Remove extra sheets, formatting and empty rows and try again',
  'import.cellTooLong': 'A cell in the file holds more than {max} characters',
  'import.nothingValid': 'There are no valid rows to import',
  'import.done': '{count} employees imported',
  'import.partial': '{count} employees imported; {errors} rows with errors were skipped',
};

const dicts: Record<Locale, Dict> = { 'zh-CN': zh, 'en-US': en };

/** A module's messages, both locales with the same keys (src/platform/module.ts). */
export type MessageDict = Record<Locale, Record<string, string>>;

/**
 * A module's messages, typed: the en-US dictionary must hold exactly the keys of the zh-CN one (a missing or a stray
 * key is a type error, and `registerMessages` checks it again at start).
 */
export function defineMessages<K extends string>(zhCN: Record<K, string>, enUS: NoInfer<Record<K, string>>): MessageDict {
  return { 'zh-CN': zhCN, 'en-US': enUS };
}

/**
 * Adds a module's messages. Both locales must hold the same keys, and a key may not change its text: a collision
 * between two modules fails at start instead of one silently winning.
 */
export function registerMessages(messages: MessageDict): void {
  const zhKeys = Object.keys(messages['zh-CN']).sort();
  const enKeys = Object.keys(messages['en-US']).sort();
  const missing = zhKeys.filter((k) => !(k in messages['en-US'])).concat(enKeys.filter((k) => !(k in messages['zh-CN'])));
  if (missing.length) throw new Error(`messages without both locales: ${missing.join(', ')}`);
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(messages[locale])) {
      const had = dicts[locale][key];
      if (had !== undefined && had !== text) throw new Error(`message ${key} is registered twice with different texts`);
      dicts[locale][key] = text;
    }
  }
}

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
