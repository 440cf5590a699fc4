import * as z from 'zod';
import { answerFigures, chartFont, figuresReply, seriesChart } from '../answer/figures/index.js';
import { onlyALinkReply } from './add.js';
import { defineCommand } from './command.js';
import { MAX_RESULTS, textArg } from './limits.js';

const MAX_TOPIC_LENGTH = 200;

/** `figures <topic>`: the figures on a topic, grouped by what they measure, with a chart when they form a series. */
export const figuresCommand = defineCommand({
  name: 'figures',
  summary: 'Key figures on a topic, with their sources, where sources differ, and a chart',
  usage: 'figures <topic>',
  args: z.object({
    topic: textArg('topic', MAX_TOPIC_LENGTH).describe('What the figures are about, e.g. road crash deaths'),
  }),
  fromText: (rest) => ({ topic: rest }),
  run: async ({ topic }, ctx) => {
    // A link alone is no topic, as it is no question for ask: "No figures on https://…" would miss what was meant.
    const linkAlone = await onlyALinkReply(topic, ctx, 'topic');
    if (linkAlone) return linkAlone;
    return figuresReply(answerFigures(ctx.dossier, topic, { limit: MAX_RESULTS }), (series) =>
      seriesChart(series, chartFont(), ctx.drawChart),
    );
  },
});
