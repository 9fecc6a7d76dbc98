import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Switch,
  Text,
  Toolbar,
  ToolbarButton,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleRegular, CheckmarkStarburstRegular, DismissCircleRegular, DismissRegular, MailCheckmarkRegular, PlugConnectedRegular, SaveRegular } from '@fluentui/react-icons';
import {
  validateMailbox,
  type ApprovalDecisionResponse,
  type BulkResultResponse,
  type EnvironmentResponse,
  type FieldError,
  type MailboxConnectionTestResponse,
  type MailboxResponse,
} from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useFormBehaviour, useFormCommandBarStyles } from '../../../components/form-behaviour.tsx';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage, isStaleRecord } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-time.ts';
import { fieldErrorText } from '../../../lib/server-messages.ts';
import { getMailboxQueryOptions } from '../api/get-mailbox.ts';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import { SecretInput } from '../../server-profiles/components/secret-input.tsx';
import { useCreateMailbox } from '../api/create-mailbox.ts';
import { useApproveEmailAvailability } from '../api/get-approve-email-availability.ts';
import { useMailboxAction } from '../api/run-mailbox-action.ts';
import { useTestMailboxConnection } from '../api/test-mailbox-connection.ts';
import { useUpdateMailbox } from '../api/update-mailbox.ts';
import { TestAndEnableFlow } from '../../test-and-enable/components/test-and-enable-flow.tsx';
import {
  changedSettings,
  fromLocalDateTimeInput,
  passwordToSend,
  settingsFromMailbox,
  settingsToWire,
  toLocalDateTimeInput,
  type MailboxField,
  type MailboxSettings,
  type MailboxType,
  type PasswordChange,
} from '../lib/form-model.ts';
import { useMailboxLabels } from '../lib/labels.ts';
import { WhyPopover } from './approval-checks.tsx';
import { ApproveEmailDialog } from './approve-email-dialog.tsx';
import { ConfigurationTestResults } from './configuration-test-results.tsx';
import { MailboxConnectionTestDialog } from './mailbox-connection-test-dialog.tsx';
import { MailboxTestAndEnable } from './mailbox-test-and-enable.tsx';

const SHOWN_FIELDS: ReadonlySet<string> = new Set<MailboxField>([
  'name', 'emailAddress', 'serverProfileId', 'isActive', 'incomingEmailDeliveryMethod', 'outgoingEmailDeliveryMethod',
  'appointmentsContactsTasksDeliveryMethod', 'syncItemsFromThisOrgOnly', 'allowCredentialsForEmailProcessing', 'userName',
  'password', 'processEmailsReceivedAfter',
]);

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
});

interface MailboxFormMessage extends FormMessage {
  decision?: ApprovalDecisionResponse;
}

interface Props {
  environment: EnvironmentResponse;
  type: MailboxType;
  /** Absent when creating a new mailbox. */
  mailbox?: MailboxResponse;
  initialSettings: MailboxSettings;
  /** What the server would store for fields left out; defaults to initialSettings. Only differences travel. */
  baselineSettings?: MailboxSettings;
  ownerName: string;
  canWrite: boolean;
  savedOnArrival?: boolean;
}

/** The mailbox form, sectioned as in Dynamics 365: General, Synchronization Method, Configuration Test Results, Advanced. */
export function MailboxForm({
  environment, type, mailbox, initialSettings, baselineSettings, ownerName, canWrite, savedOnArrival = false,
}: Props) {
  const styles = useStyles();
  const { t } = useTranslation(['mailboxes', 'common', 'errors', 'fields']);
  const labels = useMailboxLabels();
  const navigate = useNavigate();
  const environmentId = environment.id;
  const profiles = useServerProfiles(environmentId, 'active');
  const create = useCreateMailbox(environmentId);
  const update = useUpdateMailbox(environmentId);
  const action = useMailboxAction(environmentId);
  const testConnection = useTestMailboxConnection(environmentId);
  const approve = useApproveEmailAvailability(environment, mailbox ? { ids: [mailbox.id] } : null);
  const queryClient = useQueryClient();

  const [baseline, setBaseline] = useState(() => settingsToWire(baselineSettings ?? initialSettings));
  const [settings, setSettings] = useState<MailboxSettings>(initialSettings);
  // The version the edits start from: Save sends it back, and the API refuses it once someone else saved.
  const [version, setVersion] = useState(mailbox?.version ?? 0);
  const [password, setPassword] = useState<PasswordChange>({ kind: 'keep' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<MailboxFormMessage | null>(savedOnArrival ? { intent: 'success', title: t('common:commands.saved') } : null);
  const [confirmingApprove, setConfirmingApprove] = useState(false);
  const [confirmingDeactivate, setConfirmingDeactivate] = useState(false);
  const [startingTestAndEnable, setStartingTestAndEnable] = useState(false);
  const [connectionTest, setConnectionTest] = useState<MailboxConnectionTestResponse | null>(null);

  const saving = create.isPending || update.isPending;
  const isDirty = Object.keys(changedSettings(baseline, settingsToWire(settings))).length > 0 || password.kind !== 'keep';
  const { formRef, guardDialog, focusFirstError, leaveWithoutAsking } = useFormBehaviour(isDirty);
  const commandBar = useFormCommandBarStyles().commandBar;
  const disabled = !canWrite || saving;
  const set = <K extends keyof MailboxSettings>(field: K, value: MailboxSettings[K]) => {
    setSettings((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => prev.filter((e) => e.field !== field));
  };

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    const elsewhere = found.filter((e) => !SHOWN_FIELDS.has(e.field)).map((e) => e.message);
    setMessage({ intent: 'error', title: t('errors:code.FIELDS_NEED_ATTENTION', { count: found.length }), details: elsewhere });
    focusFirstError();
  };
  const showMailbox = (fresh: MailboxResponse) => {
    const freshSettings = settingsFromMailbox(fresh);
    setSettings(freshSettings);
    setBaseline(settingsToWire(freshSettings));
    setVersion(fresh.version);
    setPassword({ kind: 'keep' });
    setErrors([]);
  };

  /** Reads the mailbox again and shows it, dropping the edits someone else's save made stale. */
  const reload = async () => {
    if (!mailbox) return;
    try {
      showMailbox(await queryClient.fetchQuery({ ...getMailboxQueryOptions(environmentId, mailbox.id), staleTime: 0 }));
      setMessage({ intent: 'info', title: t('form.reloaded') });
    } catch (error) {
      setMessage({ intent: 'error', title: errorMessage(error) });
    }
  };

  const onSaveError = (error: unknown) => {
    if (isStaleRecord(error)) setMessage({ intent: 'warning', title: error.message, action: { label: t('common:commands.reload'), run: () => void reload() } });
    else if (error instanceof ApiError && error.fieldErrors.length > 0) showErrors(error.fieldErrors);
    else setMessage({ intent: 'error', title: errorMessage(error) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canWrite) return;
    setMessage(null);
    const typedPassword = passwordToSend(password);
    const found = validateMailbox(type, settings, typedPassword, mailbox?.passwordSet ?? false);
    if (found.length > 0) {
      showErrors(found.map((fieldError) => ({ ...fieldError, message: fieldErrorText(fieldError) })));
      return;
    }
    const wire = settingsToWire(settings);
    const changed = changedSettings(baseline, wire);
    const passwordPart = typedPassword === undefined ? {} : { password: typedPassword };

    if (!mailbox) {
      create.mutate(
        { type, ...changed, name: wire.name, emailAddress: wire.emailAddress, ...passwordPart },
        {
          onError: onSaveError,
          onSuccess: (created) => leaveWithoutAsking(() => void navigate(paths.mailbox.getHref(environmentId, created.id), { state: { saved: true } })),
        },
      );
      return;
    }
    if (Object.keys(changed).length === 0 && typedPassword === undefined) {
      setMessage({ intent: 'info', title: t('form.noChanges') });
      return;
    }
    update.mutate(
      { mailboxId: mailbox.id, body: { ...changed, ...passwordPart, version } },
      {
        onError: onSaveError,
        onSuccess: (updated) => {
          showMailbox(updated);
          setMessage({
            intent: 'success',
            title: t('common:commands.saved'),
            details: changed.emailAddress !== undefined && updated.emailAddressStatus === 'pendingApproval'
              ? [t('form.newAddressPending')]
              : [],
          });
        },
      },
    );
  };

  const approveThisMailbox = () => {
    if (!mailbox) return;
    setMessage(null);
    action.mutate(
      { action: 'approve-email', target: { ids: [mailbox.id] } },
      {
        onSettled: () => setConfirmingApprove(false),
        onError: (error) => setMessage({ intent: 'error', title: errorMessage(error) }),
        onSuccess: (result: BulkResultResponse) => setMessage(messageForResult(result, t)),
      },
    );
  };

  /** Activate / Deactivate: only the status changes; anything else typed stays as typed. */
  const setActive = (isActive: boolean) => {
    if (!mailbox) return;
    setMessage(null);
    update.mutate(
      { mailboxId: mailbox.id, body: { isActive, version } },
      {
        onSettled: () => setConfirmingDeactivate(false),
        onError: onSaveError,
        onSuccess: (updated) => {
          setVersion(updated.version);
          setSettings((prev) => ({ ...prev, isActive: updated.isActive }));
          setBaseline((prev) => ({ ...prev, isActive: updated.isActive }));
          setMessage({
            intent: 'success',
            title: updated.isActive ? t('form.activated', { name: updated.name }) : t('form.deactivated', { name: updated.name }),
          });
        },
      },
    );
  };

  const addressChanged = mailbox !== undefined && settings.emailAddress.trim().toLowerCase() !== mailbox.emailAddress.toLowerCase();
  const emailError = errors.some((e) => e.field === 'emailAddress');

  const profileOptions = profiles.data?.items ?? [];
  const currentProfileMissing = settings.serverProfileId !== null && !profileOptions.some((p) => p.id === settings.serverProfileId);
  const profileHint = mailbox?.serverProfileStatus === 'notReadable'
    ? t('form.profilesNotReadable')
    : profiles.isError ? t('form.profilesNotLoaded') : undefined;
  const clearingPassword = password.kind === 'clear';
  const keepingPassword = password.kind === 'keep';

  const methodOptions = (methods: Record<string, string>, current: string) =>
    Object.entries(methods)
      // Seed 000: Microsoft Dynamics 365 for Outlook is not offered for queue mailboxes (unless already stored).
      .filter(([value]) => type !== 'queue' || value !== 'outlook' || value === current)
      .map(([value, label]) => <option key={value} value={value}>{label}</option>);

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-label={t('form.label')}>
      {guardDialog}
      <Toolbar aria-label={t('commands.label')} className={commandBar}>
        {canWrite && (
          <ToolbarButton type="submit" appearance="primary" icon={<SaveRegular />} disabled={saving}>
            {saving ? t('form.saving') : t('common:commands.save')}
          </ToolbarButton>
        )}
        {mailbox && (
          <>
            {approve.isShown && (
              <Tooltip content={approve.reason ?? t('form.approveTooltip')} relationship="description">
                <ToolbarButton
                  icon={<CheckmarkStarburstRegular />}
                  disabledFocusable={!approve.isEnabled || action.isPending}
                  onClick={() => approve.isEnabled && setConfirmingApprove(true)}
                >
                  {t('action.approveEmail')}
                </ToolbarButton>
              </Tooltip>
            )}
            <Tooltip
              content={
                !canWrite ? t('form.needsWrite')
                  : mailbox.testAndEnableRequestedAt ? t('form.testAndEnableQueued', { time: formatDateTime(mailbox.testAndEnableRequestedAt) })
                  : t('form.testAndEnableTooltip')
              }
              relationship="description"
            >
              <ToolbarButton
                icon={<MailCheckmarkRegular />}
                disabledFocusable={!canWrite || mailbox.testAndEnableRequestedAt !== null}
                onClick={() => canWrite && mailbox.testAndEnableRequestedAt === null && setStartingTestAndEnable(true)}
              >
                {t('commands.testAndEnable')}
              </ToolbarButton>
            </Tooltip>
            <Tooltip
              content={canWrite ? t('form.testConnectionTooltip') : t('form.needsWrite')}
              relationship="description"
            >
              <ToolbarButton
                icon={<PlugConnectedRegular />}
                disabledFocusable={!canWrite || testConnection.isPending}
                onClick={() => {
                  if (!canWrite) return;
                  setMessage(null);
                  testConnection.mutate(mailbox.id, {
                    onSuccess: setConnectionTest,
                    onError: (error) => setMessage({ intent: 'error', title: t('form.testConnectionFailed', { message: errorMessage(error) }) }),
                  });
                }}
              >
                {testConnection.isPending ? t('form.testing') : t('form.testConnection')}
              </ToolbarButton>
            </Tooltip>
          </>
        )}
        {mailbox && canWrite && (
          baseline.isActive ? (
            <ToolbarButton icon={<DismissCircleRegular />} disabled={saving} onClick={() => setConfirmingDeactivate(true)}>{t('form.deactivate')}</ToolbarButton>
          ) : (
            <ToolbarButton icon={<CheckmarkCircleRegular />} disabled={saving} onClick={() => setActive(true)}>{t('form.activate')}</ToolbarButton>
          )
        )}
        <ToolbarButton icon={<DismissRegular />} onClick={() => void navigate(paths.mailboxes.getHref(environmentId))}>
          {mailbox ? t('form.close') : t('common:cancel')}
        </ToolbarButton>
      </Toolbar>

      {!canWrite && <MessageBar intent="info"><MessageBarBody>{t('form.readOnly')}</MessageBarBody></MessageBar>}
      {mailbox && !approve.isEnabled && approve.decision && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('form.approveUnavailable')}</MessageBarTitle>
            <span className={styles.row}>
              <span>{approve.reason}</span>
              <WhyPopover decision={approve.decision} />
            </span>
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <FormMessageBar message={message}>
          {message.decision && <WhyPopover decision={message.decision} label={t('form.rulesChecked')} />}
        </FormMessageBar>
      )}

      <section className={styles.section} aria-labelledby="section-general">
        <Subtitle2 as="h2" id="section-general">{t('form.sections.general')}</Subtitle2>
        <SettingField name="name" errors={errors} required>
          <Input value={settings.name} maxLength={200} disabled={disabled} onChange={(_, d) => set('name', d.value)} />
        </SettingField>
        <SettingField name="emailAddress" errors={errors} required warning={addressChanged && !emailError ? t('form.emailAddressChange') : undefined}>
          <Input type="email" value={settings.emailAddress} maxLength={320} disabled={disabled} onChange={(_, d) => set('emailAddress', d.value)} />
        </SettingField>
        <SettingField name="ownerId" errors={errors}>
          <Input value={ownerName} readOnly disabled={disabled} />
        </SettingField>
        <SettingField name="serverProfileId" errors={errors} hint={profileHint}>
          <Select
            value={settings.serverProfileId ?? ''}
            disabled={disabled}
            onChange={(_, d) => set('serverProfileId', d.value === '' ? null : d.value)}
          >
            <option value="">{labels.noProfile}</option>
            {profileOptions.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
            {currentProfileMissing && settings.serverProfileId !== null && (
              <option value={settings.serverProfileId}>
                {settings.serverProfileId === mailbox?.serverProfileId && mailbox.serverProfileName
                  ? profileWithStatus(mailbox.serverProfileName, mailbox.serverProfileStatus, t)
                  : t('form.currentProfile')}
              </option>
            )}
          </Select>
        </SettingField>
        <Field label={labels.column.type}>
          <Input value={labels.type[type]} readOnly disabled={disabled} />
        </Field>
        <SettingField name="isActive" errors={errors}>
          <Select value={settings.isActive ? 'active' : 'inactive'} disabled={disabled} onChange={(_, d) => set('isActive', d.value === 'active')}>
            <option value="active">{t('form.active')}</option>
            <option value="inactive">{t('form.inactive')}</option>
          </Select>
        </SettingField>
      </section>

      <section className={styles.section} aria-labelledby="section-sync">
        <Subtitle2 as="h2" id="section-sync">{t('form.sections.sync')}</Subtitle2>
        <SettingField name="incomingEmailDeliveryMethod" errors={errors}>
          <Select
            value={settings.incomingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('incomingEmailDeliveryMethod', d.value as MailboxSettings['incomingEmailDeliveryMethod'])}
          >
            {methodOptions(labels.incoming, settings.incomingEmailDeliveryMethod)}
          </Select>
        </SettingField>
        <SettingField name="outgoingEmailDeliveryMethod" errors={errors}>
          <Select
            value={settings.outgoingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('outgoingEmailDeliveryMethod', d.value as MailboxSettings['outgoingEmailDeliveryMethod'])}
          >
            {methodOptions(labels.outgoing, settings.outgoingEmailDeliveryMethod)}
          </Select>
        </SettingField>
        <SettingField name="appointmentsContactsTasksDeliveryMethod" errors={errors}>
          <Select
            value={settings.appointmentsContactsTasksDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('appointmentsContactsTasksDeliveryMethod', d.value as MailboxSettings['appointmentsContactsTasksDeliveryMethod'])}
          >
            {methodOptions(labels.act, settings.appointmentsContactsTasksDeliveryMethod)}
          </Select>
        </SettingField>
      </section>

      {mailbox && <ConfigurationTestResults mailbox={mailbox} />}
      {mailbox && <MailboxTestAndEnable environmentId={environmentId} mailbox={mailbox} />}

      <section className={styles.section} aria-labelledby="section-advanced">
        <Subtitle2 as="h2" id="section-advanced">{t('form.sections.advanced')}</Subtitle2>
        <SettingField name="syncItemsFromThisOrgOnly" errors={errors}>
          <Switch
            checked={settings.syncItemsFromThisOrgOnly}
            label={settings.syncItemsFromThisOrgOnly ? t('common:commands.yes') : t('common:commands.no')}
            disabled={disabled}
            onChange={(_, d) => set('syncItemsFromThisOrgOnly', d.checked)}
          />
        </SettingField>
        <SettingField name="allowCredentialsForEmailProcessing" errors={errors} hint={t('form.credentialsHint')}>
          <Switch
            checked={settings.allowCredentialsForEmailProcessing}
            label={settings.allowCredentialsForEmailProcessing ? t('common:commands.yes') : t('common:commands.no')}
            disabled={disabled}
            onChange={(_, d) => set('allowCredentialsForEmailProcessing', d.checked)}
          />
        </SettingField>
        <SettingField name="userName" errors={errors}>
          <Input
            value={settings.userName ?? ''}
            maxLength={256}
            autoComplete="off"
            disabled={disabled}
            onChange={(_, d) => set('userName', d.value === '' ? null : d.value)}
          />
        </SettingField>
        <SettingField name="password" errors={errors}>
          {clearingPassword ? (
            <span className={styles.row}>
              <Text>{t('form.passwordCleared')}</Text>
              <Button size="small" disabled={disabled} onClick={() => setPassword({ kind: 'keep' })}>{t('form.undo')}</Button>
            </span>
          ) : (
            <span className={styles.row}>
              <span className={styles.grow}>
                <SecretInput
                  label={labels.setting.password}
                  stored={mailbox?.passwordSet}
                  replacing={password.kind === 'set'}
                  value={password.kind === 'set' ? password.value : ''}
                  disabled={disabled}
                  onReplace={(replacing) => setPassword(replacing ? { kind: 'set', value: '' } : { kind: 'keep' })}
                  onChange={(value) => {
                    setPassword({ kind: 'set', value });
                    setErrors((prev) => prev.filter((e) => e.field !== 'password'));
                  }}
                />
              </span>
              {mailbox?.passwordSet && keepingPassword && (
                <Button size="small" aria-label={t('form.clearPassword')} disabled={disabled} onClick={() => setPassword({ kind: 'clear' })}>
                  {t('form.clear')}
                </Button>
              )}
            </span>
          )}
        </SettingField>
        <SettingField name="processEmailsReceivedAfter" errors={errors}>
          <Input
            type="datetime-local"
            value={toLocalDateTimeInput(settings.processEmailsReceivedAfter)}
            disabled={disabled}
            onChange={(_, d) => set('processEmailsReceivedAfter', fromLocalDateTimeInput(d.value))}
          />
        </SettingField>
      </section>

      {confirmingApprove && mailbox && (
        <ApproveEmailDialog
          count={1}
          name={mailbox.name}
          running={action.isPending}
          onConfirm={approveThisMailbox}
          onCancel={() => setConfirmingApprove(false)}
        />
      )}
      {confirmingDeactivate && mailbox && (
        <ConfirmDialog
          title={t('deactivate.title')}
          confirmLabel={t('form.deactivate')}
          busyLabel={t('deactivate.busy')}
          busy={update.isPending}
          onConfirm={() => setActive(false)}
          onCancel={() => setConfirmingDeactivate(false)}
        >
          {t('deactivate.text', { name: mailbox.name, emailAddress: mailbox.emailAddress })}
        </ConfirmDialog>
      )}
      {startingTestAndEnable && mailbox && (
        <TestAndEnableFlow
          environmentId={environmentId}
          command={{ kind: 'mailboxes', target: { ids: [mailbox.id] }, count: 1, name: mailbox.name }}
          onClose={() => setStartingTestAndEnable(false)}
        />
      )}
      {connectionTest && mailbox && (
        <MailboxConnectionTestDialog mailboxName={mailbox.name} result={connectionTest} onClose={() => setConnectionTest(null)} />
      )}
    </form>
  );
}

interface SettingFieldProps {
  name: MailboxField;
  errors: readonly FieldError[];
  hint?: string;
  required?: boolean;
  warning?: string;
  children: ReactNode;
}

/** One setting of the form under its label, with its error (or a warning) beneath. */
function SettingField({ name, errors, hint, required = false, warning, children }: SettingFieldProps) {
  const labels = useMailboxLabels();
  const error = errors.find((e) => e.field === name)?.message;
  return (
    <Field
      label={labels.setting[name]}
      hint={hint}
      required={required}
      validationState={error ? 'error' : warning ? 'warning' : 'none'}
      validationMessage={error ?? warning}
    >
      {children}
    </Field>
  );
}

/** The current profile's name when it is not among the active profiles listed, with why it is not. */
function profileWithStatus(name: string, status: MailboxResponse['serverProfileStatus'], t: TFunction<'mailboxes'>): string {
  if (status === 'inactive') return t('filters.inactiveProfile', { name });
  if (status === 'notReadable') return t('form.profileHidden', { name });
  return name;
}

/** One mailbox's outcome of a command run from its own page. */
function messageForResult(result: BulkResultResponse, t: TFunction<'mailboxes'>): FormMessage {
  const row = result.results[0];
  const decision = row?.decisionIndex === undefined ? undefined : result.decisions[row.decisionIndex];
  if (!row) return { intent: 'warning', title: t('form.nothingDone') };
  return {
    intent: row.outcome === 'done' ? 'success' : 'warning',
    title: row.outcome === 'done' ? row.message : t('form.skipped', { message: row.message }),
    ...(decision && row.outcome === 'skipped' ? { decision } : {}),
  };
}
