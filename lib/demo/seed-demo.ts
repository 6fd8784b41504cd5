import { createHash, randomBytes } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { eq, getTableName, is, sql } from "drizzle-orm";
import * as Y from "yjs";
import { PgTable } from "drizzle-orm/pg-core";
import { hashPassword } from "@/lib/auth/password";
import type { CardAuthor } from "@/lib/board/board-schema";
import type { Db, Tx } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import {
  chapterReviewers,
  chapterReviews,
  chapterVersions,
  chapters,
  conceptMembers,
  councilPapers,
  docSnapshots,
  reviewLinks,
  concepts,
  docUpdates,
  guests,
  invites,
  fields,
  goals,
  indicators,
  measures,
  organisations,
  responsibilities,
  users,
  workshopFields,
  workshops,
} from "@/lib/db/schema";
import { loadConceptItems } from "@/lib/chapter/concept-items";
import { loadConceptContent } from "@/lib/concept/load-concept-content";
import { prefillCouncilPaper } from "@/lib/council-paper/prefill";
import { councilPaperSchema } from "@/lib/council-paper/schema";
import { chapterStateFromJSON, renderChapterHTML, renderChapterText } from "@/lib/chapter/content";
import { INTRO_CHAPTERS } from "@/lib/chapter/intro-chapters";
import { AppError } from "@/lib/errors";
import { recordRevision } from "@/lib/revision/record-revision";
import { formatDocName, scopeOwner } from "@/lib/sync/doc-names";
import { buildDemoBoard } from "./build-demo-board";
import { demoCouncilPaper } from "./deichhausen-council-paper";
import {
  contextChapterContent,
  fieldChapterContent,
  missionChapterContent,
  processChapterContent,
} from "./deichhausen-chapters";
import {
  DEMO_CONCEPT,
  DEMO_FIELDS,
  DEMO_ORGANISATIONS,
  DEMO_REVISION_MESSAGE,
  DEMO_TOWN_KEY,
  DEMO_USERS,
  DEMO_WORKSHOPS,
  demoWorkshopDate,
  type DemoOrganisationKey,
} from "./deichhausen";
import { DEMO_BOARD_PARTICIPANTS, type DemoParticipantKey } from "./deichhausen-board";

/** Every table the schema declares, so a table added later is cleared without touching this. */
function schemaTableNames(): string[] {
  return (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableName(table));
}

/** Empties every table of the concept store; the migration journal is left alone. */
export async function resetDatabase({ db }: { db: Db }): Promise<void> {
  const names = schemaTableNames().map((name) => sql.identifier(name));
  await db.execute(sql`TRUNCATE TABLE ${sql.join(names, sql`, `)} RESTART IDENTITY CASCADE`);
}

export { isDatabaseEmpty } from "./database-empty";

/**
 * Writes the Deichhausen demo (organisations, accounts, one action plan with workshops and
 * chapters) in one transaction and records it as the concept's first revision. Expects the
 * demo organisations and accounts not to exist yet, e.g. on an empty or freshly reset database.
 */
export async function seedDemo({
  db,
  now = new Date(),
}: {
  db: Db;
  /** When the demo is loaded: upcoming workshops are dated from it. */
  now?: Date;
}): Promise<{ conceptId: string }> {
  // One hash per distinct password (all demo accounts share "demo"): seeding costs one hash.
  const hashes = new Map<string, Promise<string>>();
  const passwordHashes = await Promise.all(
    DEMO_USERS.map((user) => {
      if (!hashes.has(user.password)) {
        hashes.set(user.password, hashPassword({ password: user.password }));
      }
      return hashes.get(user.password)!;
    }),
  );

  return db.transaction(async (tx) => {
    const organisationRows = await tx
      .insert(organisations)
      .values(
        DEMO_ORGANISATIONS.map((organisation) => ({
          name: organisation.name,
          shortName: "shortName" in organisation ? organisation.shortName : null,
          kind: organisation.kind,
        })),
      )
      .returning({ id: organisations.id, name: organisations.name });
    const organisationIdByName = new Map(organisationRows.map((row) => [row.name, row.id]));
    const organisationId = (key: DemoOrganisationKey): string => {
      const organisation = DEMO_ORGANISATIONS.find((o) => o.key === key);
      const id = organisation && organisationIdByName.get(organisation.name);
      if (!id) throw new AppError(`internal:demo_organisation:${key}`);
      return id;
    };

    const userRows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((user, index) => ({
          email: user.email,
          name: user.name,
          passwordHash: passwordHashes[index],
          canCreateConcepts: user.canCreateConcepts,
        })),
      )
      .returning({ id: users.id, email: users.email });
    const userIdByEmail = new Map(userRows.map((row) => [row.email, row.id]));
    const userId = (email: string): string => {
      const id = userIdByEmail.get(email);
      if (!id) throw new AppError(`internal:demo_user:${email}`);
      return id;
    };

    const [concept] = await tx
      .insert(concepts)
      .values({ ...DEMO_CONCEPT, townId: organisationId(DEMO_TOWN_KEY) })
      .returning({ id: concepts.id });
    if (!concept) throw new AppError("internal:demo_concept");
    const conceptId = concept.id;

    await tx
      .insert(conceptMembers)
      .values(
        DEMO_USERS.map((user) => ({ conceptId, userId: userId(user.email), role: user.role })),
      );

    const fieldIdByNumber = new Map<number, string>();
    const goalsByField = new Map<number, Array<{ id: string; measureIds: string[] }>>();
    for (const [fieldIndex, demoField] of DEMO_FIELDS.entries()) {
      const [field] = await tx
        .insert(fields)
        .values({
          conceptId,
          number: fieldIndex + 1,
          title: demoField.title,
          strategicGoal: demoField.strategicGoal,
          prioritisedUntil: demoField.prioritisedUntil,
        })
        .returning({ id: fields.id, number: fields.number });
      if (!field) throw new AppError("internal:demo_field");
      fieldIdByNumber.set(field.number, field.id);

      for (const [goalIndex, demoGoal] of demoField.goals.entries()) {
        const [goal] = await tx
          .insert(goals)
          .values({ fieldId: field.id, number: goalIndex + 1, text: demoGoal.text })
          .returning({ id: goals.id });
        if (!goal) throw new AppError("internal:demo_goal");
        const measureIds: string[] = [];
        goalsByField.set(field.number, [
          ...(goalsByField.get(field.number) ?? []),
          { id: goal.id, measureIds },
        ]);

        for (const [measureIndex, demoMeasure] of demoGoal.measures.entries()) {
          const [measure] = await tx
            .insert(measures)
            .values({
              goalId: goal.id,
              number: measureIndex + 1,
              title: demoMeasure.title,
              description: demoMeasure.description,
              steps: [...(demoMeasure.steps ?? [])],
              target: demoMeasure.target ?? "",
              startYear: demoMeasure.startYear,
              timeframe: demoMeasure.timeframe,
              reviewRule: demoMeasure.reviewRule ?? "",
              status: demoMeasure.status,
              priority: demoMeasure.priority,
              costNote: demoMeasure.costNote,
              needsBudgetDecision: demoMeasure.needsBudgetDecision ?? false,
            })
            .returning({ id: measures.id });
          if (!measure) throw new AppError("internal:demo_measure");
          measureIds.push(measure.id);

          await tx.insert(responsibilities).values(
            demoMeasure.responsibilities.map((responsibility, position) => ({
              measureId: measure.id,
              organisationId: organisationId(responsibility.organisation),
              role: responsibility.role,
              position,
            })),
          );
          if (demoMeasure.indicators?.length) {
            await tx.insert(indicators).values(
              demoMeasure.indicators.map((indicator) => ({
                measureId: measure.id,
                definition: indicator.definition,
                unit: indicator.unit,
                dataOwnerId: organisationId(indicator.dataOwner),
                baseline: indicator.baseline,
                target: indicator.target,
                breakdown: indicator.breakdown,
              })),
            );
          }
        }
      }
    }
    const fieldId = (number: number): string => {
      const id = fieldIdByNumber.get(number);
      if (!id) throw new AppError(`internal:demo_field:${number}`);
      return id;
    };

    const moderator = DEMO_USERS.find((user) => user.role === "moderator");
    if (!moderator) throw new AppError("internal:demo_moderator");

    for (const demoWorkshop of DEMO_WORKSHOPS) {
      const date = demoWorkshopDate(demoWorkshop, now);
      const [workshop] = await tx
        .insert(workshops)
        .values({
          conceptId,
          title: demoWorkshop.title,
          kind: demoWorkshop.kind,
          date,
          facilitator: demoWorkshop.facilitator,
          location: demoWorkshop.location,
        })
        .returning({ id: workshops.id });
      if (!workshop) throw new AppError("internal:demo_workshop");
      await tx.insert(workshopFields).values(
        demoWorkshop.fieldNumbers.map((number) => ({
          workshopId: workshop.id,
          fieldId: fieldId(number),
        })),
      );
      if (demoWorkshop.filledBoard) {
        await seedDemoBoard({
          tx,
          workshopId: workshop.id,
          date,
          moderator: { id: userId(moderator.email), name: moderator.name },
          fields: [...fieldIdByNumber].map(([number, id]) => ({
            id,
            number,
            title: DEMO_FIELDS[number - 1]!.title,
          })),
        });
      }
    }

    const chapterRows = await tx
      .insert(chapters)
      .values([
        ...INTRO_CHAPTERS.map((chapter) => ({ conceptId, ...chapter })),
        ...DEMO_FIELDS.map((demoField, index) => ({
          conceptId,
          fieldId: fieldId(index + 1),
          kind: "field" as const,
          title: demoField.title,
          position: index + 1,
        })),
      ])
      .returning({ id: chapters.id, kind: chapters.kind, fieldId: chapters.fieldId });

    const revision = await recordRevision({
      tx,
      conceptId,
      authorId: userId(moderator.email),
      message: DEMO_REVISION_MESSAGE,
    });

    const content = await loadConceptContent({ db: tx, conceptId });
    if (!content) throw new AppError("internal:demo_content");
    const town = DEMO_ORGANISATIONS.find((o) => o.key === DEMO_TOWN_KEY)?.name ?? null;
    await tx.insert(councilPapers).values({
      conceptId,
      paper: councilPaperSchema.parse(
        demoCouncilPaper({ prefill: prefillCouncilPaper({ content, town, now }), now }),
      ),
      updatedBy: userId(moderator.email),
      createdAt: now,
      updatedAt: now,
    });

    const numberOfField = new Map([...fieldIdByNumber].map(([number, id]) => [id, number]));
    await seedDemoChapters({
      tx,
      conceptId,
      revision: revision.number,
      moderatorId: userId(moderator.email),
      editor: DEMO_USERS.find((user) => user.role === "editor")!,
      editorId: userId(DEMO_USERS.find((user) => user.role === "editor")!.email),
      now,
      chapters: chapterRows.map((row) => {
        const number = row.fieldId ? numberOfField.get(row.fieldId) : undefined;
        const demoField = number ? DEMO_FIELDS[number - 1] : undefined;
        return {
          ...row,
          fieldNumber: number ?? null,
          content:
            row.kind === "mission"
              ? missionChapterContent(DEMO_CONCEPT.missionStatement)
              : row.kind === "context"
                ? contextChapterContent()
                : row.kind === "process" || !number || !demoField
                  ? processChapterContent()
                  : fieldChapterContent({
                      number,
                      title: demoField.title,
                      strategicGoal: demoField.strategicGoal,
                      goals: goalsByField.get(number) ?? [],
                    }),
        };
      }),
    });

    return { conceptId };
  });
}

/** Field chapters the demo shows finalised and in check-back. */
const FINAL_FIELD = 3;
const CHECK_BACK_FIELD = 2;

/**
 * The demo's written chapters, stored as their documents' snapshots (as the sync server
 * compacts them): the chapter of field 3 final with its final version, the chapter of field 2 in
 * check-back with a round, a review link nobody holds and two reviewers (the steering group,
 * who signed off, and a working-group participant who has not answered yet).
 */
async function seedDemoChapters({
  tx,
  conceptId,
  revision,
  moderatorId,
  editor,
  editorId,
  now,
  chapters: rows,
}: {
  tx: Tx;
  conceptId: string;
  revision: number;
  moderatorId: string;
  editor: { name: string };
  editorId: string;
  now: Date;
  chapters: Array<{ id: string; fieldNumber: number | null; content: JSONContent }>;
}) {
  const items = await loadConceptItems({ db: tx, conceptId, revision });
  const states = rows.map((row) => ({ ...row, state: chapterStateFromJSON(row.content) }));
  await tx.insert(docSnapshots).values(
    states.map((row) => ({
      docName: formatDocName({ kind: "chapter", id: row.id }),
      state: row.state,
      lastUpdateId: 0,
    })),
  );
  const frozen = (row: (typeof states)[number]) => ({
    chapterId: row.id,
    version: 1,
    yjsState: row.state,
    json: row.content,
    html: renderChapterHTML({ json: row.content, items }),
    text: renderChapterText({ json: row.content, items }),
    revision,
    frozenBy: moderatorId,
  });
  const finalChapter = states.find((row) => row.fieldNumber === FINAL_FIELD);
  const reviewed = states.find((row) => row.fieldNumber === CHECK_BACK_FIELD);
  if (!finalChapter || !reviewed) throw new AppError("internal:demo_chapters");
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await tx.insert(chapterVersions).values({ ...frozen(finalChapter), kind: "final" });
  await tx.update(chapters).set({ status: "final" }).where(eq(chapters.id, finalChapter.id));

  const [version] = await tx
    .insert(chapterVersions)
    .values({ ...frozen(reviewed), kind: "check_back", createdAt: dayAgo })
    .returning({ id: chapterVersions.id });
  const [review] = await tx
    .insert(chapterReviews)
    .values({
      chapterId: reviewed.id,
      versionId: version!.id,
      startedBy: moderatorId,
      createdAt: dayAgo,
    })
    .returning({ id: chapterReviews.id });
  const [link] = await tx
    .insert(reviewLinks)
    .values({
      reviewId: review!.id,
      // A hash of a secret nobody knows: the moderator makes a new link to share.
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      expiresAt: new Date(now.getTime() + 13 * 86_400_000),
      createdBy: moderatorId,
      createdAt: dayAgo,
    })
    .returning({ id: reviewLinks.id });
  await tx.insert(chapterReviewers).values([
    {
      reviewId: review!.id,
      userId: editorId,
      name: editor.name,
      decision: "approved",
      decidedAt: new Date(now.getTime() - 3600_000),
      createdAt: dayAgo,
    },
    {
      reviewId: review!.id,
      linkId: link!.id,
      name: "Aylin Yıldız",
      organisation: "Kulturverein Brücke e.V.",
      createdAt: dayAgo,
    },
  ]);
  await tx
    .update(chapters)
    .set({ status: "in_review", lastEditedBy: moderatorId, lastEditedAt: dayAgo })
    .where(eq(chapters.id, reviewed.id));
}

/**
 * The kick-off's board as the room left it: the guests who joined by its (long expired) invite
 * link, and the board, control and private-scope documents stored as the sync server stores
 * them (one update each in the document log), so the server loads them like any board.
 */
async function seedDemoBoard({
  tx,
  workshopId,
  date,
  moderator,
  fields,
}: {
  tx: Tx;
  workshopId: string;
  date: string;
  moderator: CardAuthor;
  fields: Array<{ id: string; number: number; title: string }>;
}): Promise<void> {
  const startsAt = Date.parse(`${date}T09:30:00+01:00`);
  const [invite] = await tx
    .insert(invites)
    .values({
      workshopId,
      // A hash of a secret nobody knows: the link cannot be used again.
      tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
      role: "participant",
      createdBy: moderator.id,
      createdAt: new Date(startsAt - 3600_000),
      expiresAt: new Date(startsAt + 10 * 3600_000),
    })
    .returning({ id: invites.id });
  if (!invite) throw new AppError("internal:demo_invite");
  const guestRows = await tx
    .insert(guests)
    .values(
      DEMO_BOARD_PARTICIPANTS.map((participant, index) => ({
        workshopId,
        inviteId: invite.id,
        displayName: participant.displayName,
        organisationKind: participant.organisationKind,
        role: "participant" as const,
        createdAt: new Date(startsAt + index * 60_000),
      })),
    )
    .returning({ id: guests.id, displayName: guests.displayName });
  const guestByKey = new Map<DemoParticipantKey, CardAuthor>(
    DEMO_BOARD_PARTICIPANTS.map((participant) => {
      const row = guestRows.find((g) => g.displayName === participant.displayName);
      if (!row) throw new AppError(`internal:demo_guest:${participant.key}`);
      return [participant.key, { id: row.id, name: row.displayName }];
    }),
  );

  const { board, control, scopes } = buildDemoBoard({
    fields,
    guests: guestByKey,
    moderator,
    startsAt,
  });
  const documents = [
    { docName: formatDocName({ kind: "board", id: workshopId }), doc: board },
    { docName: formatDocName({ kind: "board-control", id: workshopId }), doc: control },
    ...[...scopes].map(([guestId, doc]) => ({
      docName: formatDocName({
        kind: "board-private",
        id: workshopId,
        owner: scopeOwner({ kind: "guest", guestId }),
      }),
      doc,
    })),
  ];
  await tx
    .insert(docUpdates)
    .values(documents.map(({ docName, doc }) => ({ docName, update: Y.encodeStateAsUpdate(doc) })));
  for (const { doc } of documents) doc.destroy();
}
