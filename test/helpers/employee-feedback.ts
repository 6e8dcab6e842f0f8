/**
 * Employee feedback for tests: `n` people of a team, one message each, in January 2026 (a month
 * the employee view releases once the clock is past it).
 *
 * @example
 * await t.post("/messages/batch", { source: "hr", messages: employees("stores", 5, "The rota is fair.") });
 */
export function employees(team: string, n: number, text: string) {
  return Array.from({ length: n }, (_, i) => ({
    external_id: `emp-${team}-${i}`,
    text,
    channel: "internal",
    direction: "employee",
    author: { id: `${team}-person-${i}`, team },
    sent_at: `2026-01-${String(10 + i).padStart(2, "0")}T09:00:00Z`,
  }));
}
