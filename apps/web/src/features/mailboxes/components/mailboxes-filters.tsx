import { Button, Dropdown, Field, Option, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { MailboxView } from '@sync-admin/contract';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import { hasFilters, type MailboxGridQuery } from '../lib/grid-query.ts';
import { useMailboxLabels } from '../lib/labels.ts';
import { SearchBox } from '../../../components/search-box.tsx';

const SEARCH_DELAY_MS = 300;

/** The channel status filters, named as the grid's columns (the Email health page links to them). */
const STATUS_FILTERS = ['incomingEmailStatus', 'outgoingEmailStatus', 'appointmentsContactsTasksStatus'] as const;
const ANY = '';

const useStyles = makeStyles({
  // Fixed widths: a focused search box or a long profile name must not re-flow the row under the pointer.
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  view: { width: '260px', flexShrink: 0 },
  search: { width: '260px', flexShrink: 0 },
  searchBox: { width: '100%', maxWidth: '100%' },
  profile: { width: '240px', flexShrink: 0 },
  filter: { width: '170px', flexShrink: 0 },
  control: { width: '100%', minWidth: 0 },
});

interface Props {
  environmentId: string;
  query: MailboxGridQuery;
  /** replace: typing in Quick Find updates the URL without a history entry per keystroke. */
  onChange: (changes: Partial<MailboxGridQuery>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** View picker, Quick Find and filters. Every choice lands in the URL; the grid reads it from there. */
export function MailboxesFilters({ environmentId, query, onChange, onClear }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  const labels = useMailboxLabels();
  const profiles = useServerProfiles(environmentId, 'all');
  const urlSearch = query.search ?? '';
  const [draft, setDraft] = useState(urlSearch);
  const [syncedSearch, setSyncedSearch] = useState(urlSearch);
  // Back, Forward and Clear change the URL under the box: show what the URL says, unless it is what is typed.
  if (syncedSearch !== urlSearch) {
    setSyncedSearch(urlSearch);
    if (draft.trim() !== urlSearch) setDraft(urlSearch);
  }

  useEffect(() => {
    const text = draft.trim();
    if (text === urlSearch) return undefined;
    const timer = setTimeout(() => onChange({ search: text || undefined }, { replace: true }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, urlSearch, onChange]);

  const select = (field: 'serverProfileId' | 'type' | 'emailAddressStatus' | (typeof STATUS_FILTERS)[number]) => (_: unknown, data: { value: string }) =>
    onChange({ [field]: data.value === ANY ? undefined : data.value });

  return (
    <div className={styles.root}>
      <Field label={t('filters.view')} className={styles.view}>
        <Dropdown
          className={styles.control}
          value={labels.view[query.view]}
          selectedOptions={[query.view]}
          onOptionSelect={(_, data) => onChange({ view: data.optionValue as MailboxView })}
        >
          {(Object.keys(labels.view) as MailboxView[]).map((view) => (
            <Option key={view} value={view}>{labels.view[view]}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('filters.quickFind')} hint={t('filters.quickFindHint')} className={styles.search}>
        <SearchBox
          className={styles.searchBox}
          placeholder={t('filters.searchPlaceholder')}
          value={draft}
          onChange={(_, data) => setDraft(data.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ search: draft.trim() || undefined }, { replace: true });
          }}
        />
      </Field>
      <Field label={labels.column.serverProfile} className={styles.profile}>
        <Select className={styles.control} value={query.serverProfileId ?? ANY} onChange={select('serverProfileId')}>
          <option value={ANY}>{t('filters.allProfiles')}</option>
          <option value="none">{t('filters.noProfile')}</option>
          {profiles.data?.items.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.isActive ? profile.name : t('filters.inactiveProfile', { name: profile.name })}
            </option>
          ))}
          {query.serverProfileId && query.serverProfileId !== 'none' && !profiles.data?.items.some((p) => p.id === query.serverProfileId) && (
            <option value={query.serverProfileId}>{t('filters.selectedProfile')}</option>
          )}
        </Select>
      </Field>
      <Field label={labels.column.type} className={styles.filter}>
        <Select className={styles.control} value={query.type ?? ANY} onChange={select('type')}>
          <option value={ANY}>{t('filters.allTypes')}</option>
          {Object.entries(labels.type).map(([type, label]) => <option key={type} value={type}>{label}</option>)}
        </Select>
      </Field>
      <Field label={labels.column.emailAddressStatus} className={styles.filter}>
        <Select className={styles.control} value={query.emailAddressStatus ?? ANY} onChange={select('emailAddressStatus')}>
          <option value={ANY}>{t('filters.allStatuses')}</option>
          {Object.entries(labels.addressStatus).map(([status, label]) => <option key={status} value={status}>{label}</option>)}
        </Select>
      </Field>
      {STATUS_FILTERS.map((field) => (
        <Field key={field} label={labels.column[field]} className={styles.filter}>
          <Select className={styles.control} value={query[field] ?? ANY} onChange={select(field)}>
            <option value={ANY}>{t('filters.allStatuses')}</option>
            {Object.entries(labels.testStatus).map(([status, text]) => <option key={status} value={status}>{text}</option>)}
          </Select>
        </Field>
      ))}
      {query.lastErrorCode && (
        <Button icon={<DismissRegular />} iconPosition="after" onClick={() => onChange({ lastErrorCode: undefined })} aria-label={t('filters.removeLastErrorCode', { code: query.lastErrorCode })}>
          {t('filters.lastErrorCode', { code: query.lastErrorCode })}
        </Button>
      )}
      {hasFilters(query) && (
        <Button icon={<DismissRegular />} onClick={onClear}>{t('filters.clear')}</Button>
      )}
    </div>
  );
}
