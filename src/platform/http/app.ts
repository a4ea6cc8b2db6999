import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyRequest } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor, Ctx } from '../auth/actor';
import { can } from '../auth/actor';
import { loadSession, SESSION_COOKIE } from '../auth/session';
import type { Config, TrustProxy } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { localeFromHeader, type Locale } from '../i18n/messages';
import type { JobRunner } from '../jobs/runner';
import { enterpriseScopeHook } from './enterprise-scope';
import { clientErrorHandler, errorBody, errorHandler, frameworkErrorHandler, routeNotFound } from './errors';
import { registerIdempotency } from './idempotency';
import { registerMultipart } from './multipart';
import { controlCharIssues, isEmptyPatch } from './input';
import type { AppInstance, RouteInfo } from './route';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    ctx: Ctx;
  }
}

/** `now` is the platform clock: the real time in production, a controllable one in tests. */
export type Deps = { db: Db; config: Config; jobs: JobRunner; engine: 'embedded' | 'postgres'; now: () => Date };
export type RouteModule = (app: AppInstance, deps: Deps) => void;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const PROBES = new Set(['/api/health', '/api/ready']);

/**
 * D4: Fastify's own hop-count form trusts nothing (it cannot check the peer), so a count becomes the classic rule:
 * believe the nearest `n` hops, the socket's peer first.
 */
function trustProxyOption(tp: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof tp === 'number' ? (_address, hop) => hop < tp : tp;
}

/** A URL fit for logs: the route pattern when known, never the query string or path tokens. */
function loggableUrl(req: FastifyRequest): string {
  if (req.routeOptions?.url) return req.routeOptions.url;
  // No route matched (a web-app path such as /public/risk-cards/<token>): mask anything token-like.
  return (req.url.split('?')[0] ?? '').split('/').map((seg) => (/^[A-Za-z0-9_-]{20,}$/.test(seg) ? ':token' : seg)).join('/');
}

const ERROR_JSON_SCHEMA = z.toJSONSchema(errorBody, { target: 'openapi-3.0' }) as Record<string, unknown>;
const ERROR_STATUSES = ['400', '401', '403', '404', '409', '413', '415', '422', '429'] as const;
const ERROR_DESCRIPTION: Record<(typeof ERROR_STATUSES)[number], string> = {
  400: '输入有误 (VALIDATION)', 401: '未登录 (UNAUTHENTICATED)', 403: '无权限 (FORBIDDEN, CSRF)', 404: '不存在或不在权限范围内 (NOT_FOUND)',
  409: '状态或版本冲突 (STATE, CONFLICT; reason 为具体原因)', 413: '文件过大 (PAYLOAD_TOO_LARGE)', 415: '不支持的文件类型 (UNSUPPORTED_FILE)',
  422: '幂等键已用于其他请求 (IDEMPOTENCY_KEY_REUSED)', 429: '请求过于频繁 (RATE_LIMITED)',
};

export async function buildApp(deps: Deps, modules: RouteModule[], opts: { logStream?: NodeJS.WritableStream } = {}): Promise<{ app: AppInstance; routes: RouteInfo[] }> {
  const { config } = deps;
  const routes: RouteInfo[] = [];
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(opts.logStream ? { stream: opts.logStream } : {}),
      // Passwords, cookies, session ids and tokens never reach the logs.
      redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]', '*.password', '*.token'], censor: '[redacted]' },
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, url: loggableUrl(req), ip: req.ip }),
      },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // D4: X-Forwarded-For is believed only from the configured proxies (none by default).
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    // Request/response lines only at debug and below; errors and events are always logged. Fastify 5 takes this through
    // a LogController (the top-level `disableRequestLogging` option is deprecated, FSTDEP023).
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // D20: a bad %-encoding or an over-long path parameter leaves in the documented error shape, translated.
    frameworkErrors: (error, req, reply) => frameworkErrorHandler(error, req, reply),
    // D20: a request the HTTP parser refuses (a bad Content-Length, a malformed header line) never reaches a route or
    // a hook; it is answered on the socket in the documented shape, in Chinese (no header was parsed to choose from).
    clientErrorHandler: clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  app.addHook('onRoute', (opts) => {
    if (!opts.url.startsWith('/api/v1/')) return;
    const access = opts.config?.access;
    if (!access) throw new Error(`route ${opts.method} ${opts.url} declares no access`);
    for (const method of [opts.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: opts.url, access });
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        // Plain-HTTP deployments on a LAN address must keep working; HTTPS is the proxy's business.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // gzip for the web app's assets and larger JSON (brotli at its default level costs too much CPU per request).
  await app.register(compress, { global: true, threshold: 2048, encodings: ['gzip'] });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // D17: the load balancer's probes never count against (or get refused by) the API limit.
    allowList: (req) => !req.url.startsWith('/api/') || PROBES.has(req.url.split('?')[0] ?? ''),
  });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 10 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'SafeDuty API', description: '企业安全生产主体责任平台 API', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    // Every API route documents the error shape for the statuses the edge can answer with (issue 8 §2), in the
    // document only: error bodies are built by the error handler, not serialised through these schemas.
    transform: (args) => {
      const out = jsonSchemaTransform(args);
      if (!args.url.startsWith('/api/v1/')) return out;
      const response = { ...((out.schema as { response?: Record<string, unknown> }).response ?? {}) };
      for (const status of ERROR_STATUSES) response[status] ??= { description: ERROR_DESCRIPTION[status], content: { 'application/json': { schema: ERROR_JSON_SCHEMA } } };
      return { ...out, schema: { ...out.schema, response } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('ctx', null as unknown as Ctx);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    req.locale = localeFromHeader(req.headers['accept-language']);
    req.actor = null;
    const now = deps.now();
    if (req.url.startsWith('/api/')) {
      const token = req.cookies[SESSION_COOKIE];
      if (token) req.actor = await loadSession(deps.db, token, now);
    }
    req.ctx = { actor: req.actor, ip: req.ip ?? null, requestId: String(req.id), locale: req.locale, now };
  });

  // Access control at the edge, before the body is validated: 401 (who are you?) before 403 (you may not).
  // Scope (which records) is checked in the repositories.
  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) throw new AppError('CSRF');
    if (actor.mustChangePassword && !req.routeOptions.config?.passwordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (access !== 'authenticated' && !can(actor, access)) throw new AppError('FORBIDDEN');
  });
  app.addHook('preValidation', enterpriseScopeHook(deps.db));
  registerMultipart(app as unknown as AppInstance);
  registerIdempotency(app as unknown as AppInstance, deps.db);

  // D6: no control character (NUL above all, which PostgreSQL refuses) in any string of the body, path or query, on
  // every route: one check here instead of one per schema. After the access check, so 401/403 still come first.
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const issues = [
      ...controlCharIssues(req.params, 'params'),
      ...controlCharIssues(req.query, 'querystring'),
      ...controlCharIssues(req.body, 'body'),
    ];
    if (issues.length) throw new AppError('VALIDATION', { issues });
  });

  // D8: a PATCH that changes nothing is refused before a service builds an empty UPDATE.
  app.addHook('preHandler', async (req) => {
    if (req.method === 'PATCH' && req.url.startsWith('/api/') && !req.isMultipart() && isEmptyPatch(req.body)) {
      throw new AppError('VALIDATION', { issues: [{ path: 'body', message: 'validation.nothingToChange' }] });
    }
  });

  // D23: API answers (sessions, CSRF tokens, personal data) are never kept by a browser or proxy, unless a route
  // chose its own caching (photos). The web app's static assets keep theirs.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  // D17: liveness (the process answers) and readiness (the database answers), both outside the API rate limit.
  app.get('/api/health', { schema: { hide: true } }, async () => ({ status: 'ok', engine: deps.engine }));
  app.get('/api/ready', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await deps.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      return { status: 'ready', engine: deps.engine };
    } catch {
      return reply.status(503).send({ status: 'unavailable', engine: deps.engine });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(async (api) => {
    for (const m of modules) m(api as unknown as AppInstance, deps);
  }, { prefix: '/api/v1' });

  const webDist = path.resolve(config.webDist);
  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: true, maxAge: '1h', immutable: false });
  // R-COM-1: the public commitment page behind the poster's QR code is its own small page (web/public-commitment.html),
  // not the single-page app, so a scan at the gate loads a few kilobytes.
  if (hasWeb && existsSync(path.join(webDist, 'public-commitment.html'))) {
    app.get('/p/commitment/:token', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('public-commitment.html', { maxAge: 0 }));
  }
  // The single-page app owns every other non-API path. API paths and missing files (a stale chunk after a redeploy)
  // are real 404s in the documented error shape (D20), not the app's HTML.
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    if (!hasWeb || req.url.startsWith('/api/') || req.method !== 'GET' || /\.[A-Za-z0-9]+$/.test(pathname)) return routeNotFound(req, reply);
    return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
  });
  return { app: app as unknown as AppInstance, routes };
}
