/** A notification's texts in one language, from the message catalogues (libs/messages) and the policy's matter names. */
import type { Catalogue } from '../../domain/src/catalogue/catalogue.js';
import { type Language, message, messageOrNull } from '../../messages/src/index.js';
import { matterNamesOf } from '../../read-models/src/authorization/authorization.presentation.js';
import type { NotificationDraft } from './notification.js';

export interface NotificationTexts {
  readonly title: string;
  readonly body: string;
}

export function renderNotification(notification: Pick<NotificationDraft, 'kind' | 'params'>, language: Language, catalogue: Catalogue): NotificationTexts {
  const { matter, ...rest } = notification.params;
  const params: Record<string, string | number> = { ...rest, ...(typeof matter === 'string' ? { matter: matterNamesOf(catalogue, matter)[language] } : {}) };
  if (notification.kind === 'decision') {
    const title = messageOrNull(language, `notification.decision.${String(params['outcome'])}.title`, params) ?? message(language, 'notification.decision.approved.title', params);
    return { title, body: message(language, 'notification.decision.body', params) };
  }
  const title = messageOrNull(language, `notification.${notification.kind}.title`, params) ?? notification.kind;
  const deadline = params['deadline'];
  return {
    title: deadline === 'due' || deadline === 'overdue' ? message(language, `notification.deadline.${deadline}`, { title }) : title,
    body: messageOrNull(language, `notification.${notification.kind}.body`, params) ?? '',
  };
}
