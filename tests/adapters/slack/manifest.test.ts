import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ADD_TO_DOSSIER_CALLBACK_ID, BOT_EVENTS, FIND_SOURCE_CALLBACK_ID } from '../../../adapters/slack/settings.js';
import { commands } from '../../../src/commands/index.js';
import { ConfigSchema } from '../../../src/config.js';

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: {
    slash_commands: { command: string; description: string; usage_hint?: string }[];
    shortcuts: { name: string; type: string; callback_id: string; description: string }[];
    bot_user: { display_name: string };
    app_home?: { messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(
  await readFile(new URL('../../../adapters/slack/manifest.yaml', import.meta.url), 'utf8'),
) as Manifest;

describe('manifest.yaml', () => {
  it('declares the slash command the app listens for by default', () => {
    const defaultCommand = ConfigSchema.parse({}).SLACK_COMMAND;
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([defaultCommand]);
    expect(manifest.features.slash_commands[0]!.description.length).toBeLessThanOrEqual(100);
  });

  it('names every command of the table in the usage hint Slack shows while the command is typed, in its order', () => {
    const hint = manifest.features.slash_commands[0]!.usage_hint ?? '';
    expect(hint).toContain(`a command: ${commands.map((c) => c.name).join(', ')}`);
  });

  it('keeps within the lengths Slack accepts when an app is created from a manifest', () => {
    // Slack's manifest schema (slackapi/manifest-schema, v1): a manifest outside them is refused at Create New App.
    const { name, description, long_description } = manifest.display_information;
    expect(name.length).toBeLessThanOrEqual(35);
    expect(description.length).toBeLessThanOrEqual(140);
    expect(long_description.length).toBeGreaterThanOrEqual(175);
    expect(long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const c of manifest.features.slash_commands) expect(c.usage_hint?.length ?? 0).toBeLessThanOrEqual(1000);
    for (const s of manifest.features.shortcuts) {
      expect(s.name.length).toBeLessThanOrEqual(24);
      expect(s.description.length).toBeLessThanOrEqual(150);
    }
  });

  it('declares the Find source and Add to Dossier message shortcuts with the callback ids the app handles', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ name: 'Find source', type: 'message', callback_id: FIND_SOURCE_CALLBACK_ID }),
      expect.objectContaining({ name: 'Add to Dossier', type: 'message', callback_id: ADD_TO_DOSSIER_CALLBACK_ID }),
    ]);
  });

  it('subscribes to exactly the events the app handles, with interactivity and Socket Mode on', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([...BOT_EVENTS]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it("shows the bot's direct messages (a paused digest's notice) in a read-only Messages tab", () => {
    expect(manifest.features.app_home).toEqual(
      expect.objectContaining({ messages_tab_enabled: true, messages_tab_read_only_enabled: true }),
    );
  });

  it('asks for the least bot scopes those need', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:history',
      'channels:read',
      'chat:write',
      'commands',
      'files:read',
      'files:write',
      'groups:history',
      'groups:read',
      'im:read',
      'users:read',
    ]);
  });
});
