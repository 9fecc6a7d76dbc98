import { Caption1, Dropdown, Field, Option, makeStyles } from '@fluentui/react-components';
import { CUSTOMER_ENGAGEMENT_LABELS } from '@sync-admin/contract';
import { useNavigate, useParams } from 'react-router';
import { paths } from '../../../config/paths.ts';
import { useEnvironments } from '../api/get-environments.ts';

const useStyles = makeStyles({
  // The horizontal Field's default 33%/67% grid squeezes the dropdown into the user block beside it.
  field: { gridTemplateColumns: 'auto 260px', columnGap: '12px' },
  label: { color: 'inherit' },
});

/** Picking an environment opens its server profiles, as the admin center's environment switcher does. */
export function EnvironmentPicker() {
  const styles = useStyles();
  const navigate = useNavigate();
  const { environmentId } = useParams();
  const environments = useEnvironments();
  const items = environments.data?.items ?? [];
  const current = items.find((e) => e.id === environmentId);

  return (
    <Field label={{ children: 'Environment', className: styles.label }} orientation="horizontal" className={styles.field}>
      <Dropdown
        placeholder={environments.isPending ? 'Loading…' : 'Select an environment'}
        value={current?.name ?? ''}
        selectedOptions={current ? [current.id] : []}
        onOptionSelect={(_, data) => {
          if (data.optionValue) void navigate(paths.serverProfiles.getHref(data.optionValue));
        }}
      >
        {items.map((environment) => (
          <Option key={environment.id} value={environment.id} text={environment.name}>
            {environment.name}
            <Caption1> · {CUSTOMER_ENGAGEMENT_LABELS[environment.customerEngagement]}</Caption1>
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
