import { exchangeErrorDefinition } from '@sync-admin/contract';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../components/router-link.tsx';
import { paths } from '../../../config/paths.ts';
import { exchangeErrorTexts } from '../../../lib/server-messages.ts';

/** "EmailAddressNotApproved" may wrap between its words in a narrow column, never inside them. */
function withWordBreaks(code: string) {
  return code.split(/(?<=[a-z])(?=[A-Z])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

/** An error code as the portal shows it everywhere: a link to its help page, titled with what the code is. */
export function ErrorCodeLink({ code }: { code: string }) {
  const { t } = useTranslation('exchange-connectivity');
  // The catalog's titles load beside it without suspending: the link appears in lists and walls already in use, where
  // a suspense would swap the page for its fallback (closing an open dropdown); the title is English until they are in.
  useTranslation('exchange-errors', { useSuspense: false });
  return (
    <RouterLink to={paths.errorHelp.getHref(code)} title={t('codeLinkTitle', { title: exchangeErrorTexts(exchangeErrorDefinition(code)).title })}>
      {withWordBreaks(code)}
    </RouterLink>
  );
}
