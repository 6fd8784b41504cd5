/**
 * Changes of who may do what in a concept (memberships, a chapter's status) reach the running
 * sync server through this (same process, via globalThis, without importing the server): it
 * then re-checks its open connections, so a removed member is disconnected and a demoted member
 * or a finalised chapter becomes read-only at once. Without a listener (e.g. in unit tests)
 * nothing happens.
 */
type Listener = (conceptId: string) => void;

const KEY = Symbol.for("integrationskonzept.access-changed");
type GlobalWithListener = typeof globalThis & { [KEY]?: Listener };

export function onAccessChanged(listener: Listener | undefined): void {
  (globalThis as GlobalWithListener)[KEY] = listener;
}

export function accessChanged(conceptId: string): void {
  (globalThis as GlobalWithListener)[KEY]?.(conceptId);
}
