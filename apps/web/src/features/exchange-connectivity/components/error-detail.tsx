import { exchangeErrorDetail } from '@sync-admin/contract';
import { useTranslation } from 'react-i18next';
import { labelText } from '../../../lib/server-messages.ts';

/**
 * An Exchange error's detail in the language shown: the portal's own checks say their code's meaning (the domain
 * tells which, decision 60), said from the catalog; what Exchange or the network said stays as it came.
 */
export function ErrorDetail({ error }: { error: { code: string; message: string } }) {
  // As ErrorCodeLink: the catalog's texts load without suspending the page, English until they are in.
  useTranslation('exchange-errors', { useSuspense: false });
  const detail = exchangeErrorDetail(error.code, error.message);
  return typeof detail === 'string' ? detail : (labelText(detail.label) ?? detail.english);
}
