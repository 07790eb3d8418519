import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Starts an HTTP server on a free port of 127.0.0.1 for a local stand-in.
 * It sends no Date header: a sandbox replaying a past day runs on its own
 * clock, and the AWS SDK would take the gap for clock skew and retry every
 * error it gets.
 */
export async function listenLocally(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void> | undefined,
): Promise<Server> {
  const server = createServer((request, response) => {
    response.sendDate = false;
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** The server's address, with `path` after it (`/api/` for Slack). */
export function localUrl(server: Server, path = ''): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}${path}`;
}

/** Stops the server, dropping kept-alive connections so the test can end. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
