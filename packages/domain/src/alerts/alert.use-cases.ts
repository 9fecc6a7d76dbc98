import type { Actor } from '../access/actor.ts';
import { accessDenied } from '../shared/domain-error.ts';
import { walkKeyset } from '../shared/keyset-walk.ts';
import { alertNextStep, type Alert, type AlertFilter } from './alert.ts';
import type { AlertCursor, AlertRepository } from './alert.repository.port.ts';

/**
 * The Alerts wall. Anyone who reads mailboxes reads their alerts; at User depth only alerts of their own
 * mailboxes. `mine` is the actor's own wall: alerts of the server profiles they own (seed 000, "the Alerts wall
 * of … the profile owner") and alerts meant for the owner of their mailboxes ("This alert is shown to the
 * mailbox owner").
 */
type WallFilter = Omit<AlertFilter, 'recipientId' | 'mailboxOwnerId'> & { mine?: boolean };

function wallFilter(actor: Actor, filter: WallFilter): AlertFilter {
  const depth = actor.privileges['mailbox.read'];
  if (!depth) throw accessDenied({ code: 'ALERTS_READ_NEEDED', message: 'You need Read privilege on Mailbox to read alerts.' });
  const { mine, ...rest } = filter;
  return {
    ...rest,
    ...(mine ? { recipientId: actor.userId } : {}),
    ...(depth === 'user' ? { mailboxOwnerId: actor.userId } : {}),
  };
}

export async function listAlerts(deps: { alerts: AlertRepository }, actor: Actor, environmentId: string, filter: WallFilter, page: { offset: number; limit: number }) {
  return deps.alerts.listAlerts(environmentId, wallFilter(actor, filter), page);
}

/** The same wall grouped by mailbox (or profile) and code, each group with its count and next step. */
export async function listAlertGroups(deps: { alerts: AlertRepository }, actor: Actor, environmentId: string, filter: WallFilter, page: { offset: number; limit: number }) {
  const groups = await deps.alerts.groupAlerts(environmentId, wallFilter(actor, filter), page);
  return { total: groups.total, items: groups.items.map((group) => ({ ...group, nextStep: alertNextStep(group) })) };
}

/** Every alert of the wall's filter, newest first, batch by batch; access is checked now, before anything is sent. */
export function exportAlerts(deps: { alerts: AlertRepository }, actor: Actor, environmentId: string, filter: WallFilter, batchSize: number): AsyncIterable<Alert[]> {
  const wall = wallFilter(actor, filter);
  return walkKeyset<Alert, AlertCursor>((after) => deps.alerts.listAlertBatch(environmentId, wall, batchSize, after));
}
