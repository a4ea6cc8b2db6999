import { z } from 'zod';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S } from '../../platform/auth/device';
import { SESSION_COOKIE } from '../../platform/auth/session';
import type { RouteModule } from '../../platform/http/app';
import { okResponse } from '../../platform/http/route';
import { ROLES } from '../../platform/auth/permissions';
import { LOCALES } from '../../platform/i18n/messages';
import { changePassword, demoAccounts, login, logout, me, setLocale } from './auth.service';
import { loadSession } from '../../platform/auth/session';

const role = z.enum(ROLES as [string, ...string[]]) as unknown as z.ZodEnum<{ [K in (typeof ROLES)[number]]: K }>;
const meSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role, roleName: z.string(),
  scope: z.object({ kind: z.enum(['district', 'department', 'subdistrict', 'enterprise', 'institution']), id: z.string(), name: z.string(), enterpriseId: z.string().nullable() }),
  mustChangePassword: z.boolean(), locale: z.string(), permissions: z.array(z.string()), assignableRoles: z.array(role), csrfToken: z.string(),
});

export const authRoutes: RouteModule = (app, { db, config }) => {
  app.post('/auth/login', {
    config: { access: 'public', rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: '登录',
      body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(128) }),
      response: { 200: z.object({ user: meSchema, csrfToken: z.string() }) },
    },
  }, async (req, reply) => {
    const session = await login(db, config, req.ctx, req.body, { userAgent: req.headers['user-agent'] ?? null, deviceCookie: req.cookies[DEVICE_COOKIE] });
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: config.sessionTtlHours * 3600,
    });
    // D13: this device has now signed in; failed attempts from it are counted apart from everyone else's.
    reply.setCookie(DEVICE_COOKIE, session.deviceCookie, {
      path: '/api/v1/auth', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: DEVICE_COOKIE_MAX_AGE_S,
    });
    const actor = await loadSession(db, session.token, req.ctx.now);
    return { user: await me(db, actor!, req.locale), csrfToken: session.csrfToken };
  });

  app.post('/auth/logout', {
    config: { access: 'authenticated', passwordChange: true },
    schema: { tags: ['auth'], response: { 200: okResponse } },
  }, async (req, reply) => {
    await logout(db, req.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', {
    config: { access: 'authenticated', passwordChange: true },
    schema: { tags: ['auth'], response: { 200: meSchema } },
  }, async (req) => me(db, req.actor!, req.locale));

  app.post('/auth/password', {
    config: { access: 'authenticated', passwordChange: true, rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: '修改密码',
      body: z.object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
      response: { 200: okResponse },
    },
  }, async (req) => {
    await changePassword(db, req.ctx, req.body);
    return { ok: true as const };
  });

  app.put('/auth/locale', {
    config: { access: 'authenticated', passwordChange: true },
    schema: { tags: ['auth'], body: z.object({ locale: z.enum(LOCALES) }), response: { 200: okResponse } },
  }, async (req) => {
    await setLocale(db, req.ctx, req.body.locale);
    return { ok: true as const };
  });

  app.get('/auth/demo-accounts', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'], summary: '演示账号（仅演示数据，且仅限仍使用演示密码的账号）',
      response: { 200: z.object({ enabled: z.boolean(), accounts: z.array(z.object({ username: z.string(), password: z.string(), role: z.string(), roleName: z.string(), displayName: z.string(), scopeName: z.string() })) }) },
    },
  }, async (req) => demoAccounts(db, req.locale));
};
