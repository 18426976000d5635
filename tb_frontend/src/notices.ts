// What the interface says when a part of an analysis cannot be loaded: one sentence naming the
// part, the analysis and the reason the server (or the exported page) gave, the same for every
// part (frames, attribution, thumbnails, ...).

/** A request that failed: the route, the HTTP status (0: none, e.g. a picture that did not
 * decode) and the server's one-line message. */
export class LoadError extends Error {
  constructor(readonly route: string, readonly status: number, readonly detail: string) {
    super(`${route}: ${status ? `${status} ` : ""}${detail}`);
  }
}

/** The first line of a server's answer, at most 300 characters. */
export function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 300 ? line.slice(0, 299) + "…" : line;
}

/** The reason of an error in one line: a LoadError's message from the server, else the
 * error's own message. */
export function errorText(e: unknown): string {
  if (e instanceof LoadError) return e.detail || `${e.route}: ${e.status}`;
  if (e instanceof Error) return firstLine(e.message);
  return firstLine(String(e));
}

/** "could not load frames of agentA step 1000: <reason>" */
export function partNotice(part: string, run: string, step: number, e: unknown): string {
  return `could not load ${part} of ${run} step ${step}: ${errorText(e)}`;
}
