import { CUSTOMER_ENGAGEMENT_DEPLOYMENTS, PORTAL_PAGES, PRIVILEGE_DEPTHS, PRIVILEGES } from '@sync-admin/domain';
import { z } from 'zod/mini';
import { text } from './primitives.ts';

export const environmentSchema = z.object({
  id: text(),
  name: text(),
  customerEngagement: z.enum(CUSTOMER_ENGAGEMENT_DEPLOYMENTS),
  /** The default profile for new mailboxes (Email settings' Server Profile). */
  defaultServerProfileId: z.nullable(text()),
  /** The signed-in user's security roles and merged privileges here, so the UI can show what they may do. */
  securityRoles: z.array(text()),
  privileges: z.partialRecord(z.enum(PRIVILEGES), z.enum(PRIVILEGE_DEPTHS)),
  /** The pages the user may open here, in the navigation's order; the first is where they land. */
  pages: z.array(z.enum(PORTAL_PAGES)),
  /** Commands that appear for this user here at all, decided by the domain (seed 000 hides Approve Email without its privilege). */
  commands: z.object({ approveEmail: z.boolean() }),
});
export type EnvironmentResponse = z.infer<typeof environmentSchema>;
export type PortalPage = EnvironmentResponse['pages'][number];

export const environmentListResponseSchema = z.object({ items: z.array(environmentSchema) });
export type EnvironmentListResponse = z.infer<typeof environmentListResponseSchema>;

export const environmentParamsSchema = z.object({ environmentId: z.uuid('environmentId must be a UUID.') });
