"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { updateGoal, updateMeasure } from "@/lib/concept/edit-goals-measures";
import { getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { formDataToObject } from "@/lib/forms/parse-input";
import { runAction } from "@/lib/forms/run-action";

export async function saveMeasureAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(async () => {
    const { conceptId, measureId, ...input } = formDataToObject(formData);
    const user = await getCurrentUser();
    await updateMeasure({
      db: await getDb(),
      userId: user?.id,
      conceptId: String(conceptId),
      measureId: String(measureId),
      input,
    });
    revalidatePath(`/concepts/${String(conceptId)}`, "layout");
  });
}

export async function saveGoalAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { conceptId, goalId, ...input } = formDataToObject(formData);
    const user = await getCurrentUser();
    await updateGoal({
      db: await getDb(),
      userId: user?.id,
      conceptId: String(conceptId),
      goalId: String(goalId),
      input,
    });
    revalidatePath(`/concepts/${String(conceptId)}`, "layout");
  });
}
