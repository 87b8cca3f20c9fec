import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { startJobRunner } from '../jobs/loop.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { createMemoryJobQueue } from '../../test/support/memory-job-queue.ts';
import { memoryMail } from '../../test/support/memory-mail.ts';
import { createMailer, mailbox } from './mailer.ts';
import { createMailTransport, type MailTransport, type OutgoingMail } from './transport.ts';

const T0 = new Date('2026-02-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const FROM = 'bookings@directbook.example';

/** A transport that records what it was given and fails while `failWith` is set. */
function fakeTransport() {
  const sent: OutgoingMail[] = [];
  const attempts: OutgoingMail[] = [];
  const state = {
    sent,
    attempts,
    failWith: undefined as Error | undefined,
    transport: {
      async send(message: OutgoingMail) {
        attempts.push(message);
        if (state.failWith) throw state.failWith;
        sent.push(message);
      },
    } satisfies MailTransport,
  };
  return state;
}

function capturingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines, raw: () => lines.map((l) => JSON.stringify(l)).join('\n') };
}

function setup() {
  const fake = fakeTransport();
  const log = capturingLogger();
  const { mailer, deliverDue, rows } = memoryMail({ transport: fake.transport, from: FROM, logger: log.logger, now: () => T0 });
  return { rows, fake, log, mailer, deliverDue };
}

const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' });

describe('queueing', () => {
  it('queues the guest confirmation and the owner notice when a booking is confirmed, and sends only on delivery', async () => {
    const { rows, fake, mailer, deliverDue } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());

    expect(fake.attempts).toEqual([]);
    expect(rows().map((r) => [r.kind, r.key, r.message.to])).toEqual([
      ['mail', 'mail:<bk_01J8ZQ4X7M.confirmation@directbook.example>', 'jane.doe@example.com'],
      ['mail', 'mail:<bk_01J8ZQ4X7M.owner-confirmation@directbook.example>', 'frontdesk@harbourview.example'],
    ]);

    expect(await deliverDue()).toEqual({ done: 2, retrying: 0, failed: 0 });
    const [guest, owner] = fake.sent;
    expect(guest).toMatchObject({
      to: 'jane.doe@example.com',
      from: `"Harbour View Inn" <${FROM}>`,
      replyTo: 'frontdesk@harbourview.example',
      subject: 'Your booking at Harbour View Inn is confirmed (HV-7K3F9Q)',
      messageId: '<bk_01J8ZQ4X7M.confirmation@directbook.example>',
    });
    expect(owner).toMatchObject({
      to: 'frontdesk@harbourview.example',
      from: FROM,
      replyTo: 'jane.doe@example.com',
      subject: 'New booking HV-7K3F9Q from Jane Doe',
    });
  });

  it('mails the guest once when the same booking is confirmed twice (webhook and confirm call)', async () => {
    const { fake, mailer, deliverDue } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await deliverDue();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await deliverDue(minutes(1));

    expect(fake.sent.filter((m) => m.to === 'jane.doe@example.com')).toHaveLength(1);
  });

  it('still mails the guest when the property has no e-mail address, and skips the owner notice', async () => {
    const { rows, mailer } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    expect(rows().map((r) => r.message.to)).toEqual(['jane.doe@example.com']);
    expect(rows()[0]?.message.replyTo).toBeUndefined();
  });

  it('does not fail the booking when the mail queue is down, and logs it', async () => {
    const broken: JobQueue = { ...createMemoryJobQueue(), enqueue: () => Promise.reject(new Error('database is locked')) };
    const log = capturingLogger();
    const mailer = createMailer({ jobs: broken, from: FROM, logger: log.logger, now: () => T0 });

    await expect(mailer.bookingConfirmed(usdBooking('en'), usdProperty())).resolves.toBeUndefined();
    await expect(mailer.bookingCancelled(usdBooking('en'), usdProperty(), 0)).resolves.toBeUndefined();
    expect(log.lines.filter((l) => l.msg === 'mail could not be queued')).toHaveLength(4);
  });

  it('queues the cancellation for the guest and the owner with the refunded amount', async () => {
    const { fake, mailer, deliverDue } = setup();
    await mailer.bookingCancelled(krwBooking('ko', { amountPaid: 120000 }), krwProperty(), 120000);
    await deliverDue();

    expect(fake.sent.map((m) => [m.to, m.subject])).toEqual([
      ['jimin.kim@example.kr', '한옥 스테이 서촌 예약이 취소되었습니다 (SC-4M8P2D)'],
      ['stay@seochon.example', '예약 SC-4M8P2D 취소: 김지민'],
    ]);
    expect(fake.sent[0]?.text).toContain('환불 금액: 120,000원');
    expect(fake.sent[1]?.text).toContain('고객에게 환불된 금액: 120,000원');
  });

  it('uses MAIL_FROM as given when it already names the sender', async () => {
    const { mailer, rows } = memoryMail({ transport: fakeTransport().transport, from: 'Directbook <no-reply@mail.directbook.example>', logger: capturingLogger().logger, now: () => T0 });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());

    expect(rows()[0]?.message.from).toBe('Directbook <no-reply@mail.directbook.example>');
    expect(rows()[0]?.message.messageId).toBe('<bk_01J8ZQ4X7M.confirmation@mail.directbook.example>');
  });
});

describe('delivery and retries', () => {
  it('retries a failed send after 1, 2, 4, 8 … minutes, never waiting more than an hour', async () => {
    const { rows, fake, mailer, deliverDue } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 9; i++) {
      await deliverDue(now);
      const next = rows()[0]!.runAt;
      gaps.push((next.getTime() - now.getTime()) / 60_000);
      expect(await deliverDue(new Date(next.getTime() - 1))).toEqual({ done: 0, retrying: 0, failed: 0 });
      now = next;
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(rows()[0]?.attempts).toBe(9);
  });

  it('delivers a message once the server is back, under the Message-ID of the first attempt', async () => {
    const { fake, mailer, deliverDue } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));
    expect(await deliverDue(T0)).toEqual({ done: 0, retrying: 1, failed: 0 });

    fake.failWith = undefined;
    expect(await deliverDue(minutes(1))).toEqual({ done: 1, retrying: 0, failed: 0 });
    expect(await deliverDue(minutes(60))).toEqual({ done: 0, retrying: 0, failed: 0 });
    expect(fake.attempts.map((m) => m.messageId)).toEqual(['<bk_01J8ZQ4X7M.confirmation@directbook.example>', '<bk_01J8ZQ4X7M.confirmation@directbook.example>']);
    expect(fake.sent).toHaveLength(1);
  });

  it('gives up a day after queueing and logs an error', async () => {
    const { rows, fake, mailer, log, deliverDue } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    let report = { done: 0, retrying: 0, failed: 0 };
    while (rows()[0]!.status === 'queued') report = await deliverDue(rows()[0]!.runAt);

    expect(report.failed).toBe(1);
    expect(rows()[0]?.status).toBe('failed');
    // 0, 1, 3, 7, 15, 31, 63 min, then hourly from 123 min to 1,383 min: 7 + 22 attempts.
    expect(fake.attempts).toHaveLength(29);
    expect(rows()[0]!.runAt.getTime() - T0.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(log.lines.filter((l) => l.msg === 'job failed, giving up')).toHaveLength(1);
    expect(await deliverDue(minutes(48 * 60))).toEqual({ done: 0, retrying: 0, failed: 0 });
  });

  it('does not retry a message the mail server rejected for good', async () => {
    const { rows, fake, mailer, deliverDue } = setup();
    fake.failWith = Object.assign(new Error('550 5.1.1 Recipient address rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
      permanent: true,
    });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    expect(await deliverDue(T0)).toEqual({ done: 0, retrying: 0, failed: 1 });
    expect(rows()[0]).toMatchObject({ status: 'failed', lastError: 'EENVELOPE 550 550 5.1.1 Recipient address rejected' });
  });

  it('logs a failed send without the guest’s booking details', async () => {
    const { fake, mailer, log, deliverDue } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));
    await deliverDue(T0);

    const warning = log.lines.find((l) => l.msg === 'job failed, will retry');
    expect(warning).toMatchObject({
      level: 40,
      component: 'jobs',
      kind: 'mail',
      key: 'mail:<bk_01J8ZQ4X7M.confirmation@directbook.example>',
      attempt: 1,
      retryAt: '2026-02-01T10:01:00.000Z',
      err: { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
    });
    for (const secret of ['HV-7K3F9Q', 'Jane', '$229.40', 'Deluxe King', 'confirmed']) {
      expect(log.raw()).not.toContain(secret);
    }
  });

  it('sends each message once when two server instances deliver at the same time', async () => {
    const queue = createMemoryJobQueue();
    const fake = fakeTransport();
    const instance = () => memoryMail({ queue, transport: fake.transport, from: FROM, logger: capturingLogger().logger, now: () => T0, batchSize: 2 });
    const [a, b] = [instance(), instance()];
    for (const n of [1, 2, 3, 4, 5]) {
      await a.mailer.bookingConfirmed(usdBooking('en', { id: `bk_${n}` }), usdProperty());
    }

    const reports = await Promise.all([a.deliverDue(T0), b.deliverDue(T0), a.deliverDue(T0)]);

    expect(reports.reduce((sum, r) => sum + r.done, 0)).toBe(10);
    expect(fake.sent).toHaveLength(10);
    expect(new Set(fake.sent.map((m) => m.messageId)).size).toBe(10);
  });

  it('keeps delivering in the background until stopped', async () => {
    const { fake, mailer, log, deliverDue } = setup();
    const loop = startJobRunner({ runDue: () => deliverDue(T0) }, { logger: log.logger, intervalMs: 5 });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await expect.poll(() => fake.sent.length).toBe(2);
    await loop.stop();

    await mailer.bookingCancelled(usdBooking('en'), usdProperty(), 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.sent).toHaveLength(2);
  });

  it('sends a confirmation right after it is queued, not at the next poll a minute later', async () => {
    const fake = fakeTransport();
    const log = capturingLogger();
    let kick = () => {};
    const { mailer, deliverDue } = memoryMail({ transport: fake.transport, from: FROM, logger: log.logger, now: () => T0, onQueued: () => kick() });
    const loop = startJobRunner({ runDue: () => deliverDue(T0) }, { logger: log.logger, intervalMs: 60_000 });
    kick = loop.kick;
    const queuedAt = performance.now();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await expect.poll(() => fake.sent.length, { timeout: 2_000 }).toBe(2);
    expect(performance.now() - queuedAt).toBeLessThan(2_000);
    // Kicked while a run is under way, the loop runs once more: nothing queued meanwhile waits for the poll.
    await mailer.bookingCancelled(usdBooking('en', { id: 'bk_2' }), usdProperty(), 0);
    await mailer.bookingCancelled(usdBooking('en', { id: 'bk_3' }), usdProperty(), 0);
    await expect.poll(() => fake.sent.length, { timeout: 2_000 }).toBe(6);
    await loop.stop();
  });
});

describe('sender name', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('shows the property’s name as the sender even when it holds quotes and angle brackets', async () => {
    dir = await mkdtemp(join(tmpdir(), 'directbook-outbox-'));
    const name = `Tom & "Jerry's" <Inn>, Seoul`;
    const transport = createMailTransport({ outboxDir: dir });
    await transport.send({
      from: mailbox(name, FROM),
      to: 'jane.doe@example.com',
      subject: 'x',
      text: 'x',
      html: '<p>x</p>',
    });
    const [file] = await readdir(dir);
    const parsed = await simpleParser(await readFile(join(dir, file!)));

    expect(parsed.from?.value).toEqual([{ name, address: FROM }]);
  });
});
