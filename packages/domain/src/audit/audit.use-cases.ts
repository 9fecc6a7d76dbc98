import type { Actor } from '../access/actor.ts';
import { hasPrivilege } from '../access/privileges.ts';
import { accessDenied } from '../shared/domain-error.ts';
import type { AuditFilter, AuditRepository } from './audit.repository.port.ts';

export async function listAuditEntries(
  deps: { audit: AuditRepository }, actor: Actor, environmentId: string, filter: AuditFilter, page: { offset: number; limit: number },
) {
  if (!hasPrivilege(actor.privileges, 'auditHistory.read')) throw accessDenied({ code: 'AUDIT_HISTORY_READ_NEEDED', message: 'You need the View Audit History privilege.' });
  return deps.audit.listAuditEntries(environmentId, filter, page);
}
