import { SERVER_TYPE_LABELS, TEST_STATUS_LABELS, type ServerProfile } from './server-profile.ts';

/**
 * The Email Server Profiles grid's columns as it names them, for the CSV export: labels rather than option
 * keys; the Last test column's badge and time become two cells, the time in ISO 8601.
 */
export const SERVER_PROFILE_COLUMNS: readonly { label: string; text: (profile: ServerProfile) => string }[] = [
  { label: 'Name', text: (profile) => profile.name },
  { label: 'Email Server Type', text: (profile) => SERVER_TYPE_LABELS[profile.serverType] },
  { label: 'Default', text: (profile) => (profile.isDefault ? 'Default' : '') },
  { label: 'Owner', text: (profile) => profile.ownerName },
  { label: 'Status', text: (profile) => (profile.isActive ? 'Active' : 'Inactive') },
  { label: 'Last test', text: (profile) => (profile.lastTest ? TEST_STATUS_LABELS[profile.lastTest.status] : 'Not tested') },
  { label: 'Last test started', text: (profile) => profile.lastTest?.startedAt.toISOString() ?? '' },
];
