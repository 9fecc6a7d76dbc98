/**
 * Transient or permanent, as "Mailbox deliveries regularly disabled" (Troubleshooting and monitoring
 * server-side synchronization) classes errors. Apart from the catalog so that a schema naming the class
 * does not bring the whole catalog with it (the web's first screen, decision 53).
 */
export const EXCHANGE_ERROR_CLASSES = ['transient', 'permanent'] as const;
export type ExchangeErrorClass = (typeof EXCHANGE_ERROR_CLASSES)[number];
export const EXCHANGE_ERROR_CLASS_LABELS: Record<ExchangeErrorClass, string> = { transient: 'Transient', permanent: 'Permanent' };
