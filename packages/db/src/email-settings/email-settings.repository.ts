import { DEFAULT_EMAIL_SETTINGS, type EmailSettings, type EmailSettingsRepository } from '@sync-admin/domain';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { writeAuditEntry } from '../audit/audit-writer.ts';

/**
 * Exactly the settings, field by field: a row → domain (its environment id and timestamp stay here), and
 * domain → row (whatever else the object carries never reaches a column).
 */
function pickEmailSettings(source: EmailSettings): EmailSettings {
  return {
    incomingEmailDeliveryMethod: source.incomingEmailDeliveryMethod,
    outgoingEmailDeliveryMethod: source.outgoingEmailDeliveryMethod,
    appointmentsContactsTasksDeliveryMethod: source.appointmentsContactsTasksDeliveryMethod,
    processEmailsOnlyForApprovedUsers: source.processEmailsOnlyForApprovedUsers,
    processEmailsOnlyForApprovedQueues: source.processEmailsOnlyForApprovedQueues,
    requirePrivilegeToSelfApproveEmailAddress: source.requirePrivilegeToSelfApproveEmailAddress,
    alertOnErrors: source.alertOnErrors,
    alertOnWarnings: source.alertOnWarnings,
    alertOnInformation: source.alertOnInformation,
    notifyMailboxOwner: source.notifyMailboxOwner,
  };
}

/** Email settings: one row per environment; an environment without one has the defaults. */
export function createEmailSettingsRepository(prisma: PrismaClient): EmailSettingsRepository {
  return {
    async findEmailSettings(environmentId) {
      const row = await prisma.emailSettings.findUnique({ where: { environmentId } });
      return row ? pickEmailSettings(row) : { ...DEFAULT_EMAIL_SETTINGS };
    },

    async updateEmailSettings(environmentId, settings, audit) {
      const data = pickEmailSettings(settings);
      const row = await prisma.$transaction(async (tx) => {
        const saved = await tx.emailSettings.upsert({ where: { environmentId }, create: { ...data, environmentId }, update: data });
        if (audit) await writeAuditEntry(tx, audit);
        return saved;
      });
      return pickEmailSettings(row);
    },
  };
}
