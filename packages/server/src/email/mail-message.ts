/** One outgoing email: always both a plain-text and an HTML body. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
