"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { addField, updateField } from "@/lib/concept/edit-fields";
import { getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { formDataToObject } from "@/lib/forms/parse-input";

export async function saveFieldAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(async () => {
    const { conceptId, fieldId, ...input } = formDataToObject(formData);
    const user = await getCurrentUser();
    await updateField({
      db: await getDb(),
      userId: user?.id,
      conceptId: String(conceptId),
      fieldId: String(fieldId),
      input,
    });
    revalidatePath(`/concepts/${String(conceptId)}`, "layout");
  });
}

export async function addFieldAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(async () => {
    const { conceptId, ...input } = formDataToObject(formData);
    const user = await getCurrentUser();
    await addField({ db: await getDb(), userId: user?.id, conceptId: String(conceptId), input });
    revalidatePath(`/concepts/${String(conceptId)}`, "layout");
    return "added";
  });
}
