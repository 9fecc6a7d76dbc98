import type { Actor } from '../access/actor.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { AlertFilter } from './alert.ts';
import type { AlertRepository } from './alert.repository.port.ts';

/**
 * The Alerts wall. Anyone who reads mailboxes reads their alerts; at User depth only alerts of their own
 * mailboxes. `mine` is the actor's own wall: alerts of the server profiles they own (seed 000, "the Alerts wall
 * of … the profile owner") and alerts meant for the owner of their mailboxes ("This alert is shown to the
 * mailbox owner").
 */
export async function listAlerts(
  deps: { alerts: AlertRepository }, actor: Actor, environmentId: string,
  filter: Omit<AlertFilter, 'recipientId' | 'mailboxOwnerId'> & { mine?: boolean }, page: { offset: number; limit: number },
) {
  const depth = actor.privileges['mailbox.read'];
  if (!depth) throw new DomainError('ACCESS_DENIED', 'You need Read privilege on Mailbox to read alerts.');
  const { mine, ...rest } = filter;
  return deps.alerts.listAlerts(environmentId, {
    ...rest,
    ...(mine ? { recipientId: actor.userId } : {}),
    ...(depth === 'user' ? { mailboxOwnerId: actor.userId } : {}),
  }, page);
}
