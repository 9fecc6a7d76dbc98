import { PRIVILEGE_DEPTH_LABELS, PRIVILEGE_LABELS } from '../access/privileges.ts';
import {
  APPROVAL_PERMISSION_FOOTNOTES,
  APPROVER_ROLE_COMBINATION_LABELS,
  APPROVER_ROLE_LABELS,
  EXCHANGE_DEPLOYMENT_LABELS,
} from '../approval/approval-permission-table.ts';
import { CUSTOMER_ENGAGEMENT_LABELS } from '../environments/environment.ts';
import { EXCHANGE_CHANNEL_LABELS } from '../exchange-connectivity/exchange-channel.ts';
import { EXCHANGE_ERROR_CATALOG, isExchangeErrorCode } from '../exchange-connectivity/exchange-error-catalog.ts';
import { OUTAGE_FAMILY_LABELS } from '../exchange-connectivity/outage-family.ts';
import type { CodedSentence, MessageParams, ServerMessage } from './domain-error.ts';
import { tableSentence, type PluralTemplate } from './sentence.ts';

/**
 * The fixed labels a sentence's params can be (decision 58): each kind is one of the domain's label tables, keyed by
 * identifier, so a UI can say the label in its own language while the param keeps the English.
 */
export const SENTENCE_LABEL_TABLES = {
  privilege: PRIVILEGE_LABELS,
  privilegeDepth: PRIVILEGE_DEPTH_LABELS,
  approverRole: APPROVER_ROLE_LABELS,
  approverRoleCombination: APPROVER_ROLE_COMBINATION_LABELS,
  customerEngagement: CUSTOMER_ENGAGEMENT_LABELS,
  exchangeDeployment: EXCHANGE_DEPLOYMENT_LABELS,
  // Keyed by the footnote's number, as the article numbers them.
  permissionFootnote: APPROVAL_PERMISSION_FOOTNOTES,
  exchangeChannel: EXCHANGE_CHANNEL_LABELS,
  exchangeErrorTitle: Object.fromEntries(Object.values(EXCHANGE_ERROR_CATALOG).map(({ code, title }) => [code, title])) as Record<string, string>,
  exchangeErrorMeaning: Object.fromEntries(Object.values(EXCHANGE_ERROR_CATALOG).map(({ code, meaning }) => [code, meaning])) as Record<string, string>,
  outageFamily: OUTAGE_FAMILY_LABELS,
} as const;
export type SentenceLabelKind = keyof typeof SENTENCE_LABEL_TABLES;

/**
 * How a list of labels is said: joined with "and" or "or" ("a, b and c", "a, b, or c", as the seeds list), or each as
 * a note after the sentence (" Note: a Note: b"); one label alone has no join.
 */
export type SentenceLabelJoin = 'and' | 'or' | 'notes';

/** The sentence a `notes` list says each of its labels in. */
export const SENTENCE_NOTE = 'Note: {{note}}';

/** What a param that is a fixed label names: its kind and identifiers, and for a list how it is joined. */
export interface SentenceLabel {
  kind: SentenceLabelKind;
  keys: string[];
  join?: SentenceLabelJoin;
}

/** A sentence by code: its params, and for those that are fixed labels what they name. */
export interface LabelledSentence extends CodedSentence {
  labels?: Record<string, SentenceLabel>;
}

export type LabelledMessage = ServerMessage & { labels?: Record<string, SentenceLabel> };

/** A param that is a fixed label, or a list of them: its English text, and what it names. */
export interface LabelParam {
  english: string;
  label: SentenceLabel;
}

type LabelKey<K extends SentenceLabelKind> = keyof (typeof SENTENCE_LABEL_TABLES)[K] & (string | number);

const englishLabel = (kind: SentenceLabelKind, key: string | number): string => (SENTENCE_LABEL_TABLES[kind] as Record<string, string>)[key]!;

export function label<K extends SentenceLabelKind>(kind: K, key: LabelKey<K>): LabelParam {
  return { english: englishLabel(kind, String(key)), label: { kind, keys: [String(key)] } };
}

/** "a", "a or b", "a, b, or c": the seed's way of listing alternatives. */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1)}`;
}

export function andList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const JOINS: Record<SentenceLabelJoin, (items: readonly string[]) => string> = {
  and: andList,
  or: orList,
  notes: (items) => items.map((note) => ` ${tableSentence('NOTE', SENTENCE_NOTE, { note }).message}`).join(''),
};

export function labelList<K extends SentenceLabelKind>(kind: K, keys: readonly LabelKey<K>[], join: SentenceLabelJoin): LabelParam {
  return { english: JOINS[join](keys.map((key) => englishLabel(kind, key))), label: { kind, keys: keys.map(String), join } };
}

/** An Exchange error's title by its code; a code outside the catalog is said as the catalog's ExchangeError. */
export const exchangeErrorTitle = (code: string): LabelParam => label('exchangeErrorTitle', isExchangeErrorCode(code) ? code : 'ExchangeError');

/**
 * What went wrong in detail: what Exchange or the network said is data, kept as it came; the portal's own checks say
 * their code's meaning, which is a label of the catalog.
 */
export function exchangeErrorDetail(code: string, message: string): string | LabelParam {
  return isExchangeErrorCode(code) && EXCHANGE_ERROR_CATALOG[code].meaning === message ? label('exchangeErrorMeaning', code) : message;
}

/**
 * A sentence of a table: its params' English fills the template (a plural one in the form its `count` param picks),
 * the labels among them travel beside it.
 */
export function labelledSentence(code: string, template: string | PluralTemplate, params?: Record<string, string | number | LabelParam>): LabelledMessage {
  const form = typeof template === 'string' ? template : params?.count === 1 ? template.one : template.other;
  if (params === undefined) return tableSentence(code, form);
  const entries = Object.entries(params);
  const english: MessageParams = Object.fromEntries(entries.map(([name, value]) => [name, typeof value === 'object' ? value.english : value]));
  const labels = Object.fromEntries(entries.flatMap(([name, value]) => (typeof value === 'object' ? [[name, value.label]] : [])));
  const message = tableSentence(code, form, english);
  return Object.keys(labels).length === 0 ? message : { ...message, labels };
}

/** The coded sentence of a message, without its English text. */
export const labelledSentenceOf = ({ message: _english, ...sentence }: LabelledMessage): LabelledSentence => sentence;
