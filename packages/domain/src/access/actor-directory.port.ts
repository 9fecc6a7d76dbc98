import type { Actor } from './actor.ts';

/**
 * Users as they stand now in an environment. Background work (a Test & Enable run) acts for the user who
 * started it, with the roles they hold when it runs, not when it was queued.
 */
export interface ActorDirectory {
  /** Null when the user no longer exists or cannot open the environment. */
  findActor(environmentId: string, userId: string): Promise<Actor | null>;
}
