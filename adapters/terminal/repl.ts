import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, PlatformStatus } from '../../src/commands/adapter.js';
import { CONFIG_DEFAULTS } from '../../src/config.js';
import { errorReply, type Reply } from '../../src/answer/reply.js';
import { corpusSize } from '../../src/engine/index.js';
import {
  EXIT,
  findCommand,
  INTERNAL_ERROR,
  MORE,
  runCommand,
  runText,
  parseText,
  withoutAddress,
  type CommandContext,
} from '../../src/commands/index.js';
import { commandContext, type BotContext } from '../bot.js';
import { OPTION_SPEC } from './options.js';
import { renderTerminal, styleFor, widthOf, type TerminalStyle } from './render.js';

export interface TerminalSettings {
  /** The slash command people type in chat (SLACK_COMMAND); accepted here too so the same words work everywhere. */
  slashCommand?: string;
}

export interface TerminalOptions {
  /** Where lines are read from (default: stdin). */
  input?: Readable & { isTTY?: boolean };
  /** Where answers are written (default: stdout); a terminal's width is read from its `columns` at each answer. */
  output?: Writable & { isTTY?: boolean; columns?: number };
  /** Bold and dim (default: on a terminal, unless NO_COLOR is set; see `styleFor`). */
  style?: TerminalStyle;
}

/** Lines typed this session that the up arrow brings back. */
const HISTORY_SIZE = 1000;
const PROMPT = '> ';

/** The one person at the terminal, and their one channel. */
const TERMINAL_USER = 'terminal';

/**
 * What `more` says when the last answer has no further page: only `ask` pages its passages, so after another command
 * (`figures`, whose figures come whole, or `sources`) it says so, where "No more results" read as if it had paged.
 */
function noMoreLine(lastCommand: string | undefined): string {
  if (lastCommand === 'ask') return 'No more results.';
  const which = lastCommand ? `\`${lastCommand}\` answers come` : 'the last answer came';
  return `\`more\` shows the next passages of an \`ask\` answer; ${which} on one page.`;
}

/** A command's name, or one of the words only this session takes (`more`, `exit`, `quit`). */
const namesSomething = (word: string): boolean => Boolean(findCommand(word)) || MORE.test(word) || EXIT.test(word);

/**
 * A line without what a person used to a shell or to other chat programs types before a command or a word of the
 * session, here only (every surface leaves out the slash command and `@Dossier`: `withoutAddress`): the command line's
 * name (`dossier help`, `dossier version`), and a slash before the word (`/exit`, `/help`), as other programs take
 * their own commands. Before any other word they stay: `dossier of the ferry review` is a question. The name alone,
 * typed as a shell's user types a program's name to see what it takes, is left out whole, so it is help as `/brief`
 * alone is; it was searched for as a question and answered "Nothing in the corpus answers this question".
 */
function withoutShellHabits(text: string): string {
  if (/^dossier[.!?]?$/i.test(text)) return '';
  const [first = '', second = ''] = text.split(/\s+/, 2);
  if (/^dossier$/i.test(first) && namesSomething(second)) return text.slice(first.length).trim();
  if (first.startsWith('/') && namesSomething(first.slice(1))) return text.slice(1);
  return text;
}

/** What to type in the session instead of a command line option that has a counterpart here. */
const INSTEAD_OF_OPTION: Partial<Record<keyof typeof OPTION_SPEC, string>> = {
  // Said as two steps: "`more` shows the next results" alone would have a newcomer type `more` next, which pages
  // nothing, the line with the option having asked nothing.
  limit: 'type the command without it, then `more` for the next results',
  help: '`help` lists the commands',
  version: '`version` says which',
};

/**
 * The one line for an option of the `dossier` command line typed after a command here (`ask ferry fares --limit 5`,
 * `figures fares --json`), which the session takes none of, or undefined when the line has none: searched for, the
 * option's words made the question another one, answered with passages on "limit" or with nothing.
 */
function commandLineOption(text: string): string | undefined {
  const name = text
    .split(/\s+/)
    .map((word) => /^--([a-z]+)(?:=|$)/.exec(word)?.[1])
    .find((word): word is keyof typeof OPTION_SPEC => word !== undefined && Object.hasOwn(OPTION_SPEC, word));
  if (!name) return undefined;
  const here = INSTEAD_OF_OPTION[name] ?? 'type the command without it';
  return `\`--${name}\` is an option of the \`dossier\` command line, not of this session: ${here}.`;
}

/**
 * The terminal surface: the commands people type in Slack or Discord (`/brief cite …`), answered
 * in the terminal. Used when no chat platform is configured.
 */
export class TerminalAdapter implements Adapter<null> {
  readonly platform = 'terminal' as const;
  private rl?: Interface;
  private reading = false;
  private last?: Reply;
  /** The command the last answer was from: `more` after one that does not page says which does. */
  private lastCommand?: string;
  /** The number the next answer delivered starts its results at: 1, or on `more` where the page before ended. */
  private firstNumber = 1;
  private queue: Promise<void> = Promise.resolve();
  /** Whether the prompt is on screen, waiting for a line (and so must be drawn again under anything printed). */
  private prompting = false;
  /**
   * Lines read and not yet being answered. A pipe's lines are all read, and its end reached, while the first is still
   * answered (`add` fetching a page): each still gets its prompt, though nothing more will be read.
   */
  private waiting = 0;
  /** A line is being answered: a prompt drawn meanwhile (a pipe's) is the one its answer is printed on. */
  private answering = false;
  /** `exit` was read: the lines a pipe gave after it are left unanswered, as a shell leaves them. */
  private exited = false;
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

  /**
   * Reads lines until `exit` or Ctrl-D. On a terminal, readline edits the line (arrows, Home, End),
   * keeps the session's history for the up and down arrows, and takes Ctrl-C: it clears a line
   * being typed, and on an empty line ends the session, since the terminal then sends no signal.
   */
  async start(): Promise<void> {
    const input = this.options.input ?? process.stdin;
    const output = this.output;
    const terminal = Boolean(input.isTTY && output.isTTY);
    const rl = createInterface({
      input,
      output,
      terminal,
      prompt: PROMPT,
      historySize: HISTORY_SIZE,
      removeHistoryDuplicates: true,
    });
    this.rl = rl;
    this.reading = true;
    output.write(
      `Dossier: ${corpusSize(this.bot.dossier.documents.length, this.bot.dossier.passageCount)}. Type a question, ` +
        `\`help\`, or \`exit\`.\n`,
    );
    this.prompt();
    rl.on('line', (line) => {
      // Read from a pipe or file, an empty line is echoed by nothing, so the prompt is still showing: drawing it again
      // would print "> > ". On a terminal, Enter moved to a new line, where `handle` draws the prompt once.
      if (!terminal && !line.trim()) return;
      this.prompting = false;
      this.waiting++;
      this.queue = this.queue
        .then(() => this.handle(line))
        .catch((error: unknown) => this.failed(error))
        .finally(() => (this.answering = false));
    });
    rl.on('SIGINT', () => {
      if (!rl.line) return rl.close();
      // Like a shell: the line typed is dropped, and a fresh prompt offered.
      rl.write(null, { ctrl: true, name: 'e' });
      rl.write(null, { ctrl: true, name: 'u' });
      output.write('^C\n');
      this.prompt();
    });
    rl.on('close', () => {
      // A pipe's end reached at the prompt: the line is ended, so what is printed next (a shell's prompt) is apart.
      // Not while a line read is still to be answered (`add` fetching a page): its answer goes on that prompt.
      if (this.prompting && !terminal && !this.answering && this.waiting === 0) output.write('\n');
      this.reading = false;
      this.prompting = false;
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
    this.output.write(`${this.render(reply, this.firstNumber)}\n\n`);
    this.firstNumber = 1;
  }

  async post(channelId: string, reply: Reply): Promise<void> {
    this.interject(`[to ${channelId}]\n${this.render(reply)}\n\n`);
  }

  /**
   * Prints something that arrived on its own (a digest, a log line on `stream`) above the prompt,
   * then draws the prompt again with whatever was being typed, so nothing is lost or garbled.
   */
  interject(text: string, stream: { write(text: string): unknown } = this.output): void {
    if (!this.prompting) {
      stream.write(text);
      return;
    }
    if (this.rl?.terminal) {
      cursorTo(this.output, 0);
      clearLine(this.output, 0);
    } else this.output.write('\n');
    stream.write(text);
    this.rl?.prompt(true);
  }

  private get output(): Writable & { isTTY?: boolean; columns?: number } {
    return this.options.output ?? process.stdout;
  }

  private prompt(): void {
    if (this.exited || (!this.reading && this.waiting === 0)) return;
    this.prompting = true;
    this.rl?.prompt(true);
  }

  private async handle(line: string): Promise<void> {
    this.waiting--;
    this.answering = true;
    if (this.exited) return;
    const typed = line.trim();
    // Command names are read in any case, so the slash command is too, typed once or more; alone it is help, as in
    // Slack.
    const text = withoutShellHabits(withoutAddress(typed, this.settings.slashCommand ?? CONFIG_DEFAULTS.SLACK_COMMAND));
    if (EXIT.test(text)) {
      this.exited = true;
      this.rl?.close();
      return;
    }
    if (typed) {
      const ctx = commandContext(
        this.bot,
        'terminal',
        { id: TERMINAL_USER },
        { id: TERMINAL_USER },
        { nameOf: async (id) => (id === TERMINAL_USER ? 'you, in this terminal' : undefined) },
      );
      const option = commandLineOption(text);
      if (MORE.test(text)) await this.more(ctx);
      else if (option) this.write(errorReply('command-line-option', option));
      else {
        this.lastCommand = text ? findCommand(parseText(text).name)?.name : undefined;
        await this.deliver(null, await runText(text, ctx));
      }
    }
    this.prompt();
  }

  /**
   * `more`: the next page of the last answer. When there is none, a one-line notice, which is not
   * remembered as the last answer, so `more` keeps referring to the answer the user saw.
   */
  private async more(ctx: CommandContext): Promise<void> {
    const next = this.last?.next;
    if (next) {
      const reply = await runCommand(next.command, next.args, ctx);
      const offset = next.args.offset;
      this.firstNumber = typeof offset === 'number' ? offset + 1 : 1;
      await this.deliver(null, reply);
    } else if (this.last) this.write(errorReply('no-more-results', noMoreLine(this.lastCommand)));
    else
      this.write(
        errorReply('no-question-yet', 'Ask a question first; `more` shows the next results of the last answer.'),
      );
  }

  /**
   * A line whose handling threw (the log or the gate failing, not a command, which answers its own failure): said in
   * one line and logged, and the session reads the next line, where a rejected queue would have skipped every one.
   */
  private failed(error: unknown): void {
    try {
      this.bot.log.error({ err: error instanceof Error ? error.message : String(error) }, 'a terminal line failed');
      this.write(errorReply('internal', INTERNAL_ERROR));
    } catch {
      // The log or the output is what failed: there is nowhere left to say so.
    }
    this.prompt();
  }

  private write(reply: Reply): void {
    this.output.write(`${this.render(reply)}\n\n`);
  }

  private render(reply: Reply, firstNumber = 1): string {
    const style = this.options.style ?? styleFor(this.output, process.env);
    return renderTerminal(reply, style, { width: widthOf(this.output), firstNumber });
  }
}
