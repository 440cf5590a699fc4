import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { healthHttpStatus, type HealthReport } from '../src/health.js';

/** Where the report is served, on Slack's HTTP receiver and on HEALTH_PORT alike. */
export const HEALTH_PATH = '/healthz';

/** Answers a request with the report as JSON; a report that cannot be made is a 503 saying why. */
export function healthHandler(report: () => HealthReport): (req: IncomingMessage, res: ServerResponse) => void {
  return (_req, res) => {
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

/** A server of its own for GET /healthz (HEALTH_PORT); anything else is 404. Resolves once listening. */
export async function startHealthServer(
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host?: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://health').pathname === HEALTH_PATH)
      return handler(req, res);
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
