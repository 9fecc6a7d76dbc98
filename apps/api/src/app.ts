import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import authentication from './plugins/app/authentication.ts';
import authorization from './plugins/app/authorization.ts';
import dependencies, { type AppDependencies } from './plugins/app/dependencies.ts';
import errorHandler, { replyWithError } from './plugins/app/error-handler.ts';
import responseContract from './plugins/app/response-contract.ts';
import openapi from './plugins/external/openapi.ts';
import securityHeaders, { ROUTING_ERROR_HEADERS } from './plugins/external/security-headers.ts';
import webApp from './plugins/external/web-app.ts';
import domainHealthRoutes from './routes/domain-health/domain-health.routes.ts';
import healthDashboardRoutes from './routes/health-dashboard/health-dashboard.routes.ts';
import environmentRoutes from './routes/environments/environments.routes.ts';
import healthRoutes from './routes/health/health.routes.ts';
import alertRoutes from './routes/alerts/alerts.routes.ts';
import auditRoutes from './routes/audit/audit.routes.ts';
import emailSettingsRoutes from './routes/email-settings/email-settings.routes.ts';
import mailboxCsvRoutes from './routes/mailboxes/mailbox-csv.routes.ts';
import mailboxRoutes from './routes/mailboxes/mailboxes.routes.ts';
import securityRoleRoutes from './routes/security-roles/security-roles.routes.ts';
import serverProfileRoutes from './routes/server-profiles/server-profiles.routes.ts';
import sessionRoutes from './routes/session/session.routes.ts';
import testAndEnableRoutes from './routes/test-and-enable/test-and-enable.routes.ts';

/** Builds the whole portal: external plugins, then app plugins, then feature routes. */
export async function buildApp(deps: AppDependencies, options: { logStream?: NodeJS.WritableStream } = {}) {
  const app = Fastify({
    trustProxy: deps.services.config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    // Routing refusals (bad URL encoding, over-long path parameters) get the API's error shape and headers too.
    frameworkErrors: (error, request, reply) => replyWithError(error, request, reply.headers(ROUTING_ERROR_HEADERS)),
    logger: {
      level: deps.services.config.LOG_LEVEL,
      // Secrets and session material never reach the log.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(openapi);
  await app.register(dependencies, deps);
  await app.register(errorHandler);
  await app.register(authentication);
  await app.register(authorization);
  await app.register(responseContract);

  await app.register(healthRoutes);
  await app.register(sessionRoutes);
  await app.register(environmentRoutes);
  await app.register(serverProfileRoutes);
  await app.register(emailSettingsRoutes);
  await app.register(mailboxRoutes);
  await app.register(mailboxCsvRoutes);
  await app.register(securityRoleRoutes);
  await app.register(alertRoutes);
  await app.register(auditRoutes);
  await app.register(testAndEnableRoutes);
  await app.register(domainHealthRoutes);
  await app.register(healthDashboardRoutes);

  await app.register(webApp, { root: deps.services.config.WEB_DIST_DIR });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
