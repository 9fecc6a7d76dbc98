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
  APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS,
  INCOMING_EMAIL_DELIVERY_METHOD_LABELS,
  MAILBOX_SETTING_LABELS,
  MAILBOX_TYPE_LABELS,
  OUTGOING_EMAIL_DELIVERY_METHOD_LABELS,
  validateMailbox,
  type ApprovalDecisionResponse,
  type BulkResultResponse,
  type EnvironmentResponse,
  type FieldError,
  type MailboxConnectionTestResponse,
  type MailboxResponse,
} from '@sync-admin/contract';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { useFormBehaviour, useFormCommandBarStyles } from '../../../components/form-behaviour.tsx';
import { FormMessageBar, type FormMessage } from '../../../components/form-message-bar.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError, errorMessage, isStaleRecord } from '../../../lib/api-client.ts';
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
  fieldsNeedAttention,
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
import { WhyPopover } from './approval-checks.tsx';
import { ApproveEmailDialog } from './approve-email-dialog.tsx';
import { ConfigurationTestResults } from './configuration-test-results.tsx';
import { MailboxConnectionTestDialog } from './mailbox-connection-test-dialog.tsx';
import { MailboxTestAndEnable } from './mailbox-test-and-enable.tsx';

export const EMAIL_ADDRESS_CHANGE_WARNING = 'Changing the email address means it needs to be approved again.';
export const MAILBOX_READ_ONLY = "You can view this mailbox but not change it: you don't have Write privilege on it.";
const NEEDS_WRITE = "You don't have Write privilege on this mailbox.";
export const PROFILES_NOT_READABLE = 'You need Read privilege on Email Server Profile to see the profiles or choose another one.';
/** Beside the current profile's name when it is not among the active profiles listed. */
const PROFILE_STATUS_SUFFIX: Record<NonNullable<MailboxResponse['serverProfileStatus']>, string> = {
  active: '',
  inactive: ' (inactive)',
  notReadable: ' (hidden: you cannot read server profiles)',
};

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
  const [message, setMessage] = useState<MailboxFormMessage | null>(savedOnArrival ? { intent: 'success', title: 'Saved' } : null);
  const [confirmingApprove, setConfirmingApprove] = useState(false);
  const [confirmingDeactivate, setConfirmingDeactivate] = useState(false);
  const [startingTestAndEnable, setStartingTestAndEnable] = useState(false);
  const [connectionTest, setConnectionTest] = useState<MailboxConnectionTestResponse | null>(null);

  const saving = create.isPending || update.isPending;
  const isDirty = Object.keys(changedSettings(baseline, settingsToWire(settings))).length > 0 || password.kind !== 'keep';
  const { formRef, guardDialog, focusFirstError, leaveWithoutAsking } = useFormBehaviour(isDirty);
  const commandBar = useFormCommandBarStyles().commandBar;
  const disabled = !canWrite || saving;
  const errorOf = (field: MailboxField) => errors.find((e) => e.field === field)?.message;
  const set = <K extends keyof MailboxSettings>(field: K, value: MailboxSettings[K]) => {
    setSettings((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => prev.filter((e) => e.field !== field));
  };

  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    const elsewhere = found.filter((e) => !SHOWN_FIELDS.has(e.field)).map((e) => e.message);
    setMessage({ intent: 'error', title: fieldsNeedAttention(found.length), details: elsewhere });
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
      setMessage({ intent: 'info', title: 'Reloaded: these are the current values. Make your change again.' });
    } catch (error) {
      setMessage({ intent: 'error', title: errorMessage(error) });
    }
  };

  const onSaveError = (error: unknown) => {
    if (isStaleRecord(error)) setMessage({ intent: 'warning', title: error.message, action: { label: 'Reload', run: () => void reload() } });
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
      showErrors(found);
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
      setMessage({ intent: 'info', title: 'There are no changes to save.' });
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
            title: 'Saved',
            details: changed.emailAddress !== undefined && updated.emailAddressStatus === 'pendingApproval'
              ? ['The new email address is pending approval.']
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
        onSuccess: (result: BulkResultResponse) => setMessage(messageForResult(result)),
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
            title: updated.isActive ? `${updated.name} was activated.` : `${updated.name} was deactivated. It won't synchronize email until it is activated again.`,
          });
        },
      },
    );
  };

  const addressChanged = mailbox !== undefined && settings.emailAddress.trim().toLowerCase() !== mailbox.emailAddress.toLowerCase();
  const emailError = errorOf('emailAddress');

  const profileOptions = profiles.data?.items ?? [];
  const currentProfileMissing = settings.serverProfileId !== null && !profileOptions.some((p) => p.id === settings.serverProfileId);

  const methodOptions = (labels: Record<string, string>, current: string) =>
    Object.entries(labels)
      // Seed 000: Microsoft Dynamics 365 for Outlook is not offered for queue mailboxes (unless already stored).
      .filter(([value]) => type !== 'queue' || value !== 'outlook' || value === current)
      .map(([value, label]) => <option key={value} value={value}>{label}</option>);

  const field = (name: MailboxField, control: ReactNode, extra?: { hint?: string; required?: boolean; warning?: string }) => {
    const error = errorOf(name);
    const label = name === 'password' ? 'Password' : MAILBOX_SETTING_LABELS[name];
    return (
      <Field
        label={label}
        hint={extra?.hint}
        required={extra?.required ?? false}
        validationState={error ? 'error' : extra?.warning ? 'warning' : 'none'}
        validationMessage={error ?? extra?.warning}
      >
        {control}
      </Field>
    );
  };

  return (
    <form ref={formRef} className={styles.form} onSubmit={submit} noValidate aria-label="Mailbox">
      {guardDialog}
      <Toolbar aria-label="Mailbox commands" className={commandBar}>
        {canWrite && (
          <ToolbarButton type="submit" appearance="primary" icon={<SaveRegular />} disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </ToolbarButton>
        )}
        {mailbox && (
          <>
            {approve.isShown && (
              <Tooltip content={approve.reason ?? 'Approve the email address of this mailbox'} relationship="description">
                <ToolbarButton
                  icon={<CheckmarkStarburstRegular />}
                  disabledFocusable={!approve.isEnabled || action.isPending}
                  onClick={() => approve.isEnabled && setConfirmingApprove(true)}
                >
                  Approve Email
                </ToolbarButton>
              </Tooltip>
            )}
            <Tooltip
              content={!canWrite ? NEEDS_WRITE : mailbox.testAndEnableRequestedAt ? `A Test & Enable run is already queued since ${new Date(mailbox.testAndEnableRequestedAt).toLocaleString()}.` : 'Test the email configuration and enable the mailbox'}
              relationship="description"
            >
              <ToolbarButton
                icon={<MailCheckmarkRegular />}
                disabledFocusable={!canWrite || mailbox.testAndEnableRequestedAt !== null}
                onClick={() => canWrite && mailbox.testAndEnableRequestedAt === null && setStartingTestAndEnable(true)}
              >
                Test &amp; Enable Mailbox
              </ToolbarButton>
            </Tooltip>
            <Tooltip
              content={canWrite ? 'Run the checks now and see each step; the statuses stay as they are' : NEEDS_WRITE}
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
                    onError: (error) => setMessage({ intent: 'error', title: `Test connection didn't run: ${errorMessage(error)}` }),
                  });
                }}
              >
                {testConnection.isPending ? 'Testing…' : 'Test connection'}
              </ToolbarButton>
            </Tooltip>
          </>
        )}
        {mailbox && canWrite && (
          baseline.isActive ? (
            <ToolbarButton icon={<DismissCircleRegular />} disabled={saving} onClick={() => setConfirmingDeactivate(true)}>Deactivate</ToolbarButton>
          ) : (
            <ToolbarButton icon={<CheckmarkCircleRegular />} disabled={saving} onClick={() => setActive(true)}>Activate</ToolbarButton>
          )
        )}
        <ToolbarButton icon={<DismissRegular />} onClick={() => void navigate(paths.mailboxes.getHref(environmentId))}>
          {mailbox ? 'Close' : 'Cancel'}
        </ToolbarButton>
      </Toolbar>

      {!canWrite && <MessageBar intent="info"><MessageBarBody>{MAILBOX_READ_ONLY}</MessageBarBody></MessageBar>}
      {mailbox && !approve.isEnabled && approve.decision && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Approve Email isn&apos;t available</MessageBarTitle>
            <span className={styles.row}>
              <span>{approve.reason}</span>
              <WhyPopover decision={approve.decision} />
            </span>
          </MessageBarBody>
        </MessageBar>
      )}
      {message && (
        <FormMessageBar message={message}>
          {message.decision && <WhyPopover decision={message.decision} label="Rules checked" />}
        </FormMessageBar>
      )}

      <section className={styles.section} aria-labelledby="section-general">
        <Subtitle2 as="h2" id="section-general">General</Subtitle2>
        {field('name', <Input value={settings.name} maxLength={200} disabled={disabled} onChange={(_, d) => set('name', d.value)} />, { required: true })}
        {field(
          'emailAddress',
          <Input type="email" value={settings.emailAddress} maxLength={320} disabled={disabled} onChange={(_, d) => set('emailAddress', d.value)} />,
          { required: true, warning: addressChanged && !emailError ? EMAIL_ADDRESS_CHANGE_WARNING : undefined },
        )}
        {field('ownerId', <Input value={ownerName} readOnly disabled={disabled} />)}
        {field(
          'serverProfileId',
          <Select
            value={settings.serverProfileId ?? ''}
            disabled={disabled}
            onChange={(_, d) => set('serverProfileId', d.value === '' ? null : d.value)}
          >
            <option value="">(none)</option>
            {profileOptions.map((profile) => <option key={profile.id} value={profile.id}>{profile.name}</option>)}
            {currentProfileMissing && settings.serverProfileId !== null && (
              <option value={settings.serverProfileId}>
                {settings.serverProfileId === mailbox?.serverProfileId && mailbox.serverProfileName
                  ? `${mailbox.serverProfileName}${PROFILE_STATUS_SUFFIX[mailbox.serverProfileStatus ?? 'active']}`
                  : 'Current profile'}
              </option>
            )}
          </Select>,
          {
            hint: mailbox?.serverProfileStatus === 'notReadable'
              ? PROFILES_NOT_READABLE
              : profiles.isError ? 'The active server profiles could not be loaded.' : undefined,
          },
        )}
        <Field label="Type">
          <Input value={MAILBOX_TYPE_LABELS[type]} readOnly disabled={disabled} />
        </Field>
        {field(
          'isActive',
          <Select value={settings.isActive ? 'active' : 'inactive'} disabled={disabled} onChange={(_, d) => set('isActive', d.value === 'active')}>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </Select>,
        )}
      </section>

      <section className={styles.section} aria-labelledby="section-sync">
        <Subtitle2 as="h2" id="section-sync">Synchronization Method</Subtitle2>
        {field(
          'incomingEmailDeliveryMethod',
          <Select
            value={settings.incomingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('incomingEmailDeliveryMethod', d.value as MailboxSettings['incomingEmailDeliveryMethod'])}
          >
            {methodOptions(INCOMING_EMAIL_DELIVERY_METHOD_LABELS, settings.incomingEmailDeliveryMethod)}
          </Select>,
        )}
        {field(
          'outgoingEmailDeliveryMethod',
          <Select
            value={settings.outgoingEmailDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('outgoingEmailDeliveryMethod', d.value as MailboxSettings['outgoingEmailDeliveryMethod'])}
          >
            {methodOptions(OUTGOING_EMAIL_DELIVERY_METHOD_LABELS, settings.outgoingEmailDeliveryMethod)}
          </Select>,
        )}
        {field(
          'appointmentsContactsTasksDeliveryMethod',
          <Select
            value={settings.appointmentsContactsTasksDeliveryMethod}
            disabled={disabled}
            onChange={(_, d) => set('appointmentsContactsTasksDeliveryMethod', d.value as MailboxSettings['appointmentsContactsTasksDeliveryMethod'])}
          >
            {methodOptions(APPOINTMENTS_CONTACTS_TASKS_DELIVERY_METHOD_LABELS, settings.appointmentsContactsTasksDeliveryMethod)}
          </Select>,
        )}
      </section>

      {mailbox && <ConfigurationTestResults mailbox={mailbox} />}
      {mailbox && <MailboxTestAndEnable environmentId={environmentId} mailbox={mailbox} />}

      <section className={styles.section} aria-labelledby="section-advanced">
        <Subtitle2 as="h2" id="section-advanced">Advanced</Subtitle2>
        {field(
          'syncItemsFromThisOrgOnly',
          <Switch
            checked={settings.syncItemsFromThisOrgOnly}
            label={settings.syncItemsFromThisOrgOnly ? 'Yes' : 'No'}
            disabled={disabled}
            onChange={(_, d) => set('syncItemsFromThisOrgOnly', d.checked)}
          />,
        )}
        {field(
          'allowCredentialsForEmailProcessing',
          <Switch
            checked={settings.allowCredentialsForEmailProcessing}
            label={settings.allowCredentialsForEmailProcessing ? 'Yes' : 'No'}
            disabled={disabled}
            onChange={(_, d) => set('allowCredentialsForEmailProcessing', d.checked)}
          />,
          { hint: 'The User Name and Password below are used only while this is on.' },
        )}
        {field(
          'userName',
          <Input
            value={settings.userName ?? ''}
            maxLength={256}
            autoComplete="off"
            disabled={disabled}
            onChange={(_, d) => set('userName', d.value === '' ? null : d.value)}
          />,
        )}
        {field(
          'password',
          password.kind === 'clear' ? (
            <span className={styles.row}>
              <Text>The password will be cleared when you save.</Text>
              <Button size="small" disabled={disabled} onClick={() => setPassword({ kind: 'keep' })}>Undo</Button>
            </span>
          ) : (
            <span className={styles.row}>
              <span className={styles.grow}>
                <SecretInput
                  label="Password"
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
              {mailbox?.passwordSet && password.kind === 'keep' && (
                <Button size="small" aria-label="Clear Password" disabled={disabled} onClick={() => setPassword({ kind: 'clear' })}>
                  Clear
                </Button>
              )}
            </span>
          ),
        )}
        {field(
          'processEmailsReceivedAfter',
          <Input
            type="datetime-local"
            value={toLocalDateTimeInput(settings.processEmailsReceivedAfter)}
            disabled={disabled}
            onChange={(_, d) => set('processEmailsReceivedAfter', fromLocalDateTimeInput(d.value))}
          />,
        )}
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
          title="Deactivate mailbox?"
          confirmLabel="Deactivate"
          busyLabel="Deactivating…"
          busy={update.isPending}
          onConfirm={() => setActive(false)}
          onCancel={() => setConfirmingDeactivate(false)}
        >
          &ldquo;{mailbox.name}&rdquo; ({mailbox.emailAddress}) will be deactivated and won&apos;t synchronize email until it is
          activated again.
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

/** One mailbox's outcome of a command run from its own page. */
function messageForResult(result: BulkResultResponse): FormMessage {
  const row = result.results[0];
  const decision = row?.decisionIndex === undefined ? undefined : result.decisions[row.decisionIndex];
  if (!row) return { intent: 'warning', title: 'Nothing was done.' };
  return {
    intent: row.outcome === 'done' ? 'success' : 'warning',
    title: row.outcome === 'done' ? row.message : `Skipped: ${row.message}`,
    ...(decision && row.outcome === 'skipped' ? { decision } : {}),
  };
}
