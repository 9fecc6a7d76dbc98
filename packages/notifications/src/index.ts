export { createSmtpNotifier, type SmtpNotifierOptions } from './smtp-notifier.ts';
