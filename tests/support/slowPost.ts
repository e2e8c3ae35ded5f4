/** A POST whose body arrives in two parts, so that it stays in flight for as long as a test likes. */
import { type Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface SlowAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends the first part of a people-count query to `port` (through `agent`, if given); `finish` sends the rest. */
export function slowPost(port: number, agent?: Agent) {
  const body = JSON.stringify({ query: '{ people { totalCount } }' });
  const half = Math.floor(body.length / 2);
  let finish: () => void = () => {};
  const answer = new Promise<SlowAnswer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { answer, finish: () => finish() };
}
