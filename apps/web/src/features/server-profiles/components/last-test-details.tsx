import { Card, CardHeader, Subtitle2, Text, makeStyles } from '@fluentui/react-components';
import type { ServerProfileResponse } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { ConnectivityTraceTree } from '../../exchange-connectivity/components/connectivity-trace-tree.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { formatDateTime, formatTenths } from '../../../lib/format-time.ts';
import { testResultText } from '../lib/test-result-text.ts';
import { TestStatusBadge } from './test-status-badge.tsx';

const useStyles = makeStyles({
  message: { whiteSpace: 'pre-wrap' },
});

/** The result of the last connection test, read-only as on the real profile form, and the steps it took. */
export function LastTestDetails({ lastTest }: { lastTest: ServerProfileResponse['lastTest'] }) {
  const styles = useStyles();
  // server-profiles: the test's result line (testResultText).
  const { t } = useTranslation(['server-profile-form', 'server-profiles']);
  const rows: [string, ReactNode][] = lastTest
    ? [
        [t('lastTest.status'), <TestStatusBadge status={lastTest.status} />],
        [t('lastTest.started'), formatDateTime(lastTest.startedAt)],
        [t('lastTest.duration'), t('lastTest.seconds', { seconds: formatTenths(lastTest.durationMs / 1000) })],
        [t('lastTest.message'), <Text className={styles.message}>{testResultText(lastTest)}</Text>],
      ]
    : [];
  if (lastTest?.errorCode) rows.push([t('lastTest.errorCode'), <ErrorCodeLink code={lastTest.errorCode} />]);
  return (
    <Card>
      <CardHeader header={<Text weight="semibold">{t('lastTest.title')}</Text>} />
      {lastTest ? <ReadOnlyFacts rows={rows} /> : <Text>{t('lastTest.never')}</Text>}
      {lastTest?.trace && (
        <>
          <Subtitle2 as="h3">{t('lastTest.steps')}</Subtitle2>
          <ConnectivityTraceTree trace={lastTest.trace} label={t('lastTest.stepsLabel')} />
        </>
      )}
    </Card>
  );
}
