"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { addMember, changeMemberRole, removeMember } from "@/lib/concept/members";
import { getDb } from "@/lib/db/client";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { formDataToObject } from "@/lib/forms/parse-input";

type MemberOperation = typeof addMember;

function memberAction(operation: MemberOperation, message: string) {
  return async (formData: FormData): Promise<ActionState> =>
    runAction(async () => {
      const { conceptId, ...input } = formDataToObject(formData);
      const user = await getCurrentUser();
      await operation({ db: await getDb(), userId: user?.id, conceptId: String(conceptId), input });
      revalidatePath(`/concepts/${String(conceptId)}/members`);
      return message;
    });
}

const add = memberAction(addMember, "added");
const change = memberAction(changeMemberRole, "saved");
const remove = memberAction(removeMember, "removed");

export async function addMemberAction(_prev: ActionState, formData: FormData) {
  return add(formData);
}

export async function changeMemberRoleAction(_prev: ActionState, formData: FormData) {
  return change(formData);
}

export async function removeMemberAction(_prev: ActionState, formData: FormData) {
  return remove(formData);
}
