"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { formDataToObject } from "@/lib/forms/parse-input";
import { createWorkshop } from "@/lib/workshop/workshops";

export async function createWorkshopAction(
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  return runAction(async () => {
    const { conceptId, ...input } = formDataToObject(formData);
    const user = await getCurrentUser();
    await createWorkshop({
      db: await getDb(),
      userId: user?.id,
      conceptId: String(conceptId),
      input,
    });
    revalidatePath(`/concepts/${String(conceptId)}/workshops`);
    return "added";
  });
}
