import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROLE_NAMES } from '../access/built-in-roles.ts';
import type { TenantRole } from '../access/tenant-roles.ts';
import type { CustomerEngagementDeployment } from '../environments/environment.ts';
import {
  APPROVAL_PERMISSION_FOOTNOTES,
  APPROVAL_PERMISSION_TABLE,
  APPROVER_ROLE_COMBINATION_LABELS,
  APPROVER_ROLE_COMBINATIONS,
  APPROVER_ROLES,
  approverRoleCombinationsHeld,
  approverRolesHeld,
  approvingCombinations,
  decidePermissionModel,
  EXCHANGE_DEPLOYMENTS,
  exchangeDeploymentOf,
  type ApproverRole,
  type ApproverRoleCombination,
  type ExchangeDeployment,
  type PermissionVerdict,
} from './approval-permission-table.ts';

/** An actor holding exactly these of the table's roles. */
function actorWith(roles: readonly ApproverRole[]): { tenantRoles: TenantRole[]; securityRoles: string[] } {
  const securityRoleNames: Partial<Record<ApproverRole, string>> = {
    systemAdmin: BUILT_IN_ROLE_NAMES.systemAdministrator,
    serviceAdmin: BUILT_IN_ROLE_NAMES.serviceAdministrator,
    delegatedMailboxApprover: BUILT_IN_ROLE_NAMES.delegatedMailboxApprover,
  };
  return {
    tenantRoles: roles.filter((role): role is TenantRole => role === 'globalAdmin' || role === 'exchangeAdmin'),
    securityRoles: roles.flatMap((role) => securityRoleNames[role] ?? []),
  };
}

describe('APPROVAL_PERMISSION_TABLE', () => {
  // Seed 000 "Permissions model", read cell by cell: CE deployment, Exchange deployment, column, verdict, footnote.
  it.each<[CustomerEngagementDeployment, ExchangeDeployment, ApproverRoleCombination, PermissionVerdict, (1 | 2)?]>([
    // Customer engagement apps × Exchange Online: Yes, Yes, Yes¹, No, No, No, No
    ['online', 'exchangeOnline', 'globalAdminAndSystemAdmin', 'yes'],
    ['online', 'exchangeOnline', 'exchangeAdminAndSystemAdmin', 'yes'],
    ['online', 'exchangeOnline', 'delegatedMailboxApproverAndSystemAdmin', 'yes', 1],
    ['online', 'exchangeOnline', 'systemAdmin', 'no'],
    ['online', 'exchangeOnline', 'serviceAdmin', 'no'],
    ['online', 'exchangeOnline', 'exchangeAdmin', 'no'],
    ['online', 'exchangeOnline', 'globalAdmin', 'no'],
    // Customer engagement apps × Exchange (on-premises): n/a, n/a, n/a, Yes², No, n/a, n/a
    ['online', 'exchangeOnPremises', 'globalAdminAndSystemAdmin', 'notApplicable'],
    ['online', 'exchangeOnPremises', 'exchangeAdminAndSystemAdmin', 'notApplicable'],
    ['online', 'exchangeOnPremises', 'delegatedMailboxApproverAndSystemAdmin', 'notApplicable'],
    ['online', 'exchangeOnPremises', 'systemAdmin', 'yes', 2],
    ['online', 'exchangeOnPremises', 'serviceAdmin', 'no'],
    ['online', 'exchangeOnPremises', 'exchangeAdmin', 'notApplicable'],
    ['online', 'exchangeOnPremises', 'globalAdmin', 'notApplicable'],
    // Customer Engagement (on-premises) × Exchange Online: n/a, n/a, n/a, Yes², n/a, n/a, n/a
    ['onPremises', 'exchangeOnline', 'globalAdminAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnline', 'exchangeAdminAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnline', 'delegatedMailboxApproverAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnline', 'systemAdmin', 'yes', 2],
    ['onPremises', 'exchangeOnline', 'serviceAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnline', 'exchangeAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnline', 'globalAdmin', 'notApplicable'],
    // Customer Engagement (on-premises) × Exchange (on-premises): n/a, n/a, n/a, Yes², n/a, n/a, n/a
    ['onPremises', 'exchangeOnPremises', 'globalAdminAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnPremises', 'exchangeAdminAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnPremises', 'delegatedMailboxApproverAndSystemAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnPremises', 'systemAdmin', 'yes', 2],
    ['onPremises', 'exchangeOnPremises', 'serviceAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnPremises', 'exchangeAdmin', 'notApplicable'],
    ['onPremises', 'exchangeOnPremises', 'globalAdmin', 'notApplicable'],
  ])('CE %s × %s, column %s: %s (footnote %s)', (customerEngagement, exchange, combination, verdict, footnote) => {
    expect(APPROVAL_PERMISSION_TABLE[customerEngagement][exchange][combination]).toEqual(
      footnote === undefined ? { verdict } : { verdict, footnote },
    );
  });

  it('has 4 rows of 7 columns, in the article’s column order', () => {
    for (const rows of Object.values(APPROVAL_PERMISSION_TABLE)) {
      expect(Object.keys(rows)).toEqual([...EXCHANGE_DEPLOYMENTS]);
      for (const cells of Object.values(rows)) expect(Object.keys(cells)).toEqual([...APPROVER_ROLE_COMBINATIONS]);
    }
  });

  it('labels the columns with the article’s wording', () => {
    expect(Object.values(APPROVER_ROLE_COMBINATION_LABELS)).toEqual([
      'Global admin and System admin',
      'Exchange admin and System admin',
      'Delegated Mailbox Approver and System admin',
      'System admin',
      'Service admin',
      'Exchange admin',
      'Global admin',
    ]);
  });

  it('keeps the footnotes verbatim', () => {
    expect(APPROVAL_PERMISSION_FOOTNOTES[1]).toBe(
      "We're updating for customer engagement apps and Exchange Online, for version 9.2.22104.00170 or later.",
    );
    expect(APPROVAL_PERMISSION_FOOTNOTES[2]).toBe(
      'We recommend that you include your Exchange admin in the custom business processes your organization follows for this configuration.',
    );
  });
});

describe('exchangeDeploymentOf', () => {
  it.each([
    ['exchangeOnline', 'exchangeOnline'],
    ['exchangeServer', 'exchangeOnPremises'],
  ] as const)('a %s profile means %s', (serverType, exchange) => {
    expect(exchangeDeploymentOf(serverType)).toBe(exchange);
  });
});

describe('approvingCombinations', () => {
  it.each<[CustomerEngagementDeployment, ExchangeDeployment, ApproverRoleCombination[]]>([
    ['online', 'exchangeOnline', ['globalAdminAndSystemAdmin', 'exchangeAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin']],
    ['online', 'exchangeOnPremises', ['systemAdmin']],
    ['onPremises', 'exchangeOnline', ['systemAdmin']],
    ['onPremises', 'exchangeOnPremises', ['systemAdmin']],
  ])('CE %s × %s: only %j say Yes', (customerEngagement, exchange, expected) => {
    expect(approvingCombinations(customerEngagement, exchange)).toEqual(expected);
  });
});

describe('approverRoleCombinationsHeld', () => {
  const GA = 'globalAdmin';
  const EA = 'exchangeAdmin';
  const DMA = 'delegatedMailboxApprover';
  const SA = 'systemAdmin';
  const SvcA = 'serviceAdmin';

  // Every subset of the five roles, with the columns it holds (superset semantics), in column order.
  const cases: [ApproverRole[], ApproverRoleCombination[]][] = [
    [[], []],
    [[GA], ['globalAdmin']],
    [[EA], ['exchangeAdmin']],
    [[DMA], []],
    [[SA], ['systemAdmin']],
    [[SvcA], ['serviceAdmin']],
    [[GA, EA], ['exchangeAdmin', 'globalAdmin']],
    [[GA, DMA], ['globalAdmin']],
    [[GA, SA], ['globalAdminAndSystemAdmin', 'systemAdmin', 'globalAdmin']],
    [[GA, SvcA], ['serviceAdmin', 'globalAdmin']],
    [[EA, DMA], ['exchangeAdmin']],
    [[EA, SA], ['exchangeAdminAndSystemAdmin', 'systemAdmin', 'exchangeAdmin']],
    [[EA, SvcA], ['serviceAdmin', 'exchangeAdmin']],
    [[DMA, SA], ['delegatedMailboxApproverAndSystemAdmin', 'systemAdmin']],
    [[DMA, SvcA], ['serviceAdmin']],
    [[SA, SvcA], ['systemAdmin', 'serviceAdmin']],
    [[GA, EA, DMA], ['exchangeAdmin', 'globalAdmin']],
    [[GA, EA, SA], ['globalAdminAndSystemAdmin', 'exchangeAdminAndSystemAdmin', 'systemAdmin', 'exchangeAdmin', 'globalAdmin']],
    [[GA, EA, SvcA], ['serviceAdmin', 'exchangeAdmin', 'globalAdmin']],
    [[GA, DMA, SA], ['globalAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'globalAdmin']],
    [[GA, DMA, SvcA], ['serviceAdmin', 'globalAdmin']],
    [[GA, SA, SvcA], ['globalAdminAndSystemAdmin', 'systemAdmin', 'serviceAdmin', 'globalAdmin']],
    [[EA, DMA, SA], ['exchangeAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'exchangeAdmin']],
    [[EA, DMA, SvcA], ['serviceAdmin', 'exchangeAdmin']],
    [[EA, SA, SvcA], ['exchangeAdminAndSystemAdmin', 'systemAdmin', 'serviceAdmin', 'exchangeAdmin']],
    [[DMA, SA, SvcA], ['delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'serviceAdmin']],
    [[GA, EA, DMA, SA], ['globalAdminAndSystemAdmin', 'exchangeAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'exchangeAdmin', 'globalAdmin']],
    [[GA, EA, DMA, SvcA], ['serviceAdmin', 'exchangeAdmin', 'globalAdmin']],
    [[GA, EA, SA, SvcA], ['globalAdminAndSystemAdmin', 'exchangeAdminAndSystemAdmin', 'systemAdmin', 'serviceAdmin', 'exchangeAdmin', 'globalAdmin']],
    [[GA, DMA, SA, SvcA], ['globalAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'serviceAdmin', 'globalAdmin']],
    [[EA, DMA, SA, SvcA], ['exchangeAdminAndSystemAdmin', 'delegatedMailboxApproverAndSystemAdmin', 'systemAdmin', 'serviceAdmin', 'exchangeAdmin']],
    [[GA, EA, DMA, SA, SvcA], [...APPROVER_ROLE_COMBINATIONS]],
  ];

  it.each(cases)('holding %j holds the columns %j', (roles, expected) => {
    expect(approverRolesHeld(actorWith(roles))).toEqual(roles);
    expect(approverRoleCombinationsHeld(actorWith(roles))).toEqual(expected);
  });

  it('covers every subset of the five roles exactly once', () => {
    const keys = new Set(cases.map(([roles]) => [...roles].sort().join('+')));
    expect(keys.size).toBe(2 ** APPROVER_ROLES.length);
  });

  it.each([
    ['other security roles', { tenantRoles: [], securityRoles: [BUILT_IN_ROLE_NAMES.support, BUILT_IN_ROLE_NAMES.basicUser] }],
    ['a role name in another case', { tenantRoles: [], securityRoles: ['system administrator'] }],
  ])('does not count %s', (_name, actor) => {
    expect(approverRoleCombinationsHeld(actor)).toEqual([]);
  });
});

describe('decidePermissionModel: any held column saying Yes grants approval', () => {
  it.each<[string, CustomerEngagementDeployment, ExchangeDeployment, ApproverRole[], ApproverRoleCombination | null, (1 | 2)?]>([
    ['Global admin + System admin: Yes beats the No of System admin and of Global admin', 'online', 'exchangeOnline', ['globalAdmin', 'systemAdmin'], 'globalAdminAndSystemAdmin'],
    ['Exchange admin + System admin', 'online', 'exchangeOnline', ['exchangeAdmin', 'systemAdmin'], 'exchangeAdminAndSystemAdmin'],
    ['Delegated Mailbox Approver + System admin, with footnote 1', 'online', 'exchangeOnline', ['delegatedMailboxApprover', 'systemAdmin'], 'delegatedMailboxApproverAndSystemAdmin', 1],
    ['System admin alone: No', 'online', 'exchangeOnline', ['systemAdmin'], null],
    ['System admin + Service admin: No and No', 'online', 'exchangeOnline', ['systemAdmin', 'serviceAdmin'], null],
    ['Global admin + Exchange admin without System admin: No and No', 'online', 'exchangeOnline', ['globalAdmin', 'exchangeAdmin'], null],
    ['Delegated Mailbox Approver alone holds no column', 'online', 'exchangeOnline', ['delegatedMailboxApprover'], null],
    ['Global admin + System admin: n/a for the pair, Yes² for System admin', 'online', 'exchangeOnPremises', ['globalAdmin', 'systemAdmin'], 'systemAdmin', 2],
    ['System admin + Service admin: Yes² beats No', 'online', 'exchangeOnPremises', ['systemAdmin', 'serviceAdmin'], 'systemAdmin', 2],
    ['Exchange admin alone: n/a', 'online', 'exchangeOnPremises', ['exchangeAdmin'], null],
    ['Service admin alone: No', 'online', 'exchangeOnPremises', ['serviceAdmin'], null],
    ['System admin alone', 'onPremises', 'exchangeOnline', ['systemAdmin'], 'systemAdmin', 2],
    ['Global admin + Exchange admin + Service admin: all n/a', 'onPremises', 'exchangeOnline', ['globalAdmin', 'exchangeAdmin', 'serviceAdmin'], null],
    ['Delegated Mailbox Approver + System admin: n/a for the pair, Yes² for System admin', 'onPremises', 'exchangeOnPremises', ['delegatedMailboxApprover', 'systemAdmin'], 'systemAdmin', 2],
    ['no role at all', 'onPremises', 'exchangeOnPremises', [], null],
  ])('%s (CE %s × %s)', (_name, customerEngagement, exchange, roles, deciding, footnote) => {
    const decision = decidePermissionModel(customerEngagement, exchange, approverRoleCombinationsHeld(actorWith(roles)));
    expect(decision.allowed).toBe(deciding !== null);
    expect(decision.decidingCombination).toBe(deciding);
    expect(decision.decidingCell?.footnote).toBe(footnote);
  });

  it('agrees, for every row and every set of roles, with "some held cell says Yes"', () => {
    const subsets = Array.from({ length: 2 ** APPROVER_ROLES.length }, (_, mask) =>
      APPROVER_ROLES.filter((_role, bit) => mask & (1 << bit)),
    );
    for (const [customerEngagement, rows] of Object.entries(APPROVAL_PERMISSION_TABLE)) {
      for (const [exchange, cells] of Object.entries(rows)) {
        for (const roles of subsets) {
          const held = approverRoleCombinationsHeld(actorWith(roles));
          const expected = held.some((combination) => cells[combination].verdict === 'yes');
          const decision = decidePermissionModel(customerEngagement as CustomerEngagementDeployment, exchange as ExchangeDeployment, held);
          expect(decision.allowed).toBe(expected);
        }
      }
    }
  });
});
