import type { Actor } from '../access/actor.ts';
import { hasPrivilege } from '../access/privileges.ts';
import { accessDenied } from '../shared/domain-error.ts';
import { walkKeyset } from '../shared/keyset-walk.ts';
import type { AuditEntry } from './audit-entry.ts';
import type { AuditCursor, AuditFilter, AuditRepository } from './audit.repository.port.ts';

function requireAuditRead(actor: Actor) {
  if (!hasPrivilege(actor.privileges, 'auditHistory.read')) throw accessDenied({ code: 'AUDIT_HISTORY_READ_NEEDED', message: 'You need the View Audit History privilege.' });
}

export async function listAuditEntries(
  deps: { audit: AuditRepository }, actor: Actor, environmentId: string, filter: AuditFilter, page: { offset: number; limit: number },
) {
  requireAuditRead(actor);
  return deps.audit.listAuditEntries(environmentId, filter, page);
}

/** Every entry of the filter in the log's order, batch by batch; access is checked now, before anything is sent. */
export function exportAuditEntries(
  deps: { audit: AuditRepository }, actor: Actor, environmentId: string, filter: AuditFilter, batchSize: number,
): AsyncIterable<AuditEntry[]> {
  requireAuditRead(actor);
  return walkKeyset<AuditEntry, AuditCursor>((after) => deps.audit.listAuditBatch(environmentId, filter, batchSize, after));
}
