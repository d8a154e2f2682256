import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors/error-registry.js';
import type { DevOutbox, OutboxMessage } from './dev-outbox.js';
import { escapeHtml, htmlDocument } from './html.js';

const BANNER = 'Development mailbox — not sent';

const STYLESHEET = `body { font-family: system-ui, sans-serif; margin: 0; color: #1d1d1f; }
.banner { background: #b00020; color: #fff; font-size: 1.6rem; font-weight: 700;
  padding: 1rem 1.5rem; margin: 0; }
.note { padding: 0 1.5rem; }
article { border-top: 1px solid #ccc; padding: 0.5rem 1.5rem; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.75rem; }
`;

const MESSAGE_ID = /^[0-9a-f-]{36}$/;

/**
 * `GET /dev/mailbox`: the development outbox as a page, clearly marked as mail that was not
 * sent. Registered only when no SMTP server is configured outside production. The page has no
 * inline script or style (the stylesheet is its own resource), so the strict CSP applies as is.
 * `GET /dev/mailbox/messages.json` serves the same messages to browser tests.
 */
export async function registerDevMailboxRoutes(
  app: FastifyInstance,
  outbox: DevOutbox,
): Promise<void> {
  app.get('/dev/mailbox', async (_request, reply) => sendHtml(reply, mailboxPage(outbox)));

  app.get('/dev/mailbox/style.css', async (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(STYLESHEET),
  );

  app.get('/dev/mailbox/messages.json', async () => ({ messages: outbox.list() }));

  app.get<{ Params: { id: string } }>('/dev/mailbox/:id', async (request, reply) => {
    const { id } = request.params;
    const message = MESSAGE_ID.test(id) ? outbox.find(id) : null;
    if (message === null) throw new AppError('ROUTE_NOT_FOUND');

    return sendHtml(reply, message.html);
  });
}

function sendHtml(reply: FastifyReply, html: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').send(html);
}

function mailboxPage(outbox: DevOutbox): string {
  const messages = outbox.list();
  const body = [
    `<h1 class="banner">${escapeHtml(BANNER)}</h1>`,
    '<p class="note">No SMTP server is configured (SMTP_URL is unset), so email is kept here ' +
      'instead of being sent. Newest first. Set SMTP_URL to send real mail; this page does ' +
      'not exist in production.</p>',
    messages.length === 0 ? '<p class="note">No messages yet.</p>' : '',
    ...messages.map(messageSection),
  ].join('\n');

  return htmlDocument(BANNER, body).replace(
    '</title></head>',
    '</title><link rel="stylesheet" href="/dev/mailbox/style.css"></head>',
  );
}

function messageSection(message: OutboxMessage): string {
  return [
    '<article>',
    `<h2>${escapeHtml(message.subject)}</h2>`,
    `<p>To ${escapeHtml(message.to)} · from ${escapeHtml(message.from)} · ` +
      `${escapeHtml(message.at)} · <a href="/dev/mailbox/${escapeHtml(message.id)}">HTML</a></p>`,
    `<pre>${escapeHtml(message.text)}</pre>`,
    '</article>',
  ].join('\n');
}
