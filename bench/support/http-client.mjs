// A minimal keep-alive JSON client over node:http (much cheaper per request than fetch), timing each call.
import http from 'node:http';

export class JsonClient {
  constructor(baseUrl, { sockets = 64 } = {}) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Resolves { status, body, ms }; never rejects on HTTP status, only on network errors. */
  request(method, path, { token, body, headers = {} } = {}) {
    const payload = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host,
          port: this.port,
          method,
          path,
          agent: this.agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            let parsed = text;
            try {
              parsed = text === '' ? null : JSON.parse(text);
            } catch {
              // keep the text
            }
            resolve({ status: res.statusCode, body: parsed, ms: performance.now() - started });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  post(path, token, body, headers) {
    return this.request('POST', path, { token, body, headers });
  }

  close() {
    this.agent.destroy();
  }
}

/** Throws with the answer when the status is not the expected one. */
export function expectStatus(answer, expected, what) {
  const ok = Array.isArray(expected) ? expected.includes(answer.status) : answer.status === expected;
  if (!ok) throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
  return answer.body;
}
