/**
 * Value lists of the domain that both the database schema and browser code need. Kept free of
 * database imports so client components can use them without pulling in the driver.
 */
export const organisationKinds = [
  "administration",
  "political_group",
  "migrant_council",
  "migrant_organisation",
  "welfare_association",
  "employment_agency",
  "chamber_business",
  "school_authority",
  "university",
  "volunteers",
  "other",
] as const;

export const measureStatuses = [
  "existing",
  "new",
  "planned",
  "in_progress",
  "done",
  "dropped",
] as const;
export const measurePriorities = ["A", "B", "C", "quick_win"] as const;
export const responsibilityRoles = ["lead", "partner", "involved"] as const;

/** What a workshop guest may do, set by the invite link they joined with. */
export const guestRoles = ["participant", "viewer"] as const;
