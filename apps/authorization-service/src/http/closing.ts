/**
 * Whether this process has begun its graceful shutdown (`serveHttp` marks it at the signal): from
 * then on every answer ends its keep-alive connection, so the server's close does not wait for idle
 * clients (Fastify keeps them 72 s) and each client reconnects to another replica.
 */
let closing = false;

export const markClosing = (): void => {
  closing = true;
};

export const isClosing = (): boolean => closing;
