/**
 * Dashboard pages that emailed links open. The secret travels in the URL fragment (after `#`),
 * which browsers never send to a server, so it reaches no access log, proxy or Referer; the page
 * reads it and posts it to the API. A link never changes anything by being fetched (mail
 * scanners fetch links), only the page's explicit POST does.
 */
export const DASHBOARD_PAGES = {
  verifyEmail: '/app/verify-email',
  unlock: '/app/unlock',
  acceptInvitation: '/app/accept-invitation',
  signIn: '/app/sign-in',
} as const;

export type DashboardPage = keyof typeof DASHBOARD_PAGES;

export function dashboardLink(
  publicUrl: URL,
  page: DashboardPage,
  fragment: Readonly<Record<string, string>> = {},
): string {
  const url = new URL(DASHBOARD_PAGES[page], publicUrl);
  const parameters = new URLSearchParams(fragment).toString();

  return parameters === '' ? url.href : `${url.href}#${parameters}`;
}
