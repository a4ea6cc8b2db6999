import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * D4: which peers may set `X-Forwarded-For`. `false` (the default) believes no one: `req.ip` is the socket's address.
 * `true` believes every hop (only behind a proxy that strips the header), a number believes that many hops, and a
 * list believes the named proxy addresses or CIDR ranges. These are Fastify's `trustProxy` forms.
 */
export type TrustProxy = boolean | number | string[];

function isAddressOrCidr(value: string): boolean {
  const [address = '', prefix, ...rest] = value.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = z.string().trim().transform((v, ctx): TrustProxy => {
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !isAddressOrCidr(s));
  if (bad.length) ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: not an IP address or CIDR range: ${bad.join(', ')}` });
  return list;
});

/** An absolute http(s) URL without a trailing slash, or empty. */
const baseUrl = z.string().trim().transform((v, ctx) => {
  if (v === '') return '';
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
    return u.toString().replace(/\/+$/, '');
  } catch {
    ctx.addIssue({ code: 'custom', message: `PUBLIC_BASE_URL: not an absolute http(s) URL: ${v}` });
    return '';
  }
});

/**
 * Configuration is parsed once at boot. Nothing else in the code base reads `process.env`.
 * Every variable is documented here and listed in README.md.
 */
const schema = z.object({
  /** HTTP port the server listens on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string. When empty the embedded engine (PGlite) is used. */
  DATABASE_URL: z.string().default(''),
  /** Directory of the embedded database (ignored when DATABASE_URL is set). `memory://` keeps it in memory. */
  DATA_DIR: z.string().default('./data'),
  /** Size of the pg connection pool on PostgreSQL. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Load the demo district, with its published demo accounts, on the first start of an empty database
   * ("true"/"false"). D15: unset, it is on for the embedded engine (a trial) and off on PostgreSQL (a deployment).
   */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** Secret used to derive hashes of ID-card numbers (HMAC). Change it in production before the first start. */
  APP_SECRET: z.string().min(16).default('safeduty-dev-secret-change-me'),
  /** Session lifetime in hours. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Mark cookies `Secure` (set to true behind HTTPS). */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Failed logins before an account is locked, and for how many minutes. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  /**
   * D4: proxies whose `X-Forwarded-For` is believed: `false` (default), `true`, a hop count, or a comma-separated list
   * of IP addresses / CIDR ranges (e.g. `127.0.0.1` or `10.0.0.0/8,::1`). Behind a reverse proxy, name the proxy.
   */
  TRUST_PROXY: trustProxy.default(false),
  /**
   * The address people reach the platform at (e.g. `https://safety.example.gov.cn`). Every absolute link the server
   * prints (QR codes on wall cards) starts with it, never with a request's Host header. Empty = http://localhost:PORT.
   */
  PUBLIC_BASE_URL: baseUrl.default(''),
  /** Requests per minute per IP on the API (login has its own tighter limit). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Sign-ins and password changes per minute per IP (the lockout counts failures separately). */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Log level of the structured (pino) logs. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Run the background job runner in this process ("true"/"false"). */
  JOBS_ENABLED: z.enum(['true', 'false']).default('true'),
  /** How often the job runner polls, in milliseconds. */
  JOBS_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Directory of the built web app. */
  WEB_DIST: z.string().default('./web/dist'),
  /** An export of more rows than this runs as a job with progress and a download when done (platform/files/exports.ts). */
  EXPORT_JOB_ROWS: z.coerce.number().int().min(0).default(5000),
  /** How long a finished export's file is kept for download, in hours. */
  EXPORT_KEEP_HOURS: z.coerce.number().int().min(1).default(24),
  /**
   * A font with Chinese glyphs (.ttf, .otf or .ttc) for the PDFs of submitted documents. Empty = the usual paths
   * (Debian's fonts-noto-cjk first). With none found, a submission still succeeds and its PDF is rendered on download.
   */
  PDF_FONT: z.string().trim().default(''),
  /**
   * Issue 14 (platform/alerts): how alerts that must leave the browser (accident reports) are delivered. `recording`
   * (the default: kept in the database and in memory only, for tests and trials), `log` (written to the server log),
   * `sms` (an HTTP SMS gateway: ALERT_SMS_URL, ALERT_SMS_TOKEN), `wecom` (企业微信 group robot) or `dingtalk` (钉钉 group
   * robot), both at ALERT_WEBHOOK_URL. Every attempt is recorded in alert_attempts.
   */
  ALERT_DRIVER: z.enum(['recording', 'log', 'sms', 'wecom', 'dingtalk']).default('recording'),
  /** The 企业微信 / 钉钉 robot's webhook URL (with its key or access token) for ALERT_DRIVER=wecom or dingtalk. */
  ALERT_WEBHOOK_URL: z.string().trim().default(''),
  /** The SMS gateway's URL for ALERT_DRIVER=sms: it receives POST {"phone","text"} as JSON. */
  ALERT_SMS_URL: z.string().trim().default(''),
  /** The bearer token sent to the SMS gateway (Authorization header). */
  ALERT_SMS_TOKEN: z.string().trim().default(''),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  dbPoolSize: number;
  seedDemo: boolean;
  appSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginMaxFailures: number;
  loginLockMinutes: number;
  rateLimitPerMinute: number;
  loginRateLimitPerMinute: number;
  trustProxy: TrustProxy;
  publicBaseUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  jobsEnabled: boolean;
  jobsPollMs: number;
  webDist: string;
  exportJobRows: number;
  exportKeepHours: number;
  pdfFont: string;
  alertDriver: z.infer<typeof schema>['ALERT_DRIVER'];
  alertWebhookUrl: string;
  alertSmsUrl: string;
  alertSmsToken: string;
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const e = schema.parse(env);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    dbPoolSize: e.DB_POOL_SIZE,
    seedDemo: e.SEED_DEMO === undefined ? e.DATABASE_URL === '' : e.SEED_DEMO === 'true',
    appSecret: e.APP_SECRET,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE === 'true',
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    publicBaseUrl: e.PUBLIC_BASE_URL || `http://localhost:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED === 'true',
    jobsPollMs: e.JOBS_POLL_MS,
    webDist: e.WEB_DIST,
    exportJobRows: e.EXPORT_JOB_ROWS,
    exportKeepHours: e.EXPORT_KEEP_HOURS,
    pdfFont: e.PDF_FONT,
    alertDriver: e.ALERT_DRIVER,
    alertWebhookUrl: e.ALERT_WEBHOOK_URL,
    alertSmsUrl: e.ALERT_SMS_URL,
    alertSmsToken: e.ALERT_SMS_TOKEN,
    ...overrides,
  });
}
