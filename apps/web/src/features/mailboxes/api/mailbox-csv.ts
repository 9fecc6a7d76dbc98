import { apiPaths, type MailboxColumnId, type MailboxImportRequest, type MailboxImportResponse } from '@sync-admin/contract';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { loadErrorMessages } from '../../../lib/server-messages.ts';
import type { MailboxGridQuery } from '../lib/grid-query.ts';
import { useMailboxWritten } from './use-mailbox-written.ts';

/** Export to CSV downloads the grid as it is: its filter, its sort and the columns shown (the cookie travels with the link). */
export function mailboxExportHref(environmentId: string, query: MailboxGridQuery, columns: readonly MailboxColumnId[]): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined && value !== ''));
  params.set('columns', columns.join(','));
  return `${apiPaths.mailboxExport(environmentId)}?${params}`;
}

/** The file's bytes as base64, so the server can tell whether they are UTF-8. */
export async function readFileAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The rows' errors are said from the errors and fields namespaces (decision 61): loaded before the answer is shown,
 * as an API error's are, so the dialog never suspends (and loses its focus, and Escape) to fetch them.
 */
async function withErrorMessages(answer: Promise<MailboxImportResponse>): Promise<MailboxImportResponse> {
  const [result] = await Promise.all([answer, loadErrorMessages()]);
  return result;
}

export function usePreviewMailboxImport(environmentId: string) {
  return useMutation({
    mutationFn: (file: string) => withErrorMessages(api.post<MailboxImportResponse>(apiPaths.mailboxImportPreview(environmentId), { file })),
  });
}

export function useImportMailboxes(environmentId: string) {
  const written = useMailboxWritten(environmentId);
  return useMutation({
    mutationFn: ({ file, mode, preview }: { file: string; mode: MailboxImportRequest['mode']; preview: MailboxImportResponse }) =>
      withErrorMessages(api.post<MailboxImportResponse>(apiPaths.mailboxImport(environmentId), {
        file, mode, expected: preview.rows.map((row) => ({ line: row.line, version: row.expectedVersion })),
      } satisfies MailboxImportRequest)),
    onSettled: () => written(),
  });
}
