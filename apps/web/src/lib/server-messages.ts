import type {
  ApprovalDecisionResponse, ApproveEmailAvailabilityResponse, BulkResultResponse, CodedSentenceResponse, ErrorResponse, LabelledSentenceResponse, SentenceLabelResponse,
  ExchangeErrorDefinition,
} from '@sync-admin/contract';
import { formatList } from './format-time.ts';
import { i18next } from './i18n.ts';
import { LABEL_KEYS, NOTE_KEY } from './server-label-keys.ts';

type FieldError = ErrorResponse['error']['fieldErrors'][number];
type MessageParams = NonNullable<CodedSentenceResponse['params']>;

/**
 * A field error in the language shown (decision 51): the sentence its code names, filled with its params, with the
 * field's label in that language too; the English sentence the API sent when the code has no translation (yet).
 * The namespaces are loaded when an API error arrives (api-client.ts), so they are there to render it.
 */
export function fieldErrorText({ field, message, code, params }: FieldError): string {
  if (code === undefined) return message;
  const label = typeof params?.label === 'string' ? i18next.t(`fields:${field}`, { defaultValue: params.label }) : undefined;
  // A refusal of a whole import row keeps its error body's code, a sentence of the `code` group.
  return i18next.t([`errors:field.${code}`, `errors:code.${code}`], { ...params, ...(label === undefined ? {} : { label }), defaultValue: message });
}

/** The request-schema refusals ("The request body is invalid: …") whose details are their field errors, said one by one. */
const REQUEST_INVALID = /^REQUEST_(BODY|QUERY|PARAMS|HEADERS)?_?INVALID$/;

/**
 * An error response's own sentence in the language shown (decision 55): one field's error, or the sentence its
 * `messageCode` names, filled with its params; the English sentence when there is no code or no translation.
 */
export function errorBodyText(body: Pick<ErrorResponse['error'], 'code' | 'messageCode' | 'message' | 'params' | 'fieldErrors'>): string {
  const [first, ...others] = body.fieldErrors;
  if (body.code === 'VALIDATION_FAILED' && first && others.length === 0 && first.message === body.message) return fieldErrorText(first);
  if (body.messageCode === undefined) return body.message;
  const details = REQUEST_INVALID.test(body.messageCode)
    ? { details: body.fieldErrors.map((fieldError) => `${fieldError.field}: ${fieldErrorText(fieldError)}`).join('; ') }
    : {};
  return i18next.t(`errors:code.${body.messageCode}`, { ...body.params, ...details, defaultValue: body.message });
}

/** Loads what errorBodyText and fieldErrorText need; an API error waits for it before it is thrown. */
export const loadErrorMessages = () => i18next.loadNamespaces(['errors', 'fields']).catch(() => undefined);

/** A request field's label in the language shown (the `fields` namespace, keyed by the field), else the English one. */
export const fieldLabel = (field: string, english: string): string => i18next.t(`fields:${field}`, { defaultValue: english });

/**
 * A fixed label (or a list of them) in the language shown, lists joined in it; undefined without a translation (its
 * namespace not loaded yet).
 */
export function labelText({ kind, keys, join }: SentenceLabelResponse): string | undefined {
  const said = keys.map((key) => LABEL_KEYS[kind](key));
  if (!said.every((key) => i18next.exists(key))) return undefined;
  const texts = said.map((key) => i18next.t(key));
  if (join === 'notes') return texts.map((note) => ` ${i18next.t(NOTE_KEY, { note })}`).join('');
  return join === undefined ? texts[0] : formatList(texts, join);
}

/**
 * The params that are fixed labels, said in the language shown; none in English, where the server's params are
 * already the labels as the seed names them (and its lists joined as the seed joins them). A label without a
 * translation leaves the English param.
 */
function labelParams(labels: LabelledSentenceResponse['labels']): MessageParams {
  if (!labels || i18next.resolvedLanguage === 'en') return {};
  return Object.fromEntries(Object.entries(labels).flatMap(([name, label]) => {
    const text = labelText(label);
    return text === undefined ? [] : [[name, text]];
  }));
}

/**
 * A sentence of one of the server's tables, named by code beside its English text (decision 58), said from
 * `<table>.<code>` with its params (those that are fixed labels in the same language); the English text when it came
 * without a code (a record kept before codes) or has no translation. The component asking loads the namespace (its
 * useTranslation), and `security-roles` for the labels.
 */
export function codedSentenceText(
  table: 'alerts:sentence' | 'domain-health:sentence' | 'exchange-connectivity:stepDetail' | 'exchange-connectivity:stepTitle' | 'mailboxes:approvalSentence' | 'mailboxes:approveEmailSentence' | 'server-profiles:testResult',
  english: string,
  coded: LabelledSentenceResponse | null | undefined,
  params: MessageParams = {},
): string {
  if (!coded) return english;
  return i18next.t(`${table}.${coded.code}`, { ...coded.params, ...labelParams(coded.labels), ...params, defaultValue: english });
}

/** An approval check's sentence in the language shown. */
export const approvalCheckText = (check: ApprovalDecisionResponse['checks'][number]): string =>
  codedSentenceText('mailboxes:approvalSentence', check.message, check.sentence);

/**
 * An approval decision's summary in the language shown. A refusal's `reason` is its deciding check's sentence: said
 * in that language too, unless it is shown in English, where the server's own lower-cased continuation stays.
 */
export function approvalSummaryText(decision: ApprovalDecisionResponse): string {
  const reason = decision.checks.find((check) => check.rule === decision.reasonRule);
  const said = reason ? approvalCheckText(reason) : undefined;
  const params: MessageParams = reason && said !== undefined && said !== reason.message ? { reason: said } : {};
  return codedSentenceText('mailboxes:approvalSentence', decision.summary, decision.summarySentence, params);
}

/**
 * One sentence of a mailbox's bulk outcome in the language shown: the bulk commands' own, an access or field error's
 * (decision 55) or, for an approval refusal, its decision's summary; undefined when it has no translation.
 */
function rowSentenceText(sentence: CodedSentenceResponse, decision: ApprovalDecisionResponse | undefined): string | undefined {
  if (decision && sentence.code === decision.summarySentence.code) return approvalSummaryText(decision);
  const key = [`mailboxes:bulkSentence.${sentence.code}`, `errors:code.${sentence.code}`, `errors:field.${sentence.code}`].find((candidate) => i18next.exists(candidate));
  return key === undefined ? undefined : i18next.t(key, { ...sentence.params });
}

/**
 * A bulk command's result for one mailbox in the language shown (decision 58): each of its sentences said by
 * rowSentenceText; the English the server sent when one of them has no translation. The component asking loads
 * the mailboxes and errors namespaces.
 */
export function bulkRowText(row: BulkResultResponse['results'][number], decisions: readonly ApprovalDecisionResponse[]): string {
  const decision = row.decisionIndex === undefined ? undefined : decisions[row.decisionIndex];
  const said = row.sentences.map((sentence) => rowSentenceText(sentence, decision));
  return said.length === 0 || said.includes(undefined) ? row.message : said.join(' ');
}

/**
 * What Approve Email would do for a selection, in the language shown: for one mailbox refused, its refusal said as
 * the command's result would say it; else the availability sentence with its counts, and a refusal of them all for one
 * reason with that decision's summary in the same language.
 */
export function approveEmailSummaryText(answer: ApproveEmailAvailabilityResponse): string {
  const { approvable, notApprovable, summary, summarySentence, refusals, decisions } = answer;
  const only = approvable + notApprovable === 1 ? refusals[0] : undefined;
  if (only) return rowSentenceText(only.reasonSentence, only.decisionIndex === undefined ? undefined : decisions[only.decisionIndex]) ?? only.reason;
  const [decision, ...others] = decisions;
  const reason: MessageParams = decision && others.length === 0 ? { summary: approvalSummaryText(decision) } : {};
  return codedSentenceText('mailboxes:approveEmailSentence', summary, summarySentence, reason);
}

/**
 * An exchange error catalog entry's title, meaning and fix in the language shown (decision 58), from
 * `exchange-errors:<code>.<part>`: the catalog is the domain's, its texts are keyed by the error code. A code an older
 * catalog recorded reads as ExchangeError, as exchangeErrorDefinition does; the catalog's English is the fallback.
 * Takes the definition rather than the catalog itself, which must stay off the first screen (decision 53).
 */
export function exchangeErrorTexts(definition: ExchangeErrorDefinition): Record<'title' | 'meaning' | 'fix', string> {
  const say = (part: 'title' | 'meaning' | 'fix') =>
    i18next.t([`exchange-errors:${definition.code}.${part}`, `exchange-errors:ExchangeError.${part}`], { defaultValue: definition[part] });
  return { title: say('title'), meaning: say('meaning'), fix: say('fix') };
}
