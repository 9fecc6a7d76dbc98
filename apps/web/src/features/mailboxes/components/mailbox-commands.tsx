import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowClockwiseRegular,
  ArrowDownloadRegular,
  ArrowUploadRegular,
  ArrowRepeatAllRegular,
  CheckmarkStarburstRegular,
  ChevronDownRegular,
  EditRegular,
  MailCheckmarkRegular,
  MoreHorizontalRegular,
  PersonMailRegular,
  PeopleTeamRegular,
  SettingsRegular,
} from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import type { ApproveEmailAvailability } from '../api/get-approve-email-availability.ts';

const useStyles = makeStyles({
  toolbar: {
    flexWrap: 'wrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '& button': { whiteSpace: 'nowrap' },
  },
  count: { marginInlineStart: 'auto', paddingInline: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
});

interface Props {
  canWrite: boolean;
  selectedCount: number;
  busy: boolean;
  isRefreshing: boolean;
  approve: ApproveEmailAvailability;
  onNew: (type: 'user' | 'queue') => void;
  onEdit: () => void;
  onApplyDefaults: () => void;
  onTestAndEnable: () => void;
  onRetestFailed: () => void;
  onApprove: () => void;
  onRefresh: () => void;
  /** Export to CSV: a link to the current view's file (filter, sort, visible columns). */
  exportHref: string;
  onImport: () => void;
}

/**
 * The Mailboxes command bar, as in the admin center. Write commands are left out for users without Write
 * privilege on Mailbox, and Approve Email for users the server says it does not appear for (seed 000);
 * where it appears but cannot run, it stays visible, disabled, with the server's reason.
 */
export function MailboxCommands({
  canWrite, selectedCount, busy, isRefreshing, approve, onNew, onEdit, onApplyDefaults, onTestAndEnable, onRetestFailed, onApprove, onRefresh, exportHref, onImport,
}: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const none = selectedCount === 0;
  const approveItem = (
    <MenuItem icon={<CheckmarkStarburstRegular />} disabled={!approve.isEnabled || busy} onClick={onApprove}>
      {t('action.approveEmail')}
    </MenuItem>
  );

  return (
    <Toolbar aria-label={t('commands.label')} className={styles.toolbar}>
      {canWrite && (
        <>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <ToolbarButton icon={<AddRegular />}>
                {t('commands.new')} <ChevronDownRegular aria-hidden />
              </ToolbarButton>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                <MenuItem icon={<PersonMailRegular />} onClick={() => onNew('user')}>{t('newUserMailbox')}</MenuItem>
                <MenuItem icon={<PeopleTeamRegular />} onClick={() => onNew('queue')}>{t('newQueueMailbox')}</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
          <ToolbarButton icon={<EditRegular />} disabled={none || busy} onClick={onEdit}>{t('commands.edit')}</ToolbarButton>
          <ToolbarButton icon={<SettingsRegular />} disabled={none || busy} onClick={onApplyDefaults}>
            {t('action.applyDefaults')}
          </ToolbarButton>
          <ToolbarButton icon={<MailCheckmarkRegular />} disabled={none || busy} onClick={onTestAndEnable}>
            {t('commands.testAndEnable')}
          </ToolbarButton>
          {/* Acts on the view's filter, not on the selection: every mailbox of it whose last test failed. */}
          <ToolbarButton icon={<ArrowRepeatAllRegular />} disabled={busy} onClick={onRetestFailed}>
            {t('commands.retestFailed')}
          </ToolbarButton>
          <ToolbarDivider />
        </>
      )}
      <ToolbarButton icon={<ArrowClockwiseRegular />} disabled={isRefreshing} onClick={onRefresh}>{t('commands.refresh')}</ToolbarButton>
      {/* A plain link: the browser downloads the stream itself, with the session cookie. */}
      <ToolbarButton as="a" href={exportHref} download icon={<ArrowDownloadRegular />}>{t('commands.export')}</ToolbarButton>
      {canWrite && <ToolbarButton icon={<ArrowUploadRegular />} disabled={busy} onClick={onImport}>{t('commands.import')}</ToolbarButton>}
      {approve.isShown && (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Tooltip content={t('commands.more')} relationship="label">
              <ToolbarButton icon={<MoreHorizontalRegular />} aria-label={t('commands.more')} />
            </Tooltip>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {approve.reason && !approve.isEnabled ? (
                <Tooltip content={approve.reason} relationship="description" positioning="after">
                  {approveItem}
                </Tooltip>
              ) : (
                approveItem
              )}
            </MenuList>
          </MenuPopover>
        </Menu>
      )}
      <Text className={styles.count} aria-live="polite">
        {selectedCount === 0 ? t('commands.noneSelected') : t('commands.selected', { number: formatNumber(selectedCount) })}
      </Text>
    </Toolbar>
  );
}
