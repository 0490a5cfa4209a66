import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type Received = {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: Buffer;
};

export type Refusal = { readonly code: number; readonly message: string };

export type SmtpPeer = {
  readonly port: number;
  readonly received: Received[];
  /** Decide, per recipient, whether the server refuses it (e.g. 550 or 451). */
  refuse: (recipient: string) => Refusal | null;
  close(): Promise<void>;
};

/**
 * A real SMTP server for the tests (smtp-server, no TLS, no auth), keeping every message it accepts.
 * `delayMs` slows each message down, so that a kill lands in the middle of a batch.
 */
export async function startSmtpPeer(options: { readonly delayMs?: number } = {}): Promise<SmtpPeer> {
  const received: Received[] = [];
  const peer = {
    port: 0,
    received,
    refuse: (_recipient: string): Refusal | null => null,
    close: async () => {},
  };
  let counter = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = peer.refuse(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const done = () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          counter++;
          callback(null, `2.0.0 Ok: queued as Q${counter}`);
        };
        if (options.delayMs) setTimeout(done, options.delayMs);
        else done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  peer.port = (server.server.address() as AddressInfo).port;
  peer.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return peer;
}
