/**
 * The dashboard: serves the built single-page app from web/dist at `/`, next to /api/v1, under a
 * strict Content Security Policy (no inline script or style, nothing framed, nothing from
 * elsewhere). Files are read once and kept in memory; hashed assets are cached for a year.
 *
 * @example
 * mountWeb(app); // GET / -> web/dist/index.html, GET /assets/index-abc123.js -> the bundle
 * mountWeb(app, { dir: "/srv/attune/web" });
 */
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { API_PREFIX } from "../route.js";

/** The policy every non-API answer carries; the dashboard needs nothing beyond its own origin. */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

// src/server/routes/web.ts and dist/server/routes/web.js sit at the same depth below the root.
const DEFAULT_DIR = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

/** Adds the dashboard's routes (GET and HEAD outside /api/v1) and its security headers. */
export function mountWeb(app: Hono, options: { dir?: string } = {}): void {
  const root = normalize(options.dir ?? DEFAULT_DIR);
  const cache = new Map<string, Promise<Uint8Array | null>>();
  const load = (path: string) => {
    let hit = cache.get(path);
    if (!hit) {
      // A missing file is not remembered, so a build made after start is picked up.
      hit = readFile(path).then(
        (b) => new Uint8Array(b),
        () => (cache.delete(path), null),
      );
      cache.set(path, hit);
    }
    return hit;
  };
  app.use("*", async function webHeaders(c, next) {
    await next();
    if (c.req.path.startsWith(API_PREFIX)) return;
    c.header("Content-Security-Policy", WEB_CSP);
    c.header("X-Frame-Options", "DENY");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
  });
  app.on(["GET", "HEAD"], "*", async function webFile(c, next) {
    if (c.req.path.startsWith(API_PREFIX)) return next();
    const rel = c.req.path === "/" ? "/index.html" : decodeSafe(c.req.path);
    if (rel === null || rel.includes("\0")) return c.text("Not found", 404);
    const file = normalize(join(root, rel));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return c.text("Not found", 404);
    const body = await load(file);
    if (!body) {
      if (c.req.path === "/") return c.text("The dashboard is not built: run `npm run build`.", 503);
      return c.text("Not found", 404);
    }
    const immutable = rel.startsWith("/assets/");
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  });
}

function decodeSafe(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}
