import type { Page } from '@playwright/test';

/**
 * Every page of the portal a System Administrator can open, with real record ids from the API. It saves a
 * profile first, so that the audit log shows its table whichever specs ran before.
 */
export async function everyPage(page: Page): Promise<string[]> {
  const get = async (url: string) => (await page.request.get(url)).json();
  const environments = (await get('/api/environments')).items as { id: string; name: string }[];
  const contoso = environments.find((e) => e.name === 'Contoso')!.id;
  const profile = (await get(`/api/environments/${contoso}/server-profiles`)).items[0].id;
  const profileUrl = `/api/environments/${contoso}/server-profiles/${profile}`;
  const { csrfToken } = await get('/api/session');
  const { version } = await get(profileUrl);
  const saved = await page.request.patch(profileUrl, {
    headers: { 'x-csrf-token': csrfToken },
    data: { description: `Opened by the walk over every page at ${new Date().toISOString()}`, version },
  });
  if (!saved.ok()) throw new Error(`saving ${profileUrl} answered ${saved.status()}`);
  const mailbox = (await get(`/api/environments/${contoso}/mailboxes?limit=1`)).items[0].id;
  const role = (await get(`/api/environments/${contoso}/security-roles`)).items[0].id;
  const base = `/environments/${contoso}`;
  return [
    '/environments', `${base}/alerts`,
    `${base}/settings/email/server-profiles`, `${base}/settings/email/server-profiles/new`, `${base}/settings/email/server-profiles/${profile}`,
    `${base}/settings/email/email-settings`,
    `${base}/settings/email/mailboxes`, `${base}/settings/email/mailboxes/new?type=user`, `${base}/settings/email/mailboxes/${mailbox}`,
    `${base}/settings/email/health`, `${base}/settings/email/test-and-enable-jobs`, `${base}/settings/email/domain-health`,
    `${base}/settings/users-permissions/security-roles`, `${base}/settings/users-permissions/security-roles/${role}`,
    `${base}/settings/users-permissions/users`, `${base}/settings/users-permissions/teams`,
    `${base}/settings/audit-log`, '/help/errors', '/help/errors/ErrorServerBusy',
  ];
}
