import type { HealthFigures } from './health-dashboard.ts';

export interface HealthDashboardRepository {
  /**
   * The dashboard's counts for an environment: mailboxes of `ownerId` only when set (User depth), run items finished
   * and alerts raised from `since` on.
   */
  countHealthFigures(environmentId: string, scope: { ownerId?: string; since: Date }): Promise<HealthFigures>;
}
