import { apiPaths, type ApprovalDecisionResponse, type EnvironmentResponse, type MailboxTargetWire, type ApproveEmailAvailabilityResponse } from '@sync-admin/contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../../lib/api-client.ts';
import { approveEmailSummaryText } from '../../../lib/server-messages.ts';
import { mailboxKeys } from './query-keys.ts';

/** What Approve Email would do for the selection: the server decides with the same rules as the command. */
export const getApproveEmailAvailability = (environmentId: string, target: MailboxTargetWire) =>
  api.post<ApproveEmailAvailabilityResponse>(apiPaths.approveEmailAvailability(environmentId), { target });

export const getApproveEmailAvailabilityQueryOptions = (environmentId: string, target: MailboxTargetWire) =>
  queryOptions({
    queryKey: mailboxKeys.approveEmailAvailability(environmentId, target),
    queryFn: () => getApproveEmailAvailability(environmentId, target),
    staleTime: 30_000,
  });

export interface ApproveEmailAvailability {
  /** Whether the command appears at all (seed 000: not without the Approve Email Addresses privilege). */
  isShown: boolean;
  isEnabled: boolean;
  /** Why the command is disabled, or what it will skip; null when there is nothing to say. */
  reason: string | null;
  /** The rules checked, when one decision explains the refusal. */
  decision: ApprovalDecisionResponse | null;
}

/** Pass a null target when nothing is selected: nothing is asked then. */
export function useApproveEmailAvailability(environment: EnvironmentResponse, target: MailboxTargetWire | null): ApproveEmailAvailability {
  // security-roles: the reason's privilege, role and deployment names (server-messages.ts).
  const { t } = useTranslation(['mailboxes', 'security-roles']);
  const isShown = environment.commands.approveEmail;
  const answer = useQuery({
    ...getApproveEmailAvailabilityQueryOptions(environment.id, target ?? { ids: [] }),
    enabled: isShown && target !== null,
    placeholderData: keepPreviousData,
  });
  if (!isShown || target === null) return { isShown, isEnabled: false, reason: null, decision: null };
  if (answer.isPending || answer.isPlaceholderData) return { isShown, isEnabled: false, reason: t('approve.checking'), decision: null };
  if (answer.isError) {
    // The server decides again on OK and answers per mailbox, so the command stays usable.
    return { isShown, isEnabled: true, reason: t('approve.checkFailed', { message: errorMessage(answer.error) }), decision: null };
  }
  const { approvable, notApprovable, refusals, decisions } = answer.data;
  const decisionIndex = refusals.length === 1 && approvable === 0 ? refusals[0]?.decisionIndex : undefined;
  return {
    isShown,
    isEnabled: approvable > 0,
    reason: notApprovable > 0 ? approveEmailSummaryText(answer.data) : null,
    decision: decisionIndex === undefined ? (decisions.length === 1 && approvable === 0 ? decisions[0]! : null) : decisions[decisionIndex] ?? null,
  };
}
