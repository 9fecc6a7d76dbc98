import type { ProfileOwnerNotifier } from '@sync-admin/domain';
import nodemailer from 'nodemailer';

export interface SmtpNotifierOptions {
  /** smtp://user:pass@host:port or smtps://…; null sends nothing (the alert still reaches the Alerts wall). */
  url: string | null;
  from: string;
  /** Called when a message cannot be sent: an email alert must never fail the work that raised it. */
  onError: (error: unknown) => void;
}

/** The deployment's SMTP server, for the emails seed 003's "Send an alert email to the owner" option asks for. */
export function createSmtpNotifier(options: SmtpNotifierOptions): ProfileOwnerNotifier {
  const transport = options.url ? nodemailer.createTransport(options.url) : null;
  return {
    async notifyOutage(message) {
      if (!transport) return;
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        options.onError(error);
      }
    },
  };
}
