/**
 * How far down the page the viewport's bottom edge is, from 0 to 1. A page shorter than the
 * viewport is fully seen at 1.
 */
export function scrollDepth(): number {
  const pageHeight = document.documentElement.scrollHeight;
  if (pageHeight <= 0) return 0;

  return Math.min(1, (window.scrollY + window.innerHeight) / pageHeight);
}
