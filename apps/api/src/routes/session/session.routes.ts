import { apiPaths, errorResponseSchema, sessionResponseSchema, signInRequestSchema, type SessionResponse } from '@sync-admin/contract';
import { DomainError } from '@sync-admin/domain';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../../lib/password-hash.ts';
import { isSecureChannel } from '../../lib/secure-channel.ts';

const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { access, config, signInThrottle } = app.deps;
  // Compared against when the email is unknown, so response time does not reveal which accounts exist.
  const decoyHash = await hashPassword('decoy password');

  function sessionResponse(request: FastifyRequest, user: SessionResponse['user'], csrfToken: string): SessionResponse {
    return {
      user: { id: user.id, email: user.email, fullName: user.fullName, tenantRoles: user.tenantRoles },
      csrfToken,
      deployment: {
        isSecureChannel: isSecureChannel(request),
        allowCredentialsEntryViaNonSecureChannels: config.ALLOW_CREDENTIALS_ENTRY_VIA_NON_SECURE_CHANNELS,
      },
    };
  }

  app.get(apiPaths.session, {
    config: { access: 'signedIn' },
    schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: sessionResponseSchema, 401: errorResponseSchema } },
  }, async (request) => {
    const session = request.session!;
    return sessionResponse(request, session.user, session.csrfToken);
  });

  app.post(apiPaths.session, {
    config: { access: 'public' },
    schema: {
      tags: ['session'],
      summary: 'Sign in with a local account',
      body: signInRequestSchema,
      response: { 200: sessionResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
    },
  }, async (request, reply) => {
    // Before the user lookup and the password hash: a refused attempt costs a counter update, not a scrypt hash.
    await signInThrottle.countAttempt(request.ip, request.body.email);
    const user = await access.findUserByEmail(request.body.email);
    const valid = await verifyPassword(request.body.password, user?.passwordHash ?? decoyHash);
    if (!user || !valid) throw new DomainError('NOT_AUTHENTICATED', { code: 'SIGN_IN_FAILED', message: 'The email or password is incorrect.' });
    if (request.session) await app.endSession(reply, request);
    const csrfToken = await app.startSession(reply, request, user.id);
    return sessionResponse(request, user, csrfToken);
  });

  app.delete(apiPaths.session, {
    config: { access: 'signedIn' },
    schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.null(), 401: errorResponseSchema } },
  }, async (request, reply) => {
    await app.endSession(reply, request);
    return reply.status(204).send(null);
  });
};

export default sessionRoutes;
