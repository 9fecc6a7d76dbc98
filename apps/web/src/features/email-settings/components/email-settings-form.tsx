import {
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Switch,
  Text,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular, SaveRegular } from '@fluentui/react-icons';
import {
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS,
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  EMAIL_SETTING_LABELS,
  INCOMING_EMAIL_DELIVERY_METHODS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHODS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  type EmailSettingsResponse,
  type EmailSettingsWire,
  type UpdateEmailSettingsRequest,
} from '@sync-admin/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useFormBehaviour, useFormCommandBarStyles } from '../../../components/form-behaviour.tsx';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage, isStaleRecord } from '../../../lib/api-client.ts';
import { getEmailSettingsQueryOptions } from '../api/get-email-settings.ts';
import { getServerProfilesQueryOptions } from '../../server-profiles/api/get-server-profiles.ts';
import { useUpdateEmailSettings } from '../api/update-email-settings.ts';

const PROFILE_READ_REQUIRED = 'You need Read privilege on Email Server Profile to see or choose the profiles.';

export const ORGANIZATION_WRITE_REQUIRED = 'You need Write privilege on Organization to change email settings.';

type Settings = EmailSettingsWire;
type SettingKey = keyof Settings;
type BooleanSettingKey = { [K in SettingKey]: Settings[K] extends boolean ? K : never }[SettingKey];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px', contain: 'inline-size' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-of-type': { borderBottom: 'none' },
  },
  intro: { color: tokens.colorNeutralForeground2 },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});


interface Props {
  environmentId: string;
  canWrite: boolean;
  /** Without Read privilege on Email Server Profile the picker can only name the current profile. */
  canReadProfiles: boolean;
  settings: EmailSettingsResponse;
}

/**
 * Settings > Email > Email settings (seed 000, "Configure default email processing and synchronization" and
 * "Remove the requirement to approve mailboxes"). Edits live here until Save, which sends only what changed.
 */
export function EmailSettingsForm({ environmentId, canWrite, canReadProfiles, settings: { approvalRequirement, ...settings } }: Props) {
  const styles = useStyles();
  const update = useUpdateEmailSettings(environmentId);
  const profiles = useQuery({ ...getServerProfilesQueryOptions(environmentId, 'active'), enabled: canReadProfiles });
  const queryClient = useQueryClient();
  const [edits, setEdits] = useState<Partial<Settings>>({});
  // The version the first edit was made on: refetches may bring newer settings, but Save names what the admin saw.
  const [editedVersion, setEditedVersion] = useState<number | null>(null);
  const [message, setMessage] = useState<FormMessage | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SettingKey, string>>>({});

  const values: Settings = { ...settings, ...edits };
  // What differs from what is stored: an edit set back to its stored value is no change.
  const changes = Object.fromEntries(
    (Object.keys(edits) as SettingKey[]).filter((key) => edits[key] !== settings[key]).map((key) => [key, edits[key]]),
  ) as Omit<UpdateEmailSettingsRequest, 'version'>;
  const changeCount = Object.keys(changes).length;
  const disabled = !canWrite || update.isPending;
  const { formRef, guardDialog, focusFirstError } = useFormBehaviour(changeCount > 0);
  const commandBar = useFormCommandBarStyles().commandBar;

  const set = <K extends SettingKey>(key: K, value: Settings[K]) => {
    setEdits((previous) => ({ ...previous, [key]: value }));
    setEditedVersion((previous) => previous ?? settings.version);
    setFieldErrors((previous) => ({ ...previous, [key]: undefined }));
    setMessage(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (changeCount === 0) return;
    setMessage(null);
    update.mutate({ ...changes, version: editedVersion ?? settings.version }, {
      onSuccess: () => {
        setEdits({});
        setEditedVersion(null);
        setFieldErrors({});
        setMessage({ intent: 'success', title: 'Saved' });
      },
      onError: (error) => {
        if (isStaleRecord(error)) {
          setMessage({ intent: 'warning', title: error.message, action: { label: 'Reload', run: () => void reload() } });
        } else if (error instanceof ApiError && error.fieldErrors.length > 0) {
          setFieldErrors(Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message])));
          setMessage({ intent: 'error', title: error.message, details: error.fieldErrors.map((e) => e.message) });
          focusFirstError();
        } else {
          setMessage({ intent: 'error', title: errorMessage(error) });
        }
      },
    });
  };

  /** Reads the settings again and shows them, dropping the edits someone else's save made stale. */
  const reload = async () => {
    try {
      await queryClient.fetchQuery({ ...getEmailSettingsQueryOptions(environmentId), staleTime: 0 });
      discard();
      setMessage({ intent: 'info', title: 'Reloaded: these are the current settings. Make your change again.' });
    } catch (error) {
      setMessage({ intent: 'error', title: errorMessage(error) });
    }
  };

  const discard = () => {
    setEdits({});
    setEditedVersion(null);
    setFieldErrors({});
    setMessage(null);
  };

  const validation = (key: SettingKey) =>
    fieldErrors[key] ? { validationState: 'error' as const, validationMessage: fieldErrors[key] } : {};

  // The server decides who may change the approval requirement; its reason stands beside the switches.
  const approvalLocked = canWrite && !approvalRequirement.canChange;
  const booleanSwitch = (key: BooleanSettingKey, hint?: string, locked = false) => (
    <Field hint={locked ? approvalRequirement.reason ?? undefined : hint} {...validation(key)}>
      <Switch
        label={EMAIL_SETTING_LABELS[key]}
        checked={values[key]}
        disabled={disabled || locked}
        onChange={(_, data) => set(key, data.checked)}
      />
    </Field>
  );

  const booleanCheckbox = (key: BooleanSettingKey) => (
    <Checkbox
      label={EMAIL_SETTING_LABELS[key]}
      checked={values[key]}
      disabled={disabled}
      onChange={(_, data) => set(key, data.checked === true)}
    />
  );

  const activeProfiles = profiles.data?.items ?? [];
  const currentProfileMissing =
    values.defaultServerProfileId !== null && !activeProfiles.some((p) => p.id === values.defaultServerProfileId);

  return (
    <form ref={formRef} className={styles.form} onSubmit={save} noValidate aria-label="Email settings">
      {guardDialog}
      <Toolbar aria-label="Form commands" className={commandBar}>
        <ToolbarButton type="submit" appearance="primary" icon={<SaveRegular />} disabled={disabled || changeCount === 0}>
          {update.isPending ? 'Saving…' : 'Save'}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowUndoRegular />} disabled={disabled || Object.keys(edits).length === 0} onClick={discard}>
          Discard changes
        </ToolbarButton>
      </Toolbar>

      {!canWrite && (
        <MessageBar intent="info">
          <MessageBarBody>{ORGANIZATION_WRITE_REQUIRED}</MessageBarBody>
        </MessageBar>
      )}
      {message && <FormMessageBar message={message} />}

      <section className={styles.section} aria-labelledby="email-settings-synchronization">
        <Subtitle2 as="h2" id="email-settings-synchronization">Synchronization Method</Subtitle2>
        <Text className={styles.intro}>New mailboxes take these settings.</Text>
        <Field
          label={EMAIL_SETTING_LABELS.defaultServerProfileId}
          hint={
            canReadProfiles
              ? 'The default email server profile for new mailboxes. Only active profiles can be chosen.'
              : PROFILE_READ_REQUIRED
          }
          {...(profiles.isError
            ? { validationState: 'warning' as const, validationMessage: `Couldn't load server profiles: ${errorMessage(profiles.error)}` }
            : validation('defaultServerProfileId'))}
        >
          <Select
            value={values.defaultServerProfileId ?? ''}
            disabled={disabled || !profiles.isSuccess}
            onChange={(_, data) => set('defaultServerProfileId', data.value || null)}
          >
            {values.defaultServerProfileId === null && <option value="">Select a server profile</option>}
            {currentProfileMissing && (
              <option value={values.defaultServerProfileId ?? ''}>
                {!canReadProfiles ? 'Current default profile' : profiles.isPending ? 'Loading…' : 'Current profile (inactive)'}
              </option>
            )}
            {activeProfiles.map((profile) => (
              <option key={profile.id} value={profile.id}>{profile.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={EMAIL_SETTING_LABELS.incomingEmailDeliveryMethod} {...validation('incomingEmailDeliveryMethod')}>
          <Select
            value={values.incomingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) => set('incomingEmailDeliveryMethod', data.value as Settings['incomingEmailDeliveryMethod'])}
          >
            {INCOMING_EMAIL_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{INCOMING_EMAIL_DELIVERY_METHOD_LABELS[method]}</option>
            ))}
          </Select>
        </Field>
        <Field label={EMAIL_SETTING_LABELS.outgoingEmailDeliveryMethod} {...validation('outgoingEmailDeliveryMethod')}>
          <Select
            value={values.outgoingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) => set('outgoingEmailDeliveryMethod', data.value as Settings['outgoingEmailDeliveryMethod'])}
          >
            {OUTGOING_EMAIL_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{OUTGOING_EMAIL_DELIVERY_METHOD_LABELS[method]}</option>
            ))}
          </Select>
        </Field>
        <Field
          label={EMAIL_SETTING_LABELS.appointmentsContactsTasksDeliveryMethod}
          {...validation('appointmentsContactsTasksDeliveryMethod')}
        >
          <Select
            value={values.appointmentsContactsTasksDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) =>
              set('appointmentsContactsTasksDeliveryMethod', data.value as Settings['appointmentsContactsTasksDeliveryMethod'])
            }
          >
            {APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS[method]}</option>
            ))}
          </Select>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="email-settings-security">
        <Subtitle2 as="h2" id="email-settings-security">Security and permissions</Subtitle2>
        <Text className={styles.intro}>
          These settings are on by default. Turn off both to remove the requirement to approve mailboxes: their email
          is then processed without an approved email address. Only admins as described in the{' '}
          <RouterLink to={paths.securityRoles.getHref(environmentId)}>permissions model</RouterLink> can change them.
        </Text>
        {booleanSwitch('processEmailsOnlyForApprovedUsers', undefined, approvalLocked)}
        {booleanSwitch('processEmailsOnlyForApprovedQueues', undefined, approvalLocked)}
        {booleanSwitch(
          'requirePrivilegeToSelfApproveEmailAddress',
          'Require the Approve Email Addresses for Users or Queues privilege to approve your own mailbox.',
        )}
      </section>

      <section className={styles.section} aria-labelledby="email-settings-notifications">
        <Subtitle2 as="h2" id="email-settings-notifications">Notifications</Subtitle2>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Show alerts for</legend>
          {booleanCheckbox('alertOnErrors')}
          {booleanCheckbox('alertOnWarnings')}
          {booleanCheckbox('alertOnInformation')}
        </fieldset>
        {booleanCheckbox('notifyMailboxOwner')}
      </section>
    </form>
  );
}
