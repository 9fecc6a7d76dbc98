import { AUTHENTICATION_PROTOCOL_LABELS, EXCHANGE_ONLINE_EWS_URL, connectionTestResult, stepDetail, stepTitle, type ExchangeErrorCode, type LabelledMessage, type ServerProfileConnectionTarget, type ServerProfileLastTest, type TestStatus } from '@sync-admin/domain';
import { describeAccess, planChannel, type ChannelPlan } from './connection-plan.ts';
import { checkSecrets, ConnectivityRun, type ConnectivityDeps } from './connectivity-run.ts';
import type { TraceStep } from './connectivity-trace.ts';
import { failure, UNEXPECTED_MESSAGE } from './ews-error-classifier.ts';
import type { AppRegistration } from './exchange-online-token.ts';

interface Outcome {
  status: TestStatus;
  /** The portal's own sentence, or what Exchange, Entra ID or the adapter's refusal said. */
  message: string | LabelledMessage;
  errorCode: string | null;
}

/**
 * A profile's "Test connection": the token for Exchange Online, then the Inbox of the service account (or of
 * `mailboxAddress`, impersonated or as a delegate as the profile says). S2S and OAuth without a mailbox stop
 * after the token, with a warning; "Credentials Specified by a User or Queue" has no credentials to test here.
 */
export async function testProfileConnection(
  deps: ConnectivityDeps,
  s2s: AppRegistration | null,
  timeoutMs: number,
  target: ServerProfileConnectionTarget,
  reportUnexpected: (error: unknown) => void,
): Promise<ServerProfileLastTest> {
  const startedAt = deps.clock();
  const started = performance.now();
  const run = new ConnectivityRun(deps, checkSecrets(target.settings, target.secrets, s2s, null), timeoutMs);
  let outcome: Outcome;
  try {
    outcome = await test(run, target, s2s);
  } catch (error) {
    // A test never throws: a bug is a result too, without its internal text.
    reportUnexpected(error);
    outcome = { status: 'failure', message: UNEXPECTED_MESSAGE, errorCode: 'UnexpectedError' };
  } finally {
    run.close();
  }
  const said = typeof outcome.message === 'string' ? { message: run.trace.clean(outcome.message), sentence: null } : run.trace.sentence(outcome.message);
  return {
    status: outcome.status,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ...said,
    errorCode: outcome.errorCode,
    trace: run.trace.finish(),
  };
}

async function test(run: ConnectivityRun, target: ServerProfileConnectionTarget, s2s: AppRegistration | null): Promise<Outcome> {
  const { settings, secrets, mailboxAddress } = target;
  const configuration = run.trace.child('configuration', stepTitle('READ_PROFILE'));
  if (settings.serverType === 'exchangeServer' && settings.authenticateUsing === 'credentialsSpecifiedByUserOrQueue') {
    configuration.warn(stepDetail('CREDENTIALS_PER_MAILBOX'));
    return { status: 'warning', message: connectionTestResult('CREDENTIALS_PER_MAILBOX'), errorCode: null };
  }
  const usesOwnAddressForAutodiscover = settings.serverType === 'exchangeServer' && settings.useAutoDiscover && !mailboxAddress;
  if (usesOwnAddressForAutodiscover && !settings.incomingUserName?.includes('@')) {
    return refused(run, configuration, 'MissingServerLocation',
      'Autodiscover finds the server from a mailbox address: test a mailbox that uses this profile, or enter the Incoming Server Location.');
  }
  const planned = planChannel('incoming', { settings, secrets, mailboxAddress, mailboxCredentials: null, s2s });
  if (!planned.ok) {
    // Windows Integrated Authentication is not wrong, only untestable from here.
    return planned.code === 'WindowsIntegratedAuthenticationNotTestable'
      ? warned(run, configuration, planned.code, planned.message)
      : refused(run, configuration, planned.code, planned.message);
  }
  const { plan } = planned;
  configuration.succeed(describePlan(plan));

  if (plan.credential.kind === 'oauth') {
    const token = await run.token(plan, run.trace);
    if (!token.ok) return { status: 'failure', message: token.error.message, errorCode: token.error.code };
    if (!mailboxAddress) {
      return { status: 'warning', message: connectionTestResult('SIGNED_IN_NO_MAILBOX'), errorCode: null };
    }
  }

  const step = run.trace.child('ews', stepTitle('OPEN_INBOX', { mailbox: plan.mailbox }));
  const opened = await run.session(plan, step);
  if (!opened.ok) {
    step.fail(opened.error);
    return { status: 'failure', message: opened.error.message, errorCode: opened.error.code };
  }
  const { session } = opened;
  const error = await run.call(session, plan, step, (url) => stepTitle('GET_FOLDER', { folder: 'Inbox', url }), () => session.bindFolder('inbox'));
  if (error) {
    step.fail(error);
    return { status: 'failure', message: error.message, errorCode: error.code };
  }
  step.succeed(describeAccess(plan));
  const inbox = { url: session.url, mailbox: plan.mailbox };
  if (plan.credential.kind === 'oauth') return { status: 'success', message: connectionTestResult('SIGNED_IN_OPENED_INBOX', inbox), errorCode: null };
  const account = plan.credential.userName;
  const message = plan.access === 'own' ? connectionTestResult('CONNECTED_OPENED_INBOX', inbox)
    : connectionTestResult(plan.access === 'impersonate' ? 'CONNECTED_OPENED_INBOX_IMPERSONATING' : 'CONNECTED_OPENED_INBOX_AS', { ...inbox, account });
  return { status: 'success', message, errorCode: null };
}

/** Where and how the profile connects; who opens which mailbox is the Open step's detail. */
function describePlan({ location, credential }: ChannelPlan): LabelledMessage {
  if (credential.kind === 'oauth') return stepDetail('PLAN_OAUTH', { url: location.kind === 'url' ? location.url : EXCHANGE_ONLINE_EWS_URL });
  const protocol = AUTHENTICATION_PROTOCOL_LABELS[credential.protocol];
  return location.kind === 'url' ? stepDetail('PLAN_AT_URL', { url: location.url, protocol }) : stepDetail('PLAN_BY_AUTODISCOVER', { protocol });
}

function refused(run: ConnectivityRun, step: TraceStep, code: ExchangeErrorCode, message: string): Outcome {
  const error = run.error(failure(code, message));
  step.fail(error);
  return { status: 'failure', message: error.message, errorCode: code };
}

function warned(run: ConnectivityRun, step: TraceStep, code: ExchangeErrorCode, message: string): Outcome {
  const error = run.error(failure(code, message));
  step.warn(message, error);
  return { status: 'warning', message: error.message, errorCode: code };
}
