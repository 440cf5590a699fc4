import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on 127.0.0.1 that a stand-in for a platform answers on. */
export interface LocalServer {
  /** `http://127.0.0.1:<port>`, the port the system picked. */
  url: string;
  /** Drops every connection still open and stops listening. */
  stop(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1, on a free port, that hands `handle` each request once its whole body has arrived:
 * what the Slack stand-ins (the tests' and the load bench's) share.
 */
export async function localServer(
  handle: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void,
): Promise<LocalServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
