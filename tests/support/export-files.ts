/**
 * Reading exported files back the way their readers do: DOCX as its XML parts (fflate), PDF as
 * text and bookmarks (unpdf), and DOCX through LibreOffice headless.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { extractText, getDocumentProxy } from "unpdf";

/** Every XML part of a DOCX by its path, e.g. "word/document.xml". */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name.endsWith(".xml") || name.endsWith(".rels"))
      .map(([name, data]) => [name, strFromU8(data)]),
  );
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The paragraphs of a WordprocessingML part: style id (or null) and text. */
export function docxParagraphs(xml: string): Array<{ style: string | null; text: string }> {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: unescapeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
  }));
}

/** All text of a PDF, pages joined. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text;
}

export interface OutlineEntry {
  title: string;
  items: OutlineEntry[];
}

/** The PDF's bookmarks (outline) as a title tree. */
export async function pdfOutline(bytes: Uint8Array): Promise<OutlineEntry[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const simplify = (entries: Array<{ title: string; items: unknown[] }> | null): OutlineEntry[] =>
    (entries ?? []).map((e) => ({
      title: e.title,
      items: simplify(e.items as Array<{ title: string; items: unknown[] }>),
    }));
  return simplify(await pdf.getOutline());
}

const run = promisify(execFile);

/**
 * Converts a DOCX with LibreOffice headless (its own profile in a temp folder, so parallel runs
 * do not share one) and returns the converted text; throws if the conversion fails.
 */
export async function libreOfficeText(bytes: Uint8Array): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "export-lo-"));
  try {
    fs.writeFileSync(path.join(dir, "in.docx"), bytes);
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${dir}/profile`,
        "--headless",
        "--convert-to",
        "txt:Text (encoded):UTF8",
        "--outdir",
        dir,
        path.join(dir, "in.docx"),
      ],
      { timeout: 120_000 },
    );
    const out = path.join(dir, "in.txt");
    if (!fs.existsSync(out)) throw new Error("LibreOffice wrote no text");
    return fs.readFileSync(out, "utf8");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
