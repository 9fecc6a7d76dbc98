import type { SentenceLabelResponse } from '@sync-admin/contract';

/**
 * Where the web keeps each kind of fixed label the server names in a sentence (decisions 58, 60): the terms of the
 * page that shows them (the Security roles page's, the connectivity test's, the error catalog's). Apart from
 * server-messages.ts so test/i18n-resources.test.ts can hold every label the domain names to a text in every language
 * (this module loads no i18next).
 */
export const LABEL_KEYS: Record<SentenceLabelResponse['kind'], (key: string) => string> = {
  // A privilege's identifier ("mailbox.write") is its key there in camel case ("mailboxWrite").
  privilege: (key) => `security-roles:privilege.${key.replace(/\.(\w)/g, (_, letter: string) => letter.toUpperCase())}`,
  privilegeDepth: (key) => `security-roles:depth.${key}`,
  approverRole: (key) => `security-roles:model.role.${key}`,
  approverRoleCombination: (key) => `security-roles:model.combination.${key}`,
  customerEngagement: (key) => `security-roles:model.customerEngagement.${key}`,
  exchangeDeployment: (key) => `security-roles:model.exchange.${key}`,
  permissionFootnote: (key) => `security-roles:model.footnote${key}`,
  exchangeChannel: (key) => `exchange-connectivity:channel.${key}`,
  exchangeErrorTitle: (key) => `exchange-errors:${key}.title`,
  exchangeErrorMeaning: (key) => `exchange-errors:${key}.meaning`,
  outageFamily: (key) => `exchange-connectivity:outageFamily.${key}`,
};

/** How a `notes` list says each label: as its own sentence after the one that names it. */
export const NOTE_KEY = 'common:sentenceNote';
