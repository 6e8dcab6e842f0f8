import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URGENCY_BANDS, urgencyBand } from "../core/urgency.js";
import { BAND as BAND_003 } from "./migrations/003-insight-rollups.js";
import { BAND as BAND_004 } from "./migrations/004-pg-rollups.js";
import { openStore, type Store } from "./open-store.js";
import { urgencyBandCase, urgencyBandSql } from "./urgency-band.js";

const SCORES = [0, 0.1, 0.19, 0.2, 0.39, 0.4, 0.59, 0.6, 0.79, 0.8, 0.99, 1];

describe("urgency bands", () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ sqlitePath: ":memory:" });
  });
  afterAll(async () => store?.close());

  it("puts each score in the band core/urgency.ts says, in SQL as in code", async () => {
    expect(SCORES.map(urgencyBand)).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 4]);
    for (const u of SCORES) {
      const row = await sql<{ band: number }>`select ${urgencyBandSql(String(u))} as band`.execute(store.db);
      expect(row.rows[0]!.band).toBe(urgencyBand(u));
    }
  });

  it("matches the frozen copies the rollup migrations built their triggers with", () => {
    // A change to URGENCY_BANDS needs a migration that rebuilds the rollups with the new bands.
    expect(URGENCY_BANDS).toHaveLength(5);
    expect(BAND_003("urgency")).toBe(urgencyBandCase("urgency"));
    expect(BAND_004("urgency")).toBe(urgencyBandCase("urgency"));
  });
});
