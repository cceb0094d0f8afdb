/**
 * One signed POST per notification (Standard Webhooks, with that specification's own library):
 * `webhook-id` is the notification id, `webhook-timestamp` the attempt's second, the body
 * `{type: "notification.<kind>", timestamp, data: {…the notification, employeeId}}`. Any 2xx is
 * delivered; anything else, or no answer within the timeout, fails the attempt.
 */
import { Webhook } from 'standardwebhooks';
import { type NotificationChannel, notificationView, type Outgoing } from './channel.js';

export interface WebhookChannelOptions {
  readonly url: string;
  /** `whsec_<base64>`. */
  readonly secret: string;
  /** Per attempt (default 10 s): a hanging receiver costs one attempt. */
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook' as const;
  private readonly signer: Webhook;

  constructor(private readonly options: WebhookChannelOptions) {
    this.signer = new Webhook(options.secret);
  }

  async send(outgoing: Outgoing): Promise<void> {
    const now = (this.options.clock ?? (() => new Date()))();
    const id = outgoing.notification.id;
    const body = JSON.stringify({ type: `notification.${outgoing.notification.kind}`, timestamp: now.toISOString(), data: { ...notificationView(outgoing), employeeId: outgoing.notification.recipientId } });
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': this.signer.sign(id, now, body),
      },
      body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`the webhook receiver answered ${response.status}`);
  }

  async close(): Promise<void> {}
}
