/**
 * Loaded first in each unit-tier worker, whose test files share their modules. Once vega-lite is loaded, importing
 * discord.js fails (its bundled copy of util.inspect throws `string "Set()" is not iterable`). The bot imports
 * discord.js at start and vega-lite only when it draws a chart, so it never meets this; a worker that ran a chart test
 * before a Discord one would.
 */
import 'discord.js';
