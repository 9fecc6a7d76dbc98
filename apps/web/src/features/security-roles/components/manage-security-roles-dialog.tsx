import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { SecurityRoleResponse } from '@sync-admin/contract';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/api-client.ts';

export interface RoleAssignee {
  kind: 'user' | 'team';
  id: string;
  name: string;
  roleIds: string[];
}

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  /** Open while set. */
  assignee: RoleAssignee | null;
  roles: SecurityRoleResponse[];
  saving: boolean;
  /** The last save's refusal, shown inside the dialog while the admin's choice stays as it was. */
  error: unknown;
  onSave: (roleIds: string[]) => void;
  onCancel: () => void;
}

/** Manage security roles of one user or team: the complete set of roles it holds in this environment. */
export function ManageSecurityRolesDialog({ assignee, roles, saving, error, onSave, onCancel }: Props) {
  return (
    <Dialog open={assignee !== null} onOpenChange={(_, data) => !data.open && !saving && onCancel()}>
      <DialogSurface>
        {assignee && (
          // Keyed so each opening starts from what the user or team holds now.
          <ManageSecurityRolesForm
            key={`${assignee.kind}:${assignee.id}`}
            assignee={assignee}
            roles={roles}
            saving={saving}
            error={error}
            onSave={onSave}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function ManageSecurityRolesForm({ assignee, roles, saving, error, onSave }: Omit<Props, 'onCancel' | 'assignee'> & { assignee: RoleAssignee }) {
  const styles = useStyles();
  const { t } = useTranslation(['security-roles', 'common']);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(assignee.roleIds));
  const sortedRoles = [...roles].sort((a, b) => a.name.localeCompare(b.name));
  const isChanged =
    selected.size !== assignee.roleIds.length || assignee.roleIds.some((id) => !selected.has(id));

  const toggle = (roleId: string, checked: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(roleId);
      else next.delete(roleId);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(sortedRoles.filter((role) => selected.has(role.id)).map((role) => role.id));
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{t('manage')}</DialogTitle>
        <DialogContent className={styles.content}>
          <Text>
            <Trans
              t={t}
              i18nKey={assignee.kind === 'team' ? 'dialog.chooseTeam' : 'dialog.choose'}
              values={{ name: assignee.name }}
              components={{ b: <strong /> }}
            />
          </Text>
          {error !== null && error !== undefined && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('dialog.notSaved')}</MessageBarTitle>
                {errorMessage(error)}
              </MessageBarBody>
            </MessageBar>
          )}
          <fieldset className={styles.fieldset} disabled={saving}>
            <legend className={styles.legend}>{t('securityRoles')}</legend>
            {sortedRoles.map((role) => {
              // The server says which roles this user may not give (seed 000); one already held can still be taken away.
              const denial = assignee.roleIds.includes(role.id) ? null : role.assignmentDenial[assignee.kind];
              const checkbox = (
                <Checkbox
                  label={role.name}
                  checked={selected.has(role.id)}
                  disabled={denial !== null}
                  onChange={(_, data) => toggle(role.id, data.checked === true)}
                />
              );
              return denial ? <Field key={role.id} hint={denial}>{checkbox}</Field> : <div key={role.id}>{checkbox}</div>;
            })}
          </fieldset>
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={saving || !isChanged}>
            {saving ? t('common:commands.saving') : t('common:commands.save')}
          </Button>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={saving}>{t('common:cancel')}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
