import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Swagger UI's method badges, version stamps and links fall below WCAG AA's 4.5:1: the same hues, darkened. */
const SWAGGER_CONTRAST_CSS = `
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1f5fa8; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1e7b4f; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #9a5300; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0e7462; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
.swagger-ui .opblock.opblock-head .opblock-summary-method { background: #6b0fbf; }
.swagger-ui .info .title small { background: #555b66; }
.swagger-ui .info .title small.version-stamp { background: #3f6b00; }
.swagger-ui .info .url, .swagger-ui .info a { color: #1f5fa8; }
.swagger-ui .btn.authorize { color: #1e7b4f; border-color: #1e7b4f; }
.swagger-ui .btn.authorize span { color: #1e7b4f; }
.swagger-ui .btn.authorize svg { fill: #1e7b4f; }
`;

/** OpenAPI built from the routes' zod schemas: the UI at /api/docs, the document at /api/docs/json. */
export default fp(
  async function openapi(app: FastifyInstance) {
    await app.register(swagger, {
      openapi: {
        info: { title: 'Sync Admin API', description: 'Email server profiles and server-side synchronization settings.', version: '0.1.0' },
        components: {
          securitySchemes: {
            session: { type: 'apiKey', in: 'cookie', name: 'sync_admin_session' },
            csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, {
      routePrefix: '/api/docs',
      // Accessibility (docs/accessibility.md): deep links put a link inside each operation's toggle button
      // (nested-interactive), and the standalone layout's top bar brings an unlabelled URL field and a logo
      // without alt text; neither is needed to read this document.
      uiConfig: { deepLinking: false, layout: 'BaseLayout' },
      theme: { title: 'Sync Admin API', css: [{ filename: 'accessible-contrast.css', content: SWAGGER_CONTRAST_CSS }] },
    });
  },
  { name: 'openapi' },
);
