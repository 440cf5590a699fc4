import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, PlatformStatus } from '../../src/commands/adapter.js';
import { errorReply, type Reply } from '../../src/answer/reply.js';
import { corpusSize } from '../../src/engine/index.js';
import { runCommand, runText, type CommandContext } from '../../src/commands/index.js';
import { commandContext, type BotContext } from '../bot.js';
import { ansi, noStyle, renderTerminal } from './render.js';

export interface TerminalSettings {
  /** The slash command people type in chat (SLACK_COMMAND); accepted here too so the same words work everywhere. */
  slashCommand?: string;
}

export interface TerminalOptions {
  /** Where lines are read from (default: stdin). */
  input?: Readable;
  /** Where answers are written (default: stdout). */
  output?: Writable & { isTTY?: boolean };
}

/** The one person at the terminal, and their one channel. */
const TERMINAL_USER = 'terminal';

/**
 * The terminal surface: the commands people type in Slack or Discord (`/brief cite …`), answered
 * in the terminal. Used when no chat platform is configured.
 */
export class TerminalAdapter implements Adapter<null> {
  readonly platform = 'terminal' as const;
  private rl?: Interface;
  private reading = false;
  private last?: Reply;
  private queue: Promise<void> = Promise.resolve();
  private readonly closed: Promise<void>;
  private close!: () => void;

  constructor(
    private readonly bot: BotContext,
    private readonly settings: TerminalSettings = {},
    private readonly options: TerminalOptions = {},
  ) {
    this.closed = new Promise((resolve) => (this.close = resolve));
  }

  /** Resolves when the user ends the session (`exit`, Ctrl-D). */
  get finished(): Promise<void> {
    return this.closed;
  }

  async start(): Promise<void> {
    const output = this.options.output ?? process.stdout;
    this.rl = createInterface({ input: this.options.input ?? process.stdin, output, terminal: false });
    this.reading = true;
    output.write(
      `Dossier: ${corpusSize(this.bot.dossier.documents.length, this.bot.dossier.passages.length)}. Type a question, \`help\`, or \`exit\`.\n> `,
    );
    this.rl.on('line', (line) => {
      this.queue = this.queue.then(() => this.handle(line));
    });
    this.rl.on('close', () => {
      this.reading = false;
      void this.queue.then(() => this.close());
    });
  }

  status(): PlatformStatus {
    return { state: this.reading ? 'connected' : 'stopped', mode: 'stdin' };
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.queue;
  }

  async deliver(_target: null, reply: Reply): Promise<void> {
    this.last = reply;
    this.write(reply);
  }

  async post(channelId: string, reply: Reply): Promise<void> {
    (this.options.output ?? process.stdout).write(`\n[to ${channelId}]\n`);
    this.write(reply);
  }

  private async handle(line: string): Promise<void> {
    const text = line
      .trim()
      .replace(new RegExp(`^${(this.settings.slashCommand ?? '/brief').replace('/', '\\/')}\\b`), '')
      .trim();
    const output = this.options.output ?? process.stdout;
    if (/^(exit|quit)$/i.test(text)) {
      this.rl?.close();
      return;
    }
    if (text) {
      const ctx = commandContext(
        this.bot,
        'terminal',
        { id: TERMINAL_USER },
        { id: TERMINAL_USER },
        { nameOf: async (id) => (id === TERMINAL_USER ? 'you, in this terminal' : undefined) },
      );
      if (/^more$/i.test(text)) await this.more(ctx);
      else await this.deliver(null, await runText(text, ctx));
    }
    output.write('> ');
  }

  /**
   * `more`: the next page of the last answer. When there is none, a one-line notice, which is not
   * remembered as the last answer, so `more` keeps referring to the answer the user saw.
   */
  private async more(ctx: CommandContext): Promise<void> {
    const next = this.last?.next;
    if (next) await this.deliver(null, await runCommand(next.command, next.args, ctx));
    else if (this.last) this.write(errorReply('no-more-results', 'No more results.'));
    else
      this.write(
        errorReply('no-question-yet', 'Ask a question first; `more` shows the next results of the last answer.'),
      );
  }

  private write(reply: Reply): void {
    const output = this.options.output ?? process.stdout;
    output.write(`${renderTerminal(reply, output.isTTY ? ansi : noStyle)}\n\n`);
  }
}
