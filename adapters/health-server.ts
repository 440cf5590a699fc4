import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { healthHttpStatus, type HealthReport } from '../src/health.js';

/** Where the report is served, on Slack's HTTP receiver and on HEALTH_PORT alike. */
export const HEALTH_PATH = '/healthz';

/** The methods the report is served to: HEAD is GET without the body (Node leaves the body out itself). */
const HEALTH_METHODS = ['GET', 'HEAD'];

/**
 * Answers a request with the report as JSON; a report that cannot be made is a 503 saying why. Any other method is a
 * 405 naming the ones taken, so a probe set up with the wrong method is told so rather than that there is no report.
 */
export function healthHandler(report: () => HealthReport): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (!HEALTH_METHODS.includes(req.method ?? '')) {
      res
        .writeHead(405, { allow: HEALTH_METHODS.join(', '), 'content-type': 'text/plain' })
        .end('method not allowed\n');
      return;
    }
    let status: number;
    let body: unknown;
    try {
      const made = report();
      status = healthHttpStatus(made);
      body = made;
    } catch (error) {
      status = 503;
      body = {
        status: 'error',
        problems: [`the health report failed: ${error instanceof Error ? error.message : String(error)}`],
      };
    }
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
}

/** A server of its own for /healthz (HEALTH_PORT); any other path is 404. Resolves once listening. */
export async function startHealthServer(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host?: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://health').pathname === HEALTH_PATH) return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops listening and drops idle keep-alive connections, so closing never waits on a client. */
export function stopHealthServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
