import type { AuditNames } from '../../platform/audit/audit-names';
import { defineMessages } from '../../platform/i18n/messages';

/** Accounts, passwords and roles: messages for people, zh-CN first, en-US with the same keys (checked by the type). */
export const accountsMessages = defineMessages(
  {
    'validation.password.length': '密码至少 10 位（最多 128 位）',
    'validation.password.common': '这是常见密码，容易被猜中，请换一个',
    'validation.password.username': '密码不能包含用户名',
    'validation.password.pattern': '密码不能有 4 个以上重复或连续的字符（如 aaaa、1234），且至少含 5 个不同字符',
    'validation.password.same': '新密码不能与原密码相同',
    'validation.password.wrong': '原密码不正确',
    'validation.username.duplicate': '用户名已被使用',
    'validation.role.scope': '该角色缺少必需的范围（所属企业、街道、部门、单位或机构）',
    'validation.role.notAllowed': '您不能授予该角色',
    'validation.user.outranks': '您不能更改权限与您相同或更高的账号',
    'validation.user.self': '不能对自己的账号执行此操作，请在“修改密码”中操作',
    'notify.welcome.title': '欢迎使用企业安全生产主体责任平台',
    'notify.welcome.body': '您的账号已创建：请用管理员告知的一次性验证码登录，并设置自己的密码。',
  },
  {
    'validation.password.length': 'The password needs at least 10 characters (at most 128)',
    'validation.password.common': 'This is a common password that is easy to guess; choose another',
    'validation.password.username': 'The password must not contain the user name',
    'validation.password.pattern': 'The password must not have 4 or more repeated or sequential characters (aaaa, 1234) and needs at least 5 different characters',
    'validation.password.same': 'The new password must differ from the old one',
    'validation.password.wrong': 'The current password is wrong',
    'validation.username.duplicate': 'This user name is taken',
    'validation.role.scope': 'The role needs its scope (enterprise, subdistrict, department, unit or institution)',
    'validation.role.notAllowed': 'You may not grant this role',
    'validation.user.outranks': 'You may not change an account with the same or more rights than yours',
    'validation.user.self': 'You cannot do this to your own account; use "Change password" instead',
    'notify.welcome.title': 'Welcome to SafeDuty',
    'notify.welcome.body': 'Your account has been created: sign in with the one-time code your administrator gave you and choose your own password.',
  },
);

/** What the audit log calls the accounts' records and actions, zh-CN first. */
export const accountsAuditNames = {
  entities: {
    user: ['用户', 'User'],
  },
  actions: {
    'auth.login': ['登录', 'Signed in'],
    'auth.logout': ['退出登录', 'Signed out'],
    'auth.login_failed': ['登录失败', 'Failed sign-in'],
    'auth.lock': ['账号锁定', 'Account locked'],
    'auth.password_change': ['修改密码', 'Password changed'],
    'user.create': ['新增用户', 'User created'],
    'user.update': ['修改用户', 'User updated'],
    'user.update_role': ['变更用户角色或范围', 'User role or scope changed'],
    'user.reset_password': ['重置密码', 'Password reset'],
    'user.unlock': ['解除锁定', 'User unlocked'],
    'user.locale': ['切换语言', 'Language changed'],
  },
} as const satisfies { entities: AuditNames; actions: AuditNames };
