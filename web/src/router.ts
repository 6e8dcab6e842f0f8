/**
 * Hash routing: `#/messages?emotion=anger` is page "messages" with its query. The hash keeps the
 * server simple (one index.html) and every view linkable.
 *
 * @example
 * const { page, query } = useRoute();
 * navigate("messages", { emotion: "anger" });
 */
import { useEffect, useState } from "react";

export interface Route {
  page: string;
  /** Path segments after the page: `#/cases/12` -> ["12"]. */
  rest: string[];
  query: Record<string, string>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const query: Record<string, string> = {};
  if (q >= 0) new URLSearchParams(raw.slice(q + 1)).forEach((v, k) => (query[k] = v));
  const [page = "", ...rest] = path.split("/").filter(Boolean);
  return { page, rest, query };
}

export function href(page: string, query: Record<string, string | number | undefined | null> = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  const s = p.toString();
  return `#/${page}${s ? `?${s}` : ""}`;
}

export function navigate(page: string, query: Record<string, string | number | undefined | null> = {}): void {
  location.hash = href(page, query);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(location.hash));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return route;
}
