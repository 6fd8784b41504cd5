import { z } from "zod";
import { chapterReviewers } from "@/lib/db/schema";

const body = z.string().trim().min(1).max(5000);

/** PATCH of a chapter: finalise or reopen (check-back starts through its own route). */
export const chapterStatusChangeSchema = z.object({
  status: z.enum(["draft", "final"]),
});

export const checkBackSchema = z.object({
  reviewerIds: z.array(z.uuid("invalid")).max(100).default([]),
  link: z
    .object({
      expiresInHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 60),
    })
    .optional(),
});

export const reviewLinkSchema = z.object({
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});

export const newThreadSchema = z.object({
  id: z.uuid("invalid"),
  quote: z.string().trim().max(2000),
  body,
});

export const replySchema = z.object({ body });

export const threadStatusSchema = z.object({ status: z.enum(["open", "resolved"]) });

export const joinReviewSchema = z.object({
  name: z.string().trim().min(1).max(80),
  organisation: z.string().trim().min(1).max(120),
});

export const reviewerThreadSchema = z.object({
  quote: z.string().trim().max(2000),
  body,
  anchor: z
    .object({
      from: z.number().int().min(0),
      to: z.number().int().min(0),
    })
    .refine((a) => a.to > a.from, { message: "invalid", path: ["to"] }),
});

export const decisionSchema = z
  .object({
    decision: z.enum(chapterReviewers.decision.enumValues),
    comment: z.string().trim().max(5000).optional(),
  })
  .refine((d) => d.decision !== "changes_requested" || (d.comment ?? "").length > 0, {
    message: "required",
    path: ["comment"],
  });

/** A version number from the URL: 1 … 2^31 - 1, else a 400 naming the parameter. */
export const versionNumberSchema = z
  .string()
  .regex(/^\d{1,10}$/, "invalid")
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, "invalid")
      .max(2 ** 31 - 1, "invalid"),
  );
