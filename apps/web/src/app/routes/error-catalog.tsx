import { PageHeader } from '../../components/page-header.tsx';
import { ErrorCatalog } from '../../features/exchange-connectivity/components/error-catalog.tsx';

export function ErrorCatalogRoute() {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Help' }, { label: 'Exchange errors' }]} title="Exchange errors" />
      <ErrorCatalog />
    </>
  );
}
