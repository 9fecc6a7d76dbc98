import { Label, Select, makeStyles, useId } from '@fluentui/react-components';
import { CUSTOMER_ENGAGEMENT_LABELS } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { PORTAL_PAGE_LINKS, findPortalPage, landingHref } from '../../../config/portal-pages.ts';
import { PHONE_SCREEN } from '../../../lib/screens.ts';
import { useEnvironments } from '../api/get-environments.ts';

// On a phone the label is read, not shown: the picker needs the width.
const visuallyHidden = {
  position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap',
} as const;

const useStyles = makeStyles({
  field: { flexShrink: 0, display: 'flex', alignItems: 'center', columnGap: '12px' },
  label: { color: 'inherit', [`@media ${PHONE_SCREEN}`]: visuallyHidden },
  picker: { width: '220px', [`@media ${PHONE_SCREEN}`]: { width: '150px' } },
});

/**
 * Picking an environment keeps the page: the same list there (a record's page goes to its list, since the
 * record belongs to the environment left), or the first page the user may open there when this one isn't.
 */
export function EnvironmentPicker() {
  const styles = useStyles();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { environmentId } = useParams();
  const environments = useEnvironments();
  const items = environments.data?.items ?? [];
  const current = items.find((e) => e.id === environmentId);
  const { pathname } = useLocation();
  const pickerId = useId('environment-picker');
  const hrefIn = (id: string) => {
    const next = items.find((e) => e.id === id);
    const here = findPortalPage(pathname);
    if (!next || !here || !next.pages.includes(here)) return landingHref(next);
    // Filters are left behind: they name records (a server profile, say) of the environment being left.
    return PORTAL_PAGE_LINKS[here].getHref(id);
  };

  return (
    // A Label, not a Field: Field's validation and layout code was weight on every first screen (decision 59).
    <div className={styles.field}>
      <Label htmlFor={pickerId} className={styles.label}>{t('environmentPicker.label')}</Label>
      {/* A native select, not Fluent's Dropdown: the top bar is on every first screen, and the Dropdown with its
          positioning code was about 23 KB gzip of it (decision 53). */}
      <Select
        id={pickerId}
        className={styles.picker}
        value={current?.id ?? ''}
        onChange={(_, data) => {
          if (data.value && data.value !== environmentId) void navigate(hrefIn(data.value));
        }}
      >
        {!current && <option value="" disabled>{environments.isPending ? t('loading') : t('environmentPicker.select')}</option>}
        {items.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {`${environment.name} · ${CUSTOMER_ENGAGEMENT_LABELS[environment.customerEngagement]}`}
          </option>
        ))}
      </Select>
    </div>
  );
}
