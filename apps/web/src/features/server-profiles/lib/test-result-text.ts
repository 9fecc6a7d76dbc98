import type { ServerProfileResponse } from '@sync-admin/contract';
import { codedSentenceText } from '../../../lib/server-messages.ts';

/**
 * A Test connection's one line in the language shown (decision 63): the portal's own sentence by its code, else what
 * Exchange or Entra ID said, as it came. The caller loads the `server-profiles` namespace.
 */
export const testResultText = ({ message, sentence }: NonNullable<ServerProfileResponse['lastTest']>): string =>
  codedSentenceText('server-profiles:testResult', message, sentence);
