import { ensureBuild } from "@/server/ensure-build";

/** Server and browser tests run the production build; make sure it is there and current. */
export default function setup() {
  ensureBuild(process.cwd());
}
