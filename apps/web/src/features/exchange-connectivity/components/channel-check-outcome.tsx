import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { RunItemResponse } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { ErrorCodeLink } from './error-code-link.tsx';

type ChannelCheck = NonNullable<RunItemResponse['channels']['incoming']>;

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BADGES = {
  success: { labelKey: 'outcome.success', color: 'success', icon: <CheckmarkCircleRegular /> },
  failure: { labelKey: 'outcome.failure', color: 'danger', icon: <DismissCircleRegular /> },
  notTested: { labelKey: 'outcome.notTested', color: 'informative', icon: <SubtractCircleRegular /> },
} as const;

/** One channel's result: its outcome (icon and word, not colour alone) and the error code linking to its help. */
export function ChannelCheckOutcome({ check }: { check: ChannelCheck | undefined }) {
  const styles = useStyles();
  const { t } = useTranslation('exchange-connectivity');
  if (!check) return <Text size={200} className={styles.muted}>{t('outcome.notTestedYet')}</Text>;
  const badge = BADGES[check.outcome];
  return (
    <span className={styles.root}>
      <Badge appearance="tint" color={badge.color} icon={badge.icon}>{t(badge.labelKey)}</Badge>
      {check.error && <ErrorCodeLink code={check.error.code} />}
    </span>
  );
}
