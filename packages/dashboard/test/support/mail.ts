import type { ReceivedMail, SmtpPeer } from '../../../server/test/accounts/support/smtp-peer.js';

/** The first mail to `address` with a matching subject among those after the first `since`. */
export function mailTo(
  smtp: SmtpPeer,
  address: string,
  subject: RegExp,
  since = 0,
): Promise<ReceivedMail> {
  return smtp.waitFor(
    (mail) =>
      smtp.messages.indexOf(mail) >= since &&
      mail.to.includes(address) &&
      subject.test(mail.subject),
    10_000,
  );
}

/** The dashboard link in a mail's text, as the recipient would click it. */
export function linkIn(mail: ReceivedMail): string {
  const link = /(https?:\/\/\S+#\S+)/.exec(mail.text)?.[1];
  if (link === undefined) throw new Error('no link in the mail');

  return link;
}

/** The six-digit code in a mail's text. */
export function codeIn(mail: ReceivedMail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (code === undefined) throw new Error('no code in the mail');

  return code;
}
