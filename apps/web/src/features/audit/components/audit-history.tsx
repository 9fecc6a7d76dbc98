import {
  Badge,
  Button,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
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
import { ArrowClockwiseRegular, ChevronDownRegular, ChevronRightRegular, DismissRegular } from '@fluentui/react-icons';
import {
  AUDIT_ACTIONS,
  AUDITED_ENTITY_TYPES,
  type AuditEntryResponse,
} from '@sync-admin/contract';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportToCsvLink } from '../../../components/export-to-csv-link.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { ApiError } from '../../../lib/api-client.ts';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { useDebouncedValue } from '../../../lib/use-debounced-value.ts';
import { useEnvironment } from '../../environments/api/get-environments.ts';
import { auditExportHref, useAuditEntries, type AuditAction, type AuditedEntityType } from '../api/get-audit-entries.ts';
import { AuditChangesTable } from './audit-changes-table.tsx';
import { useAuditLabels } from '../lib/audit-labels.ts';
import { formatNumber } from '../../../lib/format-time.ts';
import { SearchBox } from '../../../components/search-box.tsx';

const ANY = 'any';
const COLUMN_COUNT = 5;

const useStyles = makeStyles({
  // Takes the width it is given rather than widening the page: the filters and grid wrap or scroll inside it.
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, contain: 'inline-size' },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  dropdown: { minWidth: '200px' },
  search: { minWidth: '240px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  expandCell: { width: '44px' },
  when: { width: '260px' },
  details: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}` },
  footer: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const isEntityType = (value: string | undefined): value is AuditedEntityType =>
  value !== undefined && (AUDITED_ENTITY_TYPES as readonly string[]).includes(value);

/** A date input's day, as the first or last instant of that day where the admin is. */
const startOfDay = (day: string) => (day ? new Date(`${day}T00:00:00`).toISOString() : undefined);
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined);

/** Where an audited record is edited, when it has a page of its own. */
function entityHref(environmentId: string, entry: AuditEntryResponse): string | null {
  switch (entry.entityType) {
    case 'mailbox':
      return paths.mailbox.getHref(environmentId, entry.entityId);
    case 'serverProfile':
      return paths.serverProfile.getHref(environmentId, entry.entityId);
    case 'securityRole':
      return paths.securityRole.getHref(environmentId, entry.entityId);
    case 'emailSettings':
      return paths.emailSettings.getHref(environmentId);
    case 'user':
      return paths.users.getHref(environmentId);
    case 'team':
      return paths.teams.getHref(environmentId);
  }
}

interface Props {
  environmentId: string;
  entityType?: string;
  entityId?: string;
}

/** Audit history: who changed what and when, each entry opening onto its values before and after. */
export function AuditHistory({ environmentId, entityType, entityId }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('audit');
  const labels = useAuditLabels();
  const { environment, isPending: environmentPending } = useEnvironment(environmentId);
  const canRead = environment?.privileges['auditHistory.read'] !== undefined;
  const fixedEntityType = isEntityType(entityType) ? entityType : undefined;

  const [chosenEntityType, setChosenEntityType] = useState<AuditedEntityType | undefined>(undefined);
  const [action, setAction] = useState<AuditAction | undefined>(undefined);
  const [searchText, setSearchText] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const search = useDebouncedValue(searchText.trim());
  const rangeInvalid = fromDay !== '' && toDay !== '' && fromDay > toDay;

  const filters = {
    entityType: fixedEntityType ?? chosenEntityType,
    entityId,
    action,
    search: search || undefined,
    from: startOfDay(fromDay),
    to: endOfDay(toDay),
  };
  const entries = useAuditEntries(environmentId, filters, { enabled: canRead && !rangeInvalid });

  if (environmentPending) return <Spinner label={t('loading')} />;
  const denied = entries.error instanceof ApiError && entries.error.status === 403;
  if (!canRead || denied) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('privilegeRequired')}</MessageBarBody>
      </MessageBar>
    );
  }

  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const total = entries.data?.pages.at(-1)?.total ?? 0;
  const isFiltered = chosenEntityType !== undefined || action !== undefined || search !== '' || fromDay !== '' || toDay !== '';
  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const clearFilters = () => {
    setChosenEntityType(undefined);
    setAction(undefined);
    setSearchText('');
    setFromDay('');
    setToDay('');
  };

  return (
    <section className={styles.root} aria-label={t('label')}>
      <div className={styles.filters} role="search" aria-label={t('filterLabel')}>
        {!fixedEntityType && (
          <Field label={t('recordType')} className={styles.dropdown}>
            <Dropdown
              value={chosenEntityType ? labels.entityTypes[chosenEntityType] : t('allRecordTypes')}
              selectedOptions={[chosenEntityType ?? ANY]}
              onOptionSelect={(_, data) =>
                setChosenEntityType(data.optionValue === ANY ? undefined : (data.optionValue as AuditedEntityType))
              }
            >
              <Option value={ANY}>{t('allRecordTypes')}</Option>
              {AUDITED_ENTITY_TYPES.map((value) => (
                <Option key={value} value={value}>{labels.entityTypes[value]}</Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field label={t('event')} className={styles.dropdown}>
          <Dropdown
            value={action ? labels.actions[action] : t('allEvents')}
            selectedOptions={[action ?? ANY]}
            onOptionSelect={(_, data) => setAction(data.optionValue === ANY ? undefined : (data.optionValue as AuditAction))}
          >
            <Option value={ANY}>{t('allEvents')}</Option>
            {AUDIT_ACTIONS.map((value) => (
              <Option key={value} value={value}>{labels.actions[value]}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t('search')} className={styles.search}>
          <SearchBox
            placeholder={t('searchPlaceholder')}
            maxLength={200}
            value={searchText}
            onChange={(_, data) => setSearchText(data.value)}
          />
        </Field>
        <Field label={t('from')}>
          <Input type="date" value={fromDay} max={toDay || undefined} onChange={(_, data) => setFromDay(data.value)} />
        </Field>
        <Field
          label={t('to')}
          validationState={rangeInvalid ? 'error' : 'none'}
          validationMessage={rangeInvalid ? t('rangeInvalid') : undefined}
        >
          <Input type="date" value={toDay} min={fromDay || undefined} onChange={(_, data) => setToDay(data.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="subtle" icon={<DismissRegular />} disabled={!isFiltered} onClick={clearFilters}>
            {t('clearFilters')}
          </Button>
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            disabled={entries.isFetching}
            onClick={() => void entries.refetch()}
          >
            {t('refresh')}
          </Button>
          <ExportToCsvLink href={auditExportHref(environmentId, filters)} />
        </div>
      </div>

      {rangeInvalid ? null : entries.isPending ? (
        <Spinner label={t('loading')} />
      ) : entries.isError && items.length === 0 ? (
        <LoadError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : items.length === 0 ? (
        <Text>{isFiltered ? t('emptyFiltered') : t('empty')}</Text>
      ) : (
        <>
          <SideScrollRegion label={t('entries')} minWidth="720px">
          <Table aria-label={t('entries')} aria-busy={entries.isFetching}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.expandCell}>
                  <span className={styles.visuallyHidden}>{t('column.details')}</span>
                </TableHeaderCell>
                <TableHeaderCell className={styles.when}>{t('column.changedDate')}</TableHeaderCell>
                <TableHeaderCell>{t('column.changedBy')}</TableHeaderCell>
                <TableHeaderCell>{t('column.event')}</TableHeaderCell>
                <TableHeaderCell>{t('column.record')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((entry) => {
                const isOpen = expanded.has(entry.id);
                const detailsId = `audit-changes-${entry.id}`;
                const recordId = `audit-record-${entry.id}`;
                const href = entityHref(environmentId, entry);
                return (
                  <Fragment key={entry.id}>
                    <TableRow>
                      <TableCell className={styles.expandCell}>
                        <Button
                          appearance="transparent"
                          size="small"
                          icon={isOpen ? <ChevronDownRegular /> : <ChevronRightRegular />}
                          aria-label={t('showChanges')}
                          aria-expanded={isOpen}
                          aria-describedby={recordId}
                          aria-controls={isOpen ? detailsId : undefined}
                          onClick={() => toggle(entry.id)}
                        />
                      </TableCell>
                      <TableCell><RelativeTime iso={entry.at} /></TableCell>
                      <TableCell>{entry.actorName}</TableCell>
                      <TableCell>
                        <Badge appearance="outline" color="informative">{labels.actions[entry.action]}</Badge>
                      </TableCell>
                      <TableCell id={recordId}>
                        <Text size={200}>{t('recordOfType', { type: labels.entityTypes[entry.entityType] })} </Text>
                        {href ? <RouterLink to={href}>{entry.entityName}</RouterLink> : entry.entityName}
                      </TableCell>
                    </TableRow>
                    {isOpen && (
                      <TableRow id={detailsId}>
                        <TableCell colSpan={COLUMN_COUNT} className={styles.details}>
                          <AuditChangesTable entry={entry} />
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
                );
              })}
            </TableBody>
          </Table>
          </SideScrollRegion>
          <div className={styles.footer}>
            <Text size={200} aria-live="polite">
              {t('showing', { count: total, shown: formatNumber(items.length), total: formatNumber(total) })}
            </Text>
            {entries.hasNextPage && (
              <Button disabled={entries.isFetchingNextPage} onClick={() => void entries.fetchNextPage()}>
                {entries.isFetchingNextPage ? t('common:loading') : t('loadMore')}
              </Button>
            )}
          </div>
          {entries.isFetchNextPageError && <LoadError error={entries.error} onRetry={() => void entries.fetchNextPage()} />}
        </>
      )}
    </section>
  );
}
