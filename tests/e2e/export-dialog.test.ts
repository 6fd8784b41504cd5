import { describe, expect, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { docxParagraphs, docxParts, pdfText } from "../support/export-files";
import { ui } from "../support/ui";
import { AppPages } from "./pages/app-pages";
import { exportUi } from "./pages/export-panel";
import { serverAndBrowser } from "./server-and-browser";

const SHOTS = process.env.SCREENSHOTS_DIR;

/** The export section of the demo concept, for an editor at 1280 px and a council member on a phone. */
describe("export dialog", () => {
  const env = serverAndBrowser();

  async function concept(email: string, width: number) {
    const context = await env.browser.newContext({
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    const app = new AppPages(await context.newPage(), env.server.url);
    await app.signInAndWaitForDashboard(email);
    await app.openDemoConcept();
    return { page: app.page, close: () => context.close() };
  }

  it("an editor sees the missing final chapters, exports the draft as PDF and the final DOCX", async () => {
    const { page, close } = await concept("redaktion@deichhausen.example", 1280);
    const region = exportUi.region(page);
    await ui.visible(region);
    const missing = region.getByRole("list", { name: /Noch ohne finale Fassung \(11\)/ });
    await ui.visible(missing.getByText("Leitbild", { exact: true }));
    await ui.count(missing.getByRole("listitem")).toBe(11);
    expect(await missing.getByText("3 Deutschförderung").count()).toBe(0);
    await expectAccessible(page, "concept page with the export section");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-1280.png` });

    await region.getByRole("radio", { name: /^Entwurf/ }).check();
    await ui.count(missing).toBe(0);
    const pdf = await exportUi.download(page, { format: /^PDF/, draft: true });
    expect(pdf.name).toMatch(
      /^Handlungskonzept-Migration-und-Teilhabe-der-Stadt-Deichhausen-Entwurf-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    const text = await pdfText(pdf.bytes);
    expect(text).toContain("ENTWURF");
    expect(text).toContain("Leitbild");
    await ui.text(region.getByRole("status")).toBe(`Fertig: ${pdf.name} wurde heruntergeladen.`);

    const docx = await exportUi.download(page, { format: /^Word/, draft: false });
    expect(docx.name).toMatch(/Deichhausen-\d{4}-\d{2}-\d{2}\.docx$/);
    const headings = docxParagraphs(docxParts(docx.bytes)["word/document.xml"]!)
      .filter((p) => p.style === "Heading1")
      .map((p) => p.text);
    expect(headings[0]).toBe("1 Migrations- und Teilhabemanagement");
    await expectAccessible(page, "export section after a download");
    await close();
  });

  it("a council member on a phone exports the final version only", async () => {
    const { page, close } = await concept("rat@deichhausen.example", 375);
    const region = exportUi.region(page);
    await ui.visible(region);
    expect(await region.getByRole("radio", { name: /^Entwurf/ }).count()).toBe(0);
    await expectAccessible(page, "concept page on a phone");
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/export-375.png`, fullPage: false });
    const md = await exportUi.download(page, { format: /^Markdown/ });
    expect(md.name).toMatch(/\.md$/);
    const text = new TextDecoder().decode(md.bytes);
    expect(text).toMatch(/^# Handlungskonzept Migration und Teilhabe der Stadt Deichhausen/);
    expect(text).not.toContain("ENTWURF");
    await close();
  });
});
