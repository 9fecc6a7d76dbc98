/** Where Customer Engagement (Dynamics 365) runs for an environment: a column of the approval permission table. */
export const CUSTOMER_ENGAGEMENT_DEPLOYMENTS = ['online', 'onPremises'] as const;
export type CustomerEngagementDeployment = (typeof CUSTOMER_ENGAGEMENT_DEPLOYMENTS)[number];

export const CUSTOMER_ENGAGEMENT_LABELS: Record<CustomerEngagementDeployment, string> = {
  online: 'Customer engagement apps (online)',
  onPremises: 'Customer Engagement (on-premises)',
};

export interface Environment {
  id: string;
  name: string;
  customerEngagement: CustomerEngagementDeployment;
  defaultServerProfileId: string | null;
}
