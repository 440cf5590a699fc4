import { commands } from '../../src/commands/index.js';
import { defineCommand, NO_ARGUMENTS, type Command } from '../../src/commands/command.js';

/** A command named `name` that takes no arguments and runs `run`: for tests of what the table does around it. */
export const testCommand = (name: string, run: Command['run']): Command =>
  defineCommand({ name, summary: `The test command ${name}`, usage: name, ...NO_ARGUMENTS, run });

/** Runs `body` with `extra` commands in the table every surface reads, removing them afterwards. */
export async function withCommands(extra: Command[], body: () => Promise<void>): Promise<void> {
  commands.push(...extra);
  try {
    await body();
  } finally {
    commands.splice(commands.indexOf(extra[0]!), extra.length);
  }
}
