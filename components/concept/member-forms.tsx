"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  addMemberAction,
  changeMemberRoleAction,
  removeMemberAction,
} from "@/app/(main)/concepts/[conceptId]/members/actions";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/form";
import { FormError, useErrorMessage, useFieldError } from "@/components/ui/form-feedback";
import { Options } from "@/components/ui/options";
import { idleState } from "@/lib/forms/action-state";

const roles = ["moderator", "editor", "viewer"] as const;

function RoleOptions() {
  const t = useTranslations("enums.role");
  return <Options values={roles} label={(role) => t(role)} />;
}

export function AddMemberForm({ conceptId }: { conceptId: string }) {
  const t = useTranslations("members");
  const [state, action, pending] = useActionState(addMemberAction, idleState);
  const fieldError = useFieldError(state);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="conceptId" value={conceptId} />
      <FormError state={state} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <FormField
          id="member-email"
          label={t("email")}
          hint={t("emailHint")}
          error={fieldError("email")}
        >
          {(props) => <Input {...props} name="email" type="email" required />}
        </FormField>
        <FormField id="member-role" label={t("role")} error={fieldError("role")}>
          {(props) => (
            <Select {...props} name="role" defaultValue="editor">
              <RoleOptions />
            </Select>
          )}
        </FormField>
      </div>
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
    </form>
  );
}

/** One member row: change the role or remove them. */
export function MemberRow({
  conceptId,
  member,
  isSelf,
}: {
  conceptId: string;
  member: { userId: string; name: string; email: string; role: (typeof roles)[number] };
  isSelf: boolean;
}) {
  const t = useTranslations("members");
  const [roleState, roleAction, rolePending] = useActionState(changeMemberRoleAction, idleState);
  const [removeState, removeAction, removePending] = useActionState(removeMemberAction, idleState);
  const message = useErrorMessage();
  const error = [roleState, removeState].find((s) => s.status === "error");
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="member">
      <div className="min-w-0">
        <p className="font-medium">
          {member.name} {isSelf ? <span className="text-sm text-muted">({t("you")})</span> : null}
        </p>
        <p className="truncate text-sm text-muted">{member.email}</p>
        {error?.status === "error" ? (
          <p role="alert" className="text-sm text-red-700">
            {message(error.error)}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="userId" value={member.userId} />
          <label className="sr-only" htmlFor={`role-${member.userId}`}>
            {t("roleOf", { name: member.name })}
          </label>
          <Select
            id={`role-${member.userId}`}
            name="role"
            defaultValue={member.role}
            className="w-40"
          >
            <RoleOptions />
          </Select>
          <Button type="submit" variant="secondary" disabled={rolePending}>
            {t("changeRole")}
          </Button>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="conceptId" value={conceptId} />
          <input type="hidden" name="userId" value={member.userId} />
          <Button
            type="submit"
            variant="danger"
            disabled={removePending}
            aria-label={t("removeNamed", { name: member.name })}
          >
            {t("remove")}
          </Button>
        </form>
      </div>
    </li>
  );
}
