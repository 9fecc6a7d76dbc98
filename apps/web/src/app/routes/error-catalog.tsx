import { PageHeader } from '../../components/page-header.tsx';
import { ErrorCatalog } from '../../features/exchange-connectivity/components/error-catalog.tsx';
import { useTranslation } from 'react-i18next';

export function ErrorCatalogRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader crumbs={[{ label: t('nav.help') }, { label: t('nav.exchangeErrors') }]} title={t('nav.exchangeErrors')} />
      <ErrorCatalog />
    </>
  );
}
