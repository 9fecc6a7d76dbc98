import { Badge } from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CheckmarkCircleRegular,
  ClockRegular,
  DismissCircleRegular,
  PauseCircleRegular,
  SubtractCircleRegular,
} from '@fluentui/react-icons';
import type { RunItemState, RunState } from '@sync-admin/contract';
import type { ReactElement } from 'react';
import { useItemStateLabels, useRunStateLabels } from '../lib/labels.ts';

type BadgeColor = 'brand' | 'success' | 'warning' | 'danger' | 'informative' | 'subtle';
type Look = { color: BadgeColor; icon: ReactElement };

// An icon per state as well as a colour, so the state reads without colour.
const JOB_LOOKS: Record<RunState, Look> = {
  scheduled: { color: 'informative', icon: <ClockRegular /> },
  running: { color: 'brand', icon: <ArrowSyncRegular /> },
  completed: { color: 'success', icon: <CheckmarkCircleRegular /> },
  cancelled: { color: 'subtle', icon: <SubtractCircleRegular /> },
};

const ITEM_LOOKS: Record<RunItemState, Look> = {
  pending: { color: 'informative', icon: <ClockRegular /> },
  running: { color: 'brand', icon: <ArrowSyncRegular /> },
  retrying: { color: 'warning', icon: <ArrowSyncRegular /> },
  held: { color: 'warning', icon: <PauseCircleRegular /> },
  succeeded: { color: 'success', icon: <CheckmarkCircleRegular /> },
  failed: { color: 'danger', icon: <DismissCircleRegular /> },
  cancelled: { color: 'subtle', icon: <SubtractCircleRegular /> },
};

export function JobStateBadge({ state }: { state: RunState }) {
  const labels = useRunStateLabels();
  const look = JOB_LOOKS[state];
  return <Badge appearance="filled" color={look.color} icon={look.icon}>{labels[state]}</Badge>;
}

export function ItemStateBadge({ state }: { state: RunItemState }) {
  const labels = useItemStateLabels();
  const look = ITEM_LOOKS[state];
  return <Badge appearance="tint" color={look.color} icon={look.icon}>{labels[state]}</Badge>;
}
