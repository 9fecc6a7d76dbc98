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
  PRIVILEGE_DEPTH_LABELS,
  PRIVILEGE_LABELS,
  type Privilege,
  type PrivilegeDepth,
  type SecurityRoleResponse,
} from '@sync-admin/contract';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client.ts';
import { useSetSecurityRolePrivilege } from '../api/set-security-role-privilege.ts';
import { PRIVILEGE_TABS } from '../lib/privilege-groups.ts';
import { PrivilegeDepthIcon } from './privilege-depth-icon.tsx';

export const SECURITY_ROLE_WRITE_REQUIRED = 'You need Write privilege on Security Role to change privileges.';
export const SYSTEM_ADMINISTRATOR_LOCKED =
  'The System Administrator role always has every privilege at the Organization level, so it can\u2019t be changed.';

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

const depthLabel = (depth: PrivilegeDepth | null) => (depth ? PRIVILEGE_DEPTH_LABELS[depth] : 'None');

function LevelText({ depth }: { depth: PrivilegeDepth | null }) {
  const styles = useStyles();
  return (
    <span className={styles.level}>
      <PrivilegeDepthIcon depth={depth} />
      <Text>{depthLabel(depth)}</Text>
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
  const setPrivilege = useSetSecurityRolePrivilege(environmentId);
  const [tab, setTab] = useState(PRIVILEGE_TABS[0]?.value ?? '');
  const [notice, setNotice] = useState<Notice | null>(null);

  const isLocked = role.isBuiltIn && role.name === BUILT_IN_ROLE_NAMES.systemAdministrator;
  const readOnlyReason = !canWrite ? SECURITY_ROLE_WRITE_REQUIRED : isLocked ? SYSTEM_ADMINISTRATOR_LOCKED : null;
  const pendingPrivilege = setPrivilege.isPending ? setPrivilege.variables.privilege : null;
  const selectedTab = PRIVILEGE_TABS.find((t) => t.value === tab) ?? PRIVILEGE_TABS[0];

  const change = (privilege: Privilege, depth: PrivilegeDepth | null) => {
    if (depth === (role.privileges[privilege] ?? null)) return;
    setNotice(null);
    setPrivilege.mutate(
      { roleId: role.id, privilege, depth },
      {
        onSuccess: () =>
          setNotice({ intent: 'success', text: `${PRIVILEGE_LABELS[privilege]} is now ${depthLabel(depth)} on ${role.name}.` }),
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
          aria-label={PRIVILEGE_LABELS[privilege]}
          value={depthLabel(depth)}
          selectedOptions={[depth ?? NONE]}
          disabled={pendingPrivilege !== null}
          onOptionSelect={(_, data) => change(privilege, data.optionValue === NONE ? null : (data.optionValue as PrivilegeDepth))}
        >
          <Option value={NONE} text="None">
            <span className={styles.level}><PrivilegeDepthIcon depth={null} /> None</span>
          </Option>
          {PRIVILEGE_DEPTHS.map((value) => (
            <Option key={value} value={value} text={PRIVILEGE_DEPTH_LABELS[value]}>
              <span className={styles.level}><PrivilegeDepthIcon depth={value} /> {PRIVILEGE_DEPTH_LABELS[value]}</span>
            </Option>
          ))}
        </Dropdown>
        {pendingPrivilege === privilege && <Spinner size="extra-tiny" aria-label="Saving" />}
      </span>
    );
  };

  return (
    <div className={styles.root}>
      <div className={styles.summary}>
        {role.isBuiltIn ? <Badge appearance="tint" color="brand">Built-in role</Badge> : <Badge appearance="tint">Custom role</Badge>}
        <Text>{role.userCount} {role.userCount === 1 ? 'user' : 'users'}</Text>
        <Text>{role.teamCount} {role.teamCount === 1 ? 'team' : 'teams'}</Text>
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
              <Button appearance="transparent" aria-label="Dismiss" icon={<DismissRegular />} onClick={() => setNotice(null)} />
            }
          />
        </MessageBar>
      )}

      <TabList
        className={styles.tabs}
        selectedValue={selectedTab?.value}
        onTabSelect={(_, data) => setTab(String(data.value))}
        aria-label="Privilege areas"
      >
        {PRIVILEGE_TABS.map((t) => (
          <Tab key={t.value} value={t.value} id={`privilege-tab-${t.value}`}>{t.label}</Tab>
        ))}
      </TabList>

      {selectedTab && (
        <div role="tabpanel" aria-labelledby={`privilege-tab-${selectedTab.value}`}>
          {selectedTab.groups.map((group) => {
            const headingId = `privilege-group-${selectedTab.value}-${group.title.replace(/\W+/g, '-').toLowerCase()}`;
            return (
              <section key={group.title} className={styles.group} aria-labelledby={headingId}>
                <Subtitle2 as="h2" id={headingId}>{group.title}</Subtitle2>
                <Table size="small" aria-labelledby={headingId}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Privilege</TableHeaderCell>
                      <TableHeaderCell className={styles.levelColumn}>Level</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {group.privileges.map((privilege) => (
                      <TableRow key={privilege}>
                        <TableCell>{PRIVILEGE_LABELS[privilege]}</TableCell>
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
        <Text weight="semibold">Key:</Text>
        {([null, ...PRIVILEGE_DEPTHS] as const).map((depth) => <LevelText key={depth ?? NONE} depth={depth} />)}
      </div>
    </div>
  );
}
