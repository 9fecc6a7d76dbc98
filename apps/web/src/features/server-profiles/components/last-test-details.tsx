import { Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ServerProfileResponse } from '@sync-admin/contract';
import { TestStatusBadge, formatDateTime } from './test-status-badge.tsx';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, whiteSpace: 'pre-wrap' },
});

/** The result of the last connection test, read-only as on the real profile form. */
export function LastTestDetails({ lastTest }: { lastTest: ServerProfileResponse['lastTest'] }) {
  const styles = useStyles();
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Last connection test</Text>} />
      {lastTest ? (
        <dl className={styles.grid}>
          <dt className={styles.term}>Status</dt>
          <dd className={styles.detail}>
            <TestStatusBadge status={lastTest.status} />
          </dd>
          <dt className={styles.term}>Started</dt>
          <dd className={styles.detail}>{formatDateTime(lastTest.startedAt)}</dd>
          <dt className={styles.term}>Duration</dt>
          <dd className={styles.detail}>{(lastTest.durationMs / 1000).toFixed(1)} s</dd>
          <dt className={styles.term}>Message</dt>
          <dd className={styles.detail}>{lastTest.message}</dd>
        </dl>
      ) : (
        <Text>This profile hasn&apos;t been tested yet.</Text>
      )}
    </Card>
  );
}
