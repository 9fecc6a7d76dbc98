import type { ApprovalDecisionResponse, EnvironmentResponse, MailboxListItemResponse } from '@sync-admin/contract';
import { errorMessage } from '../../../lib/api-client.ts';
import { useMailboxApproval } from '../api/get-mailbox-approval.ts';

export interface ApproveEmailAvailability {
  isEnabled: boolean;
  /** Why the command is disabled (or a caveat when it is not); null when there is nothing to say. */
  reason: string | null;
  /** Every rule checked, when a single mailbox is in question. */
  decision: ApprovalDecisionResponse | null;
}

type MailboxInQuestion = Pick<MailboxListItemResponse, 'id' | 'name' | 'emailAddressStatus'>;

export const APPROVE_PRIVILEGE_NEEDED_FOR_MANY =
  'Approving several mailboxes at once needs the Approve Email Addresses for Users or Queues privilege. To approve your own mailbox, select only it.';

/**
 * Whether Approve Email can run, and why not. Dynamics 365 hides the command or skips the address without a
 * word; here a refused command stays visible, disabled, with the server's explanation for that mailbox.
 */
export function useApproveEmailAvailability(
  environment: EnvironmentResponse,
  single: MailboxInQuestion | null,
  selectedCount: number,
): ApproveEmailAvailability {
  const needsExplanation = single !== null && single.emailAddressStatus !== 'approved';
  const approval = useMailboxApproval(environment.id, needsExplanation ? single.id : null);

  if (selectedCount === 0) return { isEnabled: false, reason: null, decision: null };
  if (single) {
    if (single.emailAddressStatus === 'approved') {
      return { isEnabled: false, reason: `The email address of ${single.name} is already approved.`, decision: null };
    }
    if (approval.isPending) return { isEnabled: false, reason: 'Checking whether you may approve this mailbox…', decision: null };
    if (approval.isError) {
      // The server decides again on OK and answers with the reason, so the command stays usable.
      return { isEnabled: true, reason: `Couldn't check beforehand whether you may approve: ${errorMessage(approval.error)}`, decision: null };
    }
    const decision = approval.data.approveEmail;
    return { isEnabled: decision.allowed, reason: decision.allowed ? null : decision.summary, decision };
  }
  if (environment.privileges.approveEmailAddresses === undefined) {
    return { isEnabled: false, reason: APPROVE_PRIVILEGE_NEEDED_FOR_MANY, decision: null };
  }
  return { isEnabled: true, reason: null, decision: null };
}
