import { Badge, Button, Input, makeStyles, tokens } from '@fluentui/react-components';

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
  const showInput = !stored || replacing;
  return (
    <div className={styles.row}>
      {stored !== undefined && (
        <Badge appearance="tint" color={stored ? 'success' : 'informative'}>
          {stored ? 'Set' : 'Not set'}
        </Badge>
      )}
      {showInput && (
        <Input
          className={styles.input}
          type="password"
          autoComplete="new-password"
          value={value}
          disabled={disabled}
          placeholder={stored ? 'Type the new value' : undefined}
          onChange={(_, data) => onChange(data.value)}
        />
      )}
      {stored && (
        <Button
          size="small"
          aria-label={replacing ? `Keep current ${label}` : `Replace ${label}`}
          disabled={disabled}
          onClick={() => {
            onChange('');
            onReplace(!replacing);
          }}
        >
          {replacing ? 'Keep current' : 'Replace'}
        </Button>
      )}
    </div>
  );
}
