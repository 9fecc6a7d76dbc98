import { Button, Dropdown, Field, Option, SearchBox, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import {
  EMAIL_ADDRESS_STATUS_LABELS,
  MAILBOX_TEST_STATUS_LABELS,
  MAILBOX_TYPE_LABELS,
  MAILBOX_VIEW_LABELS,
  type MailboxView,
} from '@sync-admin/contract';
import { useEffect, useState } from 'react';
import { useServerProfiles } from '../../server-profiles/api/get-server-profiles.ts';
import { hasFilters, type MailboxGridQuery } from '../lib/grid-query.ts';

const SEARCH_DELAY_MS = 300;

/** The channel status filters, named as the grid's columns (the Email health page links to them). */
const STATUS_FILTERS = [
  { field: 'incomingEmailStatus', label: 'Incoming Email Status' },
  { field: 'outgoingEmailStatus', label: 'Outgoing Email Status' },
  { field: 'appointmentsContactsTasksStatus', label: 'Appointments, Contacts, and Tasks Status' },
] as const;
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

  const select = (field: 'serverProfileId' | 'type' | 'emailAddressStatus' | (typeof STATUS_FILTERS)[number]['field']) => (_: unknown, data: { value: string }) =>
    onChange({ [field]: data.value === ANY ? undefined : data.value });

  return (
    <div className={styles.root}>
      <Field label="View" className={styles.view}>
        <Dropdown
          className={styles.control}
          value={MAILBOX_VIEW_LABELS[query.view]}
          selectedOptions={[query.view]}
          onOptionSelect={(_, data) => onChange({ view: data.optionValue as MailboxView })}
        >
          {(Object.keys(MAILBOX_VIEW_LABELS) as MailboxView[]).map((view) => (
            <Option key={view} value={view}>{MAILBOX_VIEW_LABELS[view]}</Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Quick Find" hint="Names or email addresses beginning with…" className={styles.search}>
        <SearchBox
          className={styles.searchBox}
          placeholder="Search this view"
          value={draft}
          onChange={(_, data) => setDraft(data.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onChange({ search: draft.trim() || undefined }, { replace: true });
          }}
        />
      </Field>
      <Field label="Server Profile" className={styles.profile}>
        <Select className={styles.control} value={query.serverProfileId ?? ANY} onChange={select('serverProfileId')}>
          <option value={ANY}>All server profiles</option>
          <option value="none">(none)</option>
          {profiles.data?.items.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.isActive ? profile.name : `${profile.name} (inactive)`}
            </option>
          ))}
          {query.serverProfileId && query.serverProfileId !== 'none' && !profiles.data?.items.some((p) => p.id === query.serverProfileId) && (
            <option value={query.serverProfileId}>Selected profile</option>
          )}
        </Select>
      </Field>
      <Field label="Type" className={styles.filter}>
        <Select className={styles.control} value={query.type ?? ANY} onChange={select('type')}>
          <option value={ANY}>All types</option>
          {Object.entries(MAILBOX_TYPE_LABELS).map(([type, label]) => <option key={type} value={type}>{label}</option>)}
        </Select>
      </Field>
      <Field label="Email Address Status" className={styles.filter}>
        <Select className={styles.control} value={query.emailAddressStatus ?? ANY} onChange={select('emailAddressStatus')}>
          <option value={ANY}>All statuses</option>
          {Object.entries(EMAIL_ADDRESS_STATUS_LABELS).map(([status, label]) => <option key={status} value={status}>{label}</option>)}
        </Select>
      </Field>
      {STATUS_FILTERS.map(({ field, label }) => (
        <Field key={field} label={label} className={styles.filter}>
          <Select className={styles.control} value={query[field] ?? ANY} onChange={select(field)}>
            <option value={ANY}>All statuses</option>
            {Object.entries(MAILBOX_TEST_STATUS_LABELS).map(([status, text]) => <option key={status} value={status}>{text}</option>)}
          </Select>
        </Field>
      ))}
      {query.lastErrorCode && (
        <Button icon={<DismissRegular />} iconPosition="after" onClick={() => onChange({ lastErrorCode: undefined })} aria-label={`Remove the filter Last error code: ${query.lastErrorCode}`}>
          Last error code: {query.lastErrorCode}
        </Button>
      )}
      {hasFilters(query) && (
        <Button icon={<DismissRegular />} onClick={onClear}>Clear filters</Button>
      )}
    </div>
  );
}
