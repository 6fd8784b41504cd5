/** The `hyphen` package ships no types; its German patterns module, as used here. */
declare module "hyphen/de" {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string }): string;
}
