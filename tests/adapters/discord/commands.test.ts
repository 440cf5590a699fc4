import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ADD_TO_DOSSIER, briefCommand, FIND_SOURCE, registeredCommands } from '../../../adapters/discord/commands.js';
import { errorReply } from '../../../src/answer/reply.js';
import { INTERNAL_ARGS, worded } from '../../../src/commands/asking.js';
import { defineCommand } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/index.js';

const SNAPSHOT = new URL('./registered-commands.json', import.meta.url);

describe('registeredCommands', () => {
  it(
    'matches the reviewed definition of every command sent, /brief, Find source and Add to Dossier ' +
      '(UPDATE_DISCORD_COMMANDS=1 ' +
      'rewrites it after a change to the table)',
    () => {
      const definition = registeredCommands(commands);
      if (process.env.UPDATE_DISCORD_COMMANDS) writeFileSync(SNAPSHOT, `${JSON.stringify(definition, null, 2)}\n`);
      const reviewed = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
      expect(definition).toEqual(reviewed);
      // A message command (type 3) has a name only: Discord lists it under a message's Apps menu.
      expect(reviewed).toContainEqual({ name: ADD_TO_DOSSIER, type: 3 });
      expect(reviewed).toContainEqual({ name: FIND_SOURCE, type: 3 });
    },
  );
});

describe('briefCommand', () => {
  it(
    'offers every command of the table, in its order, with help’s own summary and each argument’s own ' +
      'description, whole: one too long for Discord would be cut there and no longer read as help does',
    () => {
      type Described = { name: string; description: string };
      const subcommands = briefCommand(commands).options as (Described & { options?: Described[] })[];
      expect(subcommands.map((s) => s.name)).toEqual(commands.map((c) => c.name));
      for (const [i, command] of commands.entries()) {
        const sub = subcommands[i]!;
        expect(sub.description).toBe(worded({ platform: 'discord' }, command.summary));
        const described = Object.entries(command.args.shape as Record<string, z.ZodType>)
          .filter(([name]) => !INTERNAL_ARGS.has(name))
          .map(([name, schema]) => [name, schema.description]);
        expect((sub.options ?? []).map((o) => [o.name, o.description])).toEqual(expect.arrayContaining(described));
        expect(sub.options ?? []).toHaveLength(described.length);
      }
    },
  );

  it('turns a new row of the table into a subcommand, with options read from its zod schema', () => {
    const figures = defineCommand({
      name: 'figures',
      summary: `Key figures on a topic ${'and a summary far too long for Discord '.repeat(3)}`,
      usage: 'figures <topic>',
      args: z.object({
        since: z.number().int().min(1990).max(2100).optional().describe('Only figures from this year on'),
        topic: z.string().trim().min(1).max(200).describe('What the figures are about'),
        unit: z.enum(['usd', 'people']).default('usd').describe('Which measure'),
        offset: z.number().int().optional(),
      }),
      fromText: (rest) => ({ topic: rest }),
      run: async () => errorReply('internal', 'unused'),
    });
    const [sub] = briefCommand([figures]).options!;
    expect(sub).toMatchObject({ type: 1, name: 'figures' });
    expect(sub!.description.length).toBeLessThanOrEqual(100);
    expect(sub!.description.endsWith('…')).toBe(true);
    expect((sub as { options: unknown[] }).options).toEqual([
      {
        name: 'topic',
        description: 'What the figures are about',
        required: true,
        type: 3,
        min_length: 1,
        max_length: 200,
        autocomplete: true,
      },
      {
        name: 'since',
        description: 'Only figures from this year on',
        required: false,
        type: 4,
        min_value: 1990,
        max_value: 2100,
      },
      {
        name: 'unit',
        description: 'Which measure',
        required: false,
        type: 3,
        choices: [
          { name: 'usd', value: 'usd' },
          { name: 'people', value: 'people' },
        ],
      },
    ]);
  });
});
