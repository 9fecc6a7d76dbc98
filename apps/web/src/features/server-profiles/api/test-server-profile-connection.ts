import { useMutation } from '@tanstack/react-query';
import { runServerProfileCommand } from './server-profile-commands.ts';
import { useProfileWritten } from './use-profile-written.ts';

/** Its own mutation so the test's progress and result show apart from the other commands. */
export function useTestServerProfileConnection(environmentId: string) {
  const written = useProfileWritten(environmentId);
  return useMutation({
    mutationFn: (profileId: string) => runServerProfileCommand(environmentId, profileId, 'test-connection'),
    onSuccess: written,
  });
}
