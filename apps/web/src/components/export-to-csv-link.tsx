import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';

/** Export to CSV: a plain link to a grid's export with its current query (the session cookie travels with it). */
export function ExportToCsvLink({ href }: { href: string }) {
  const { t } = useTranslation('common');
  return (
    <Button as="a" appearance="subtle" href={href} download icon={<ArrowDownloadRegular />}>
      {t('exportToCsv')}
    </Button>
  );
}
