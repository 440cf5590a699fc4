/**
 * What the buttons under an answer need when they are pressed (the command to run again, the next
 * page, who may press them), kept by the id the buttons carry. The bot's database keeps it (the
 * digest store), so that a button works after a restart and on any instance of the bot; without
 * one, `memoryButtons` keeps it in the process.
 */
export interface ButtonStore {
  /**
   * Keeps `state` (plain JSON) under `id` until `expiresAt`, replacing what was kept under it; what
   * expired before `now` may be forgotten.
   */
  keepButtons(id: string, state: unknown, expiresAt: Date, now: Date): void;
  /** What was kept under `id`, or undefined once it has expired or was never kept. */
  buttons(id: string, now: Date): unknown;
}

/** Buttons kept in this process only, at most `maxEntries` (the oldest forgotten first). */
export function memoryButtons(maxEntries = 1000): ButtonStore {
  const kept = new Map<string, { state: unknown; expiresAt: number }>();
  return {
    keepButtons(id, state, expiresAt, now) {
      kept.delete(id);
      for (const [old, entry] of kept) if (entry.expiresAt < now.getTime() || kept.size >= maxEntries) kept.delete(old);
      kept.set(id, { state, expiresAt: expiresAt.getTime() });
    },
    buttons(id, now) {
      const entry = kept.get(id);
      return entry && entry.expiresAt >= now.getTime() ? entry.state : undefined;
    },
  };
}
