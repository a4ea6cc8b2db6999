import { z } from 'zod';
import type { RouteModule } from '../../platform/http/app';
import { idParams, okResponse, pageOf, pageQuery } from '../../platform/http/route';
import { ROLES } from '../../platform/auth/permissions';
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from './user.service';

const role = z.enum(ROLES as [string, ...string[]]) as unknown as z.ZodEnum<{ [K in (typeof ROLES)[number]]: K }>;
const userView = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role, roleName: z.string(), scopeName: z.string(),
  enterpriseId: z.string().nullable(), disabled: z.boolean(), locked: z.boolean(), mustChangePassword: z.boolean(), lastLoginAt: z.date().nullable(),
  canManage: z.boolean(),
});
// D2: a one-time sign-in code, shown once to whoever created or reset the account; never a password.
const oneTimeCode = { oneTimeCode: z.string(), expiresAt: z.date() };
const scopeFields = {
  enterpriseId: z.uuid().optional(), orgUnitId: z.uuid().optional(), subdistrictId: z.uuid().optional(),
  departmentId: z.uuid().optional(), institutionId: z.uuid().optional(), employeeId: z.uuid().optional(),
};

export const userRoutes: RouteModule = (app, { db }) => {
  app.get('/users', {
    config: { access: 'user.read' },
    schema: { tags: ['users'], querystring: z.object({ ...pageQuery, role: role.optional(), enterpriseId: z.uuid().optional() }), response: { 200: pageOf(userView) } },
  }, async (req) => listUsers(db, req.ctx, req.query));

  app.post('/users', {
    config: { access: 'user.manage' },
    schema: {
      tags: ['users'],
      body: z.object({
        username: z.string().trim().min(3).max(64).regex(/^[A-Za-z0-9_.@-]+$/),
        displayName: z.string().trim().min(1).max(50),
        role,
        ...scopeFields,
      }),
      response: { 201: z.object({ user: userView, ...oneTimeCode }) },
    },
  }, async (req, reply) => reply.status(201).send(await createUser(db, req.ctx, req.body)));

  app.patch('/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      tags: ['users'], summary: '修改账号（名称、停用/启用、角色与范围）', params: idParams,
      body: z.object({ displayName: z.string().trim().min(1).max(50).optional(), disabled: z.boolean().optional(), role: role.optional(), ...scopeFields }),
      response: { 200: userView },
    },
  }, async (req) => updateUser(db, req.ctx, req.params.id, req.body));

  app.post('/users/:id/reset-password', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], summary: '重置密码：签发 24 小时有效的一次性验证码', params: idParams, response: { 200: z.object(oneTimeCode) } },
  }, async (req) => resetPassword(db, req.ctx, req.params.id));

  app.post('/users/:id/unlock', {
    config: { access: 'user.manage' },
    schema: { tags: ['users'], params: idParams, response: { 200: okResponse } },
  }, async (req) => {
    await unlockUser(db, req.ctx, req.params.id);
    return { ok: true as const };
  });
};
