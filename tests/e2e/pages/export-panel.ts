import fs from "node:fs";
import type { Page } from "playwright-core";

/** Page object for the "Exportieren" section on the concept page. */
export const exportUi = {
  region: (page: Page) => page.getByRole("region", { name: "Exportieren" }),

  /** Picks the format and (if offered) the version, starts the export and returns the download. */
  async download(page: Page, { format, draft }: { format: RegExp; draft?: boolean }) {
    const region = exportUi.region(page);
    await region.getByRole("radio", { name: format }).check();
    if (draft !== undefined)
      await region.getByRole("radio", { name: draft ? /^Entwurf/ : /^Finale Fassung/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      region.getByRole("button", { name: "Datei erstellen" }).click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: new Uint8Array(fs.readFileSync(file)) };
  },
};
