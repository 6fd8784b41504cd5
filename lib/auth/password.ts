import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/**
 * A hash of no real password, compared against when an account does not exist, so a failed
 * sign-in costs the same time either way and does not reveal which accounts exist.
 */
export const DUMMY_HASH = bcrypt.hashSync("no account has this password", COST);
