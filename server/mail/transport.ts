// SPEC 2.10: SMTP through SMTP_URL; without it, the embedded default writes .eml files to an outbox.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import nodemailer from 'nodemailer';

/** One e-mail ready to go out. Addresses are RFC 5322 strings (`a@b.c` or `"Name" <a@b.c>`). */
export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** `<id@domain>`; the same id on every attempt, so a retried message is the same message. */
  messageId?: string;
}

/** Hands one message over for delivery; rejects when it was not accepted. */
export interface MailTransport {
  send(message: OutgoingMail): Promise<void>;
}

export interface MailTransportOptions {
  /** `smtp://`, `smtps://` URL with optional credentials; unset = write `.eml` files. */
  smtpUrl?: string;
  /** Where `.eml` files go without an SMTP URL, e.g. `data/outbox`. */
  outboxDir: string;
  /** A single send gives up after this long (default 60 s); the queue retries it later. */
  sendTimeoutMs?: number;
}

const DEFAULT_SEND_TIMEOUT_MS = 60_000;

// Nothing we send references files or URLs: refuse them so no content can make the server read either.
const CONTENT_LOCKDOWN = { disableFileAccess: true, disableUrlAccess: true } as const;

export function createMailTransport(options: MailTransportOptions): MailTransport {
  return options.smtpUrl ? smtpTransport(options.smtpUrl, options.sendTimeoutMs ?? DEFAULT_SEND_TIMEOUT_MS) : outboxTransport(options.outboxDir);
}

function smtpTransport(url: string, sendTimeoutMs: number): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    ...CONTENT_LOCKDOWN,
    // Fail fast on a dead server so the queue can retry, instead of the 2-minute defaults.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      await transporter.sendMail({ ...message, signal: AbortSignal.timeout(sendTimeoutMs) });
    },
  };
}

function outboxTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows', // RFC 5322 line endings in the file
    ...CONTENT_LOCKDOWN,
  });
  return {
    async send(message) {
      const info = await composer.sendMail(message);
      if (!Buffer.isBuffer(info.message)) throw new Error('outbox: expected a buffered message');
      await mkdir(dir, { recursive: true });
      // Named after the Message-ID, so a retried message replaces its own file instead of adding one.
      await writeAtomically(join(dir, `${fileNameFor(info.messageId)}.eml`), info.message);
    },
  };
}

function fileNameFor(messageId: string): string {
  return messageId
    .replace(/^<|>$/g, '')
    .replace(/[^A-Za-z0-9._@-]/g, '_')
    .slice(0, 200);
}

/** Readers of the outbox never see half a file: write a hidden temp file, flush it, rename it. */
async function writeAtomically(path: string, content: Buffer): Promise<void> {
  const temp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
