/**
 * E-mail over SMTP with nodemailer (SPEC §12): `smtp://` upgrades with STARTTLS when the server
 * offers it, `smtps://` is TLS from the start, credentials in the URL. The Message-ID derives from
 * the notification id, so a retried send is recognisable as the same message.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationChannel, Outgoing } from './channel.js';
import { mailContent } from './mail-template.js';

export interface SmtpChannelOptions {
  readonly url: string;
  readonly from: string;
  /** Connection, greeting and socket timeout (default 10 s): an unreachable server fails the attempt, not the process. */
  readonly timeoutMs?: number;
}

/** The host part of the From address: the right-hand side of every Message-ID. */
const domainOf = (from: string): string => /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'callcenter.invalid';

export const messageIdOf = (notificationId: string, from: string): string => `<${notificationId}@${domainOf(from)}>`;

export class SmtpChannel implements NotificationChannel {
  readonly name = 'email' as const;
  private readonly transport: Transporter;

  constructor(private readonly options: SmtpChannelOptions) {
    const timeout = options.timeoutMs ?? 10_000;
    this.transport = nodemailer.createTransport({ url: options.url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  }

  async send(outgoing: Outgoing): Promise<void> {
    if (outgoing.address === null) throw new Error('no e-mail address');
    const content = mailContent(outgoing);
    await this.transport.sendMail({
      from: this.options.from,
      to: outgoing.address,
      subject: content.subject,
      text: content.text,
      html: content.html,
      messageId: messageIdOf(outgoing.notification.id, this.options.from),
      headers: { 'Content-Language': outgoing.language },
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
