import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Dropdown,
  Field,
  Option,
  Spinner,
  Text,
  createTableColumn,
  makeStyles,
  tokens,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import {
  EXCHANGE_CHANNELS,
  RUN_ITEM_STATES,
  type ExchangeChannel,
  type RunItemResponse,
  type RunItemState,
  type RunResponse,
} from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import { useChannelLabels } from '../../exchange-connectivity/lib/channel-labels.ts';
import { useItemStateLabels } from '../lib/labels.ts';
import { LoadError } from '../../../components/load-error.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import { RouterLink } from '../../../components/router-link.tsx';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';
import { paths } from '../../../config/paths.ts';
import { ChannelCheckOutcome } from '../../exchange-connectivity/components/channel-check-outcome.tsx';
import { ErrorCodeLink } from '../../exchange-connectivity/components/error-code-link.tsx';
import { ErrorDetail } from '../../exchange-connectivity/components/error-detail.tsx';
import { useJobItems } from '../api/get-job-items.ts';
import { ItemStateBadge } from './job-badges.tsx';
import { Pager } from './pager.tsx';

const JOB_ITEMS_PAGE_SIZE = 50;
const ALL = 'all';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  state: { maxWidth: '280px' },
  // The grid scrolls sideways inside its own region on narrow screens; the page itself never does.
  // Flex shares per column (DataGrid cells split the row evenly otherwise): narrow for counts, wide for text.
  fixedNarrow: { flex: '0 0 88px' },
  fixedState: { flex: '0 0 128px' },
  wide: { flex: '2 1 0' },
  normal: { flex: '1.3 1 0' },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    overflowWrap: 'anywhere',
    paddingBlock: tokens.spacingVerticalXS,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Stack({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <span className={styles.stack}>{children}</span>;
}

function Muted({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return <Text size={200} className={styles.muted}>{children}</Text>;
}

function itemColumns(
  environmentId: string,
  t: TFunction<'test-and-enable'>,
  channelLabels: Record<ExchangeChannel, string>,
): TableColumnDefinition<RunItemResponse>[] {
  return [
    createTableColumn({
      columnId: 'mailbox',
      renderHeaderCell: () => t('column.mailbox'),
      renderCell: (item) => (
        <Stack>
          <RouterLink to={paths.mailbox.getHref(environmentId, item.mailboxId)}>{item.mailboxName}</RouterLink>
          <Muted>{item.emailAddress}</Muted>
        </Stack>
      ),
    }),
    createTableColumn({ columnId: 'state', renderHeaderCell: () => t('fact.state'), renderCell: (item) => <ItemStateBadge state={item.state} /> }),
    ...EXCHANGE_CHANNELS.map((channel) =>
      createTableColumn<RunItemResponse>({
        columnId: channel,
        renderHeaderCell: () => channelLabels[channel],
        renderCell: (item) => <ChannelCheckOutcome check={item.channels[channel]} />,
      }),
    ),
    createTableColumn({
      columnId: 'lastError',
      renderHeaderCell: () => t('column.lastError'),
      renderCell: (item) =>
        item.lastError ? (
          <Stack>
            <ErrorCodeLink code={item.lastError.code} />
            <Text size={200}><ErrorDetail error={item.lastError} /></Text>
          </Stack>
        ) : (
          <Muted>{t('none')}</Muted>
        ),
    }),
    createTableColumn({ columnId: 'attempts', renderHeaderCell: () => t('column.attempts'), renderCell: (item) => formatNumber(item.attempts) }),
    createTableColumn({
      columnId: 'nextAttemptAt',
      renderHeaderCell: () => t('column.nextAttempt'),
      renderCell: (item) => (item.nextAttemptAt ? <RelativeTime iso={item.nextAttemptAt} /> : <Muted>—</Muted>),
    }),
    createTableColumn({
      columnId: 'finishedAt',
      renderHeaderCell: () => t('fact.finished'),
      renderCell: (item) => (item.finishedAt ? <RelativeTime iso={item.finishedAt} /> : <Muted>{t('notYet')}</Muted>),
    }),
  ];
}

interface Props {
  environmentId: string;
  job: RunResponse;
  state: RunItemState | undefined;
  page: number;
  onChange: (query: { state?: RunItemState; page?: number }) => void;
}

/** The mailboxes of a job, a page at a time from the server, each with its result per channel and its retries. */
export function JobItemsGrid({ environmentId, job, state, page, onChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation('test-and-enable');
  const stateLabels = useItemStateLabels();
  const channelLabels = useChannelLabels();
  const items = useJobItems(environmentId, job, { state, offset: (page - 1) * JOB_ITEMS_PAGE_SIZE, limit: JOB_ITEMS_PAGE_SIZE });
  const columns = useMemo(() => itemColumns(environmentId, t, channelLabels), [environmentId, t, channelLabels]);
  const rows = items.data?.items ?? [];
  const cellClass = (columnId: string | number) =>
    columnId === 'attempts' ? styles.fixedNarrow : columnId === 'state' ? styles.fixedState : columnId === 'lastError' || columnId === 'mailbox' ? styles.wide : styles.normal;
  const label = t('mailboxesOfJob', { number: job.number });
  const optionText = (value: RunItemState | undefined) =>
    value ? t('stateOption', { state: stateLabels[value], formatted: formatNumber(job.counts[value]) }) : t('allOption', { formatted: formatNumber(job.total) });

  return (
    <section className={styles.root} aria-label={label}>
      <Field label={t('showMailboxes')} className={styles.state}>
        <Dropdown
          value={optionText(state)}
          selectedOptions={[state ?? ALL]}
          onOptionSelect={(_, data) => onChange(data.optionValue === ALL ? {} : { state: data.optionValue as RunItemState })}
        >
          <Option value={ALL} text={optionText(undefined)}>{optionText(undefined)}</Option>
          {RUN_ITEM_STATES.map((value) => (
            <Option key={value} value={value} text={optionText(value)}>{optionText(value)}</Option>
          ))}
        </Dropdown>
      </Field>
      {items.isPending ? (
        <Spinner label={t('loadingItems')} />
      ) : items.isError && rows.length === 0 ? (
        <LoadError error={items.error} onRetry={() => void items.refetch()} />
      ) : rows.length === 0 ? (
        <Text>{state ? t('noItemsInState', { state: stateLabels[state].toLowerCase() }) : t('noItems')}</Text>
      ) : (
        <>
          <SideScrollRegion label={label} minWidth="1120px">
            <DataGrid aria-label={label} items={rows} columns={columns} getRowId={(item: RunItemResponse) => item.id}>
              <DataGridHeader>
                <DataGridRow>
                  {({ renderHeaderCell, columnId }) => <DataGridHeaderCell className={cellClass(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>}
                </DataGridRow>
              </DataGridHeader>
              <DataGridBody<RunItemResponse>>
                {({ item, rowId }) => (
                  <DataGridRow<RunItemResponse> key={rowId}>
                    {({ renderCell, columnId }) => <DataGridCell className={cellClass(columnId)}>{renderCell(item)}</DataGridCell>}
                  </DataGridRow>
                )}
              </DataGridBody>
            </DataGrid>
          </SideScrollRegion>
          <Pager
            noun={t('pager.mailboxes')}
            page={page}
            pageSize={JOB_ITEMS_PAGE_SIZE}
            total={items.data?.total ?? 0}
            onPageChange={(next) => onChange({ state, page: next })}
          />
        </>
      )}
    </section>
  );
}
