import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SessionRecord } from '@sync-admin/db';
import { CSRF_HEADER } from '@sync-admin/contract';
import { DomainError } from '@sync-admin/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isHttps } from '../../lib/secure-channel.ts';

export const SESSION_COOKIE = 'sync_admin_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: (SessionRecord & { id: string }) | null;
  }
  interface FastifyInstance {
    startSession(reply: FastifyReply, request: FastifyRequest, userId: string): Promise<string>;
    endSession(reply: FastifyReply, request: FastifyRequest): Promise<void>;
  }
}

/** Only a hash of the cookie token is stored, so a copy of the sessions table opens no session. */
function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Server-side sessions behind an HTTP-only, SameSite=Strict cookie, and CSRF protection: every
 * state-changing request of a signed-in user must echo the session's token in the x-csrf-token header.
 */
export default fp(
  async function authentication(app: FastifyInstance) {
    const { access, config } = app.deps;
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      // The web app's static files need no session: no database round trip for them.
      if (!token || !request.url.startsWith('/api/')) return;
      const id = sessionId(token);
      const session = await access.findSession(id);
      if (session && session.expiresAt > app.deps.clock()) request.session = { ...session, id };
    });

    app.addHook('preHandler', async (request) => {
      if (!request.session || !UNSAFE_METHODS.has(request.method)) return;
      if (request.routeOptions.config.access === 'public') return;
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        throw new DomainError('CSRF_TOKEN_INVALID', { code: 'CSRF_TOKEN_INVALID', params: { header: CSRF_HEADER }, message: `Missing or wrong ${CSRF_HEADER} header. Reload the page and try again.` });
      }
    });

    app.decorate('startSession', async (reply: FastifyReply, request: FastifyRequest, userId: string) => {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const ttlMs = config.SESSION_TTL_HOURS * 3_600_000;
      const now = app.deps.clock();
      // Sign-ins are rare enough to prune expired sessions on, and frequent enough to keep the table small.
      await access.deleteExpiredSessions(now);
      await access.createSession({ id: sessionId(token), userId, csrfToken, expiresAt: new Date(now.getTime() + ttlMs) });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        // Behind a TLS-terminating proxy too, when TRUST_PROXY lets X-Forwarded-Proto count.
        secure: isHttps(request),
        path: '/',
        maxAge: ttlMs / 1000,
      });
      return csrfToken;
    });

    app.decorate('endSession', async (reply: FastifyReply, request: FastifyRequest) => {
      if (request.session) await access.deleteSession(request.session.id);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
  },
  { name: 'authentication', dependencies: ['dependencies'] },
);
