import { Card, CardHeader, Subtitle2, Text, makeStyles } from '@fluentui/react-components';
import type { ServerProfileResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { TestStatusBadge, formatDateTime } from './test-status-badge.tsx';

const useStyles = makeStyles({
  message: { whiteSpace: 'pre-wrap' },
});

/** The result of the last connection test, read-only as on the real profile form, and the steps it took. */
export function LastTestDetails({ lastTest }: { lastTest: ServerProfileResponse['lastTest'] }) {
  const styles = useStyles();
  const rows: [string, ReactNode][] = lastTest
    ? [
        ['Status', <TestStatusBadge status={lastTest.status} />],
        ['Started', formatDateTime(lastTest.startedAt)],
        ['Duration', `${(lastTest.durationMs / 1000).toFixed(1)} s`],
        ['Message', <Text className={styles.message}>{lastTest.message}</Text>],
      ]
    : [];
  if (lastTest?.errorCode) rows.push(['Error code', <ErrorCodeLink code={lastTest.errorCode} />]);
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">Last connection test</Text>} />
      {lastTest ? <ReadOnlyFacts rows={rows} /> : <Text>This profile hasn&apos;t been tested yet.</Text>}
      {lastTest?.trace && (
        <>
          <Subtitle2 as="h3">Steps</Subtitle2>
          <ConnectivityTraceTree trace={lastTest.trace} label="Steps of the last connection test" />
        </>
      )}
    </Card>
  );
}
