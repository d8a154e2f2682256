/**
 * The time source of the account system. Every expiry (sessions, codes, links, lockouts) is
 * computed from it rather than from the database's clock, so tests move time instead of sleeping.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
