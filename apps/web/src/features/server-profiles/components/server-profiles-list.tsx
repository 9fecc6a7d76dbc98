import {
  Button,
  Label,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowRepeatAllRegular,
  CheckmarkCircleRegular,
  DeleteRegular,
  DismissCircleRegular,
  DismissRegular,
  EditRegular,
  MailCheckmarkRegular,
  PlugConnectedRegular,
  StarRegular,
} from '@fluentui/react-icons';
import { apiPaths } from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportToCsvLink } from '../../../components/export-to-csv-link.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { paths, type ServerProfileView } from '../../../config/paths.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { lazyComponent } from '../../../lib/lazy-component.tsx';
import { useDeleteServerProfile } from '../api/delete-server-profile.ts';
import { useServerProfiles } from '../api/get-server-profiles.ts';
import { useServerProfileCommand, type ServerProfileCommand } from '../api/server-profile-commands.ts';
import { useTestServerProfileConnection } from '../api/test-server-profile-connection.ts';
import { testResultText } from '../lib/test-result-text.ts';
import { TEST_AND_ENABLE_NEEDS_WRITE, type TestAndEnableCommand } from '../../test-and-enable/api/start-test-and-enable.ts';
import { ServerProfilesGrid } from './server-profiles-grid.tsx';
import { TEST_STATUSES } from './test-status-badge.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';

// The list is the first screen of most users: its dialogs load when first opened (the bundle budget).
const TestAndEnableFlow = lazyComponent(async () => (await import('../../test-and-enable/components/test-and-enable-flow.tsx')).TestAndEnableFlow);
const ConfirmDialog = lazyComponent(async () => (await import('../../../components/confirm-dialog.tsx')).ConfirmDialog);

const VIEWS: Record<ServerProfileView, { labelKey: string; emptyKey: string }> = {
  active: { labelKey: 'views.active', emptyKey: 'empty.active' },
  inactive: { labelKey: 'views.inactive', emptyKey: 'empty.inactive' },
  all: { labelKey: 'views.all', emptyKey: 'empty.all' },
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, contain: 'inline-size' },
  // On a phone the grid scrolls sideways inside its own region; the page itself never does.
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, maxWidth: '320px' },
  toolbar: {
    flexWrap: 'wrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& button': { whiteSpace: 'nowrap' },
  },
});

interface Notice {
  intent: 'error' | 'success' | 'warning';
  text: string;
}

interface Props {
  environmentId: string;
  canWrite: boolean;
  /** Write privilege on Mailbox, which starting Test & Enable needs (the API then decides per mailbox). */
  canTestAndEnable: boolean;
  view: ServerProfileView;
  onViewChange: (view: ServerProfileView) => void;
}

export function ServerProfilesList({ environmentId, canWrite, canTestAndEnable, view, onViewChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('server-profiles');
  const navigate = useNavigate();
  const profiles = useServerProfiles(environmentId, view);
  const command = useServerProfileCommand(environmentId);
  const testConnection = useTestServerProfileConnection(environmentId);
  const deleteProfile = useDeleteServerProfile(environmentId);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const viewId = useId('server-profiles-view');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [confirmingDeactivate, setConfirmingDeactivate] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [startCommand, setStartCommand] = useState<TestAndEnableCommand | null>(null);

  const items = profiles.data?.items ?? [];
  // Derived, so a profile that leaves the current view (e.g. deactivated) simply stops being selected.
  const selected = items.find((p) => p.id === selectedId);
  const busy = command.isPending || testConnection.isPending || deleteProfile.isPending;
  const canAct = canWrite && selected !== undefined && !busy;
  const canStart = canTestAndEnable && selected !== undefined && !busy;
  const start = (kind: 'serverProfile' | 'retestFailedServerProfile') =>
    selected && setStartCommand({ kind, profileId: selected.id, profileName: selected.name });
  const showError = (error: unknown) => setNotice({ intent: 'error', text: errorMessage(error) });

  const run = (name: ServerProfileCommand, done?: string) => {
    if (!selected) return;
    setNotice(null);
    command.mutate({ profileId: selected.id, command: name }, {
      onSettled: () => setConfirmingDeactivate(false),
      onError: showError,
      onSuccess: () => done && setNotice({ intent: 'success', text: done }),
    });
  };

  const runTest = () => {
    if (!selected) return;
    setNotice(null);
    testConnection.mutate(selected.id, {
      onError: showError,
      onSuccess: ({ name, lastTest }) => {
        if (!lastTest) return;
        const intent = lastTest.status === 'success' ? 'success' : lastTest.status === 'warning' ? 'warning' : 'error';
        setNotice({ intent, text: t('notice.tested', { name, status: t(TEST_STATUSES[lastTest.status].labelKey), message: testResultText(lastTest) }) });
      },
    });
  };

  const confirmDelete = () => {
    if (!selected) return;
    deleteProfile.mutate(selected.id, {
      onSuccess: () => {
        setConfirmingDelete(false);
        setNotice({ intent: 'success', text: t('notice.deleted', { name: selected.name }) });
      },
      onError: (error) => {
        setConfirmingDelete(false);
        showError(error);
      },
    });
  };

  return (
    <div className={styles.root}>
      {/* A Label, not a Field: Field's code was weight on the first screen (decision 59). */}
      <div className={styles.view}>
        <Label htmlFor={viewId}>{t('view')}</Label>
        <Select
          id={viewId}
          value={view}
          onChange={(_, data) => {
            setSelectedId(null);
            onViewChange(data.value as ServerProfileView);
          }}
        >
          {(Object.keys(VIEWS) as ServerProfileView[]).map((v) => (
            <option key={v} value={v}>
              {t(VIEWS[v].labelKey)}
            </option>
          ))}
        </Select>
      </div>

      <Toolbar aria-label={t('commands')} className={styles.toolbar}>
        <ToolbarButton
          icon={<AddRegular />}
          disabled={!canWrite}
          onClick={() => void navigate(paths.newServerProfile.getHref(environmentId))}
        >
          {t('common:newServerProfile')}
        </ToolbarButton>
        <ToolbarButton
          icon={<EditRegular />}
          disabled={!canAct}
          onClick={() => selected && void navigate(paths.serverProfile.getHref(environmentId, selected.id))}
        >
          {t('common:commands.edit')}
        </ToolbarButton>
        {selected && !selected.isActive ? (
          <ToolbarButton icon={<CheckmarkCircleRegular />} disabled={!canAct} onClick={() => run('activate', t('notice.activated', { name: selected.name }))}>
            {t('activate')}
          </ToolbarButton>
        ) : (
          <ToolbarButton icon={<DismissCircleRegular />} disabled={!canAct} onClick={() => setConfirmingDeactivate(true)}>
            {t('deactivate')}
          </ToolbarButton>
        )}
        <ToolbarButton icon={<DeleteRegular />} disabled={!canAct} onClick={() => setConfirmingDelete(true)}>
          {t('common:commands.delete')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton icon={<StarRegular />} disabled={!canAct || selected.isDefault} onClick={() => run('set-default')}>
          {t('setAsDefault')}
        </ToolbarButton>
        <ToolbarButton icon={<PlugConnectedRegular />} disabled={!canAct} onClick={runTest}>
          {testConnection.isPending ? t('testing') : t('testConnection')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton icon={<MailCheckmarkRegular />} disabled={!canStart} onClick={() => start('serverProfile')}>
          {t('testAndEnable')}
        </ToolbarButton>
        <ToolbarButton icon={<ArrowRepeatAllRegular />} disabled={!canStart} onClick={() => start('retestFailedServerProfile')}>
          {t('retestFailed')}
        </ToolbarButton>
        <ToolbarDivider />
        <ToolbarButton
          icon={<ArrowClockwiseRegular />}
          disabled={profiles.isFetching}
          onClick={() => void profiles.refetch()}
        >
          {t('common:commands.refresh')}
        </ToolbarButton>
        <ToolbarDivider />
        <ExportToCsvLink href={`${apiPaths.serverProfileExport(environmentId)}?view=${view}`} />
      </Toolbar>

      {!canWrite && (
        <MessageBar intent="info">
          <MessageBarBody>{t('writePrivilegeRequired')}</MessageBarBody>
        </MessageBar>
      )}
      {!canTestAndEnable && (
        <MessageBar intent="info">
          <MessageBarBody>{TEST_AND_ENABLE_NEEDS_WRITE}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" aria-label={t('common:commands.dismiss')} icon={<DismissRegular />} onClick={() => setNotice(null)} />
            }
          />
        </MessageBar>
      )}

      {profiles.isPending ? (
        <Spinner label={t('loading')} />
      ) : profiles.isError ? (
        <LoadError error={profiles.error} onRetry={() => void profiles.refetch()} />
      ) : items.length === 0 ? (
        <Text>{t(VIEWS[view].emptyKey)}</Text>
      ) : (
        <SideScrollRegion label={t('gridLabel')} minWidth="720px">
          <ServerProfilesGrid profiles={items} selectedId={selectedId} onSelect={setSelectedId} />
        </SideScrollRegion>
      )}

      {confirmingDelete && selected && (
        <ConfirmDialog
          title={t('deleteDialog.title')}
          confirmLabel={t('common:commands.delete')}
          busyLabel={t('deleteDialog.busy')}
          busy={deleteProfile.isPending}
          onConfirm={confirmDelete}
          onCancel={() => setConfirmingDelete(false)}
        >
          {t('deleteDialog.text', { name: selected.name })}
        </ConfirmDialog>
      )}
      {confirmingDeactivate && selected && (
        <ConfirmDialog
          title={t('deactivateDialog.title')}
          confirmLabel={t('deactivate')}
          busyLabel={t('deactivateDialog.busy')}
          busy={command.isPending}
          onConfirm={() => run('deactivate', t('notice.deactivated', { name: selected.name }))}
          onCancel={() => setConfirmingDeactivate(false)}
        >
          {t('deactivateDialog.text', { name: selected.name })}
        </ConfirmDialog>
      )}
      {startCommand && <TestAndEnableFlow environmentId={environmentId} command={startCommand} onClose={() => setStartCommand(null)} />}
    </div>
  );
}
