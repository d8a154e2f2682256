import { escapeHtml } from './html.js';

const API_ORIGIN_PLACEHOLDER = '{{API_ORIGIN}}';
const SITE_KEY_PLACEHOLDER = '{{SITE_KEY}}';

/**
 * Fills the tracker build's `snippet.html` template with the API origin and the site key, both
 * escaped for the quoted attributes they land in. Throws when a placeholder is missing: a
 * store page without a working loader tag would look fine and track nothing.
 */
export function renderSnippet(template: string, apiOrigin: string, siteKey: string): string {
  if (!template.includes(API_ORIGIN_PLACEHOLDER) || !template.includes(SITE_KEY_PLACEHOLDER)) {
    throw new Error('The tracker snippet template lacks {{API_ORIGIN}} or {{SITE_KEY}}.');
  }

  // Replacer functions, because a replacement string would expand `$&` and friends.
  return template
    .replaceAll(API_ORIGIN_PLACEHOLDER, () => escapeHtml(apiOrigin))
    .replaceAll(SITE_KEY_PLACEHOLDER, () => escapeHtml(siteKey))
    .trim();
}
