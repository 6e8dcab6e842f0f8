// `npm ci` and `npm install` build the checkout (dist/ and the dashboard in web/dist). `npx attune`
// in the checkout links it into npx's cache and runs this again there (npm_command "exec"): the
// checkout is built already, and a second build would cost minutes and, failing, leave the cache
// entry without its bin for every later call. So under npx nothing is built and nothing can fail.
import { spawnSync } from "node:child_process";

if (process.env.npm_command === "exec") process.exit(0);
const npm = process.env.npm_execpath;
const r = npm
  ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
  : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: true });
process.exit(r.status ?? 1);
