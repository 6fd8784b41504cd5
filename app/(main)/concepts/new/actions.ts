"use server";

import { redirect } from "next/navigation";
import { createConcept } from "@/lib/concept/create-concept";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { formDataToObject } from "@/lib/forms/parse-input";
import { getCurrentUser } from "@/lib/auth/session";

export async function createConceptAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  let conceptId: string | undefined;
  const state = await runAction(async () => {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized:session");
    ({ conceptId } = await createConcept({
      db: await getDb(),
      user,
      input: formDataToObject(formData),
    }));
  });
  if (conceptId) redirect(`/concepts/${conceptId}`);
  return state;
}
