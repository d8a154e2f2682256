// The browser's locale and time zone: merchants read times as their own clock shows them.
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const HOUR = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "3 Dec 2026, 17:06" for an ISO 8601 instant from the API. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);

  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

export function formatDay(date: Date): string {
  return DATE.format(date);
}

export function formatHour(date: Date): string {
  return HOUR.format(date);
}
