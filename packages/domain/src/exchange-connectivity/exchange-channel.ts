import type { Mailbox } from '../mailboxes/mailbox.ts';

/**
 * What Test & Enable checks on a mailbox (seed 000: "tests the incoming and outgoing email configuration …
 * For the mailboxes configured with server-side synchronization for synchronizing appointments, tasks, and
 * contacts, it also checks"). Each channel has its own status column and "enabled for" flag on the mailbox.
 */
export const EXCHANGE_CHANNELS = ['incoming', 'outgoing', 'appointmentsContactsTasks'] as const;
export type ExchangeChannel = (typeof EXCHANGE_CHANNELS)[number];

export const EXCHANGE_CHANNEL_LABELS: Record<ExchangeChannel, string> = {
  incoming: 'Incoming Email',
  outgoing: 'Outgoing Email',
  appointmentsContactsTasks: 'Appointments, Contacts, and Tasks',
};

/** The mailbox columns each channel reads and writes, so the rules name channels and the repository names columns. */
export const EXCHANGE_CHANNEL_FIELDS = {
  incoming: { deliveryMethod: 'incomingEmailDeliveryMethod', status: 'incomingEmailStatus', enabled: 'isEnabledForIncomingEmail' },
  outgoing: { deliveryMethod: 'outgoingEmailDeliveryMethod', status: 'outgoingEmailStatus', enabled: 'isEnabledForOutgoingEmail' },
  appointmentsContactsTasks: {
    deliveryMethod: 'appointmentsContactsTasksDeliveryMethod',
    status: 'appointmentsContactsTasksStatus',
    enabled: 'isEnabledForAppointmentsContactsTasks',
  },
} as const satisfies Record<ExchangeChannel, { deliveryMethod: keyof Mailbox; status: keyof Mailbox; enabled: keyof Mailbox }>;

type DeliveryMethods = Pick<Mailbox, 'incomingEmailDeliveryMethod' | 'outgoingEmailDeliveryMethod' | 'appointmentsContactsTasksDeliveryMethod'>;

/** Only channels delivered by server-side synchronization talk to Exchange; the others are not tested. */
export function channelsToTest(mailbox: DeliveryMethods): ExchangeChannel[] {
  return EXCHANGE_CHANNELS.filter((channel) => mailbox[EXCHANGE_CHANNEL_FIELDS[channel].deliveryMethod] === 'serverSideSynchronization');
}
