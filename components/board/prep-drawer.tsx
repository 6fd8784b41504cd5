"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form";
import { Options } from "@/components/ui/options";
import { setJoinUrl } from "@/lib/board/board-control";
import { addLane, applyLaneTemplate, getLanes } from "@/lib/board/board-doc";
import { laneTemplates, type LaneTemplate } from "@/lib/board/board-schema";
import type { BoardSession } from "@/lib/workshop/board-access";
import { CommitPanel } from "./commit-panel";
import { InvitePanel } from "./invite-panel";

/**
 * The moderator's preparation and wrap-up (lane template, invite links, committing results) in
 * a drawer at the side, so the board keeps the screen. It stays mounted while closed: a link
 * just created is still there when the drawer opens again.
 */
export function PrepDrawer({
  doc,
  control,
  session,
  open,
  onClose,
}: {
  doc: Y.Doc;
  control: Y.Doc;
  session: BoardSession;
  open: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  return (
    <aside
      id="prep-drawer"
      aria-labelledby="prep-drawer-heading"
      hidden={!open}
      className="fixed inset-y-0 right-0 z-40 w-full max-w-md overflow-y-auto border-l border-line bg-white p-5 shadow-2xl"
      data-testid="prep-drawer"
    >
      <div className="mb-4 flex items-center justify-between gap-2">
        <h2 id="prep-drawer-heading" className="text-lg font-semibold">
          {t("facilitation")}
        </h2>
        <Button variant="ghost" className="min-h-8 px-2 py-1" onClick={onClose}>
          {tUi("close")}
        </Button>
      </div>
      <div className="space-y-8">
        <LaneTemplateForm doc={doc} fields={session.fields} />
        <InvitePanel
          workshopId={session.workshop.id}
          onShowOnProjector={(url) => setJoinUrl(control, url)}
          active={open}
        />
        <CommitPanel
          doc={doc}
          workshopId={session.workshop.id}
          conceptId={session.workshop.conceptId}
          defaultMessage={session.workshop.title}
        />
      </div>
    </aside>
  );
}

function LaneTemplateForm({ doc, fields }: { doc: Y.Doc; fields: BoardSession["fields"] }) {
  const t = useTranslations("board");
  const tUi = useTranslations("boardUi");
  const [template, setTemplate] = useState<LaneTemplate>("goals_measures");
  const labels = {
    strengths: t("stockTake.strengths"),
    gaps: t("stockTake.gaps"),
    offers: t("stockTake.offers"),
    free: t("freeLane"),
  };
  return (
    <section aria-labelledby="lanes-heading" className="space-y-3">
      <h3 id="lanes-heading" className="font-semibold">
        {tUi("lanesHeading")}
      </h3>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex w-full min-w-0 flex-col gap-1 text-sm font-medium">
          {t("template")}
          <Select
            value={template}
            onChange={(e) => setTemplate(e.target.value as LaneTemplate)}
            className="w-full"
          >
            <Options values={laneTemplates} label={(name) => t(`templates.${name}`)} />
          </Select>
        </label>
        <Button
          variant="secondary"
          onClick={() => applyLaneTemplate(doc, { template, fields, labels })}
        >
          {t("applyTemplate")}
        </Button>
        <Button
          variant="ghost"
          onClick={() => addLane(doc, { title: `${labels.free} ${getLanes(doc).length + 1}` })}
        >
          {t("addLane")}
        </Button>
      </div>
    </section>
  );
}
