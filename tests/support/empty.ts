/** Stands in for "server-only" under vitest, which is not a React server environment. */
export {};
