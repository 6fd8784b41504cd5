/**
 * Links may point to the web or to an e-mail address, nothing else (no `javascript:`). A module
 * of its own: the editor's link dialog, the schema and the sync server's rules share it.
 */
export function isAllowedHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href.trim());
}
