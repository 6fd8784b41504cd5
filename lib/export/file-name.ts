/**
 * A download's file name from its German parts, e.g. ["Handlungskonzept Migration und Teilhabe",
 * "Deichhausen", "Entwurf", "2026-12-01"] → "Handlungskonzept-Migration-und-Teilhabe-Deichhausen-
 * Entwurf-2026-12-01". Letters (umlauts included) and digits stay; everything else becomes one
 * hyphen.
 */
export function downloadBaseName(parts: readonly string[]): string {
  return parts
    .map((part) =>
      part
        .normalize("NFC")
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, ""),
    )
    .filter(Boolean)
    .join("-");
}

/** ASCII fallback for old clients: ä → ae, ß → ss, other non-ASCII letters lose their accents. */
function asciiName(name: string): string {
  return name
    .replace(/Ä/g, "Ae")
    .replace(/Ö/g, "Oe")
    .replace(/Ü/g, "Ue")
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\]/g, "");
}

/**
 * `Content-Disposition: attachment` with an ASCII `filename` and the exact UTF-8 name as RFC 5987
 * `filename*`, so umlauts survive in every current browser.
 */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${encoded}`;
}
