import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelativeTime } from '../lib/format-time.ts';

const useStyles = makeStyles({
  absolute: { color: tokens.colorNeutralForeground3 },
});

/** "3 days ago · Nov 1, 2026, 8:00 AM": how long ago at a glance, the exact moment beside it. */
export function RelativeTime({ iso }: { iso: string }) {
  const styles = useStyles();
  // Subscribes to the language, so the time is formatted anew when it changes.
  useTranslation();
  const absolute = formatDateTime(iso);
  return (
    <time dateTime={iso} title={absolute}>
      <Text size={200}>{formatRelativeTime(iso)}</Text>
      <Text size={200} className={styles.absolute}> · {absolute}</Text>
    </time>
  );
}
