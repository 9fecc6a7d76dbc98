import {
  Button,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, SubtractCircleRegular } from '@fluentui/react-icons';
import { APPROVAL_RULE_LABELS, type ApprovalDecisionResponse } from '@sync-admin/contract';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { approvalCheckText, approvalSummaryText } from '../../../lib/server-messages.ts';

type Check = ApprovalDecisionResponse['checks'][number];

/** The two ways to approve, in the order the decision lists them. */
const PATHS: Check['path'][] = ['permissionModel', 'selfApproval'];

const pathTitle = (t: TFunction<'mailboxes'>, path: Check['path']) =>
  path === 'permissionModel' ? t('approve.pathPermissionModel') : t('approve.pathSelfApproval');

function outcomeText(t: TFunction<'mailboxes'>, outcome: Check['outcome']) {
  if (outcome === 'passed') return t('approve.outcomePassed');
  if (outcome === 'failed') return t('approve.outcomeFailed');
  return t('approve.outcomeNotApplicable');
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: '20px 1fr', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { fontSize: '18px', marginTop: '1px' },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  notApplicable: { color: tokens.colorNeutralForeground3 },
  rule: { fontWeight: tokens.fontWeightSemibold },
  message: { color: tokens.colorNeutralForeground2 },
  surface: { overflowY: 'auto' },
});

/** A rule's name in the user's language; the setting's own name (RequirePrivilegeToSelfApproveEmailAddress) is not translated. */
function ruleLabel(t: TFunction<'mailboxes'>, rule: string): string {
  const labels: Record<string, string> = {
    approvePrivilege: t('approve.rule.approvePrivilege'),
    permissionModel: t('approve.rule.permissionModel'),
    upnMatchesEmailAddress: t('approve.rule.upnMatchesEmailAddress'),
    mailboxWritePrivilege: t('approve.rule.mailboxWritePrivilege'),
    notQueueMailbox: t('approve.rule.notQueueMailbox'),
    approveEmailCommandShown: t('approve.rule.approveEmailCommandShown'),
  };
  return labels[rule] ?? (APPROVAL_RULE_LABELS as Record<string, string>)[rule] ?? rule;
}

function OutcomeIcon({ outcome }: { outcome: Check['outcome'] }) {
  const styles = useStyles();
  const className = mergeClasses(styles.icon, styles[outcome]);
  if (outcome === 'passed') return <CheckmarkCircleFilled className={className} aria-hidden />;
  if (outcome === 'failed') return <DismissCircleFilled className={className} aria-hidden />;
  return <SubtractCircleRegular className={className} aria-hidden />;
}

/** Every rule checked for one approval, ✓ passed / ✗ failed / – not applicable, grouped by way of approving. */
export function ApprovalChecks({ decision }: { decision: ApprovalDecisionResponse }) {
  const styles = useStyles();
  // security-roles: the sentences' privilege, role and deployment names (its users load it first, so nothing suspends).
  const { t } = useTranslation(['mailboxes', 'security-roles']);
  const paths = PATHS.filter((path) => decision.checks.some((c) => c.path === path));
  return (
    <div className={styles.root}>
      <Text weight="semibold">{approvalSummaryText(decision)}</Text>
      {paths.map((path) => (
        <section key={path} className={styles.group} aria-label={pathTitle(t, path)}>
          <Subtitle2 as="h3">{pathTitle(t, path)}</Subtitle2>
          <ul className={styles.list}>
            {decision.checks
              .filter((check) => check.path === path)
              .map((check) => (
                <li key={`${check.path}:${check.rule}`} className={styles.item}>
                  <OutcomeIcon outcome={check.outcome} />
                  <span>
                    <Text className={styles.rule}>
                      {ruleLabel(t, check.rule)}: {outcomeText(t, check.outcome)}
                    </Text>
                    <br />
                    <Text size={200} className={styles.message}>{approvalCheckText(check)}</Text>
                  </span>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** "Why?": opens the full list of rules behind a refusal, so approval never fails silently. */
export function WhyPopover({ decision, label }: { decision: ApprovalDecisionResponse; label?: string }) {
  const styles = useStyles();
  const { t } = useTranslation('mailboxes');
  return (
    // Not modal: it only explains. It flips to whichever side has room and shrinks to fit the viewport
    // (autoSize), scrolling inside; the surface is focusable so that scrolling works from the keyboard too.
    <Popover
      withArrow
      positioning={{ position: 'below', align: 'start', fallbackPositions: ['above-start', 'after-top', 'before-top'], autoSize: 'height', overflowBoundaryPadding: 8 }}
    >
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" appearance="secondary">{label ?? t('approve.why')}</Button>
      </PopoverTrigger>
      <PopoverSurface role="region" aria-label={t('approve.rulesChecked')} tabIndex={0} className={styles.surface}>
        <ApprovalChecks decision={decision} />
      </PopoverSurface>
    </Popover>
  );
}
