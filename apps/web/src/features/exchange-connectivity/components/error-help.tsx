import { Link, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { EXCHANGE_ERROR_CATALOG, exchangeErrorDefinition } from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSourceLabels } from '../lib/source-labels.ts';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { exchangeErrorTexts } from '../../../lib/server-messages.ts';
import { ErrorClassBadge } from './error-class-badge.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export const isCatalogCode = (code: string) => Object.hasOwn(EXCHANGE_ERROR_CATALOG, code);

/** The help page of one error code: the catalog entry, as a reader who just met the code needs it. */
export function ErrorHelp({ code }: { code: string }) {
  const styles = useStyles();
  const { t } = useTranslation(['exchange-connectivity', 'exchange-errors']);
  const sources = useSourceLabels();
  const definition = exchangeErrorDefinition(code);
  const texts = exchangeErrorTexts(definition);
  // What each class means for the mailbox, after "Mailbox deliveries regularly disabled" (troubleshooting article).
  const consequence = definition.errorClass === 'transient' ? t('help.transientConsequence') : t('help.permanentConsequence');
  const facts: [string, ReactNode][] = [
    [t('help.errorCode'), <Text className={styles.code}>{code}</Text>],
    [
      t('help.class'),
      <>
        <ErrorClassBadge errorClass={definition.errorClass} />
        <Text size={200}>{consequence}</Text>
      </>,
    ],
    [t('help.source'), sources[definition.source]],
    [t('help.scope'), definition.scope === 'server' ? t('help.serverError') : t('help.mailboxError')],
  ];
  if (definition.dynamicsErrorCode) facts.push([t('help.dynamicsErrorCode'), <Text className={styles.code}>{definition.dynamicsErrorCode}</Text>]);

  return (
    <div className={styles.root}>
      {!isCatalogCode(code) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('help.notInCatalog', { code })}
          </MessageBarBody>
        </MessageBar>
      )}
      <ReadOnlyFacts rows={facts} label={t('help.about')} />
      <section className={styles.section} aria-labelledby="error-help-meaning">
        <Subtitle2 as="h2" id="error-help-meaning">{t('help.meaning')}</Subtitle2>
        <Text as="p">{texts.meaning}</Text>
      </section>
      <section className={styles.section} aria-labelledby="error-help-fix">
        <Subtitle2 as="h2" id="error-help-fix">{t('help.fix')}</Subtitle2>
        <Text as="p">{texts.fix}</Text>
      </section>
      {definition.learnMoreUrl && (
        <Text>
          <Link href={definition.learnMoreUrl} target="_blank" rel="noreferrer">
            {t('help.learnMore')} <OpenRegular aria-label={t('help.opensInNewTab')} />
          </Link>
        </Text>
      )}
    </div>
  );
}
