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
import { EXCHANGE_CHANNELS, type MailboxConnectionTestResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { formatDateTime } from '../../../lib/format-time.ts';
import { ChannelCheckOutcome } from '../../exchange-connectivity/components/channel-check-outcome.tsx';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';
import { useChannelLabels } from '../../exchange-connectivity/lib/channel-labels.ts';

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
  const { t } = useTranslation('mailboxes');
  const channelLabels = useChannelLabels();
  const rows: [string, ReactNode][] = EXCHANGE_CHANNELS.map((channel) => {
    const check = result.channels[channel];
    const said = check.error?.message ?? check.note;
    return [
      channelLabels[channel],
      <>
        <ChannelCheckOutcome check={check} />
        {said && <Text size={200} className={styles.message}>{said}</Text>}
      </>,
    ];
  });
  rows.push([t('connectionTest.discoveredEwsUrl'), result.discoveredEwsUrl ?? t('connectionTest.none')]);

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('connectionTest.title', { name: mailboxName })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('connectionTest.tested', { time: formatDateTime(result.testedAt) })}</Text>
            <ReadOnlyFacts rows={rows} label={t('connectionTest.perChannel')} />
            <Subtitle2 as="h3">{t('connectionTest.steps')}</Subtitle2>
            <ConnectivityTraceTree trace={result.trace} label={t('connectionTest.trace', { name: mailboxName })} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>{t('form.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
