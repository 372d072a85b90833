/**
 * The projector page's address (?projector=CODE), kept apart from the projector itself so that the
 * teacher console can link to it without loading it.
 */
export function projectorLink(origin: string, pathname: string, code: string): string {
  return `${origin}${pathname}?projector=${encodeURIComponent(code)}`;
}

/** The code of a projector link in a query string, or null when the page is not a projector. */
export function projectorCode(search: string): string | null {
  const code = new URLSearchParams(search).get("projector");
  return code === null ? null : code.trim().toUpperCase();
}
