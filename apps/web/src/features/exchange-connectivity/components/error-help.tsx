import { Link, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import {
  EXCHANGE_ERROR_CATALOG,
  EXCHANGE_ERROR_SOURCE_LABELS,
  exchangeErrorDefinition,
} from '@sync-admin/contract';
import type { ReactNode } from 'react';
import { ReadOnlyFacts } from '../../../components/read-only-facts.tsx';
import { ErrorClassBadge } from './error-class-badge.tsx';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '760px' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** What each class means for the mailbox, after "Mailbox deliveries regularly disabled" (troubleshooting article). */
const CLASS_CONSEQUENCES = {
  transient: 'The test is retried after a while; if it keeps failing, the error counts as permanent.',
  permanent: 'The mailbox is disabled for the failed channel as soon as the error is detected: fix the cause, then test and enable it again.',
} as const;

export const isCatalogCode = (code: string) => Object.hasOwn(EXCHANGE_ERROR_CATALOG, code);

/** The help page of one error code: the catalog entry, as a reader who just met the code needs it. */
export function ErrorHelp({ code }: { code: string }) {
  const styles = useStyles();
  const definition = exchangeErrorDefinition(code);
  const facts: [string, ReactNode][] = [
    ['Error code', <Text className={styles.code}>{code}</Text>],
    [
      'Class',
      <>
        <ErrorClassBadge errorClass={definition.errorClass} />
        <Text size={200}>{CLASS_CONSEQUENCES[definition.errorClass]}</Text>
      </>,
    ],
    ['Source', EXCHANGE_ERROR_SOURCE_LABELS[definition.source]],
    ['Server or mailbox', definition.scope === 'server' ? 'Server error (the email server profile)' : 'Mailbox error'],
  ];
  if (definition.dynamicsErrorCode) facts.push(['Dynamics 365 error code', <Text className={styles.code}>{definition.dynamicsErrorCode}</Text>]);

  return (
    <div className={styles.root}>
      {!isCatalogCode(code) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {code} isn&apos;t in this portal&apos;s error catalog (it may have been recorded by an earlier version). The general
            guidance for Exchange errors follows.
          </MessageBarBody>
        </MessageBar>
      )}
      <ReadOnlyFacts rows={facts} label="About this error" />
      <section className={styles.section} aria-labelledby="error-help-meaning">
        <Subtitle2 as="h2" id="error-help-meaning">What it means</Subtitle2>
        <Text as="p">{definition.meaning}</Text>
      </section>
      <section className={styles.section} aria-labelledby="error-help-fix">
        <Subtitle2 as="h2" id="error-help-fix">What to fix</Subtitle2>
        <Text as="p">{definition.fix}</Text>
      </section>
      {definition.learnMoreUrl && (
        <Text>
          <Link href={definition.learnMoreUrl} target="_blank" rel="noreferrer">
            Learn more at Microsoft <OpenRegular aria-label="(opens in a new tab)" />
          </Link>
        </Text>
      )}
    </div>
  );
}
