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
  INCOMING_EMAIL_DELIVERY_METHODS,
  OUTGOING_EMAIL_DELIVERY_METHODS,
  type EmailSettingsResponse,
  type EmailSettingsWire,
  type UpdateEmailSettingsRequest,
} from '@sync-admin/contract';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useFormBehaviour, useFormCommandBarStyles } from '../../../components/form-behaviour.tsx';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage, isStaleRecord } from '../../../lib/api-client.ts';
import { getEmailSettingsQueryOptions } from '../api/get-email-settings.ts';
import { getServerProfilesQueryOptions } from '../../server-profiles/api/get-server-profiles.ts';
import { useUpdateEmailSettings } from '../api/update-email-settings.ts';

type Settings = EmailSettingsWire;
type SettingKey = keyof Settings;
type BooleanSettingKey = { [K in SettingKey]: Settings[K] extends boolean ? K : never }[SettingKey];
type Methods<K extends SettingKey> = Record<Settings[K] & string, string>;

/** Security and permissions: the two approval switches, which the server may lock, then self-approval with its hint. */
const SECURITY_SWITCHES: readonly { key: BooleanSettingKey; approval?: true; hintKey?: string }[] = [
  { key: 'processEmailsOnlyForApprovedUsers', approval: true },
  { key: 'processEmailsOnlyForApprovedQueues', approval: true },
  { key: 'requirePrivilegeToSelfApproveEmailAddress', hintKey: 'hint.requirePrivilegeToSelfApproveEmailAddress' },
];
/** Notifications > Show alerts for. */
const ALERT_CHECKBOXES: readonly BooleanSettingKey[] = ['alertOnErrors', 'alertOnWarnings', 'alertOnInformation'];
const NOTIFY_OWNER_CHECKBOX: BooleanSettingKey = 'notifyMailboxOwner';

/**
 * The settings' labels and the delivery methods' names in the language shown; the contract's English tables stay
 * the server's (audit, CSV). The names follow seeds 001/002 and the admin center's German UI.
 */
function useSettingLabels() {
  const { t } = useTranslation('email-settings');
  return useMemo(() => {
    const none = t('method.none');
    const outlook = t('method.outlook');
    const ssyncOrRouter = t('method.serverSideSynchronizationOrEmailRouter');
    return {
      setting: {
        defaultServerProfileId: t('setting.defaultServerProfileId'),
        incomingEmailDeliveryMethod: t('setting.incomingEmailDeliveryMethod'),
        outgoingEmailDeliveryMethod: t('setting.outgoingEmailDeliveryMethod'),
        appointmentsContactsTasksDeliveryMethod: t('setting.appointmentsContactsTasksDeliveryMethod'),
        processEmailsOnlyForApprovedUsers: t('setting.processEmailsOnlyForApprovedUsers'),
        processEmailsOnlyForApprovedQueues: t('setting.processEmailsOnlyForApprovedQueues'),
        requirePrivilegeToSelfApproveEmailAddress: t('setting.requirePrivilegeToSelfApproveEmailAddress'),
        alertOnErrors: t('setting.alertOnErrors'),
        alertOnWarnings: t('setting.alertOnWarnings'),
        alertOnInformation: t('setting.alertOnInformation'),
        notifyMailboxOwner: t('setting.notifyMailboxOwner'),
      } satisfies Record<Exclude<SettingKey, 'version'>, string>,
      incoming: { none, outlook, serverSideSynchronization: ssyncOrRouter, forwardMailbox: t('method.forwardMailbox') } satisfies Methods<'incomingEmailDeliveryMethod'>,
      outgoing: { none, outlook, serverSideSynchronization: ssyncOrRouter } satisfies Methods<'outgoingEmailDeliveryMethod'>,
      act: { outlook, serverSideSynchronization: t('method.serverSideSynchronization'), none } satisfies Methods<'appointmentsContactsTasksDeliveryMethod'>,
    };
  }, [t]);
}

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
  const { t } = useTranslation(['email-settings', 'common']);
  const labels = useSettingLabels();
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
        setMessage({ intent: 'success', title: t('common:commands.saved') });
      },
      onError: (error) => {
        if (isStaleRecord(error)) {
          setMessage({ intent: 'warning', title: error.message, action: { label: t('common:commands.reload'), run: () => void reload() } });
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
      setMessage({ intent: 'info', title: t('reloaded') });
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
  const profileValidation = profiles.isError
    ? { validationState: 'warning' as const, validationMessage: t('profilesLoadFailed', { message: errorMessage(profiles.error) }) }
    : validation('defaultServerProfileId');
  const methodValidation = {
    incoming: validation('incomingEmailDeliveryMethod'),
    outgoing: validation('outgoingEmailDeliveryMethod'),
    act: validation('appointmentsContactsTasksDeliveryMethod'),
  };

  // The server decides who may change the approval requirement; its reason stands beside the switches.
  const approvalLocked = canWrite && !approvalRequirement.canChange;
  const booleanSwitch = (key: BooleanSettingKey, hint?: string, locked = false) => (
    <Field key={key} hint={locked ? approvalRequirement.reason ?? undefined : hint} {...validation(key)}>
      <Switch
        label={labels.setting[key]}
        checked={values[key]}
        disabled={disabled || locked}
        onChange={(_, data) => set(key, data.checked)}
      />
    </Field>
  );

  const booleanCheckbox = (key: BooleanSettingKey) => (
    <Checkbox
      key={key}
      label={labels.setting[key]}
      checked={values[key]}
      disabled={disabled}
      onChange={(_, data) => set(key, data.checked === true)}
    />
  );

  const activeProfiles = profiles.data?.items ?? [];
  const currentProfileMissing =
    values.defaultServerProfileId !== null && !activeProfiles.some((p) => p.id === values.defaultServerProfileId);

  return (
    <form ref={formRef} className={styles.form} onSubmit={save} noValidate aria-label={t('formLabel')}>
      {guardDialog}
      <Toolbar aria-label={t('formCommands')} className={commandBar}>
        <ToolbarButton type="submit" appearance="primary" icon={<SaveRegular />} disabled={disabled || changeCount === 0}>
          {update.isPending ? t('common:commands.saving') : t('common:commands.save')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowUndoRegular />} disabled={disabled || Object.keys(edits).length === 0} onClick={discard}>
          {t('discardChanges')}
        </ToolbarButton>
      </Toolbar>

      {!canWrite && (
        <MessageBar intent="info">
          <MessageBarBody>{t('writeRequired')}</MessageBarBody>
        </MessageBar>
      )}
      {message && <FormMessageBar message={message} />}

      <section className={styles.section} aria-labelledby="email-settings-synchronization">
        <Subtitle2 as="h2" id="email-settings-synchronization">{t('sections.synchronization')}</Subtitle2>
        <Text className={styles.intro}>{t('sections.synchronizationIntro')}</Text>
        <Field
          label={labels.setting.defaultServerProfileId}
          hint={canReadProfiles ? t('hint.defaultServerProfileId') : t('profileReadRequired')}
          {...profileValidation}
        >
          <Select
            value={values.defaultServerProfileId ?? ''}
            disabled={disabled || !profiles.isSuccess}
            onChange={(_, data) => set('defaultServerProfileId', data.value || null)}
          >
            {values.defaultServerProfileId === null && <option value="">{t('profileOption.select')}</option>}
            {currentProfileMissing && (
              <option value={values.defaultServerProfileId ?? ''}>
                {!canReadProfiles ? t('profileOption.currentDefault') : profiles.isPending ? t('common:loading') : t('profileOption.currentInactive')}
              </option>
            )}
            {activeProfiles.map((profile) => (
              <option key={profile.id} value={profile.id}>{profile.name}</option>
            ))}
          </Select>
        </Field>
        <Field label={labels.setting.incomingEmailDeliveryMethod} {...methodValidation.incoming}>
          <Select
            value={values.incomingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) => set('incomingEmailDeliveryMethod', data.value as Settings['incomingEmailDeliveryMethod'])}
          >
            {INCOMING_EMAIL_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{labels.incoming[method]}</option>
            ))}
          </Select>
        </Field>
        <Field label={labels.setting.outgoingEmailDeliveryMethod} {...methodValidation.outgoing}>
          <Select
            value={values.outgoingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) => set('outgoingEmailDeliveryMethod', data.value as Settings['outgoingEmailDeliveryMethod'])}
          >
            {OUTGOING_EMAIL_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{labels.outgoing[method]}</option>
            ))}
          </Select>
        </Field>
        <Field
          label={labels.setting.appointmentsContactsTasksDeliveryMethod}
          {...methodValidation.act}
        >
          <Select
            value={values.appointmentsContactsTasksDeliveryMethod}
            disabled={disabled}
            onChange={(_, data) =>
              set('appointmentsContactsTasksDeliveryMethod', data.value as Settings['appointmentsContactsTasksDeliveryMethod'])
            }
          >
            {APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHODS.map((method) => (
              <option key={method} value={method}>{labels.act[method]}</option>
            ))}
          </Select>
        </Field>
      </section>

      <section className={styles.section} aria-labelledby="email-settings-security">
        <Subtitle2 as="h2" id="email-settings-security">{t('sections.security')}</Subtitle2>
        <Text className={styles.intro}>
          <Trans t={t} i18nKey="sections.securityIntro" components={{ model: <RouterLink to={paths.securityRoles.getHref(environmentId)}>{null}</RouterLink> }} />
        </Text>
        {SECURITY_SWITCHES.map((setting) =>
          booleanSwitch(setting.key, setting.hintKey && t(setting.hintKey), setting.approval && approvalLocked))}
      </section>

      <section className={styles.section} aria-labelledby="email-settings-notifications">
        <Subtitle2 as="h2" id="email-settings-notifications">{t('sections.notifications')}</Subtitle2>
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{t('sections.showAlertsFor')}</legend>
          {ALERT_CHECKBOXES.map(booleanCheckbox)}
        </fieldset>
        {booleanCheckbox(NOTIFY_OWNER_CHECKBOX)}
      </section>
    </form>
  );
}
