import * as z from 'zod';

/** The action ids of the buttons under an answer; the app listens for exactly these. */
export const ACTIONS = {
  share: 'dossier_share',
  more: 'dossier_more',
  feedbackUp: 'dossier_feedback_up',
  feedbackDown: 'dossier_feedback_down',
} as const;

/** Slack's limit on a button's `value`. */
export const MAX_BUTTON_VALUE = 2000;

/** What a button re-runs: the text typed after the slash command, or a command with its arguments. */
export type SlackRequest = { t: string } | { c: string; a: Record<string, unknown> };

const RequestSchema: z.ZodType<SlackRequest> = z.union([
  z.object({ t: z.string().max(MAX_BUTTON_VALUE) }),
  z.object({ c: z.string().min(1).max(50), a: z.record(z.string(), z.unknown()) }),
]);

/** A request as a button's value, or undefined when it would pass Slack's limit. */
export function buttonValue(request: SlackRequest): string | undefined {
  const value = JSON.stringify(request);
  return value.length <= MAX_BUTTON_VALUE ? value : undefined;
}

/** A button's value back into the request it holds, or undefined if it is not one of ours. */
export function parseRequest(value: string | undefined): SlackRequest | undefined {
  try {
    const parsed = RequestSchema.safeParse(JSON.parse(value ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
