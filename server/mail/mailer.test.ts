import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { simpleParser } from 'mailparser';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { krwBooking, krwProperty, usdBooking, usdProperty } from '../../test/support/mail-fixtures.ts';
import { createMailer, type MailQueue, mailbox, nextAttemptAt, startMailDelivery } from './mailer.ts';
import { createMemoryMailQueue } from '../../test/support/memory-mail-queue.ts';
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

function setup(overrides: { queue?: MailQueue } = {}) {
  const queue = createMemoryMailQueue();
  const fake = fakeTransport();
  const log = capturingLogger();
  const mailer = createMailer({
    queue: overrides.queue ?? queue,
    transport: fake.transport,
    from: FROM,
    logger: log.logger,
    now: () => T0,
  });
  return { queue, fake, log, mailer };
}

const connectionRefused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' });

describe('queueing', () => {
  it('queues the guest confirmation and the owner notice when a booking is confirmed, and sends only on delivery', async () => {
    const { queue, fake, mailer } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());

    expect(fake.attempts).toEqual([]);
    expect(queue.rows.map((r) => r.message.to)).toEqual(['jane.doe@example.com', 'frontdesk@harbourview.example']);

    expect(await mailer.deliverDue()).toEqual({ sent: 2, retrying: 0, gaveUp: 0 });
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
    const { fake, mailer } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await mailer.deliverDue();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await mailer.deliverDue(minutes(1));

    expect(fake.sent.filter((m) => m.to === 'jane.doe@example.com')).toHaveLength(1);
  });

  it('still mails the guest when the property has no e-mail address, and skips the owner notice', async () => {
    const { queue, mailer } = setup();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    expect(queue.rows.map((r) => r.message.to)).toEqual(['jane.doe@example.com']);
    expect(queue.rows[0]?.message.replyTo).toBeUndefined();
  });

  it('does not fail the booking when the mail queue is down, and logs it', async () => {
    const broken: MailQueue = {
      enqueue: () => Promise.reject(new Error('database is locked')),
      due: () => Promise.resolve([]),
      markSent: () => Promise.resolve(),
      markFailed: () => Promise.resolve(),
    };
    const { mailer, log } = setup({ queue: broken });

    await expect(mailer.bookingConfirmed(usdBooking('en'), usdProperty())).resolves.toBeUndefined();
    await expect(mailer.bookingCancelled(usdBooking('en'), usdProperty(), 0)).resolves.toBeUndefined();
    expect(log.lines.filter((l) => l.msg === 'mail could not be queued')).toHaveLength(4);
  });

  it('queues the cancellation for the guest and the owner with the refunded amount', async () => {
    const { fake, mailer } = setup();
    await mailer.bookingCancelled(krwBooking('ko', { amountPaid: 120000 }), krwProperty(), 120000);
    await mailer.deliverDue();

    expect(fake.sent.map((m) => [m.to, m.subject])).toEqual([
      ['jimin.kim@example.kr', '한옥 스테이 서촌 예약이 취소되었습니다 (SC-4M8P2D)'],
      ['stay@seochon.example', '예약 SC-4M8P2D 취소: 지민 김'],
    ]);
    expect(fake.sent[0]?.text).toContain('환불 금액: ₩120,000');
    expect(fake.sent[1]?.text).toContain('고객에게 환불된 금액: ₩120,000');
  });

  it('uses MAIL_FROM as given when it already names the sender', async () => {
    const queue = createMemoryMailQueue();
    const mailer = createMailer({
      queue,
      transport: fakeTransport().transport,
      from: 'Directbook <no-reply@mail.directbook.example>',
      logger: capturingLogger().logger,
      now: () => T0,
    });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());

    expect(queue.rows[0]?.message.from).toBe('Directbook <no-reply@mail.directbook.example>');
    expect(queue.rows[0]?.message.messageId).toBe('<bk_01J8ZQ4X7M.confirmation@mail.directbook.example>');
  });
});

describe('delivery and retries', () => {
  it('retries a failed send after 1, 2, 4, 8 … minutes, never waiting more than an hour', async () => {
    const { queue, fake, mailer } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 9; i++) {
      await mailer.deliverDue(now);
      const next = queue.rows[0]!.nextAttemptAt;
      gaps.push((next.getTime() - now.getTime()) / 60_000);
      expect(await mailer.deliverDue(new Date(next.getTime() - 1))).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });
      now = next;
    }
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(queue.rows[0]?.attempts).toBe(9);
  });

  it('delivers a message once the server is back, under the Message-ID of the first attempt', async () => {
    const { fake, mailer } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));
    expect(await mailer.deliverDue(T0)).toEqual({ sent: 0, retrying: 1, gaveUp: 0 });

    fake.failWith = undefined;
    expect(await mailer.deliverDue(minutes(1))).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });
    expect(await mailer.deliverDue(minutes(60))).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });
    expect(fake.attempts.map((m) => m.messageId)).toEqual(['<bk_01J8ZQ4X7M.confirmation@directbook.example>', '<bk_01J8ZQ4X7M.confirmation@directbook.example>']);
    expect(fake.sent).toHaveLength(1);
  });

  it('gives up a day after queueing and logs an error', async () => {
    const { queue, fake, mailer, log } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    let report = { sent: 0, retrying: 0, gaveUp: 0 };
    while (queue.rows[0]!.status === 'queued') report = await mailer.deliverDue(queue.rows[0]!.nextAttemptAt);

    expect(report.gaveUp).toBe(1);
    expect(queue.rows[0]?.status).toBe('failed');
    // 0, 1, 3, 7, 15, 31, 63 min, then hourly from 123 min to 1,383 min: 7 + 22 attempts.
    expect(fake.attempts).toHaveLength(29);
    expect(queue.rows[0]!.nextAttemptAt.getTime() - T0.getTime()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(log.lines.filter((l) => l.msg === 'mail delivery failed, giving up')).toHaveLength(1);
    expect(await mailer.deliverDue(minutes(48 * 60))).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });
  });

  it('does not retry a message the mail server rejected for good', async () => {
    const { queue, fake, mailer } = setup();
    fake.failWith = Object.assign(new Error('550 5.1.1 Recipient address rejected'), {
      code: 'EENVELOPE',
      responseCode: 550,
      permanent: true,
    });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));

    expect(await mailer.deliverDue(T0)).toEqual({ sent: 0, retrying: 0, gaveUp: 1 });
    expect(queue.rows[0]).toMatchObject({ status: 'failed', lastError: 'EENVELOPE 550 550 5.1.1 Recipient address rejected' });
  });

  it('logs a failed send without the guest’s booking details', async () => {
    const { fake, mailer, log } = setup();
    fake.failWith = connectionRefused();
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty({ email: null }));
    await mailer.deliverDue(T0);

    const warning = log.lines.find((l) => l.msg === 'mail delivery failed, will retry');
    expect(warning).toMatchObject({
      level: 40,
      component: 'mail',
      messageId: '<bk_01J8ZQ4X7M.confirmation@directbook.example>',
      attempt: 1,
      nextAttemptAt: '2026-02-01T10:01:00.000Z',
      err: { code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' },
    });
    for (const secret of ['HV-7K3F9Q', 'Jane', '$229.40', 'Deluxe King', 'confirmed']) {
      expect(log.raw()).not.toContain(secret);
    }
  });

  it('sends each message once when two server instances deliver at the same time', async () => {
    const queue = createMemoryMailQueue();
    const fake = fakeTransport();
    const instance = () => createMailer({ queue, transport: fake.transport, from: FROM, logger: capturingLogger().logger, now: () => T0, batchSize: 2 });
    const [a, b] = [instance(), instance()];
    for (const n of [1, 2, 3, 4, 5]) {
      await a.bookingConfirmed(usdBooking('en', { id: `bk_${n}` }), usdProperty());
    }

    const reports = await Promise.all([a.deliverDue(T0), b.deliverDue(T0), a.deliverDue(T0)]);

    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(10);
    expect(fake.sent).toHaveLength(10);
    expect(new Set(fake.sent.map((m) => m.messageId)).size).toBe(10);
  });

  it('keeps delivering in the background until stopped', async () => {
    const { fake, mailer, log } = setup();
    const loop = startMailDelivery({ deliverDue: () => mailer.deliverDue(T0) }, { logger: log.logger, intervalMs: 5 });
    await mailer.bookingConfirmed(usdBooking('en'), usdProperty());
    await expect.poll(() => fake.sent.length).toBe(2);
    await loop.stop();

    await mailer.bookingCancelled(usdBooking('en'), usdProperty(), 0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fake.sent).toHaveLength(2);
  });

  it('sends a confirmation right after it is queued, not at the next poll a minute later', async () => {
    const queue = createMemoryMailQueue();
    const fake = fakeTransport();
    const log = capturingLogger();
    let kick = () => {};
    const mailer = createMailer({ queue, transport: fake.transport, from: FROM, logger: log.logger, now: () => T0, onQueued: () => kick() });
    const loop = startMailDelivery({ deliverDue: () => mailer.deliverDue(T0) }, { logger: log.logger, intervalMs: 60_000 });
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

  it('keeps running after a failed run, and stops only once the run under way has finished', async () => {
    const log = capturingLogger();
    let runs = 0;
    let release = () => {};
    const loop = startMailDelivery(
      {
        async deliverDue() {
          runs += 1;
          if (runs === 1) throw new Error('database is locked');
          if (runs === 3) await new Promise<void>((resolve) => (release = resolve));
          return { sent: 0, retrying: 0, gaveUp: 0 };
        },
      },
      { logger: log.logger, intervalMs: 1 },
    );
    await expect.poll(() => runs).toBe(3);
    expect(log.lines.filter((l) => l.msg === 'mail delivery run failed')).toHaveLength(1);

    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    release();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(3);
  });

  it('schedules no attempt later than a day after queueing', () => {
    const queued = T0;
    expect(nextAttemptAt(minutes(23 * 60), 20, queued)).toEqual(minutes(24 * 60));
    expect(nextAttemptAt(minutes(23 * 60 + 1), 20, queued)).toBeNull();
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
