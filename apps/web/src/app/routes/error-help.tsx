import { exchangeErrorDefinition } from '@sync-admin/contract';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { ErrorHelp, isCatalogCode } from '../../features/exchange-connectivity/components/error-help.tsx';
import { useTranslation } from 'react-i18next';
import { exchangeErrorTexts } from '../../lib/server-messages.ts';

export function ErrorHelpRoute() {
  const { t } = useTranslation(['common', 'exchange-errors']);
  const { code = '' } = useParams();
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.help') }, { label: t('nav.exchangeErrors'), href: paths.errorCatalog.getHref() }, { label: code }]}
        title={isCatalogCode(code) ? exchangeErrorTexts(exchangeErrorDefinition(code)).title : code}
      />
      <ErrorHelp code={code} />
    </>
  );
}
