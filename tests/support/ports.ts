import { createServer } from 'node:net';

/** A port on 127.0.0.1 free a moment ago, for a server a test starts (or has a child process start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}
