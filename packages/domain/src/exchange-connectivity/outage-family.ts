/**
 * Transient failures that, when they hit many mailboxes of one profile at once, mean Exchange (or the way to
 * it) is down rather than a mailbox being broken: the outage rule groups failures by family. Apart from the
 * catalog so that a schema naming a family does not bring the whole catalog with it (decision 53).
 */
export const OUTAGE_FAMILIES = ['serverBusy', 'serviceUnavailable', 'unreachable', 'tokenService'] as const;
export type OutageFamily = (typeof OUTAGE_FAMILIES)[number];
export const OUTAGE_FAMILY_LABELS: Record<OutageFamily, string> = {
  serverBusy: 'Exchange is throttling requests',
  serviceUnavailable: 'Exchange is unavailable',
  unreachable: 'Exchange cannot be reached',
  tokenService: 'Microsoft Entra ID is unavailable',
};
