import { Button, Text, Tree, TreeItem, TreeItemLayout, makeStyles, tokens } from '@fluentui/react-components';
import {
  CheckmarkCircleFilled,
  DismissCircleFilled,
  DocumentTextRegular,
  SubtractCircleRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { ConnectivityStepResponse, ConnectivityTraceResponse } from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../lib/format-time.ts';
import { codedSentenceText } from '../../../lib/server-messages.ts';
import { ErrorCodeLink } from './error-code-link.tsx';
import { ExchangeMessagesDialog } from './exchange-messages-dialog.tsx';

type Outcome = ConnectivityStepResponse['outcome'];

const OUTCOME_LABELS: Record<Outcome, { labelKey: string }> = {
  success: { labelKey: 'step.success' },
  warning: { labelKey: 'step.warning' },
  failure: { labelKey: 'step.failure' },
  skipped: { labelKey: 'step.skipped' },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  summary: { color: tokens.colorNeutralForeground2 },
  // On narrow screens the help link and the request button go below the step rather than squeezing it.
  layout: { flexWrap: 'wrap', paddingBlock: tokens.spacingVerticalXS },
  main: { flex: '1 1 16rem', minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  actions: { gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  meta: { color: tokens.colorNeutralForeground3 },
  detail: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  error: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorPaletteRedForeground1 },
  success: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  failure: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
});

const OUTCOME_ICONS = { success: CheckmarkCircleFilled, warning: WarningFilled, failure: DismissCircleFilled, skipped: SubtractCircleRegular };

/** A distinct shape per outcome, named for screen readers: the colour is never the only signal. */
function OutcomeIcon({ outcome }: { outcome: Outcome }) {
  const styles = useStyles();
  const { t } = useTranslation('exchange-connectivity');
  const Icon = OUTCOME_ICONS[outcome];
  return <Icon className={styles[outcome]} role="img" aria-label={t(OUTCOME_LABELS[outcome].labelKey)} />;
}

const formatDuration = (ms: number) => (ms < 1000 ? `${formatNumber(ms)} ms` : `${formatNumber(Math.round(ms / 100) / 10)} s`);

/** A step's title and detail in the language shown (decision 62); a trace kept before has only its English. */
const stepTitle = (step: ConnectivityStepResponse) => codedSentenceText('exchange-connectivity:stepTitle', step.title, step.titleSentence);
const stepDetail = ({ detail, detailSentence }: ConnectivityStepResponse) =>
  detail && codedSentenceText('exchange-connectivity:stepDetail', detail, detailSentence);

const hasFailure = (step: ConnectivityStepResponse): boolean => step.outcome === 'failure' || step.steps.some(hasFailure);

/** The tree values of every branch that failed or holds a failure: those open by default. */
function failedBranches(steps: ConnectivityStepResponse[], prefix = ''): string[] {
  return steps.flatMap((step, index) => {
    const value = `${prefix}${index}`;
    return step.steps.length > 0 && hasFailure(step) ? [value, ...failedBranches(step.steps, `${value}.`)] : [];
  });
}

interface StepProps {
  step: ConnectivityStepResponse;
  value: string;
  onShowExchange: (step: ConnectivityStepResponse) => void;
}

function StepItem({ step, value, onShowExchange }: StepProps) {
  const styles = useStyles();
  const { t } = useTranslation('exchange-connectivity');
  const { error, exchange } = step;
  const hasActions = error !== null || exchange !== null;
  return (
    <TreeItem itemType={step.steps.length > 0 ? 'branch' : 'leaf'} value={value}>
      <TreeItemLayout
        className={styles.layout}
        iconBefore={<OutcomeIcon outcome={step.outcome} />}
        main={{ className: styles.main }}
        actions={hasActions ? {
          // Always shown: the help link and the request are what a failed step is read for.
          visible: true,
          className: styles.actions,
          children: (
            <>
              {error && <ErrorCodeLink code={error.code} />}
              {exchange && (
                <Button size="small" icon={<DocumentTextRegular />} onClick={() => onShowExchange(step)}>
                  {t('trace.requestAndResponse')}
                </Button>
              )}
            </>
          ),
        } : undefined}
      >
        <Text weight="semibold">{stepTitle(step)}</Text>
        <Text size={200} className={styles.meta}>
          {t(OUTCOME_LABELS[step.outcome].labelKey)} · {formatDuration(step.durationMs)}
        </Text>
        {step.detail && <Text size={200} className={styles.detail}>{stepDetail(step)}</Text>}
        {error && <Text size={200} className={styles.error}>{error.message}</Text>}
      </TreeItemLayout>
      {step.steps.length > 0 && (
        <Tree>
          {step.steps.map((child, index) => (
            <StepItem key={index} step={child} value={`${value}.${index}`} onShowExchange={onShowExchange} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

/**
 * The steps a connectivity check took, as the Remote Connectivity Analyzer lists them (resolve, connect, TLS,
 * token, Autodiscover, each EWS call), with what each found; branches that failed open by default. The
 * profile's Test connection and the mailbox's share it.
 */
export function ConnectivityTraceTree({ trace, label }: { trace: ConnectivityTraceResponse; label: string }) {
  const styles = useStyles();
  const { t } = useTranslation('exchange-connectivity');
  const [shown, setShown] = useState<ConnectivityStepResponse | null>(null);
  return (
    <div className={styles.root}>
      <Text size={200} className={styles.summary}>
        {t('trace.summary', { startedAt: formatDateTime(trace.startedAt), duration: formatDuration(trace.durationMs) })}
      </Text>
      {trace.steps.length === 0 ? (
        <Text>{t('trace.noSteps')}</Text>
      ) : (
        // treegrid: the right arrow reaches a step's help link and request button, the left arrow comes back.
        <Tree aria-label={label} navigationMode="treegrid" defaultOpenItems={failedBranches(trace.steps)}>
          {trace.steps.map((step, index) => (
            <StepItem key={index} step={step} value={String(index)} onShowExchange={setShown} />
          ))}
        </Tree>
      )}
      {shown?.exchange && <ExchangeMessagesDialog title={stepTitle(shown)} exchange={shown.exchange} onClose={() => setShown(null)} />}
    </div>
  );
}
