import type { Actor } from '../access/actor.ts';
import { ALERT_SEVERITIES } from '../alerts/alert.ts';
import { readScope } from '../mailboxes/mailbox-access.ts';
import { dashboardDays, everyDay, successRate, type HealthDashboard } from './health-dashboard.ts';
import type { HealthDashboardRepository } from './health-dashboard.ports.ts';

const noAlerts = () => Object.fromEntries(ALERT_SEVERITIES.map((severity) => [severity, 0])) as HealthDashboard['alerts'][number]['counts'];

/**
 * The Email health page: whoever reads mailboxes reads it, over the mailboxes they can read (all of the
 * environment's at Business Unit or Organization depth, their own at User depth, as the Mailboxes grid), and only
 * the run items and alerts of those mailboxes.
 */
export async function getHealthDashboard(deps: { healthDashboard: HealthDashboardRepository; clock: () => Date }, actor: Actor, environmentId: string): Promise<HealthDashboard> {
  const scope = readScope(actor);
  const days = dashboardDays(deps.clock());
  const figures = await deps.healthDashboard.countHealthFigures(environmentId, { ...scope, since: new Date(`${days[0]}T00:00:00.000Z`) });
  return {
    ...figures,
    testOutcomes: everyDay(days, figures.testOutcomes, (day) => ({ day, succeeded: 0, failed: 0 })),
    alerts: everyDay(days, figures.alerts, (day) => ({ day, counts: noAlerts() })),
    profiles: figures.profiles.map((profile) => ({ ...profile, lastRun: profile.lastRun && { ...profile.lastRun, successRate: successRate(profile.lastRun) } })),
  };
}
