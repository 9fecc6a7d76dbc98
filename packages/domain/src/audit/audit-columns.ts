import { AUDIT_ACTION_LABELS, AUDITED_ENTITY_TYPE_LABELS, type AuditEntry } from './audit-entry.ts';

/** The audit log's columns as its table names them (the record's type and name apart), for the CSV export. */
export const AUDIT_COLUMNS: readonly { label: string; text: (entry: AuditEntry) => string }[] = [
  { label: 'Changed date', text: (entry) => entry.at.toISOString() },
  { label: 'Changed by', text: (entry) => entry.actorName },
  { label: 'Event', text: (entry) => AUDIT_ACTION_LABELS[entry.action] },
  { label: 'Record type', text: (entry) => AUDITED_ENTITY_TYPE_LABELS[entry.entityType] },
  { label: 'Record', text: (entry) => entry.entityName },
];
