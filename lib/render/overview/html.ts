/** HTML text helpers for the overview page. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML (and SVG) element content and double-quoted attribute values. */
export function esc(text: string): string {
  // Most texts need no escaping: testing first spares a new string per call (thousands of alerts per page).
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

const SPECIAL = /[&<>"']/;

/** An id fragment from any text: letters, digits and `-` (stable, for anchors). */
export function anchorId(...parts: readonly string[]): string {
  return parts
    .map((p) => p.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean)
    .join('--');
}

/** A link to an http(s) URL, or the text when it is not one (a template, a relative path). */
export function externalLink(url: string, text = url): string {
  return /^https?:\/\/[^\s{}]+$/.test(url) ? `<a href="${esc(url)}">${esc(text)}</a>` : esc(text);
}
