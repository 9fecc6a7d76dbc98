import { Field, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EXCHANGE_ERROR_CATALOG, EXCHANGE_ERROR_SOURCE_LABELS, type ExchangeErrorDefinition } from '@sync-admin/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format-time.ts';
import { exchangeErrorTexts } from '../../../lib/server-messages.ts';
import { useSourceLabels } from '../lib/source-labels.ts';
import { ErrorClassBadge } from './error-class-badge.tsx';
import { ErrorCodeLink } from './error-code-link.tsx';
import { SearchBox } from '../../../components/search-box.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  search: { maxWidth: '360px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  entry: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 16rem) minmax(0, 1fr) max-content',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    '@media (max-width: 600px)': { gridTemplateColumns: 'minmax(0, 1fr) max-content' },
  },
  title: { '@media (max-width: 600px)': { gridColumn: '1 / -1', gridRow: 2 } },
});

const SOURCES = Object.keys(EXCHANGE_ERROR_SOURCE_LABELS) as ExchangeErrorDefinition['source'][];

// The title is found in the language shown and in English, the words of the trace and of Microsoft's articles.
const matches = (entry: ExchangeErrorDefinition, text: string) =>
  `${entry.code} ${exchangeErrorTexts(entry).title} ${entry.title} ${entry.dynamicsErrorCode ?? ''}`.toLowerCase().includes(text);

/** Every code of the error catalog, grouped by where the failure comes from, each linking to its help page. */
export function ErrorCatalog() {
  const styles = useStyles();
  const { t } = useTranslation(['exchange-connectivity', 'exchange-errors']);
  const sources = useSourceLabels();
  const [searchText, setSearchText] = useState('');
  const text = searchText.trim().toLowerCase();
  const entries = Object.values(EXCHANGE_ERROR_CATALOG).filter((entry) => matches(entry, text));

  return (
    <div className={styles.root}>
      <Text as="p">{t('catalog.intro')}</Text>
      <Field label={t('catalog.find')} className={styles.search}>
        <SearchBox placeholder={t('catalog.placeholder')} value={searchText} onChange={(_, data) => setSearchText(data.value)} />
      </Field>
      <Text role="status">{t('catalog.count', { count: entries.length, formatted: formatNumber(entries.length) })}</Text>
      {SOURCES.map((source) => {
        const inSource = entries.filter((entry) => entry.source === source);
        if (inSource.length === 0) return null;
        const headingId = `errors-${source}`;
        return (
          <section key={source} className={styles.group} aria-labelledby={headingId}>
            <Subtitle2 as="h2" id={headingId}>{sources[source]}</Subtitle2>
            <ul className={styles.list}>
              {inSource.map((entry) => (
                <li key={entry.code} className={styles.entry}>
                  <ErrorCodeLink code={entry.code} />
                  <Text className={styles.title}>{exchangeErrorTexts(entry).title}</Text>
                  <ErrorClassBadge errorClass={entry.errorClass} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
