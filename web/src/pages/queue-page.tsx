export function QueuePage(_: { query: Record<string, string> }) {
  return null;
}
