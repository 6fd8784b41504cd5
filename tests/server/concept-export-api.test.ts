import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createConceptViaAction,
  demoCallers,
  DEMO_WHO as everyone,
  type DemoWho as Who,
} from "../support/demo-fixture";
import { docxParagraphs, docxParts, pdfOutline, pdfText } from "../support/export-files";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

/**
 * GET /api/concepts/<id>/export over plain HTTP against the real server: who may export what,
 * the three formats as files with German names, and bad parameters as 400s naming them.
 */
describe("concept export API", () => {
  let server: TestServer;
  let as: Record<Who, HttpClient>;
  let base: string;
  let otherConcept: string;

  const status = (who: Who, query: string) =>
    as[who].fetch(`${base}?${query}`).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    });
  const statuses = async (query: string) =>
    Object.fromEntries(await Promise.all(everyone.map(async (w) => [w, await status(w, query)])));

  beforeAll(async () => {
    server = await startTestServer({ env: { JOIN_LIMIT_PER_ADDRESS: "0" } });
    const callers = await demoCallers(server.url);
    as = callers.as;
    const { demo } = callers;
    const moderator = as.moderator;
    base = `/api/concepts/${demo.conceptId}/export`;
    otherConcept = await createConceptViaAction(moderator, {
      title: "Integrationskonzept Nachbarstadt",
      template: "blank",
    });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it("lets members export the final content and only editors and moderators the draft", async () => {
    expect(await statuses("format=md")).toEqual({
      anonymous: 401,
      guest: 401,
      viewer: 200,
      editor: 200,
      moderator: 200,
    });
    expect(await statuses("format=md&draft=1")).toEqual({
      anonymous: 401,
      guest: 401,
      viewer: 403,
      editor: 200,
      moderator: 200,
    });
    const refused = await as.viewer.fetch(`${base}?format=pdf&draft=1`);
    expect(await refused.json()).toEqual({ error: "forbidden:draft" });
  });

  it("refuses non-members and unknown concepts as the other concept routes do", async () => {
    const other = `/api/concepts/${otherConcept}/export?format=md`;
    expect((await as.editor.fetch(other)).status).toBe(403);
    expect((await as.moderator.fetch(other)).status).toBe(200);
    const unknown = "/api/concepts/00000000-0000-4000-8000-000000000000/export?format=md";
    expect((await as.moderator.fetch(unknown)).status).toBe(404);
    expect((await as.anonymous.fetch(unknown)).status).toBe(401);
    expect((await as.moderator.fetch("/api/concepts/not-a-uuid/export?format=md")).status).toBe(
      404,
    );
  });

  it("answers bad parameters with 400 naming the field, an unknown revision with 404", async () => {
    const body = async (query: string) => {
      const response = await as.editor.fetch(`${base}?${query}`);
      return { status: response.status, body: await response.json() };
    };
    expect(await body("")).toMatchObject({ status: 400, body: { fields: { format: "required" } } });
    expect(await body("format=odt")).toMatchObject({
      status: 400,
      body: { fields: { format: expect.any(String) } },
    });
    expect(await body("format=md&draft=yes")).toMatchObject({
      status: 400,
      body: { fields: { draft: expect.any(String) } },
    });
    for (const revision of ["0", "-1", "x", "99999999999"])
      expect(await body(`format=md&revision=${revision}`)).toMatchObject({
        status: 400,
        body: { fields: { revision: "invalid_revision" } },
      });
    expect(await body("format=md&revision=999")).toMatchObject({
      status: 404,
      body: { error: "not_found:revision" },
    });
  });

  it("downloads a DOCX rendered in the worker, with a German file name", async () => {
    const response = await as.editor.fetch(`${base}?format=docx&draft=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(
      /^attachment; filename="Handlungskonzept-Migration-und-Teilhabe-der-Stadt-Deichhausen-Entwurf-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''Handlungskonzept-Migration-und-Teilhabe-der-Stadt-Deichhausen-Entwurf-/,
    );
    const parts = docxParts(new Uint8Array(await response.arrayBuffer()));
    const headings = docxParagraphs(parts["word/document.xml"]!)
      .filter((p) => p.style === "Heading1")
      .map((p) => p.text);
    expect(headings.slice(0, 4)).toEqual([
      "Leitbild",
      "Ausgangslage und Zahlen",
      "Prozess",
      "1 Migrations- und Teilhabemanagement",
    ]);
    expect(headings).toHaveLength(12);
    expect(Object.values(parts).join("")).toContain("ENTWURF");
  });

  it("downloads the final PDF for a viewer, and a past revision named as such", async () => {
    const response = await as.viewer.fetch(`${base}?format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).not.toContain("Entwurf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = await pdfText(bytes);
    expect(text).toContain("3 Deutschförderung");
    expect(text).toContain("Maßnahme 3.1.1: Zentrale Sprachkursübersicht mit Platzbörse");
    expect(text).not.toContain("ENTWURF");
    expect((await pdfOutline(bytes)).map((e) => e.title)).toContain("3 Deutschförderung");

    const past = await as.viewer.fetch(`${base}?format=md&revision=1`);
    expect(past.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(past.headers.get("content-disposition")).toContain("-Revision-1-");
    expect(await past.text()).toContain("Stand: ");
  });

  it("serves several exports at once, one render after another", async () => {
    const responses = await Promise.all(
      ["docx", "pdf", "docx"].map((format) => as.moderator.fetch(`${base}?format=${format}`)),
    );
    const sizes = await Promise.all(responses.map(async (r) => (await r.arrayBuffer()).byteLength));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const size of sizes) expect(size).toBeGreaterThan(10_000);
  });
});
