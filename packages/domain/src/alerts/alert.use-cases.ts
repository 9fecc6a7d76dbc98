import type { Actor } from '../access/actor.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { AlertFilter } from './alert.ts';
import type { AlertRepository } from './alert.repository.port.ts';

/**
 * The Alerts wall. Anyone who reads mailboxes reads their alerts; at User depth only alerts of their own
 * mailboxes. `mine` is the profile owner's wall: alerts of the server profiles the actor owns (seed 000).
 */
export async function listAlerts(
  deps: { alerts: AlertRepository }, actor: Actor, environmentId: string,
  filter: Omit<AlertFilter, 'profileOwnerId' | 'mailboxOwnerId'> & { mine?: boolean }, page: { offset: number; limit: number },
) {
  const depth = actor.privileges['mailbox.read'];
  if (!depth) throw new DomainError('ACCESS_DENIED', 'You need Read privilege on Mailbox to read alerts.');
  const { mine, ...rest } = filter;
  return deps.alerts.listAlerts(environmentId, {
    ...rest,
    ...(mine ? { profileOwnerId: actor.userId } : {}),
    ...(depth === 'user' ? { mailboxOwnerId: actor.userId } : {}),
  }, page);
}
