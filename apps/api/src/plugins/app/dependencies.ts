import {
  createAccessRepository,
  createServerProfileRepository,
  type AccessRepository,
  type Database,
  type SecretCipher,
} from '@sync-admin/db';
import type { ServerProfileConnectionProbe, ServerProfileRepository } from '@sync-admin/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';

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
  access: AccessRepository;
  profiles: ServerProfileRepository;
  probe: ServerProfileConnectionProbe;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppServices;
  }
}

export default fp(
  async function dependencies(app: FastifyInstance, options: AppDependencies) {
    app.decorate('deps', {
      config: options.config,
      clock: options.clock ?? (() => new Date()),
      access: createAccessRepository(options.db.prisma),
      profiles: createServerProfileRepository(options.db.prisma, options.cipher),
      probe: options.probe,
    });
  },
  { name: 'dependencies' },
);
