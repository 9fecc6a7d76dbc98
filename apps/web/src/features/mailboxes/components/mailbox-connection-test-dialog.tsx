import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { EXCHANGE_CHANNELS, EXCHANGE_CHANNEL_LABELS, type MailboxConnectionTestResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { formatDateTime } from '../../../lib/format-time.ts';
import { ChannelCheckOutcome } from '../../exchange-connectivity/components/channel-check-outcome.tsx';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { flexBasis: '100%', color: tokens.colorNeutralForeground2 },
});

interface Props {
  mailboxName: string;
  result: MailboxConnectionTestResponse;
  onClose: () => void;
}

/** What Test connection found, per channel and step by step. Nothing on the mailbox changed. */
export function MailboxConnectionTestDialog({ mailboxName, result, onClose }: Props) {
  const styles = useStyles();
  const rows: [string, ReactNode][] = EXCHANGE_CHANNELS.map((channel) => {
    const check = result.channels[channel];
    const said = check.error?.message ?? check.note;
    return [
      EXCHANGE_CHANNEL_LABELS[channel],
      <>
        <ChannelCheckOutcome check={check} />
        {said && <Text size={200} className={styles.message}>{said}</Text>}
      </>,
    ];
  });
  rows.push(['Discovered EWS URL', result.discoveredEwsUrl ?? 'None']);

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Test connection: {mailboxName}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              Tested {formatDateTime(result.testedAt)}. The mailbox&apos;s statuses are unchanged: use Test &amp; Enable Mailbox to enable it.
            </Text>
            <ReadOnlyFacts rows={rows} label="Result per channel" />
            <Subtitle2 as="h3">Steps</Subtitle2>
            <ConnectivityTraceTree trace={result.trace} label={`Test connection of ${mailboxName}`} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
