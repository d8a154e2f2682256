import { escapeHtml, htmlDocument, paragraphs } from './html.js';

/** What a template produces; the mailer adds sender and recipient. */
export interface MailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Where and with what something happened, as coarsely as we know it: never an IP address. */
export interface SignInPlace {
  readonly at: Date;
  readonly browserFamily: string;
  readonly country: string | null;
  readonly region: string | null;
}

const SIGNATURE = '— Auraflow';

/** One piece of a message: plain text, or a link whose label and address are shown. */
type Part = string | { readonly link: string; readonly label: string };

function compose(subject: string, parts: readonly Part[]): MailContent {
  const text = parts.map((part) =>
    typeof part === 'string' ? part : `${part.label}: ${part.link}`,
  );
  const html = parts.map((part) =>
    typeof part === 'string'
      ? escapeHtml(part)
      : `<a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a>`,
  );

  return {
    subject,
    text: [...text, SIGNATURE].join('\n\n'),
    html: htmlDocument(subject, paragraphs([...html, escapeHtml(SIGNATURE)])),
  };
}

export function emailVerificationMail(link: string): MailContent {
  return compose('Verify your email address for Auraflow', [
    'Welcome to Auraflow. Confirm that this address is yours to finish creating your account.',
    { link, label: 'Verify my email address' },
    'The link works once and for 24 hours. If you did not sign up, ignore this email.',
  ]);
}

export function accountExistsMail(signInLink: string): MailContent {
  return compose('Someone tried to sign up with your email address', [
    'Someone tried to create an Auraflow account with this address, which already has one.',
    'If it was you, sign in instead; nothing has changed on your account.',
    { link: signInLink, label: 'Sign in' },
  ]);
}

export function signInCodeMail(code: string, minutes: number): MailContent {
  return compose('Your Auraflow sign-in code', [
    `Your sign-in code is ${code}. It works once, for ${minutes} minutes.`,
    'If you are not signing in right now, someone knows your password: change it.',
  ]);
}

export function newDeviceCodeMail(code: string, minutes: number, place: SignInPlace): MailContent {
  return compose('Confirm a new device for Auraflow', [
    `Someone signed in to Auraflow from a device we do not recognise: ${describe(place)}.`,
    `If it was you, enter this code to confirm the device: ${code}. It works once, for ` +
      `${minutes} minutes.`,
    'If it was not you, do not share the code, and change your password.',
  ]);
}

export function newDeviceNoticeMail(place: SignInPlace): MailContent {
  return compose('New sign-in to your Auraflow account', [
    `Your Auraflow account was signed in to from a new device: ${describe(place)}.`,
    'If it was you, there is nothing to do. If not, change your password and revoke the ' +
      'device from the Devices page of the dashboard.',
  ]);
}

export function totpReusedMail(place: SignInPlace): MailContent {
  return compose('An authenticator code was used twice', [
    `An authenticator-app code for your Auraflow account was presented again after it had ` +
      `already been used: ${describe(place)}. It was refused.`,
    'If you did not just sign in twice, someone may be watching your codes: change your ' +
      'password and check your devices and sessions.',
  ]);
}

export function unlockMail(link: string, failures: number): MailContent {
  return compose('Your Auraflow account is locked', [
    `After ${failures} failed sign-in attempts in a row, your Auraflow account has been locked ` +
      'to protect it.',
    'If that was you, unlock it with the link below, then sign in. If not, someone is trying ' +
      'to guess your password: after unlocking, consider changing it.',
    { link, label: 'Unlock my account' },
    'The link works once and for 24 hours.',
  ]);
}

export function invitationMail(shopName: string, role: string, link: string): MailContent {
  return compose(`You are invited to ${shopName} on Auraflow`, [
    `You have been invited to join ${shopName} on Auraflow as ${role}.`,
    'Sign in, or create an account with this email address, then accept the invitation.',
    { link, label: 'Accept the invitation' },
    'The invitation is valid for 7 days. If you did not expect it, ignore this email.',
  ]);
}

export function passwordChangedMail(place: SignInPlace): MailContent {
  return compose('Your Auraflow password was changed', [
    `The password of your Auraflow account was changed: ${describe(place)}. Every other ` +
      'session has been signed out.',
    'If you did not change it, reset access at once by contacting support.',
  ]);
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "14:02 UTC on 2026-03-01, Chrome, in United Kingdom (ENG)". */
export function describe(place: SignInPlace): string {
  const iso = place.at.toISOString();
  const when = `${iso.slice(11, 16)} UTC on ${iso.slice(0, 10)}`;
  const country = place.country === null ? null : (REGION_NAMES.of(place.country) ?? null);
  const where =
    country === null
      ? 'from an unknown place'
      : `in ${country}${place.region === null ? '' : ` (region ${place.region})`}`;

  return `${when}, ${place.browserFamily}, ${where}`;
}
