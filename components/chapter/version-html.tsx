/**
 * A frozen version's HTML as the server rendered it (the shared schema's static renderer, which
 * escapes all text and allows only http(s)/mailto links).
 */
export function VersionHtml({ html }: { html: string }) {
  return (
    <article
      className="chapter-content rounded-lg border border-line bg-white px-4 py-5 sm:px-8"
      data-testid="version-html"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
