import { SMTPServer } from 'smtp-server';

/** A message as the SMTP peer received it, with its text and HTML bodies decoded. */
export interface ReceivedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly raw: string;
}

export interface SmtpPeer {
  /** `smtp://127.0.0.1:<port>` for the mailer. */
  readonly url: string;
  readonly messages: readonly ReceivedMail[];
  /** The first message (received so far or within the timeout) that matches. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port: plain SMTP without STARTTLS or AUTH, as a
 * local relay would be. Every message it accepts is kept for the test to read.
 */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        messages.push(parseMail(to, Buffer.concat(chunks).toString('utf8')));
        callback();
      });
    },
  });
  const listening = server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => listening.once('listening', () => resolve()));
  const address = listening.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (match, timeoutMs = 5000) => waitForMail(messages, match, timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function waitForMail(
  messages: readonly ReceivedMail[],
  match: (mail: ReceivedMail) => boolean,
  timeoutMs: number,
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = messages.find(match);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('no matching mail arrived');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Just enough MIME for nodemailer's output: one level of multipart, QP or base64 parts. */
function parseMail(to: string[], raw: string): ReceivedMail {
  const { headers, body } = splitHeaders(raw);
  const subject = /^subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
  const parts = boundary === undefined ? [raw] : body.split(`--${boundary}`);
  let text = '';
  let html = '';
  for (const part of parts) {
    const section = splitHeaders(part.replace(/^\r?\n/, ''));
    const decoded = decodeBody(section.headers, section.body);
    if (/content-type:\s*text\/plain/i.test(section.headers)) text = decoded;
    if (/content-type:\s*text\/html/i.test(section.headers)) html = decoded;
  }
  return { to, subject, text, html, raw };
}

function splitHeaders(text: string): { headers: string; body: string } {
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return { headers: text, body: '' };
  return { headers: text.slice(0, end), body: text.slice(end).replace(/^\r?\n\r?\n/, '') };
}

function decodeBody(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64')
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;

  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index += 1) {
    const hex = joined.slice(index + 1, index + 3);
    if (joined[index] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(joined.charCodeAt(index));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The six-digit code in a mail's text. */
export function codeIn(mail: ReceivedMail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (code === undefined) throw new Error('no code in the mail');
  return code;
}

/** A fragment parameter of the dashboard link in a mail's text (`token`, `shop`). */
export function linkParameter(mail: ReceivedMail, name: string): string {
  const link = /(https?:\/\/\S+#\S+)/.exec(mail.text)?.[1];
  if (link === undefined) throw new Error('no link in the mail');
  const value = new URLSearchParams(new URL(link).hash.slice(1)).get(name);
  if (value === null) throw new Error(`no ${name} in the link`);
  return value;
}
