import { describe, expect, it } from 'vitest';
import { howToAsk, usageOf } from '../../src/commands/asking.js';
import { findCommand, runText } from '../../src/commands/index.js';
import { plain } from '../../src/answer/reply.js';
import { Dossier } from '../../src/engine/index.js';

const digest = findCommand('digest')!;
const cite = findCommand('cite')!;

describe('each platform’s way of asking (issue 13.5)', () => {
  it('writes an example the way each platform takes it', () => {
    const args: [string, string][] = [
      ['action', 'subscribe'],
      ['topics', 'fentanyl, ports'],
    ];
    expect(howToAsk({ platform: 'slack', slashCommand: '/dossier' }, 'digest', args)).toBe(
      '/dossier digest subscribe fentanyl, ports',
    );
    expect(howToAsk({ platform: 'discord', slashCommand: '/brief' }, 'digest', args)).toBe(
      '/brief digest action:subscribe topics:fentanyl, ports',
    );
    expect(howToAsk({ platform: 'terminal' }, 'digest', args)).toBe('digest subscribe fentanyl, ports');
    // The command line names its program where the terminal bot takes the command alone.
    expect(howToAsk({ platform: 'terminal', slashCommand: 'dossier' }, 'add', [['url', 'https://x.example']])).toBe(
      'dossier add https://x.example',
    );
  });

  it('writes usage as typed text, or as Discord’s subcommand and options (internal ones left out)', () => {
    expect(usageOf({ platform: 'slack' }, cite)).toBe('/brief cite <quote>');
    expect(usageOf({ platform: 'terminal' }, cite)).toBe('cite <quote>');
    expect(usageOf({ platform: 'terminal', slashCommand: 'dossier' }, cite)).toBe('dossier cite <quote>');
    expect(usageOf({ platform: 'discord' }, findCommand('ask')!)).toBe('/brief ask question');
    expect(usageOf({ platform: 'discord' }, digest)).toBe('/brief digest action [topics] [at] [days] [tz]');
  });

  it('gives each platform its own help', async () => {
    const dossier = Dossier.fromCorpus({ dir: '/corpus', documents: [], warnings: [] });
    const help = async (platform: 'slack' | 'discord' | 'terminal') => {
      const reply = await runText('help', {
        dossier,
        platform,
        user: { id: 'u' },
        channel: { id: 'c' },
        now: () => new Date(),
      });
      return reply.blocks
        .map((b) => (b.type === 'list' ? b.items.map(plain).join('\n') : b.type === 'text' ? plain(b.text) : ''))
        .join('\n');
    };
    expect(await help('slack')).toMatch(/^\/brief cite <quote> — /m);
    expect(await help('slack')).toContain('Text with no command is a question');
    expect(await help('discord')).toMatch(/^\/brief cite quote — /m);
    expect(await help('discord')).not.toContain('Text with no command');
    expect(await help('terminal')).toMatch(/^cite <quote> — /m);
    expect(await help('terminal')).toContain('A line with no command is a question. more shows the next results');
  });
});
