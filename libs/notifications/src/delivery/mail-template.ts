/** The e-mail of a notification, text and HTML, in the recipient's language (texts from the message catalogues). */
import { message } from '../../../messages/src/index.js';
import type { Outgoing } from './channel.js';

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export function mailContent(outgoing: Outgoing): MailContent {
  const { language, texts, recipientName, notification } = outgoing;
  const greeting = message(language, 'mail.greeting', { name: recipientName });
  const open = notification.authorizationId === null ? null : message(language, 'mail.open', { authorizationId: notification.authorizationId });
  const footer = message(language, 'mail.footer');
  const text = [greeting, '', texts.body, ...(open === null ? [] : ['', open]), '', '-- ', footer, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(texts.title)}</title></head><body>`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(texts.body)}</p>`,
    ...(open === null ? [] : [`<p>${escapeHtml(open)}</p>`]),
    `<hr><p style="color:#555;font-size:small">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: texts.title, text, html };
}
