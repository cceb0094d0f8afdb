/** A delivery channel of the deployment (SMTP, the webhook): sends one notification, throws when it could not. */
import type { Language } from '../../../messages/src/index.js';
import type { StoredNotification } from '../notification.js';
import type { Channel } from '../notification.store.js';
import type { NotificationTexts } from '../render.js';

export interface Outgoing {
  readonly notification: StoredNotification;
  readonly texts: NotificationTexts;
  readonly language: Language;
  readonly recipientName: string;
  /** The e-mail address the recipient had on when the notification was created (e-mail only). */
  readonly address: string | null;
}

export interface NotificationChannel {
  readonly name: Channel;
  send(outgoing: Outgoing): Promise<void>;
  close(): Promise<void>;
}

/** A notification as the API and the webhook show it (SPEC §12). */
export const notificationView = (outgoing: Pick<Outgoing, 'notification' | 'texts'>) => ({
  id: outgoing.notification.id,
  kind: outgoing.notification.kind,
  subjectId: outgoing.notification.subjectId,
  ...(outgoing.notification.authorizationId === null ? {} : { authorizationId: outgoing.notification.authorizationId }),
  title: outgoing.texts.title,
  body: outgoing.texts.body,
  createdAt: outgoing.notification.createdAt,
  readAt: outgoing.notification.readAt,
});
