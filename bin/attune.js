#!/usr/bin/env node
// The `attune` command of a checkout. It lives outside dist/ so that the file npm links as the bin
// always exists: npx links this checkout into its cache and links the bin there; a bin target
// missing at that moment would leave the cache entry broken for every later `npx attune`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(
    `attune is not built in this checkout: run \`npm ci\` (or \`npm run build\`) in ${fileURLToPath(new URL("..", import.meta.url))}\n`,
  );
  process.exit(2);
}
await import(main);
