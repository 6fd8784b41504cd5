// Loaded only by the export render worker (lib/export/render-worker.mjs), never at server start.
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions } from "pdfmake/interfaces";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(
  path.dirname(require.resolve("pdfmake/package.json")),
  "fonts",
  "Roboto",
);

let configured = false;

/**
 * pdfmake with the fonts it bundles and nothing else: no URL is ever fetched and no file outside
 * the font folder is read, whatever an image or font name in a definition says.
 */
function printer(): typeof pdfmake {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((file: string) =>
      path.resolve(file).startsWith(FONT_DIR + path.sep),
    );
    pdfmake.setFonts({
      Roboto: {
        normal: path.join(FONT_DIR, "Roboto-Regular.ttf"),
        bold: path.join(FONT_DIR, "Roboto-Medium.ttf"),
        italics: path.join(FONT_DIR, "Roboto-Italic.ttf"),
        bolditalics: path.join(FONT_DIR, "Roboto-MediumItalic.ttf"),
      },
    });
    configured = true;
  }
  return pdfmake;
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return printer()
    .createPdf({ defaultStyle: { font: "Roboto" }, ...definition })
    .getBuffer();
}
