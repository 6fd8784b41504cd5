/**
 * Lets route handlers (health) ask the running sync server's fan-out whether Redis answers,
 * through globalThis, without importing the server.
 */
interface HealthSource {
  healthy(): Promise<boolean>;
}

const KEY = Symbol.for("integrationskonzept.fanout");
type GlobalWithFanout = typeof globalThis & { [KEY]?: HealthSource };

export function registerFanout(fanout: HealthSource): void {
  (globalThis as GlobalWithFanout)[KEY] = fanout;
}

export function registeredFanout(): HealthSource | undefined {
  return (globalThis as GlobalWithFanout)[KEY];
}
