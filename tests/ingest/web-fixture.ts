import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePdf } from '../corpus/make-pdf.js';

/**
 * A small web site on 127.0.0.1 for fetching tests: each fixture is named for what it shows. It
 * records every request (path and headers) so a test can tell what was asked, and never what was
 * not. Routes can be replaced or added per test with `route`.
 */
export class WebFixture {
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];
  private readonly routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  private readonly open = new Set<ServerResponse>();
  private server!: Server;
  origin = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://fixture').pathname;
      this.requests.push({ path, headers: req.headers });
      this.open.add(res);
      res.on('close', () => this.open.delete(res));
      const handler = this.routes.get(path) ?? FIXTURES[path];
      if (handler) handler(req, res);
      else send(res, 404, 'text/plain', 'not here');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  route(path: string, handler: (req: IncomingMessage, res: ServerResponse) => void): void {
    this.routes.set(path, handler);
  }

  requestsTo(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  async stop(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

/** The article's own paragraphs: the text a good extraction keeps, and nothing else. */
export const ARTICLE_PARAGRAPHS = [
  'The lamps along the old quay were lit again on Friday for the first time since the storm of 2019.',
  'The harbour board spent 1.2 million euros restoring the 46 iron posts, each cast at the foundry in Tarrow.',
  'Fishing crews said the light makes the night landing safer, since the new breakwater narrowed the channel.',
  'The board expects the lamps to cost 18,000 euros a year to run, paid from mooring fees.',
];

/** An article page with what pages carry around an article: navigation, ads, a comment section and a footer. */
export const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour lights return to the old quay | The Coastal Gazette</title>
<meta property="og:site_name" content="The Coastal Gazette">
<meta name="author" content="Maren Holt">
<meta property="article:published_time" content="2026-11-20T07:00:00Z">
<script>document.title = 'ran';</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a>
<a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="ad-banner advertisement">Advertisement: Sail to the islands this winter with half-price ferry tickets.</div>
<main><article>
<h1>Harbour lights return to the old quay</h1>
${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<aside class="sidebar"><h3>Most read</h3>
<ul><li>Ferry timetable changes for the winter</li><li>Council votes on parking</li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Lovely to see the quay lit up again, well done to everyone involved!</p></div>
<div class="comment"><p>What about the potholes on the harbour road though?</p></div>
</section>
<footer><p>© 2026 The Coastal Gazette. All rights reserved.</p><p>Subscribe to our newsletter</p></footer>
</body></html>`;

/** A page that states no title anywhere: no <title>, no heading, no meta tags. */
export const UNTITLED_HTML = `<html><body><article>
<p>Tide gauges at the north pier recorded the highest water in forty years on Tuesday night.</p>
<p>The pier was closed for six hours while engineers checked the sea wall for damage.</p>
</article></body></html>`;

/** A notice of our own as Windows-1252 bytes: a curly quote or a dash every few words. */
const LATIN_HTML = Buffer.from(
  '<html><head><title>Ferry notice</title></head><body><article><h1>Ferry notice</h1>' +
    '<p>The harbour office said \x93the 07:10 sails\x94 \x96 then \x93the 08:40\x94 \x96 on Sundays.</p>' +
    '</article></body></html>',
  'latin1',
);

const PDF_LINES = [
  'Quay Lighting Review',
  '',
  'The review found that the restored lamps use a third of the power of the old ones.',
  '',
  'It recommends that the east quay be fitted the same way within two years.',
];

export const FIXTURES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/robots.txt': (_req, res) => send(res, 200, 'text/plain', 'User-agent: *\nDisallow: /private\n'),
  '/news/harbour-lights': (_req, res) => send(res, 200, 'text/html; charset=utf-8', ARTICLE_HTML),
  // The same article under a second link, as syndicated copies are.
  '/syndicated/harbour-lights': (_req, res) => send(res, 200, 'text/html; charset=utf-8', ARTICLE_HTML),
  '/reports/quay-lighting.pdf': (_req, res) =>
    send(res, 200, 'application/pdf', makePdf(PDF_LINES, { Title: 'Quay Lighting Review', Author: 'Harbour Board' })),
  '/untitled': (_req, res) => send(res, 200, 'text/html', UNTITLED_HTML),
  // A page an older server sends in Windows-1252, its curly quotes and dash one byte each (0x93, 0x94, 0x96).
  '/old/ferry-notice': (_req, res) => send(res, 200, 'text/html; charset=iso-8859-1', LATIN_HTML),
  '/private/memo': (_req, res) => send(res, 200, 'text/html', '<p>Not for robots.</p>'),
  '/gone': (_req, res) => send(res, 404, 'text/html', '<p>Not found</p>'),
  '/logo.png': (_req, res) => send(res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  '/empty-page': (_req, res) => send(res, 200, 'text/html', '<html><body><nav>Home</nav></body></html>'),
  '/to-private': (_req, res) => send(res, 302, 'text/plain', '', { location: 'http://10.20.30.40/admin' }),
  '/to-metadata': (_req, res) =>
    send(res, 301, 'text/plain', '', { location: 'http://metadata.test/latest/meta-data/' }),
  '/to-article': (_req, res) => send(res, 301, 'text/plain', '', { location: '/news/harbour-lights' }),
  '/loop': (_req, res) => send(res, 302, 'text/plain', '', { location: '/loop' }),
  // 30 MB, announced in Content-Length: refused before the body is read.
  '/huge-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024) });
    streamZeros(res, 30 * 1024 * 1024);
  },
  // 30 MB sent in chunks with no length: refused once 20 MB have arrived.
  '/huge-streamed': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    streamZeros(res, 30 * 1024 * 1024);
  },
  // Headers and a first paragraph, then nothing more, ever.
  '/never-finishes': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<html><body><p>The first paragraph arrives and then the server goes quiet');
  },
};

/** Writes `size` bytes of spaces-and-letters in 1 MB chunks, as fast as the client reads them. */
function streamZeros(res: ServerResponse, size: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 'a ');
  let sent = 0;
  const more = (): void => {
    while (sent < size) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', more);
        return;
      }
    }
    res.end();
  };
  res.on('error', () => undefined);
  more();
}
