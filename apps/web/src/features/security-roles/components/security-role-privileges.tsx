import {
  Badge,
  Button,
  Dropdown,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  Spinner,
  Subtitle2,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular, LockClosedRegular } from '@fluentui/react-icons';
import {
  BUILT_IN_ROLE_NAMES,
  PRIVILEGE_DEPTHS,
  type Privilege,
  type PrivilegeDepth,
  type SecurityRoleResponse,
} from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client.ts';
import { formatNumber } from '../../../lib/format-time.ts';
import { useSetSecurityRolePrivilege } from '../api/set-security-role-privilege.ts';
import { useAccessLabels } from '../lib/labels.ts';
import { PRIVILEGE_TABS } from '../lib/privilege-groups.ts';
import { PrivilegeDepthIcon } from './privilege-depth-icon.tsx';

const NONE = 'none';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '860px', contain: 'inline-size' },
  summary: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  tabs: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  levelColumn: { width: '260px' },
  level: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '220px' },
  legend: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

function LevelText({ depth }: { depth: PrivilegeDepth | null }) {
  const styles = useStyles();
  const labels = useAccessLabels();
  return (
    <span className={styles.level}>
      <PrivilegeDepthIcon depth={depth} />
      <Text>{labels.depth(depth)}</Text>
    </span>
  );
}

interface Notice {
  intent: 'success' | 'error';
  text: string;
}

interface Props {
  environmentId: string;
  role: SecurityRoleResponse;
  canWrite: boolean;
}

/** A security role's privileges and their levels, tabbed and grouped as the Dynamics 365 role editor shows them. */
export function SecurityRolePrivileges({ environmentId, role, canWrite }: Props) {
  const styles = useStyles();
  const { t } = useTranslation(['security-roles', 'common']);
  const labels = useAccessLabels();
  const setPrivilege = useSetSecurityRolePrivilege(environmentId);
  const [tab, setTab] = useState(PRIVILEGE_TABS[0]?.value ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);

  const isLocked = role.isBuiltIn && role.name === BUILT_IN_ROLE_NAMES.systemAdministrator;
  const readOnlyReason = !canWrite ? t('role.writeRequired') : isLocked ? t('role.systemAdministratorLocked') : null;
  const pendingPrivilege = setPrivilege.isPending ? setPrivilege.variables.privilege : null;
  const selectedTab = PRIVILEGE_TABS.find((candidate) => candidate.value === tab) ?? PRIVILEGE_TABS[0];

  const change = (privilege: Privilege, depth: PrivilegeDepth | null) => {
    if (depth === (role.privileges[privilege] ?? null)) return;
    setNotice(null);
    setPrivilege.mutate(
      { roleId: role.id, privilege, depth },
      {
        onSuccess: () =>
          setNotice({ intent: 'success', text: t('role.changed', { privilege: labels.privilege[privilege], depth: labels.depth(depth), role: role.name }) }),
        onError: (error) => setNotice({ intent: 'error', text: errorMessage(error) }),
      },
    );
  };

  const renderLevel = (privilege: Privilege) => {
    const depth = role.privileges[privilege] ?? null;
    if (readOnlyReason) return <LevelText depth={depth} />;
    return (
      <span className={styles.level}>
        <Dropdown
          className={styles.dropdown}
          aria-label={labels.privilege[privilege]}
          value={labels.depth(depth)}
          selectedOptions={[depth ?? NONE]}
          disabled={pendingPrivilege !== null}
          onOptionSelect={(_, data) => change(privilege, data.optionValue === NONE ? null : (data.optionValue as PrivilegeDepth))}
        >
          {([null, ...PRIVILEGE_DEPTHS] as const).map((value) => (
            <Option key={value ?? NONE} value={value ?? NONE} text={labels.depth(value)}>
              <span className={styles.level}><PrivilegeDepthIcon depth={value} /> {labels.depth(value)}</span>
            </Option>
          ))}
        </Dropdown>
        {pendingPrivilege === privilege && <Spinner size="extra-tiny" aria-label={t('role.saving')} />}
      </span>
    );
  };

  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        {role.isBuiltIn ? <Badge appearance="tint" color="brand">{t('role.builtIn')}</Badge> : <Badge appearance="tint">{t('role.custom')}</Badge>}
        <Text>{t('role.users', { count: role.userCount, formatted: formatNumber(role.userCount) })}</Text>
        <Text>{t('role.teams', { count: role.teamCount, formatted: formatNumber(role.teamCount) })}</Text>
      </div>

      {readOnlyReason && (
        <MessageBar intent="info" icon={<LockClosedRegular />}>
          <MessageBarBody>{readOnlyReason}</MessageBarBody>
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

      <TabList
        className={styles.tabs}
        selectedValue={selectedTab?.value}
        onTabSelect={(_, data) => setTab(String(data.value))}
        aria-label={t('role.areas')}
      >
        {PRIVILEGE_TABS.map((area) => (
          <Tab key={area.value} value={area.value} id={`privilege-tab-${area.value}`}>{t(area.labelKey)}</Tab>
        ))}
      </TabList>

      {selectedTab && (
        <div role="tabpanel" aria-labelledby={`privilege-tab-${selectedTab.value}`}>
          {selectedTab.groups.map((group) => {
            const headingId = `privilege-${selectedTab.value}-${group.titleKey.replace(/\W+/g, '-')}`;
            return (
              <section key={group.titleKey} className={styles.group} aria-labelledby={headingId}>
                <Subtitle2 as="h2" id={headingId}>{t(group.titleKey)}</Subtitle2>
                <Table size="small" aria-labelledby={headingId}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('role.privilege')}</TableHeaderCell>
                      <TableHeaderCell className={styles.levelColumn}>{t('role.level')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {group.privileges.map((privilege) => (
                      <TableRow key={privilege}>
                        <TableCell>{labels.privilege[privilege]}</TableCell>
                        <TableCell className={styles.levelColumn}>{renderLevel(privilege)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </section>
            );
          })}
        </div>
      )}

      <div className={styles.legend}>
        <Text weight="semibold">{t('role.key')}</Text>
        {([null, ...PRIVILEGE_DEPTHS] as const).map((depth) => <LevelText key={depth ?? NONE} depth={depth} />)}
      </div>
    </div>
  );
}
