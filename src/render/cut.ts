// The toolkit's one cutter, as the adapters reach it. It is written in src/answer/cut.ts, below this layer, so that
// the chart, drawn in the answer layer, cuts its sources' titles with it too.
export { fitAround, fitRich, fitText, type FitOptions } from '../answer/cut.js';
