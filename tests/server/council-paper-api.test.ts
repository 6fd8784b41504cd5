import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CouncilPaper, CouncilPaperState } from "@/lib/council-paper/schema";
import {
  createConceptViaAction,
  demoCallers,
  DEMO_WHO as everyone,
  type DemoWho as Who,
} from "../support/demo-fixture";
import { docxParagraphs, docxParts, libreOfficeText, pdfText } from "../support/export-files";
import { HttpClient } from "../support/http-client";
import { startTestServer, type TestServer } from "../support/test-server";

/** The host the council's portal asks under: OParl ids are built from it (no PUBLIC_URL set). */
const PUBLIC_URL = "http://rat.deichhausen.example";

/**
 * The council paper over plain HTTP against the real server: GET (pre-filled or stored), PUT
 * (moderators, validated), and the DOCX, PDF and OParl exports read back as their readers do.
 */
describe("council paper API", () => {
  let server: TestServer;
  let as: Record<Who, HttpClient>;
  let conceptId: string;
  let otherConcept: string;
  let api: string;

  const put = (who: Who, body: unknown, id = conceptId) =>
    as[who].fetch(`/api/concepts/${id}/council-paper`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const get = async (who: Who, id = conceptId) => {
    const response = await as[who].fetch(`/api/concepts/${id}/council-paper`);
    return { status: response.status, body: (await response.json()) as CouncilPaperState };
  };
  const download = async (format: string, who: Who = "viewer") => {
    const response = await as[who].fetch(`${api}/export?format=${format}`);
    expect(response.status).toBe(200);
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { JOIN_LIMIT_PER_ADDRESS: "0" } });
    const callers = await demoCallers(server.url);
    as = callers.as;
    conceptId = callers.demo.conceptId;
    const moderator = as.moderator;
    api = `/api/concepts/${conceptId}/council-paper`;
    otherConcept = await createConceptViaAction(moderator, {
      title: "Integrationskonzept Nachbarstadt",
      template: "blank",
    });
  });
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
  });

  it("lets members read the paper and only moderators store it", async () => {
    const reads = Object.fromEntries(
      await Promise.all(everyone.map(async (w) => [w, (await get(w)).status])),
    );
    expect(reads).toEqual({ anonymous: 401, guest: 401, viewer: 200, editor: 200, moderator: 200 });
    const { body } = await get("viewer");
    const writes: Record<string, number> = {};
    for (const who of everyone) {
      const response = await put(who, body.paper);
      await response.arrayBuffer();
      writes[who] = response.status;
    }
    expect(writes).toEqual({
      anonymous: 401,
      guest: 401,
      viewer: 403,
      editor: 403,
      moderator: 200,
    });
    expect(await (await put("editor", body.paper)).json()).toEqual({ error: "forbidden:concept" });
  });

  it("refuses non-members and unknown concepts as the other concept routes do", async () => {
    expect((await get("editor", otherConcept)).status).toBe(403);
    expect((await put("editor", {}, otherConcept)).status).toBe(403);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await get("moderator", unknown)).status).toBe(404);
    expect((await put("moderator", {}, unknown)).status).toBe(404);
    expect((await get("anonymous", unknown)).status).toBe(401);
    expect((await get("moderator", "not-a-uuid")).status).toBe(404);
    const exportUnknown = await as.viewer.fetch(
      `/api/concepts/${unknown}/council-paper/export?format=pdf`,
    );
    expect(exportUnknown.status).toBe(404);
    const exportOther = await as.editor.fetch(
      `/api/concepts/${otherConcept}/council-paper/export?format=oparl`,
    );
    expect(exportOther.status).toBe(403);
  });

  it("pre-fills a concept's paper from the concept until it is stored", async () => {
    const { status, body } = await get("moderator", otherConcept);
    expect(status).toBe(200);
    expect(body.stored).toBe(false);
    expect(body.updatedAt).toBeNull();
    expect(body.paper.subject).toBe("Integrationskonzept Nachbarstadt");
    expect(body.paper.annexes).toEqual(["Integrationskonzept Nachbarstadt"]);
    expect(body.paper.financialImpact).toMatch(/^Keine\./);

    const demo = await get("viewer");
    expect(demo.body.stored).toBe(true);
    expect(demo.body.paper.consultations.map((c) => c.committee)).toContain("Integrationsrat");
  });

  it("answers invalid input with 400 naming each wrong field, and stores nothing", async () => {
    const { body } = await get("moderator");
    const valid = body.paper;
    const reply = async (paper: unknown) => {
      const response = await put("moderator", paper);
      return { status: response.status, body: await response.json() };
    };
    expect(await reply({ ...valid, subject: "" })).toEqual({
      status: 400,
      body: { error: "bad_request:input", fields: { subject: "required" } },
    });
    expect(await reply({ ...valid, subject: "x".repeat(501) })).toMatchObject({
      status: 400,
      body: { fields: { subject: "too_long" } },
    });
    const badRow = [...valid.consultations, { ...valid.consultations[0]!, committee: " " }];
    expect(await reply({ ...valid, consultations: badRow })).toMatchObject({
      status: 400,
      body: { fields: { [`consultations.${badRow.length - 1}.committee`]: "required" } },
    });
    expect(
      await reply({
        ...valid,
        consultations: [{ ...valid.consultations[0]!, role: "veto", meetingDate: "31.12.2026" }],
      }),
    ).toMatchObject({
      status: 400,
      body: {
        fields: {
          "consultations.0.role": "invalid_choice",
          "consultations.0.meetingDate": expect.any(String),
        },
      },
    });
    expect(await reply({ ...valid, type: "Antrag", public: "ja" })).toMatchObject({
      status: 400,
      body: { fields: { type: "invalid_choice", public: "invalid_type" } },
    });
    expect(await reply({ ...valid, resolution: Array(31).fill("Punkt") })).toMatchObject({
      status: 400,
      body: { fields: { resolution: "too_long" } },
    });
    const { date: _date, ...withoutDate } = valid;
    expect(await reply(withoutDate)).toMatchObject({
      status: 400,
      body: { fields: { date: "required" } },
    });
    expect((await get("viewer")).body.paper).toEqual(valid);
  });

  it("stores a moderator's edit and gives it back to every member", async () => {
    const { body } = await get("moderator");
    const edited: CouncilPaper = {
      ...body.paper,
      subject: "Handlungskonzept Migration und Teilhabe – Beschluss",
      consultations: [
        ...body.paper.consultations,
        {
          committee: "Jugendhilfeausschuss",
          meetingDate: "2027-03-04",
          agendaItem: "4.2",
          role: "information",
          result: "",
        },
      ],
    };
    const response = await put("moderator", edited);
    expect(response.status).toBe(200);
    const saved = (await response.json()) as CouncilPaperState;
    expect(saved).toMatchObject({ stored: true, paper: edited });
    const read = await get("viewer");
    expect(read.body.paper).toEqual(edited);
    expect(read.body.updatedAt).toBe(saved.updatedAt);
  });

  it("exports a DOCX in the seeds' shape with the committee sequence as a table", async () => {
    const { response, bytes } = await download("docx");
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="Beschlussvorlage-2026-0412-Handlungskonzept-Migration-und-Teilhabe-Beschluss-\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''/,
    );
    const xml = docxParts(bytes)["word/document.xml"]!;
    const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([row]) =>
      docxParagraphs(row).map((p) => p.text),
    );
    const header = rows.findIndex((cells) => cells[0] === "Gremium");
    expect(rows[header]).toEqual([
      "Gremium",
      "Sitzungstermin",
      "Zuständigkeit",
      "Abstimmungsergebnis",
    ]);
    expect(xml.slice(0, xml.indexOf(">Gremium<"))).toMatch(/<w:tblHeader\/>/);
    const body = rows.slice(header + 1, header + 6);
    expect(body.map((cells) => [cells[0], cells[2]])).toEqual([
      ["Integrationsrat", "Vorberatung"],
      ["Ausschuss für Soziales, Gesundheit und Integration", "Vorberatung"],
      ["Hauptausschuss", "Vorberatung"],
      ["Rat", "Entscheidung"],
      ["Jugendhilfeausschuss", "Kenntnisnahme"],
    ]);
    expect(body[4]![1]).toBe("04.03.2027, TOP 4.2");
    expect(body[0]![1]).toMatch(/^\d{2}\.\d{2}\.\d{4}, TOP 5$/);
    const paragraphs = docxParagraphs(xml);
    const headings = paragraphs.filter((p) => p.style === "Heading2").map((p) => p.text);
    expect(headings).toEqual([
      "Beratungsfolge",
      "Betreff",
      "Beschlussvorschlag",
      "Begründung",
      "Finanzielle Auswirkungen",
      "Vereinbarkeit mit dem Leitbild",
      "Anlagen",
    ]);
    expect(paragraphs.find((p) => p.style === "Heading1")?.text).toBe(
      "Beschlussvorlage  Vorlagen-Nr.: 2026/0412",
    );
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain("Handlungskonzept Migration und Teilhabe – Beschluss");
    expect(texts).toContain(
      "Anlage 1: Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
    );
    // The resolution as numbered points.
    const numbered = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].filter(([p]) =>
      p.includes("<w:numPr>"),
    );
    expect(numbered).toHaveLength(3);
    expect(texts.join("\n")).toContain("Elternintegrationskurse mit Kinderbetreuung");
  });

  it("LibreOffice converts the council paper's DOCX headless", async () => {
    const { bytes } = await download("docx", "moderator");
    const text = await libreOfficeText(bytes);
    expect(text).toContain("Beratungsfolge");
    expect(text).toContain("Jugendhilfeausschuss");
    expect(text).toContain("Handlungskonzept Migration und Teilhabe – Beschluss");
  }, 180_000);

  it("exports a PDF with the same content", async () => {
    const { response, bytes } = await download("pdf");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    for (const expected of [
      "Beschlussvorlage",
      "Handlungskonzept Migration und Teilhabe – Beschluss",
      "Gremium Sitzungstermin Zuständigkeit Abstimmungsergebnis",
      "Integrationsrat",
      "Hauptausschuss",
      "Jugendhilfeausschuss",
      "Entscheidung",
      "Beschlussvorschlag",
      "Finanzielle Auswirkungen",
      "Dr. Henrike Albers",
    ])
      expect(text).toContain(expected);
  });

  it("exports OParl 1.1 JSON: a Paper with embedded Consultations and absolute URL ids", async () => {
    const answer = await new Promise<{ type: string; body: string }>((resolve, reject) => {
      const request = http.request(`${server.url}${api}/export?format=oparl`, {
        headers: { host: new URL(PUBLIC_URL).host, cookie: as.viewer.cookieHeader },
      });
      request.on("response", (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () =>
          resolve({ type: String(response.headers["content-type"]), body: text }),
        );
      });
      request.on("error", reject);
      request.end();
    });
    expect(answer.type).toBe("application/json; charset=utf-8");
    const paper = JSON.parse(answer.body);
    const base = `${PUBLIC_URL}/api/concepts/${conceptId}/council-paper`;
    expect(paper).toMatchObject({
      id: `${base}/export?format=oparl`,
      type: "https://schema.oparl.org/1.1/Paper",
      name: "Handlungskonzept Migration und Teilhabe – Beschluss",
      reference: "2026/0412",
      paperType: "Beschlussvorlage",
      mainFile: {
        type: "https://schema.oparl.org/1.1/File",
        accessUrl: `${base}/export?format=pdf`,
        mimeType: "application/pdf",
      },
      auxiliaryFile: [
        {
          type: "https://schema.oparl.org/1.1/File",
          name: "Handlungskonzept Migration und Teilhabe der Stadt Deichhausen",
          accessUrl: `${PUBLIC_URL}/api/concepts/${conceptId}/export?format=pdf`,
        },
      ],
      web: `${PUBLIC_URL}/concepts/${conceptId}/council-paper`,
    });
    expect(paper.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(paper.created)).not.toBeNaN();
    expect(Date.parse(paper.modified)).toBeGreaterThanOrEqual(Date.parse(paper.created));
    expect(paper.underDirectionOf).toEqual([
      `${base}/export?format=oparl#organization-koordinierungsstelle-migration-und-teilhabe-kmut`,
    ]);
    expect(paper.consultation).toHaveLength(5);
    for (const c of paper.consultation) {
      expect(c.type).toBe("https://schema.oparl.org/1.1/Consultation");
      expect(c.paper).toBe(paper.id);
      expect(typeof c.authoritative).toBe("boolean");
      expect(c.organization).toEqual([
        expect.stringMatching(/^http:\/\/rat\.deichhausen\.example\//),
      ]);
      expect(new URL(c.id).origin).toBe(PUBLIC_URL);
    }
    const council = paper.consultation.find((c: { role: string }) => c.role === "Entscheidung");
    expect(council).toMatchObject({
      authoritative: true,
      organization: [expect.stringMatching(/#organization-rat$/)],
    });
    expect(council.meeting).toMatch(/#meeting-rat-\d{4}-\d{2}-\d{2}$/);
    expect(council.agendaItem).toMatch(/#agenda-item-rat-\d{4}-\d{2}-\d{2}-9$/);
    expect(
      paper.consultation.filter((c: { authoritative: boolean }) => c.authoritative),
    ).toHaveLength(1);
    expect(paper.consultation.map((c: { role: string }) => c.role)).toEqual([
      "Vorberatung",
      "Vorberatung",
      "Vorberatung",
      "Entscheidung",
      "Kenntnisnahme",
    ]);
  });

  it("answers a bad format with 400 naming it", async () => {
    for (const query of ["", "?format=odt"]) {
      const response = await as.viewer.fetch(`${api}/export${query}`);
      expect(response.status).toBe(400);
      expect((await response.json()).fields).toHaveProperty("format");
    }
  });
});
