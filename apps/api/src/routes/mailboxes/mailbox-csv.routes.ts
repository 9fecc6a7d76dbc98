import {
  apiPaths,
  environmentParamsSchema,
  mailboxExportQuerySchema,
  mailboxImportPreviewRequestSchema,
  mailboxImportRequestSchema,
  mailboxImportResponseSchema,
} from '@sync-admin/contract';
import { exportMailboxes, importMailboxes } from '@sync-admin/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { WRITE_ERROR_RESPONSES } from '../../plugins/app/error-handler.ts';
import { requireActor, requireEnvironment } from '../../plugins/app/authorization.ts';
import { writesKeepCaches } from '../../plugins/app/dependencies.ts';
import { sendCsvExport } from '../../lib/csv-export.ts';
import { mailboxCsvColumns, readMailboxCsv, toMailboxImportResponse } from './mailbox-csv.ts';
import { toMailboxFilter } from './mailbox.mapper.ts';

const errors = WRITE_ERROR_RESPONSES;
const tags = ['mailboxes'];
// A 2 MB file is about 2.7 MB as base64.
const bodyLimit = 4 * 1024 * 1024;

/** Export to CSV and Import from CSV on the Mailboxes grid. */
const mailboxCsvRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.deps;
  writesKeepCaches(app);

  app.get(apiPaths.mailboxExport(':environmentId'), {
    config: { access: 'mailbox.read' },
    schema: {
      tags, params: environmentParamsSchema, querystring: mailboxExportQuerySchema,
      // A stream is sent as it is, never serialized: the schema only documents it.
      response: { 200: z.unknown().describe('text/csv: UTF-8 with a BOM, a header line of the column labels, CRLF line ends'), ...errors },
      summary: 'Export to CSV: every mailbox of the list\'s filter and sort, in the given columns, streamed',
    },
  }, async (request, reply) => {
    const { sort, order, columns, ...filter } = request.query;
    const environment = requireEnvironment(request);
    // Access is checked here, before the first byte; the rows follow batch by batch as the client reads them.
    const batches = exportMailboxes(deps, requireActor(request), environment.id, toMailboxFilter(filter), { sort, order }, deps.csvExportBatchSize);
    return sendCsvExport(reply, { grid: 'mailboxes', environmentName: environment.name, at: deps.clock(), columns: mailboxCsvColumns(columns), batches });
  });

  async function readFile(environmentId: string, file: string) {
    const [profiles, users] = await Promise.all([deps.profiles.listServerProfiles(environmentId, {}), deps.securityRoles.listUsers(environmentId)]);
    return readMailboxCsv(Buffer.from(file, 'base64'), { profiles, users });
  }

  app.post(apiPaths.mailboxImportPreview(':environmentId'), {
    config: { access: 'mailbox.write' }, bodyLimit,
    schema: {
      tags, params: environmentParamsSchema, body: mailboxImportPreviewRequestSchema, response: { 200: mailboxImportResponseSchema, ...errors },
      summary: 'Import from CSV, step 1: what each row would do (create, update with the fields that change, or the error), writing nothing',
    },
  }, async (request) => {
    const environment = requireEnvironment(request);
    const rows = await readFile(environment.id, request.body.file);
    return toMailboxImportResponse(await importMailboxes(deps, requireActor(request), environment, rows, { mode: 'preview' }));
  });

  app.post(apiPaths.mailboxImport(':environmentId'), {
    config: { access: 'mailbox.write' }, bodyLimit,
    schema: {
      tags, params: environmentParamsSchema, body: mailboxImportRequestSchema, response: { 200: mailboxImportResponseSchema, ...errors },
      summary: 'Import from CSV, step 2: all or nothing, or only the valid rows; a row changed since the preview is reported, not written',
    },
  }, async (request) => {
    const environment = requireEnvironment(request);
    const rows = await readFile(environment.id, request.body.file);
    const expected = new Map(request.body.expected.map((row) => [row.line, row.version]));
    return toMailboxImportResponse(await importMailboxes(deps, requireActor(request), environment, rows, { mode: request.body.mode, expected }));
  });
};

export default mailboxCsvRoutes;
