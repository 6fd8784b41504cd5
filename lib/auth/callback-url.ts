/**
 * Where to go after signing in: only a path on this site. Anything that a browser could read
 * as another origin (`//evil.example`, `/\evil.example`, `https://evil.example`, control
 * characters) becomes "/".
 */
export function safeCallbackPath(url: string | null | undefined, baseUrl?: string): string {
  if (!url) return "/";
  const base = new URL(baseUrl ?? "http://localhost");
  let parsed: URL;
  try {
    // Browsers treat "\" as "/" and drop tabs and newlines; the URL parser does the same.
    parsed = new URL(url, base);
  } catch {
    return "/";
  }
  if (parsed.origin !== base.origin) return "/";
  // An absolute URL to this origin is allowed; a relative one must be a plain path.
  if (!/^https?:\/\//i.test(url) && !/^\/(?![/\\])/.test(url)) return "/";
  if (/[\u0000-\u001f\\]/.test(url)) return "/";
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // A path that begins with two slashes would again be read as another host.
  return path.startsWith("//") ? "/" : path;
}
