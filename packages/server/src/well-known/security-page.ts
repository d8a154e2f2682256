const CONTROLS: ReadonlyArray<readonly [string, string]> = [
  [
    'Behavioural data stays on the shopper’s device',
    'The storefront script classifies browsing in the browser and sends only archetype ' +
      'probabilities and a confidence value. The server refuses any other field.',
  ],
  [
    'No IP addresses stored, no fingerprinting',
    'An address is used in memory for rate limiting and a country and region lookup, then ' +
      'dropped. Visitors are identified only by a random first-party cookie, one per store.',
  ],
  [
    'Consent first',
    'The storefront script does nothing until Shopify’s Customer Privacy API allows analytics, ' +
      'and stops and clears its data when consent is withdrawn.',
  ],
  [
    'Encryption of sensitive fields',
    'Sensitive values are encrypted with AES-256-GCM under keys held outside the database, ' +
      'bound to their shop, table, column and row. Keys can be rotated without downtime.',
  ],
  [
    'Tenant isolation enforced by the database',
    'Every merchant’s rows are protected by PostgreSQL row-level security in addition to the ' +
      'application’s own checks; the server refuses to run as a role that could bypass it.',
  ],
  [
    'Passwords and sign-in',
    'Passwords are hashed with Argon2id (at least 19 MiB memory, 2 passes). Merchants sign in ' +
      'with a second factor; operators with hardware-backed WebAuthn credentials.',
  ],
  [
    'Transport security',
    'HTTPS only, with HSTS (two years, preload), TLS 1.2 and 1.3, a strict Content Security ' +
      'Policy, and Subresource Integrity on every storefront script.',
  ],
  [
    'Logs without secrets',
    'Requests are logged by an allow-list of method, route, status and duration. Headers, ' +
      'bodies, query strings, addresses and credentials are never written to logs.',
  ],
];

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The security policy page that security.txt's Policy field points at. No script, no style. */
export function renderSecurityPage(contact: string): string {
  const items = CONTROLS.map(
    ([title, text]) => `<li><h3>${escapeHtml(title)}</h3><p>${escapeHtml(text)}</p></li>`,
  ).join('\n');
  const href = escapeHtml(contact);

  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Auraflow security</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<main>
<h1>Security at Auraflow</h1>
<p>Auraflow personalises Shopify stores while keeping shoppers’ behavioural data on their own
devices. These are the controls in place.</p>
<h2>Controls</h2>
<ul>
${items}
</ul>
<h2>Reporting a vulnerability</h2>
<p>Please report suspected vulnerabilities to <a href="${href}">${href}</a>. We acknowledge
reports within three working days, keep you informed while we fix the issue, and do not pursue
good-faith research that respects shoppers’ and merchants’ data. Machine-readable contact
details are in <a href="/.well-known/security.txt">security.txt</a>.</p>
</main>
</body>
</html>
`;
}
