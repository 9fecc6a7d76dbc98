import { DEFAULT_EMAIL_SETTINGS, type EmailSettings, type EmailSettingsRepository, type VersionedEmailSettings } from '@sync-admin/domain';
import { writeAuditEntry } from '../audit/audit-writer.ts';
import { transactionOn, type Client } from '../sql/transaction-client.ts';

const SETTING_KEYS = Object.keys(DEFAULT_EMAIL_SETTINGS) as (keyof EmailSettings)[];

/**
 * Exactly the settings, field by field: a row → domain (its environment id and timestamp stay here), and
 * domain → row (whatever else the object carries never reaches a column).
 */
function pickEmailSettings(source: EmailSettings): EmailSettings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, source[key]])) as unknown as EmailSettings;
}

function pickSentEmailSettings(source: Partial<EmailSettings>): Partial<EmailSettings> {
  return Object.fromEntries(SETTING_KEYS.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/**
 * Email settings: one row per environment; an environment without one has the defaults (version 0).
 * `prisma` is the root client or a unit of work's transaction.
 */
export function createEmailSettingsRepository(prisma: Client): EmailSettingsRepository {
  async function find(environmentId: string): Promise<VersionedEmailSettings> {
    const row = await prisma.emailSettings.findUnique({ where: { environmentId } });
    return row ? { ...pickEmailSettings(row), version: row.version } : { ...DEFAULT_EMAIL_SETTINGS, version: 0 };
  }

  return {
    findEmailSettings: find,

    async updateEmailSettings(environmentId, expectedVersion, changes, audit) {
      const data = pickSentEmailSettings(changes);
      const written = await transactionOn(prisma, async (tx) => {
        // Guarded writes: the first save inserts unless another save inserted first; later saves change the row
        // only while it is at the version read.
        const { count } = expectedVersion === 0
          ? await tx.emailSettings.createMany({ data: [{ ...DEFAULT_EMAIL_SETTINGS, ...data, environmentId }], skipDuplicates: true })
          : await tx.emailSettings.updateMany({ where: { environmentId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
        if (count === 0) return false;
        if (audit) await writeAuditEntry(tx, audit);
        return true;
      });
      return written ? find(environmentId) : null;
    },
  };
}
