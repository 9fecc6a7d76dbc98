export const emailSettingsKeys = {
  detail: (environmentId: string) => ['environments', environmentId, 'email-settings'] as const,
};
