/**
 * The audit log: who changed what, when, with the values before and after. Secrets never reach it in clear:
 * a secret field records only that it was set, replaced or cleared.
 */
export const AUDITED_ENTITY_TYPES = ['mailbox', 'serverProfile', 'emailSettings', 'securityRole', 'user', 'team'] as const;
export type AuditedEntityType = (typeof AUDITED_ENTITY_TYPES)[number];
export const AUDITED_ENTITY_TYPE_LABELS: Record<AuditedEntityType, string> = {
  mailbox: 'Mailbox',
  serverProfile: 'Email Server Profile',
  emailSettings: 'Email settings',
  securityRole: 'Security role',
  user: 'User',
  team: 'Team',
};

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'approveEmail', 'rejectEmail', 'queueTestAndEnable', 'assignRole', 'removeRole'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'Create',
  update: 'Update',
  delete: 'Delete',
  approveEmail: 'Approve Email',
  rejectEmail: 'Reject Email',
  queueTestAndEnable: 'Test & Enable Mailbox',
  assignRole: 'Assign role',
  removeRole: 'Remove role',
};

export type AuditValue = string | number | boolean | null;

export interface AuditChange {
  field: string;
  before: AuditValue;
  after: AuditValue;
}

export interface AuditEntryInput {
  environmentId: string;
  at: Date;
  actorId: string;
  actorName: string;
  entityType: AuditedEntityType;
  entityId: string;
  entityName: string;
  action: AuditAction;
  changes: AuditChange[];
}

export interface AuditEntry extends AuditEntryInput {
  id: string;
}

export const SECRET_SET = '(set)';
export const SECRET_NOT_SET = '(not set)';

function toAuditValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** The fields that differ between two records, in the order of `fields`. */
export function diffForAudit<T extends object>(before: T | null, after: T, fields: readonly (keyof T & string)[]): AuditChange[] {
  return fields.flatMap((field) => {
    const was = before ? toAuditValue(before[field]) : null;
    const now = toAuditValue(after[field]);
    return was === now ? [] : [{ field, before: was, after: now }];
  });
}

/** A secret's change as the audit log may show it: never the value. */
export function secretChangeForAudit(field: string, wasSet: boolean, change: string | null | undefined): AuditChange[] {
  // Clearing a secret that was never set changes nothing; any new value counts, even an identical one.
  if (change === undefined || (change === null && !wasSet)) return [];
  return [{ field, before: wasSet ? SECRET_SET : SECRET_NOT_SET, after: change === null ? SECRET_NOT_SET : SECRET_SET }];
}
