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
import type { ConnectivityStepResponse } from '@sync-admin/contract';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  message: {
    margin: 0,
    maxHeight: '36vh',
    overflow: 'auto',
    padding: tokens.spacingHorizontalM,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre',
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

interface Props {
  title: string;
  exchange: NonNullable<ConnectivityStepResponse['exchange']>;
  onClose: () => void;
}

/** A failed protocol step's SOAP request and response (secrets already removed by the API), to read or copy. */
export function ExchangeMessagesDialog({ title, exchange, onClose }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('exchange-connectivity');
  const id = useId();
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('messages.title', { title })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Subtitle2 as="h3" id={`${id}-request`}>{t('messages.request')}</Subtitle2>
            {/* Focusable so keyboard users can scroll the message. */}
            <pre className={styles.message} tabIndex={0} role="region" aria-labelledby={`${id}-request`}>{exchange.request}</pre>
            <Subtitle2 as="h3" id={`${id}-response`}>{t('messages.response')}</Subtitle2>
            {exchange.response === null ? (
              <Text>{t('messages.noResponse')}</Text>
            ) : (
              <pre className={styles.message} tabIndex={0} role="region" aria-labelledby={`${id}-response`}>{exchange.response}</pre>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>{t('close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
