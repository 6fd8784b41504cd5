"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { idleState, type ActionState } from "@/lib/forms/action-state";

type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A concept edit form's action state, with what makes a stale save safe:
 * - the hidden `baseRevision` field carries the revision the form was loaded at, so the server
 *   refuses a save on top of someone else's newer revision (conflict:revision);
 * - after such a conflict it carries the current revision, so saving again deliberately applies
 *   this form's values;
 * - the form is submitted without React's automatic reset, so a refused save keeps every input.
 *   (Before hydration the form still posts natively to the same server action.)
 */
export function useRevisionForm(formAction: FormAction, baseRevision: number) {
  const [state, action, pending] = useActionState(formAction, idleState);
  const current =
    state.status === "error" &&
    state.error === "conflict:revision" &&
    typeof state.details?.currentRevision === "number"
      ? state.details.currentRevision
      : 0;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => action(formData));
  }
  return {
    state,
    action,
    onSubmit,
    pending,
    baseRevisionInput: (
      <input type="hidden" name="baseRevision" value={Math.max(baseRevision, current)} />
    ),
  };
}
