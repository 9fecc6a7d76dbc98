import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalDateTimeInput, toLocalDateTimeInput } from '../../server-profiles/lib/form-model.ts';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const HOUR_MS = 3_600_000;

interface Props {
  title: string;
  /** What will be tested, in a sentence. */
  children: ReactNode;
  running: boolean;
  /** Why the last attempt to start failed, if it did; the dialog stays open to try again. */
  error: string | null;
  onConfirm: (startAt: string | null) => void;
  onCancel: () => void;
}

/**
 * The confirmation of every command that starts a Test & Enable job: what is tested, and when it starts (now,
 * or at a date and time the admin picks, as the admin center's dialog offers).
 */
export function StartTestAndEnableDialog({ title, children, running, error, onConfirm, onCancel }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [startAt, setStartAt] = useState(() => toLocalDateTimeInput(new Date(Date.now() + HOUR_MS)));
  const [startAtError, setStartAtError] = useState<string | null>(null);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React bubbles events through portals: a page form around the opener must not submit too.
    event.stopPropagation();
    if (when === 'now') {
      onConfirm(null);
      return;
    }
    const date = fromLocalDateTimeInput(startAt);
    if (!date) setStartAtError(t('start.required'));
    else if (date.getTime() <= Date.now()) setStartAtError(t('start.future'));
    else onConfirm(date.toISOString());
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !running && onCancel()}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text as="p">{children}</Text>
              <Field label={t('start.label')}>
                <RadioGroup value={when} disabled={running} onChange={(_, data) => setWhen(data.value === 'later' ? 'later' : 'now')}>
                  <Radio value="now" label={t('start.now')} />
                  <Radio value="later" label={t('start.later')} />
                </RadioGroup>
              </Field>
              {when === 'later' && (
                <Field
                  label={t('fact.startAt')}
                  hint={t('start.timeZone', { timeZone })}
                  required
                  validationState={startAtError ? 'error' : 'none'}
                  validationMessage={startAtError}
                >
                  <Input
                    type="datetime-local"
                    value={startAt}
                    min={toLocalDateTimeInput(new Date())}
                    disabled={running}
                    onChange={(_, data) => {
                      setStartAt(data.value);
                      setStartAtError(null);
                    }}
                  />
                </Field>
              )}
              {error && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={running}>{running ? t('start.starting') : t('start.ok')}</Button>
              <Button disabled={running} onClick={onCancel}>{t('common:cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
