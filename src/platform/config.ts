import { z } from 'zod';

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
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  jobsEnabled: boolean;
  jobsPollMs: number;
  webDist: string;
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
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED === 'true',
    jobsPollMs: e.JOBS_POLL_MS,
    webDist: e.WEB_DIST,
    ...overrides,
  });
}
