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
import {
  APPROVAL_PERMISSION_FOOTNOTES,
  APPROVAL_PERMISSION_TABLE,
  APPROVER_ROLE_COMBINATIONS,
  APPROVER_ROLE_COMBINATION_LABELS,
  CUSTOMER_ENGAGEMENT_LABELS,
  EXCHANGE_DEPLOYMENTS,
  EXCHANGE_DEPLOYMENT_LABELS,
} from '@sync-admin/contract';
import { SideScrollRegion } from '../../../components/side-scroll-region.tsx';

type CustomerEngagement = keyof typeof APPROVAL_PERMISSION_TABLE;
type Exchange = keyof (typeof APPROVAL_PERMISSION_TABLE)[CustomerEngagement];
type Cell = (typeof APPROVAL_PERMISSION_TABLE)[CustomerEngagement][Exchange][(typeof APPROVER_ROLE_COMBINATIONS)[number]];


/** The article's terminology: Yes (can approve email), No (can't), n/a (not applicable). */
const VERDICT_LABELS: Record<Cell['verdict'], string> = { yes: 'Yes', no: 'No', notApplicable: 'n/a' };

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
  const customerEngagements = Object.keys(APPROVAL_PERMISSION_TABLE) as CustomerEngagement[];
  const exchanges: readonly Exchange[] = EXCHANGE_DEPLOYMENTS;

  return (
    <section className={styles.root} aria-labelledby="permissions-model-heading">
      <Subtitle2 as="h2" id="permissions-model-heading">Permissions model</Subtitle2>
      <Text>The following table describes the permissions required to approve emails.</Text>
      <ul className={styles.terms}>
        <li><strong>Yes</strong>: Can approve email. <strong>No</strong>: Can&apos;t approve email. <strong>n/a</strong>: Not applicable.</li>
        <li><strong>Global admin</strong>: Tenant level administrator role. <strong>Exchange admin</strong>: Exchange administrator role.</li>
        <li>
          <strong>Delegated Mailbox Approver</strong>: Dynamics 365 security role which can be assigned by a Global admin or
          Exchange admin. A user with this role can approve mailboxes without being a Global or Exchange admin.
        </li>
      </ul>
      <SideScrollRegion label="Approval permissions" minWidth="960px">
        <Table size="small" className={styles.table} aria-labelledby="permissions-model-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell colSpan={2} className={styles.header}>Security roles / Applications in use</TableHeaderCell>
              {APPROVER_ROLE_COMBINATIONS.map((combination) => (
                <TableHeaderCell key={combination} className={styles.header} scope="col">
                  {APPROVER_ROLE_COMBINATION_LABELS[combination]}
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
                        {CUSTOMER_ENGAGEMENT_LABELS[customerEngagement]}
                      </TableHeaderCell>
                    )}
                    <TableHeaderCell scope="row" className={styles.rowHeader}>{EXCHANGE_DEPLOYMENT_LABELS[exchange]}</TableHeaderCell>
                    {APPROVER_ROLE_COMBINATIONS.map((combination) => {
                      const cell: Cell = cells[combination];
                      return (
                        <TableCell key={combination} className={styles[cell.verdict]}>
                          {VERDICT_LABELS[cell.verdict]}
                          {cell.footnote && <sup aria-label={`note ${cell.footnote}`}>{cell.footnote}</sup>}
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
        {(Object.entries(APPROVAL_PERMISSION_FOOTNOTES) as [string, string][]).map(([number, text]) => (
          <li key={number} value={Number(number)}><Text size={200}>{text}</Text></li>
        ))}
      </ol>
    </section>
  );
}
