export function CasePage(_: { id: number }) {
  return null;
}
