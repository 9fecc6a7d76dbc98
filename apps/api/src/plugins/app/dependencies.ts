import {
  createAccessRepository,
  createAlertRepository,
  createAuditRepository,
  createEmailSettingsRepository,
  createMailboxRepository,
  createSecurityRoleRepository,
  createServerProfileRepository,
  createSignInAttemptRepository,
  type Database,
  type SecretCipher,
} from '@sync-admin/db';
import type {
  AlertRepository,
  AuditRepository,
  EmailSettingsRepository,
  MailboxRepository,
  SecurityRoleRepository,
  ServerProfileConnectionProbe,
  ServerProfileRepository,
} from '@sync-admin/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { createCachedAccess, type CachedAccess } from '../../lib/cached-access.ts';
import { createSignInThrottle } from '../../lib/sign-in-throttle.ts';

/** What the composition root hands the app; tests pass the same real pieces. */
export interface AppDependencies {
  config: Config;
  db: Database;
  cipher: SecretCipher;
  probe: ServerProfileConnectionProbe;
  clock?: () => Date;
}

export interface AppServices {
  config: Config;
  clock: () => Date;
  access: CachedAccess;
  signInThrottle: ReturnType<typeof createSignInThrottle>;
  profiles: ServerProfileRepository;
  probe: ServerProfileConnectionProbe;
  mailboxes: MailboxRepository;
  emailSettings: EmailSettingsRepository;
  securityRoles: SecurityRoleRepository;
  alerts: AlertRepository;
  audit: AuditRepository;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppServices;
  }
}

export default fp(
  async function dependencies(app: FastifyInstance, options: AppDependencies) {
    const clock = options.clock ?? (() => new Date());
    app.decorate('deps', {
      config: options.config,
      clock,
      signInThrottle: createSignInThrottle({
        attempts: createSignInAttemptRepository(options.db.prisma),
        clock,
        perAccountPerMinute: options.config.LOGIN_ATTEMPTS_PER_MINUTE,
        perAddressPerMinute: options.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
      }),
      access: createCachedAccess(createAccessRepository(options.db.prisma), { ttlMs: 5_000, now: Date.now }),
      profiles: createServerProfileRepository(options.db.prisma, options.cipher),
      probe: options.probe,
      mailboxes: createMailboxRepository(options.db.prisma, options.cipher),
      emailSettings: createEmailSettingsRepository(options.db.prisma),
      securityRoles: createSecurityRoleRepository(options.db.prisma),
      alerts: createAlertRepository(options.db.prisma),
      audit: createAuditRepository(options.db.prisma),
    });
    // Before the answer leaves, so the client's next request already sees the change (see cached-access.ts).
    app.addHook('onSend', async (request) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') app.deps.access.clear();
    });
  },
  { name: 'dependencies' },
);
