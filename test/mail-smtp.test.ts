// SPEC 2.10 across the wire: the mailer, a real SMTP conversation, and what a mail program reads.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdProperty } from './support/mail-fixtures.ts';
import { memoryMail } from './support/memory-mail.ts';
import { createMailTransport } from '../server/mail/transport.ts';

const T0 = new Date('2026-02-01T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);
const FROM = 'bookings@directbook.example';
const silent = pino({ level: 'silent' });

interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

interface TestSmtpServer {
  port: number;
  received: Received[];
  close(): Promise<void>;
}

/** A plain SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every message it accepts. */
async function startSmtpServer(port = 0, received: Received[] = []): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const texts = (mail: ParsedMail) => ({ text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' });

describe('e-mail over SMTP', () => {
  let smtp: TestSmtpServer | undefined;
  afterEach(async () => {
    await smtp?.close();
    smtp = undefined;
  });

  it('delivers the guest confirmation with the reference and the amounts in both the text and the HTML', async () => {
    smtp = await startSmtpServer();
    const { mailer, deliverDue, rows } = memoryMail({
      transport: createMailTransport({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, outboxDir: 'unused' }),
      from: FROM,
      logger: silent,
      now: () => T0,
    });

    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    expect(await deliverDue(T0)).toEqual({ done: 2, retrying: 0, failed: 0 });

    const guest = smtp.received.find((r) => r.rcptTo.includes('jane.doe@example.com'));
    expect(guest).toBeDefined();
    const { mail } = guest!;
    expect(mail.to).toMatchObject({ value: [{ address: 'jane.doe@example.com' }] });
    expect(mail.from?.value).toEqual([{ name: 'Harbour View Inn', address: FROM }]);
    expect(mail.replyTo?.value).toEqual([{ name: '', address: 'frontdesk@harbourview.example' }]);
    expect(mail.subject).toBe('Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)');
    expect(mail.messageId).toBe('<bk_01J8ZQ4X7M.confirmation@directbook.example>');

    const { text, html } = texts(mail);
    for (const line of [
      'Booking reference: HV-7K3F9Q',
      'Check-in: Friday, March 13, 2026',
      'Total: $1,145.47',
      'Charged now: $229.40',
      'Balance due later: $916.07',
      '- Flexible: 30% deposit required',
      '- Advance Saver: $50.00 deposit required',
    ]) {
      expect(text.split('\n')).toContain(line);
    }
    expect(html).toContain('<strong>HV-7K3F9Q</strong>');
    expect(html).toMatch(/Total<\/td><td[^>]*><strong>\$1,145\.47<\/strong>/);
    expect(html).toMatch(/Charged now<\/td><td[^>]*><strong>\$229\.40<\/strong>/);
    expect(html).toMatch(/Balance due later<\/td><td[^>]*>\$916\.07</);

    const owner = smtp.received.find((r) => r.rcptTo.includes('frontdesk@harbourview.example'));
    expect(owner?.mail.subject).toBe('New booking HV-7K3F9Q from Jane Doe');
    expect(rows().map((r) => r.status)).toEqual(['done', 'done']);
  });

  it('delivers a Korean confirmation that reads correctly, subject included', async () => {
    smtp = await startSmtpServer();
    const { mailer, deliverDue } = memoryMail({
      transport: createMailTransport({ smtpUrl: `smtp://127.0.0.1:${smtp.port}`, outboxDir: 'unused' }),
      from: FROM,
      logger: silent,
      now: () => T0,
    });

    await mailer.bookingConfirmed(krwBooking('ko'), krwProperty({ email: null }));
    await deliverDue(T0);

    expect(smtp.received).toHaveLength(1);
    const { mail } = smtp.received[0]!;
    expect(mail.subject).toBe('한옥 스테이 서촌 예약이 확정되었습니다 (SC-4M8P2D)');
    expect(mail.from?.value).toEqual([{ name: '한옥 스테이 서촌', address: FROM }]);
    const { text, html } = texts(mail);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['총 금액: 330,000원', '숙소에서 고객님의 카드로 120,000원을 결제합니다.', '잔액 (추후 결제): 210,000원']));
    expect(html).toContain('숙소에서 고객님의 카드로 120,000원을 결제합니다.');
  });

  it('keeps a confirmation queued while the mail server is down and delivers it exactly once when it is back', async () => {
    // Learn a free port, then leave nothing listening on it.
    const probe = await startSmtpServer();
    const port = probe.port;
    await probe.close();

    const { mailer, deliverDue, rows } = memoryMail({
      transport: createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, outboxDir: 'unused' }),
      from: FROM,
      logger: silent,
      now: () => T0,
    });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    expect(await deliverDue(T0)).toEqual({ done: 0, retrying: 1, failed: 0 });
    expect(rows()[0]).toMatchObject({ status: 'queued', attempts: 1, runAt: later(60_000) });
    expect(rows()[0]?.lastError).toMatch(/ECONNREFUSED/);
    expect(await deliverDue(later(30_000))).toEqual({ done: 0, retrying: 0, failed: 0 });

    smtp = await startSmtpServer(port);
    expect(await deliverDue(later(60_000))).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(await deliverDue(later(2 * 3_600_000))).toEqual({ done: 0, retrying: 0, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.mail.subject).toBe('Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)');
    expect(rows()[0]).toMatchObject({ status: 'done', attempts: 1 });
  });
});

describe('e-mail without SMTP_URL', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'directbook-mail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the confirmation to the outbox as an .eml file a mail program can open', async () => {
    const outboxDir = join(dir, 'data', 'outbox'); // created on first use
    const { mailer, deliverDue } = memoryMail({ transport: createMailTransport({ outboxDir }), from: FROM, logger: silent, now: () => T0 });

    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    expect(await deliverDue(T0)).toEqual({ done: 2, retrying: 0, failed: 0 });

    const files = (await readdir(outboxDir)).sort();
    expect(files).toEqual(['bk_01J8ZQ4X7M.confirmation@directbook.example.eml', 'bk_01J8ZQ4X7M.owner-confirmation@directbook.example.eml']);
    const raw = await readFile(join(outboxDir, files[0]!));
    expect(raw.toString('latin1')).toMatch(/^[\x20-\x7e]+\r\n/); // a header line, CRLF as RFC 5322 asks
    const mail = await simpleParser(raw);
    expect(mail.to).toMatchObject({ value: [{ address: 'jane.doe@example.com' }] });
    expect(mail.subject).toBe('Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)');
    expect(mail.messageId).toBe('<bk_01J8ZQ4X7M.confirmation@directbook.example>');
    const { text, html } = texts(mail);
    expect(text.split('\n')).toEqual(expect.arrayContaining(['Booking reference: HV-7K3F9Q', 'Charged now: $229.40', 'Total: $1,145.47']));
    expect(html).toMatch(/Charged now<\/td><td[^>]*><strong>\$229\.40<\/strong>/);
  });

  it('replaces a retried message’s outbox file instead of adding a second one', async () => {
    const transport = createMailTransport({ outboxDir: dir });
    const message = {
      from: FROM,
      to: 'jane.doe@example.com',
      subject: 'Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)',
      text: 'Booking reference: HV-7K3F9Q',
      html: '<p>Booking reference: HV-7K3F9Q</p>',
      messageId: '<bk_01J8ZQ4X7M.confirmation@directbook.example>',
    };
    await transport.send(message);
    await transport.send(message);

    expect(await readdir(dir)).toEqual(['bk_01J8ZQ4X7M.confirmation@directbook.example.eml']);
  });
});
