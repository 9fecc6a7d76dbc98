import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** One resolver address as node:dns takes it: an IP, or IPv4:port, or [IPv6]:port. */
function isResolverAddress(entry: string): boolean {
  const match = /^\[(.+)\]:(\d+)$/.exec(entry) ?? /^([^:]+):(\d+)$/.exec(entry);
  const [address, port] = match ? [match[1] ?? '', Number(match[2])] : [entry, 53];
  return isIP(address) !== 0 && Number.isInteger(port) && port >= 1 && port <= 65535;
}

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL in production; unset means the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgresql:// URL').optional(),
  DATA_DIR: z.string().default('data'),
  /** Base64 of 32 random bytes. Required with DATABASE_URL; generated into DATA_DIR on the embedded database. */
  SECRET_ENCRYPTION_KEY: z.string().optional(),
  /** auto: seed the demo data into a new embedded database only, never silently into PostgreSQL. */
  SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS: flag.default(false),
  TRUST_PROXY: flag.default(false),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** Sign-in attempts per minute for one account from one address, and for all accounts from one address. */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(5),
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: z.coerce.number().int().positive().default(20),
  WEB_DIST_DIR: z.string().default(path.resolve(import.meta.dirname, '../../web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The portal's own app registration, used to test "S2S auth (Same Tenant)" profiles. */
  S2S_TENANT_ID: z.string().optional(),
  S2S_APPLICATION_ID: z.string().optional(),
  S2S_CLIENT_SECRET: z.string().optional(),
  /** Hosts the portal may reach although they resolve to loopback, private or link-local addresses (comma-separated). */
  EWS_ALLOWED_HOSTS: z.string().default('').transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean)),
  /** Allow http:// server locations (credentials then travel unencrypted). */
  ALLOW_HTTP_SERVER_LOCATIONS: flag.default(false),
  /** No request to Exchange waits longer than this, whatever the profile's timeout. */
  EXCHANGE_REQUEST_CEILING_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** Test & Enable: attempts before a transient error counts as permanent, and the gap between them. */
  TRANSIENT_RETRY_LIMIT: z.coerce.number().int().min(1).max(100).default(10),
  TRANSIENT_RETRY_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** The outage rule needs at least this many mailboxes of a profile tested within the hour. */
  OUTAGE_MIN_MAILBOXES: z.coerce.number().int().min(1).max(100_000).default(5),
  /** Rows the CSV export reads per query: the memory an export holds at once. */
  CSV_EXPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  /** auto: the portal runs the Test & Enable worker itself on the embedded database, not on PostgreSQL (run `pnpm worker`). */
  IN_PROCESS_WORKER: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Mailboxes one worker process tests at once (each within its profile's Maximum Concurrent Connections). */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(10),
  /** How often a worker killed mid-attempt is noticed and its work handed to another. */
  JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** smtp://user:pass@host:port for alert emails to profile owners; unset sends none. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL').optional(),
  SMTP_FROM: z.string().default('Sync Admin <sync-admin@localhost>'),
  /** The DNS servers the Domain health checks ask (comma-separated ip[:port]); unset means the system's. */
  DNS_SERVERS: z.string().default('')
    .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isResolverAddress), 'DNS_SERVERS must be comma-separated IP addresses, each with an optional :port (IPv6 as [address]:port).'),
  /** When the worker runs the daily Domain health checks (cron, UTC). */
  DOMAIN_HEALTH_SCHEDULE: z.string().default('0 3 * * *').refine((value) => value.trim().split(/\s+/).length === 5, 'DOMAIN_HEALTH_SCHEDULE must be a cron expression of five fields.'),
  /** Demo only: start a local EWS test server and point the demo's on-premises profile at it. */
  DEMO_EWS_SERVER: flag.default(false),
});

export type Config = z.infer<typeof configSchema>;

/** Configuration is read here, once, and nowhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  if (parsed.data.DATABASE_URL && !parsed.data.SECRET_ENCRYPTION_KEY) {
    throw new Error('Invalid configuration: SECRET_ENCRYPTION_KEY is required with DATABASE_URL (base64 of 32 random bytes).');
  }
  return parsed.data;
}
