import type { EnvironmentAccess } from '@sync-admin/db';
import { toActor } from '@sync-admin/db';
import { accessDenied, DomainError, notFound, PRIVILEGE_LABELS, hasPrivilege, type Actor, type Privilege } from '@sync-admin/domain';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * What a route needs, declared on the route itself:
 * - 'public': anyone; 'signedIn': any signed-in user;
 * - 'environment': a user who can open the route's :environmentId;
 * - a privilege: that, and the privilege at some depth there (record depth is the domain's business).
 */
export type RouteAccess = 'public' | 'signedIn' | 'environment' | Privilege;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    environment: EnvironmentAccess | null;
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every API route with its declared access, for the allow/deny test and the docs. */
    routeAccess: { method: string; url: string; access: RouteAccess }[];
  }
}

export function requireActor(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('Route reached without an environment actor: declare its access.');
  return request.actor;
}

export function requireEnvironment(request: { environment: EnvironmentAccess | null }): EnvironmentAccess {
  if (!request.environment) throw new Error('Route reached without an environment: declare its access.');
  return request.environment;
}

/** Deny by default: a route without an access declaration fails at start-up, not in production. */
export default fp(
  async function authorization(app: FastifyInstance) {
    app.decorateRequest('environment', null);
    app.decorateRequest('actor', null);

    app.decorate('routeAccess', []);
    app.addHook('onRoute', (route) => {
      const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
      if (!isApi) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access.`);
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access });
      }
    });

    app.addHook('preHandler', async (request) => {
      const access = request.routeOptions.config.access;
      if (!access || access === 'public') return;
      const session = request.session;
      if (!session) throw new DomainError('NOT_AUTHENTICATED', { code: 'SIGN_IN_REQUIRED', message: 'Sign in to continue.' });
      if (access === 'signedIn') return;

      const { environmentId } = request.params as { environmentId?: string };
      if (!environmentId) throw new Error(`Route ${request.routeOptions.url} needs :environmentId for its access check.`);
      const environment = await app.deps.access.findEnvironmentAccess(session.user, environmentId);
      // An environment the user cannot open is reported as missing, so its existence does not leak.
      if (!environment) throw notFound('ENVIRONMENT_NOT_FOUND', 'The environment');
      request.environment = environment;
      request.actor = { ...toActor(session.user, environment), fullName: session.user.fullName };
      if (access !== 'environment' && !hasPrivilege(environment.privileges, access)) {
        throw accessDenied({
          code: 'PRIVILEGE_IN_ENVIRONMENT_NEEDED', params: { privilege: PRIVILEGE_LABELS[access], environment: environment.name },
          message: `You need the "${PRIVILEGE_LABELS[access]}" privilege in ${environment.name}.`,
        });
      }
    });
  },
  { name: 'authorization', dependencies: ['authentication'] },
);
