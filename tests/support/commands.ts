import { commands, type CommandContext } from '../../src/commands/index.js';
import type { Dossier } from '../../src/engine/dossier.js';
import { defineCommand, NO_ARGUMENTS, type Command } from '../../src/commands/command.js';

/** A command named `name` that takes no arguments and runs `run`: for tests of what the table does around it. */
export const testCommand = (name: string, run: Command['run']): Command =>
  defineCommand({ name, summary: `The test command ${name}`, usage: name, ...NO_ARGUMENTS, run });

/**
 * A request's context for tests of a command's answer rather than of who asked: someone in the terminal, on
 * 1 January 2026; `over` sets the platform, the asker, the clock or the services a command needs.
 */
export const commandContext = (dossier: Dossier, over: Partial<CommandContext> = {}): CommandContext => ({
  dossier,
  platform: 'terminal',
  user: { id: 'u1' },
  channel: { id: 'c1' },
  now: () => new Date('2026-01-01T00:00:00Z'),
  ...over,
});

/** Runs `body` with `extra` commands in the table every surface reads, removing them afterwards. */
export async function withCommands(extra: Command[], body: () => Promise<void>): Promise<void> {
  commands.push(...extra);
  try {
    await body();
  } finally {
    commands.splice(commands.indexOf(extra[0]!), extra.length);
  }
}
