import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Toolbar,
  ToolbarButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowRepeatAllRegular, MailCheckmarkRegular, PlugConnectedRegular, SaveRegular } from '@fluentui/react-icons';
import {
  NON_SECURE_CHANNEL_LOCKED_FIELDS,
  SERVER_PROFILE_FIELD_RULES,
  areCredentialsLocked,
  isFieldRequired,
  newServerProfileSettings,
  normalizeServerProfile,
  validateServerProfile,
  type FieldError,
  type ServerProfileField,
  type ServerProfileFieldRule,
  type ServerProfileResponse,
  type ServerProfileSection,
  type ServerType,
  type SessionResponse,
} from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormBehaviour, useFormCommandBarStyles } from '../../../components/form-behaviour.tsx';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage, isStaleRecord } from '../../../lib/api-client.ts';
import { fieldErrorText } from '../../../lib/server-messages.ts';
import { getServerProfileQueryOptions } from '../api/get-server-profile.ts';
import { useCreateServerProfile } from '../api/create-server-profile.ts';
import { useServerProfiles } from '../api/get-server-profiles.ts';
import { useTestServerProfileConnection } from '../api/test-server-profile-connection.ts';
import { useUpdateServerProfile } from '../api/update-server-profile.ts';
import {
  NO_SECRETS_STORED,
  isSecret,
  settingsFromProfile,
  settingsToWire,
  type Secret,
  type SecretChanges,
  type Settings,
} from '../lib/form-model.ts';
import { TEST_AND_ENABLE_NEEDS_WRITE, type TestAndEnableCommand } from '../../test-and-enable/api/start-test-and-enable.ts';
import { TestAndEnableFlow } from '../../test-and-enable/components/test-and-enable-flow.tsx';
import { LastTestDetails } from './last-test-details.tsx';
import { ProfileLastRun } from './profile-last-run.tsx';
import { ServerProfileFieldRow, type FieldControlActions, type FieldControlState } from './server-profile-field.tsx';

const SECTIONS: Record<ServerProfileSection, { labelKey: string }> = {
  general: { labelKey: 'sections.general' },
  credentials: { labelKey: 'sections.credentials' },
  locations: { labelKey: 'sections.locations' },
  advanced: { labelKey: 'sections.advanced' },
};

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});


interface Props {
  environmentId: string;
  canWrite: boolean;
  /** Write privilege on Mailbox, which starting Test & Enable on an existing profile needs (the API then decides per mailbox). */
  canTestAndEnable?: boolean;
  deployment: SessionResponse['deployment'];
  /** Absent when creating a new profile. */
  profile?: ServerProfileResponse;
  savedOnArrival?: boolean;
}

export function ServerProfileForm({
  environmentId, canWrite, canTestAndEnable = false, deployment, profile, savedOnArrival = false,
}: Props) {
  const styles = useStyles();
  // With the sentences of the field rules' codes, for the checks made here before Save (decision 51).
  const { t } = useTranslation(['server-profile-form', 'server-profiles', 'errors', 'fields']);
  const navigate = useNavigate();
  const create = useCreateServerProfile(environmentId);
  const update = useUpdateServerProfile(environmentId);
  const testConnection = useTestServerProfileConnection(environmentId);
  const queryClient = useQueryClient();

  const [settings, setSettings] = useState<Settings>(() =>
    // A new profile starts without a name: the type's usual name is often taken already.
    profile ? settingsFromProfile(profile) : { ...newServerProfileSettings('exchangeOnline'), name: '' },
  );
  const [isDefault, setIsDefault] = useState(profile?.isDefault ?? false);
  // The version the edits start from: Save sends it back, and the API refuses it once someone else saved.
  const [version, setVersion] = useState(profile?.version ?? 0);
  const snapshot = (s: Settings, d: boolean) => JSON.stringify({ settings: settingsToWire(s), isDefault: d });
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshot(settings, isDefault));
  const [secretValues, setSecretValues] = useState<Partial<Record<Secret, string>>>({});
  const [replacing, setReplacing] = useState<Partial<Record<Secret, boolean>>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<FormMessage | null>(
    savedOnArrival ? { intent: 'success', title: t('common:commands.saved') } : null,
  );
  const [advancedOpen, setAdvancedOpen] = useState(profile !== undefined);
  const [startCommand, setStartCommand] = useState<TestAndEnableCommand | null>(null);

  const saving = create.isPending || update.isPending;
  const isDirty = snapshot(settings, isDefault) !== savedSnapshot || Object.values(secretValues).some(Boolean);
  const { formRef, guardDialog, focusFirstError, leaveWithoutAsking } = useFormBehaviour(isDirty);
  const commandBar = useFormCommandBarStyles().commandBar;
  // Turning the switch on takes the default away from the current default profile: say so before Save.
  const currentDefault = useServerProfiles(environmentId, 'active').data?.items.find((p) => p.isDefault && p.id !== profile?.id);
  const defaultWarning = isDefault && !profile?.isDefault && currentDefault
    ? t('defaultWarning', { name: currentDefault.name })
    : undefined;
  const credentialsBlocked = areCredentialsLocked(deployment);
  const visibleRules = SERVER_PROFILE_FIELD_RULES.filter((rule) => rule.shownWhen(settings));
  const listHref = paths.serverProfiles.getHref(environmentId);

  const clearError = (field: ServerProfileField) => setErrors((prev) => prev.filter((e) => e.field !== field));
  const actions: FieldControlActions = {
    setSetting: (field, value) => {
      setSettings((prev) => ({ ...prev, [field]: value }));
      clearError(field);
    },
    setServerType: (serverType: ServerType) => {
      // Switching type opens that type's defaults, as the real form does, keeping what the admin typed.
      setSettings((prev) => ({ ...newServerProfileSettings(serverType), name: prev.name, description: prev.description }));
      setErrors([]);
    },
    setIsDefault: (value) => {
      setIsDefault(value);
      clearError('isDefault');
    },
    setSecret: (field, value) => {
      setSecretValues((prev) => ({ ...prev, [field]: value }));
      clearError(field);
    },
    setReplacing: (field, value) => setReplacing((prev) => ({ ...prev, [field]: value })),
  };
  const state: FieldControlState = { settings, isDefault, secretValues, replacing, secretsStored: profile?.secretsSet };

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    const shown = new Set(visibleRules.map((rule) => rule.field));
    const elsewhere = found.filter((e) => !shown.has(e.field as ServerProfileField)).map((e) => e.message);
    setMessage({ intent: 'error', title: t('errors:code.FIELDS_NEED_ATTENTION', { count: found.length }), details: elsewhere });
    const advanced = new Set(visibleRules.filter((r) => r.section === 'advanced').map((r) => r.field));
    if (found.some((e) => advanced.has(e.field as ServerProfileField))) setAdvancedOpen(true);
    focusFirstError();
  };

  const showProfile = (fresh: ServerProfileResponse) => {
    setSettings(settingsFromProfile(fresh));
    setIsDefault(fresh.isDefault);
    setVersion(fresh.version);
    setSavedSnapshot(snapshot(settingsFromProfile(fresh), fresh.isDefault));
    setSecretValues({});
    setReplacing({});
    setErrors([]);
  };

  /** Reads the profile again and shows it, dropping the edits someone else's save made stale. */
  const reload = async () => {
    if (!profile) return;
    try {
      showProfile(await queryClient.fetchQuery({ ...getServerProfileQueryOptions(environmentId, profile.id), staleTime: 0 }));
      setMessage({ intent: 'info', title: t('reloaded') });
    } catch (error) {
      setMessage({ intent: 'error', title: errorMessage(error) });
    }
  };

  const onSaveError = (error: unknown) => {
    if (isStaleRecord(error)) setMessage({ intent: 'warning', title: error.message, action: { label: t('common:commands.reload'), run: () => void reload() } });
    else if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(error.fieldErrors);
    else setMessage({ intent: 'error', title: errorMessage(error) });
  };

  const save = (close: boolean) => {
    setMessage(null);
    // Only secrets the admin typed for fields on screen travel; anything else keeps what is stored.
    const typed: SecretChanges = {};
    for (const { field } of visibleRules) {
      if (isSecret(field) && secretValues[field]) typed[field] = secretValues[field];
    }
    const found = validateServerProfile(settings, typed, {
      secretsStored: profile?.secretsSet ?? NO_SECRETS_STORED,
      isSecureChannel: deployment.isSecureChannel,
      allowCredentialsEntryViaNonSecureChannels: deployment.allowCredentialsEntryViaNonSecureChannels,
    });
    if (found.length > 0) {
      showErrors(found.map((fieldError) => ({ ...fieldError, message: fieldErrorText(fieldError) })));
      return;
    }
    const body = { ...settingsToWire(normalizeServerProfile(settings, {}).settings), isDefault, ...typed };

    if (!profile) {
      create.mutate(body, {
        onError: onSaveError,
        onSuccess: (created) =>
          leaveWithoutAsking(() => void navigate(close ? listHref : paths.serverProfile.getHref(environmentId, created.id), {
            state: { saved: true },
          })),
      });
      return;
    }
    update.mutate(
      { profileId: profile.id, body: { ...body, version } },
      {
        onError: onSaveError,
        onSuccess: (updated) => {
          if (close) {
            leaveWithoutAsking(() => void navigate(listHref));
            return;
          }
          showProfile(updated);
          setMessage({ intent: 'success', title: t('common:commands.saved') });
        },
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(false);
  };

  const renderRule = (rule: ServerProfileFieldRule) => (
    <ServerProfileFieldRow
      key={rule.field}
      rule={rule}
      state={state}
      actions={actions}
      error={errors.find((e) => e.field === rule.field)?.message}
      warning={rule.field === 'isDefault' ? defaultWarning : undefined}
      required={isFieldRequired(rule, settings, credentialsBlocked)}
      lockedReason={credentialsBlocked && NON_SECURE_CHANNEL_LOCKED_FIELDS.has(rule.field) ? t('credentialFieldDisabled') : undefined}
      disabled={
        !canWrite ||
        saving ||
        (rule.field === 'serverType' && profile !== undefined) ||
        (credentialsBlocked && NON_SECURE_CHANNEL_LOCKED_FIELDS.has(rule.field))
      }
    />
  );

  const sectionNotes = (section: ServerProfileSection) => {
    if (section === 'locations' && settings.serverType === 'exchangeOnline') {
      return <MessageBar intent="info"><MessageBarBody>{t('locationsAutomatic')}</MessageBarBody></MessageBar>;
    }
    if (section === 'credentials' && credentialsBlocked && visibleRules.some((r) => NON_SECURE_CHANNEL_LOCKED_FIELDS.has(r.field))) {
      return <MessageBar intent="warning"><MessageBarBody>{t('credentialsBlocked')}</MessageBarBody></MessageBar>;
    }
    return null;
  };

  const renderSection = (section: ServerProfileSection) => {
    const rules = visibleRules.filter((rule) => rule.section === section);
    const notes = sectionNotes(section);
    if (rules.length === 0 && !notes) return null;
    const headingId = `section-${section}`;
    const body = (
      <>
        {notes}
        {rules.map(renderRule)}
      </>
    );
    if (section === 'advanced') {
      return (
        <Accordion
          key={section}
          collapsible
          openItems={advancedOpen ? ['advanced'] : []}
          onToggle={(_, data) => setAdvancedOpen(data.openItems.includes('advanced'))}
        >
          <AccordionItem value="advanced">
            <AccordionHeader as="h2" size="large">{t(SECTIONS.advanced.labelKey)}</AccordionHeader>
            <AccordionPanel>
              <div className={styles.section}>{body}</div>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      );
    }
    return (
      <section key={section} className={styles.section} aria-labelledby={headingId}>
        <Subtitle2 as="h2" id={headingId}>{t(SECTIONS[section].labelKey)}</Subtitle2>
        {body}
      </section>
    );
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-label={t('formLabel')}>
      {guardDialog}
      <Toolbar aria-label={t('formCommands')} className={commandBar}>
        <ToolbarButton type="submit" appearance="primary" icon={<SaveRegular />} disabled={!canWrite || saving}>
          {t('common:commands.save')}
        </ToolbarButton>
        <ToolbarButton disabled={!canWrite || saving} onClick={() => save(true)}>
          {t('common:commands.saveAndClose')}
        </ToolbarButton>
        {profile && (
          <ToolbarButton
            icon={<PlugConnectedRegular />}
            disabled={!canWrite || testConnection.isPending}
            onClick={() => {
              setMessage(null);
              testConnection.mutate(profile.id, { onError: (error) => setMessage({ intent: 'error', title: errorMessage(error) }) });
            }}
          >
            {testConnection.isPending ? t('server-profiles:testing') : t('server-profiles:testConnection')}
          </ToolbarButton>
        )}
        {profile && (
          <>
            <ToolbarButton
              icon={<MailCheckmarkRegular />}
              disabled={!canTestAndEnable}
              onClick={() => setStartCommand({ kind: 'serverProfile', profileId: profile.id, profileName: profile.name })}
            >
              {t('server-profiles:testAndEnable')}
            </ToolbarButton>
            <ToolbarButton
              icon={<ArrowRepeatAllRegular />}
              disabled={!canTestAndEnable}
              onClick={() => setStartCommand({ kind: 'retestFailedServerProfile', profileId: profile.id, profileName: profile.name })}
            >
              {t('server-profiles:retestFailed')}
            </ToolbarButton>
          </>
        )}
        <ToolbarButton onClick={() => void navigate(listHref)}>{t('common:cancel')}</ToolbarButton>
      </Toolbar>

      {!canWrite && (
        <MessageBar intent="info"><MessageBarBody>{t('server-profiles:writePrivilegeRequired')}</MessageBarBody></MessageBar>
      )}
      {profile && !canTestAndEnable && (
        <MessageBar intent="info"><MessageBarBody>{TEST_AND_ENABLE_NEEDS_WRITE}</MessageBarBody></MessageBar>
      )}
      {message && <FormMessageBar message={message} />}

      {(Object.keys(SECTIONS) as ServerProfileSection[]).map(renderSection)}

      {profile && <LastTestDetails lastTest={profile.lastTest} />}
      {profile && <ProfileLastRun environmentId={environmentId} profileId={profile.id} canWrite={canTestAndEnable} />}
      {startCommand && <TestAndEnableFlow environmentId={environmentId} command={startCommand} onClose={() => setStartCommand(null)} />}
    </form>
  );
}
