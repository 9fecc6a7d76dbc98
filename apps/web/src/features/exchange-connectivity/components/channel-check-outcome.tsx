import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import type { RunItemResponse } from '@sync-admin/contract';
import { ErrorCodeLink } from './error-code-link.tsx';

type ChannelCheck = NonNullable<RunItemResponse['channels']['incoming']>;

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
});

const BADGES = {
  success: { label: 'Success', color: 'success', icon: <CheckmarkCircleRegular /> },
  failure: { label: 'Failure', color: 'danger', icon: <DismissCircleRegular /> },
  notTested: { label: 'Not tested', color: 'informative', icon: <SubtractCircleRegular /> },
} as const;

/** One channel's result: its outcome (icon and word, not colour alone) and the error code linking to its help. */
export function ChannelCheckOutcome({ check }: { check: ChannelCheck | undefined }) {
  const styles = useStyles();
  if (!check) return <Text size={200} className={styles.muted}>Not tested yet</Text>;
  const badge = BADGES[check.outcome];
  return (
    <span className={styles.root}>
      <Badge appearance="tint" color={badge.color} icon={badge.icon}>{badge.label}</Badge>
      {check.error && <ErrorCodeLink code={check.error.code} />}
    </span>
  );
}
