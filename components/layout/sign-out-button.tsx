import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/auth";
import { Button } from "@/components/ui/button";

/** A form, so signing out works before hydration too, and can continue at the SSO provider. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost">
        {t("signOut")}
      </Button>
    </form>
  );
}
