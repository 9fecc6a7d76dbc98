import type { RunItemState, RunResponse, RunState } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import type { TestAndEnableCommand } from '../api/start-test-and-enable.ts';

// The states' and commands' names in the language shown (the contract's labels are the English ones).

export function useRunStateLabels(): Record<RunState, string> {
  const { t } = useTranslation('test-and-enable');
  return { scheduled: t('jobState.scheduled'), running: t('jobState.running'), completed: t('jobState.completed'), cancelled: t('jobState.cancelled') };
}

export function useItemStateLabels(): Record<RunItemState, string> {
  const { t } = useTranslation('test-and-enable');
  return {
    pending: t('itemState.pending'),
    running: t('itemState.running'),
    retrying: t('itemState.retrying'),
    held: t('itemState.held'),
    succeeded: t('itemState.succeeded'),
    failed: t('itemState.failed'),
    cancelled: t('itemState.cancelled'),
  };
}

export function useScopeKindLabels(): Record<RunResponse['scope']['kind'], string> {
  const { t } = useTranslation('test-and-enable');
  return {
    mailboxes: t('scopeKind.mailboxes'),
    serverProfile: t('scopeKind.serverProfile'),
    retestFailed: t('scopeKind.retestFailed'),
    applyDefaultEmailSettings: t('scopeKind.applyDefaultEmailSettings'),
  };
}

export function useCommandTitles(): Record<TestAndEnableCommand['kind'], string> {
  const { t } = useTranslation('test-and-enable');
  return {
    mailboxes: t('command.mailboxes'),
    retestFailedMailboxes: t('command.retestFailed'),
    serverProfile: t('command.serverProfile'),
    retestFailedServerProfile: t('command.retestFailed'),
  };
}
