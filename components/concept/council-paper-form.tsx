"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert, FormField, Input, Select, Textarea } from "@/components/ui/form";
import { useErrorMessage } from "@/components/ui/form-feedback";
import { Options } from "@/components/ui/options";
import {
  consultationRoles,
  PAPER_LIMITS as L,
  paperTypes,
  type Consultation,
  type CouncilPaper,
  type CouncilPaperState,
} from "@/lib/council-paper/schema";

type SaveState =
  | { status: "idle" }
  | { status: "saving" }
  | { status: "saved" }
  | { status: "error"; code: string; fields?: Record<string, string> };

const newConsultation = (): Consultation => ({
  committee: "",
  meetingDate: "",
  agendaItem: "",
  role: "preliminary",
  result: "",
});

/** Moves entry `from` of a list by `by` places (-1 up, +1 down). */
function moved<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

const lines = (text: string) => text.split("\n");
/** Rows for a textarea that shows its text without scrolling (about 90 characters a row), up to 20. */
const rowsFor = (text: string, min: number) =>
  Math.min(
    20,
    Math.max(
      min,
      text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 90)), 0),
    ),
  );
const nonEmpty = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** Up, down and remove for one row of a list, each named after the row for screen readers. */
function RowControls({
  item,
  index,
  count,
  onMove,
  onRemove,
}: {
  item: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("councilPaper");
  const small = "min-h-9 px-2.5 py-1";
  return (
    <div className="flex shrink-0 flex-wrap gap-1.5">
      <Button
        variant="secondary"
        className={small}
        aria-label={t("moveUp", { item })}
        disabled={index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </Button>
      <Button
        variant="secondary"
        className={small}
        aria-label={t("moveDown", { item })}
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </Button>
      <Button
        variant="danger"
        className={small}
        aria-label={t("remove", { item })}
        onClick={onRemove}
      >
        <span aria-hidden="true">✕</span>
      </Button>
    </div>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card aria-labelledby={id} className="space-y-4">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {hint ? <p className="mt-1 text-sm text-muted">{hint}</p> : null}
      </div>
      {children}
    </Card>
  );
}

/**
 * The council paper's form: head, committee sequence and resolution points (add, remove,
 * reorder), explanation sections, financial impact, mission statement, annexes, signature, and
 * the downloads. Moderators save it; everyone else sees the same fields read-only.
 */
export function CouncilPaperForm({
  conceptId,
  initial,
  canEdit,
}: {
  conceptId: string;
  initial: CouncilPaperState;
  canEdit: boolean;
}) {
  const t = useTranslations("councilPaper");
  const tEnums = useTranslations("enums");
  const tField = useTranslations("errors.fields");
  const errorMessage = useErrorMessage();
  const format = useFormatter();
  const [paper, setPaper] = useState<CouncilPaper>(initial.paper);
  const [meta, setMeta] = useState({ stored: initial.stored, updatedAt: initial.updatedAt });
  const [save, setSave] = useState<SaveState>({ status: "idle" });
  const readOnly = !canEdit;

  const set = <K extends keyof CouncilPaper>(key: K, value: CouncilPaper[K]) =>
    setPaper((p) => ({ ...p, [key]: value }));
  const setConsultation = (index: number, patch: Partial<Consultation>) =>
    set(
      "consultations",
      paper.consultations.map((c, i) => (i === index ? { ...c, ...patch } : c)),
    );

  /** The error of a field by its path (e.g. "consultations.0.committee"), or of any entry below it. */
  const error = (path: string) => {
    if (save.status !== "error" || !save.fields) return undefined;
    const key =
      save.fields[path] ??
      Object.entries(save.fields).find(([name]) => name.startsWith(`${path}.`))?.[1];
    return key ? (tField.has(key) ? tField(key) : tField("invalid")) : undefined;
  };

  type ListKey = "consultations" | "resolution" | "explanation";
  /** Up, down and remove for entry `index` of one of the paper's lists (moderators only). */
  const controls = (key: ListKey, index: number, item: string) => {
    const list: readonly unknown[] = paper[key];
    const setList = (next: unknown[]) => setPaper((p) => ({ ...p, [key]: next }));
    return canEdit ? (
      <RowControls
        item={item}
        index={index}
        count={list.length}
        onMove={(by) => setList(moved(list, index, by))}
        onRemove={() => setList(list.filter((_, i) => i !== index))}
      />
    ) : null;
  };
  /** A text input of committee row `index`. */
  const consultationText = (
    index: number,
    key: "committee" | "agendaItem" | "result" | "meetingDate",
    label: string,
  ) => {
    const max = { committee: L.committee, agendaItem: L.agendaItem, result: L.result };
    return (
      <FormField
        id={`paper-consultation-${index}-${key}`}
        label={label}
        error={error(`consultations.${index}.${key}`)}
      >
        {(props) => (
          <Input
            {...props}
            type={key === "meetingDate" ? "date" : "text"}
            value={paper.consultations[index]![key]}
            maxLength={key === "meetingDate" ? undefined : max[key]}
            readOnly={readOnly}
            onChange={(e) => setConsultation(index, { [key]: e.target.value })}
          />
        )}
      </FormField>
    );
  };

  async function submit() {
    setSave({ status: "saving" });
    const body: CouncilPaper = {
      ...paper,
      involvedDepartments: nonEmpty(paper.involvedDepartments),
      annexes: nonEmpty(paper.annexes),
    };
    try {
      const response = await fetch(`/api/concepts/${conceptId}/council-paper`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const reply = (await response.json().catch(() => ({}))) as Partial<CouncilPaperState> & {
        error?: string;
        fields?: Record<string, string>;
      };
      if (!response.ok || !reply.paper) {
        setSave({ status: "error", code: reply.error ?? "internal:server", fields: reply.fields });
        return;
      }
      setPaper(reply.paper);
      setMeta({ stored: true, updatedAt: reply.updatedAt ?? null });
      setSave({ status: "saved" });
    } catch {
      setSave({ status: "error", code: "internal:network" });
    }
  }

  const text = (key: "number" | "leadDepartment" | "fileReference" | "subject", max: number) => (
    <FormField id={`paper-${key}`} label={t(key)} error={error(key)}>
      {(props) => (
        <Input
          {...props}
          value={paper[key]}
          maxLength={max}
          readOnly={readOnly}
          required={key === "subject"}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );
  const longText = (key: "financialImpact" | "missionConformity", max: number, rows: number) => (
    <FormField id={`paper-${key}`} label={t(key)} error={error(key)}>
      {(props) => (
        <Textarea
          className="field-sizing-content max-h-[36rem]"
          {...props}
          value={paper[key]}
          maxLength={max}
          rows={rowsFor(paper[key], rows)}
          readOnly={readOnly}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );
  const lineList = (key: "involvedDepartments" | "annexes", hint: string) => (
    <FormField id={`paper-${key}`} label={t(key)} hint={hint} error={error(key)}>
      {(props) => (
        <Textarea
          className="field-sizing-content max-h-[36rem]"
          {...props}
          value={paper[key].join("\n")}
          rows={Math.max(2, paper[key].length)}
          readOnly={readOnly}
          onChange={(e) => set(key, lines(e.target.value))}
        />
      )}
    </FormField>
  );
  const saving = save.status === "saving";
  const exportUrl = (f: string) => `/api/concepts/${conceptId}/council-paper/export?format=${f}`;

  return (
    <form
      className="space-y-6"
      noValidate
      aria-label={t("heading")}
      onSubmit={(event) => {
        event.preventDefault();
        if (canEdit) void submit();
      }}
    >
      <div className="space-y-3">
        <p className="max-w-3xl text-sm text-muted">{t("intro")}</p>
        {readOnly ? <Alert tone="info">{t("readOnly")}</Alert> : null}
        {!meta.stored ? (
          <Alert tone="info">{t("prefilled")}</Alert>
        ) : meta.updatedAt ? (
          <p className="text-sm text-muted">
            {t("lastSaved", {
              date: format.dateTime(new Date(meta.updatedAt), {
                dateStyle: "medium",
                timeStyle: "short",
              }),
            })}
          </p>
        ) : null}
      </div>

      <Section title={t("downloads")} hint={t("downloadsHint")}>
        <ul className="flex flex-wrap gap-2">
          {(["docx", "pdf", "oparl"] as const).map((f) => (
            <li key={f}>
              <a
                href={exportUrl(f)}
                download
                className="inline-flex min-h-10 items-center rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-canvas"
              >
                {t(`formats.${f}`)}
              </a>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t("head")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="paper-type" label={t("type")} error={error("type")}>
            {(props) => (
              <Select
                {...props}
                value={paper.type}
                disabled={readOnly}
                onChange={(e) => set("type", e.target.value as CouncilPaper["type"])}
              >
                <Options values={paperTypes} label={(v) => tEnums(`paperType.${v}`)} />
              </Select>
            )}
          </FormField>
          {text("number", L.number)}
          {text("leadDepartment", L.department)}
          {text("fileReference", L.fileReference)}
          <FormField id="paper-date" label={t("date")} error={error("date")}>
            {(props) => (
              <Input
                {...props}
                type="date"
                value={paper.date}
                readOnly={readOnly}
                onChange={(e) => set("date", e.target.value)}
              />
            )}
          </FormField>
          <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
            <input
              type="checkbox"
              checked={paper.public}
              disabled={readOnly}
              onChange={(e) => set("public", e.target.checked)}
              className="h-4 w-4 accent-brand-700"
            />
            {t("public")}
          </label>
        </div>
        {lineList("involvedDepartments", t("involvedDepartmentsHint"))}
      </Section>

      <Section title={t("consultations")} hint={t("consultationsHint")}>
        {paper.consultations.length === 0 ? (
          <p className="text-sm text-muted">{t("noConsultations")}</p>
        ) : (
          <ol className="space-y-3">
            {paper.consultations.map((c, index) => {
              const name = t("consultation", { number: index + 1 });
              const id = `paper-consultation-${index}`;
              const path = `consultations.${index}`;
              return (
                <li
                  key={index}
                  className="rounded-md border border-line bg-canvas/40 p-3"
                  aria-label={name}
                  data-testid="consultation"
                >
                  <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
                    <h3 className="text-sm font-semibold">{name}</h3>
                    {controls("consultations", index, name)}
                  </div>
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr]">
                    {consultationText(index, "committee", t("committee"))}
                    {consultationText(index, "meetingDate", t("meetingDate"))}
                    {consultationText(index, "agendaItem", t("agendaItem"))}
                    <FormField id={`${id}-role`} label={t("role")} error={error(`${path}.role`)}>
                      {(props) => (
                        <Select
                          {...props}
                          value={c.role}
                          disabled={readOnly}
                          onChange={(e) =>
                            setConsultation(index, { role: e.target.value as Consultation["role"] })
                          }
                        >
                          <Options
                            values={consultationRoles}
                            label={(v) => tEnums(`consultationRole.${v}`)}
                          />
                        </Select>
                      )}
                    </FormField>
                    <div className="sm:col-span-2 lg:col-span-4">
                      {consultationText(index, "result", t("result"))}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {canEdit ? (
          <Button
            variant="secondary"
            disabled={paper.consultations.length >= L.consultations}
            onClick={() => set("consultations", [...paper.consultations, newConsultation()])}
          >
            {t("addConsultation")}
          </Button>
        ) : null}
      </Section>

      <Section title={t("subject")}>{text("subject", L.subject)}</Section>

      <Section title={t("resolution")} hint={t("resolutionHint")}>
        {paper.resolution.length === 0 ? (
          <p className="text-sm text-muted">{t("noPoints")}</p>
        ) : (
          <ol className="space-y-3">
            {paper.resolution.map((point, index) => {
              const name = t("point", { number: index + 1 });
              return (
                <li key={index} className="space-y-1.5" data-testid="resolution-point">
                  <div className="flex flex-wrap items-end justify-between gap-2">
                    <label htmlFor={`paper-point-${index}`} className="text-sm font-medium">
                      {name}
                    </label>
                    {controls("resolution", index, name)}
                  </div>
                  <Textarea
                    className="field-sizing-content max-h-[36rem]"
                    id={`paper-point-${index}`}
                    value={point}
                    rows={rowsFor(point, 2)}
                    maxLength={L.resolutionPoint}
                    readOnly={readOnly}
                    aria-invalid={error(`resolution.${index}`) ? true : undefined}
                    aria-describedby={
                      error(`resolution.${index}`) ? `paper-point-${index}-error` : undefined
                    }
                    onChange={(e) =>
                      set(
                        "resolution",
                        paper.resolution.map((p, i) => (i === index ? e.target.value : p)),
                      )
                    }
                  />
                  {error(`resolution.${index}`) ? (
                    <p id={`paper-point-${index}-error`} className="text-sm text-red-700">
                      {error(`resolution.${index}`)}
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        {canEdit ? (
          <Button
            variant="secondary"
            disabled={paper.resolution.length >= L.resolution}
            onClick={() => set("resolution", [...paper.resolution, ""])}
          >
            {t("addPoint")}
          </Button>
        ) : null}
      </Section>

      <Section title={t("explanation")} hint={t("explanationHint")}>
        <ol className="space-y-4">
          {paper.explanation.map((section, index) => {
            const name = t("section", { number: index + 1 });
            const setSection = (patch: Partial<typeof section>) =>
              set(
                "explanation",
                paper.explanation.map((s, i) => (i === index ? { ...s, ...patch } : s)),
              );
            return (
              <li key={index} className="space-y-3 rounded-md border border-line p-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="text-sm font-semibold">{name}</h3>
                  {controls("explanation", index, name)}
                </div>
                <FormField
                  id={`paper-section-${index}-heading`}
                  label={t("sectionHeading")}
                  error={error(`explanation.${index}.heading`)}
                >
                  {(props) => (
                    <Input
                      {...props}
                      value={section.heading}
                      maxLength={L.sectionHeading}
                      readOnly={readOnly}
                      onChange={(e) => setSection({ heading: e.target.value })}
                    />
                  )}
                </FormField>
                <FormField
                  id={`paper-section-${index}-text`}
                  label={t("sectionText")}
                  error={error(`explanation.${index}.text`)}
                >
                  {(props) => (
                    <Textarea
                      className="field-sizing-content max-h-[36rem]"
                      {...props}
                      value={section.text}
                      rows={rowsFor(section.text, 4)}
                      maxLength={L.sectionText}
                      readOnly={readOnly}
                      onChange={(e) => setSection({ text: e.target.value })}
                    />
                  )}
                </FormField>
              </li>
            );
          })}
        </ol>
        {canEdit ? (
          <Button
            variant="secondary"
            disabled={paper.explanation.length >= L.sections}
            onClick={() => set("explanation", [...paper.explanation, { heading: "", text: "" }])}
          >
            {t("addSection")}
          </Button>
        ) : null}
      </Section>

      <Section title={t("closing")}>
        {longText("financialImpact", L.financialImpact, 6)}
        {longText("missionConformity", L.missionConformity, 3)}
        {lineList("annexes", t("annexesHint"))}
      </Section>

      <Section title={t("signatory")}>
        <div className="grid gap-4 sm:grid-cols-2">
          {(["name", "title"] as const).map((key) => (
            <FormField
              key={key}
              id={`paper-signatory-${key}`}
              label={t(key === "name" ? "signatoryName" : "signatoryTitle")}
              error={error(`signatory.${key}`)}
            >
              {(props) => (
                <Input
                  {...props}
                  value={paper.signatory[key]}
                  maxLength={key === "name" ? L.signatoryName : L.signatoryTitle}
                  readOnly={readOnly}
                  onChange={(e) => set("signatory", { ...paper.signatory, [key]: e.target.value })}
                />
              )}
            </FormField>
          ))}
        </div>
      </Section>

      {canEdit ? (
        <div className="space-y-3">
          {save.status === "error" ? (
            <Alert>
              {save.code === "bad_request:input" ? t("invalid") : errorMessage(save.code)}
            </Alert>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={saving}>
              {saving ? t("saving") : t("save")}
            </Button>
            <p role="status" className="text-sm text-emerald-800">
              {save.status === "saved" ? t("saved") : ""}
            </p>
          </div>
        </div>
      ) : null}
    </form>
  );
}
