import { exchangeErrorDefinition } from '@sync-admin/contract';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { paths } from '../../config/paths.ts';
import { ErrorHelp, isCatalogCode } from '../../features/exchange-connectivity/components/error-help.tsx';
import { useTranslation } from 'react-i18next';

export function ErrorHelpRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('nav.help') }, { label: t('nav.exchangeErrors'), href: paths.errorCatalog.getHref() }, { label: code }]}
        title={isCatalogCode(code) ? exchangeErrorDefinition(code).title : code}
      />
      <ErrorHelp code={code} />
    </>
  );
}
