/**
 * The introduction chapters every concept starts with, before the one chapter per field of
 * action. Field chapters take their field's number as position; these come first.
 */
export const INTRO_CHAPTERS = [
  { kind: "mission", title: "Leitbild", position: -3 },
  { kind: "context", title: "Ausgangslage und Zahlen", position: -2 },
  { kind: "process", title: "Prozess", position: -1 },
] as const;
