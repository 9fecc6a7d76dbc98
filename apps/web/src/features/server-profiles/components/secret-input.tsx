import { Badge, Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1 },
});

interface Props {
  label: string;
  /** Whether the stored profile holds this secret; undefined on a new profile. */
  stored: boolean | undefined;
  replacing: boolean;
  value: string;
  disabled: boolean;
  onReplace: (replacing: boolean) => void;
  onChange: (value: string) => void;
}

/**
 * Secrets are write-only: the API only says whether one is set. A stored secret stays untouched unless the
 * admin chooses Replace and types a new one.
 */
export function SecretInput({ label, stored, replacing, value, disabled, onReplace, onChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('server-profile-form');
  const showInput = !stored || replacing;
  return (
    <div className={styles.row}>
      {stored !== undefined && (
        <Badge appearance="tint" color={stored ? 'success' : 'informative'}>
          {stored ? t('secret.set') : t('secret.notSet')}
        </Badge>
      )}
      {showInput && (
        <Input
          className={styles.input}
          type="password"
          autoComplete="new-password"
          value={value}
          disabled={disabled}
          placeholder={stored ? t('secret.typeNew') : undefined}
          onChange={(_, data) => onChange(data.value)}
        />
      )}
      {stored && (
        <Button
          size="small"
          aria-label={replacing ? t('secret.keepCurrentLabel', { label }) : t('secret.replaceLabel', { label })}
          disabled={disabled}
          onClick={() => {
            onChange('');
            onReplace(!replacing);
          }}
        >
          {replacing ? t('secret.keepCurrent') : t('secret.replace')}
        </Button>
      )}
    </div>
  );
}
