import {
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { APPROVAL_PERMISSION_TABLE, APPROVER_ROLE_COMBINATIONS, EXCHANGE_DEPLOYMENTS } from '@sync-admin/contract';
import { Trans, useTranslation } from 'react-i18next';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';

type CustomerEngagement = keyof typeof APPROVAL_PERMISSION_TABLE;
type Exchange = keyof (typeof APPROVAL_PERMISSION_TABLE)[CustomerEngagement];
type Combination = (typeof APPROVER_ROLE_COMBINATIONS)[number];
type Cell = (typeof APPROVAL_PERMISSION_TABLE)[CustomerEngagement][Exchange][Combination];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { tableLayout: 'auto' },
  header: { verticalAlign: 'bottom', fontWeight: tokens.fontWeightSemibold },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, verticalAlign: 'top' },
  yes: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  no: { color: tokens.colorPaletteRedForeground1 },
  notApplicable: { color: tokens.colorNeutralForeground3 },
  terms: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  footnotes: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
});

/** Seed 000, "Permissions model": who can approve email, read-only, from the table the API decides with. */
export function PermissionsModelTable() {
  const styles = useStyles();
  const { t } = useTranslation('security-roles');
  const bold = { b: <strong /> };
  // The article's headers, rows and terminology: Yes (can approve email), No (can't), n/a (not applicable).
  const combinations: Record<Combination, string> = {
    globalAdminAndSystemAdmin: t('model.combination.globalAdminAndSystemAdmin'),
    exchangeAdminAndSystemAdmin: t('model.combination.exchangeAdminAndSystemAdmin'),
    delegatedMailboxApproverAndSystemAdmin: t('model.combination.delegatedMailboxApproverAndSystemAdmin'),
    systemAdmin: t('model.combination.systemAdmin'),
    serviceAdmin: t('model.combination.serviceAdmin'),
    exchangeAdmin: t('model.combination.exchangeAdmin'),
    globalAdmin: t('model.combination.globalAdmin'),
  };
  const customerEngagementNames: Record<CustomerEngagement, string> = {
    online: t('model.customerEngagement.online'),
    onPremises: t('model.customerEngagement.onPremises'),
  };
  const exchangeNames: Record<Exchange, string> = {
    exchangeOnline: t('model.exchange.exchangeOnline'),
    exchangeOnPremises: t('model.exchange.exchangeOnPremises'),
  };
  const verdicts: Record<Cell['verdict'], string> = { yes: t('model.verdict.yes'), no: t('model.verdict.no'), notApplicable: t('model.verdict.notApplicable') };
  const footnotes: Record<NonNullable<Cell['footnote']>, string> = { 1: t('model.footnote1'), 2: t('model.footnote2') };
  const customerEngagements = Object.keys(APPROVAL_PERMISSION_TABLE) as CustomerEngagement[];
  const exchanges: readonly Exchange[] = EXCHANGE_DEPLOYMENTS;

  return (
    <section className={styles.root} aria-labelledby="permissions-model-heading">
      <Subtitle2 as="h2" id="permissions-model-heading">{t('model.title')}</Subtitle2>
      <Text>{t('model.intro')}</Text>
      <ul className={styles.terms}>
        <li><Trans t={t} i18nKey="model.verdictTerms" components={bold} /></li>
        <li><Trans t={t} i18nKey="model.adminTerms" components={bold} /></li>
        <li><Trans t={t} i18nKey="model.approverTerm" components={bold} /></li>
      </ul>
      <SideScrollRegion label={t('model.tableLabel')} minWidth="960px">
        <Table size="small" className={styles.table} aria-labelledby="permissions-model-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell colSpan={2} className={styles.header}>{t('model.corner')}</TableHeaderCell>
              {APPROVER_ROLE_COMBINATIONS.map((combination) => (
                <TableHeaderCell key={combination} className={styles.header} scope="col">
                  {combinations[combination]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {customerEngagements.flatMap((customerEngagement) =>
              exchanges.map((exchange, index) => {
                const cells = APPROVAL_PERMISSION_TABLE[customerEngagement][exchange];
                return (
                  <TableRow key={`${customerEngagement}-${exchange}`}>
                    {index === 0 && (
                      <TableHeaderCell scope="rowgroup" rowSpan={exchanges.length} className={styles.rowHeader}>
                        {customerEngagementNames[customerEngagement]}
                      </TableHeaderCell>
                    )}
                    <TableHeaderCell scope="row" className={styles.rowHeader}>{exchangeNames[exchange]}</TableHeaderCell>
                    {APPROVER_ROLE_COMBINATIONS.map((combination) => {
                      const cell: Cell = cells[combination];
                      return (
                        <TableCell key={combination} className={styles[cell.verdict]}>
                          {verdicts[cell.verdict]}
                          {cell.footnote && <sup aria-label={t('model.note', { number: cell.footnote })}>{cell.footnote}</sup>}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                );
              }),
            )}
          </TableBody>
        </Table>
      </SideScrollRegion>
      <ol className={styles.footnotes}>
        {(Object.entries(footnotes) as [string, string][]).map(([number, text]) => (
          <li key={number} value={Number(number)}><Text size={200}>{text}</Text></li>
        ))}
      </ol>
    </section>
  );
}
