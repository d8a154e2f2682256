import { describe, expect, it } from 'vitest';
import { dashboardLink } from '../../src/email/links.js';
import {
  emailVerificationMail,
  invitationMail,
  newDeviceNoticeMail,
  passwordChangedMail,
  signInCodeMail,
  totpReusedMail,
  unlockMail,
} from '../../src/email/templates.js';

/** Every template has a text and an HTML body; places never include an IP; HTML is escaped. */
const place = {
  at: new Date('2026-03-01T14:02:09Z'),
  browserFamily: 'Firefox',
  country: 'DE',
  region: 'BE',
};

describe('email templates', () => {
  it('describe a new device by time, country and region, and browser family', () => {
    const mail = newDeviceNoticeMail(place);

    expect(mail.text).toContain('14:02 UTC on 2026-03-01, Firefox, in Germany (region BE)');
    expect(mail.html).toContain('14:02 UTC on 2026-03-01, Firefox, in Germany (region BE)');
  });

  it('say so when the place is unknown', () => {
    const mail = totpReusedMail({ ...place, country: null, region: null });
    expect(mail.text).toContain('from an unknown place');
  });

  it('escape what goes into HTML and keep links in the fragment', () => {
    const link = dashboardLink(new URL('https://app.example.com'), 'acceptInvitation', {
      shop: 's1',
      token: 't&1',
    });
    const mail = invitationMail('<b>Shop</b> & Co', 'admin', link);

    expect(link).toBe('https://app.example.com/app/accept-invitation#shop=s1&token=t%261');
    expect(mail.html).toContain('&lt;b&gt;Shop&lt;/b&gt; &amp; Co');
    expect(mail.html).not.toContain('<b>Shop</b>');
    expect(mail.html).toContain(
      'href="https://app.example.com/app/accept-invitation#shop=s1&amp;token=t%261"',
    );
  });

  it('keep codes out of subjects, and produce both bodies for every message', () => {
    const all = [
      emailVerificationMail('https://app.example.com/verify-email#token=x'),
      signInCodeMail('123456', 10),
      newDeviceNoticeMail(place),
      totpReusedMail(place),
      unlockMail('https://app.example.com/unlock#token=x', 50),
      invitationMail('Shop', 'analyst', 'https://app.example.com/app/accept-invitation#token=x'),
      passwordChangedMail(place),
    ];

    for (const mail of all) {
      expect(mail.subject).not.toMatch(/\d{6}/);
      expect(mail.text.length).toBeGreaterThan(40);
      expect(mail.html).toMatch(/^<!doctype html>/);
      expect(mail.html).not.toMatch(/<script|style=/i);
    }
  });
});
