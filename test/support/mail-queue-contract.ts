// The behaviour every MailQueue must have, as tests. Run it against each implementation:
//   describeMailQueue('SQLite mail queue', async () => createSqliteMailQueue(await freshDb()));
import { describe, expect, it } from 'vitest';
import type { MailQueue, QueuedMessage } from '../../server/mail/queue.ts';

const T0 = new Date('2026-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

export function sampleMessage(n: number): QueuedMessage {
  return {
    from: '"Harbour View Inn" <bookings@directbook.example>',
    to: `guest${n}@example.com`,
    replyTo: 'frontdesk@harbourview.example',
    subject: `Your booking at Harbour View Inn is confirmed (HV-${n})`,
    text: `Booking reference: HV-${n}\n`,
    html: `<p>Booking reference: HV-${n}</p>`,
    messageId: `<bk_${n}.confirmation@directbook.example>`,
  };
}

export function describeMailQueue(name: string, makeQueue: () => MailQueue | Promise<MailQueue>): void {
  describe(name, () => {
    it('hands out a queued message at once, exactly as it was queued, with no attempts yet', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      const [mail, ...rest] = await queue.due(T0, 10, at(5 * MINUTE));
      expect(rest).toEqual([]);
      expect(mail?.message).toEqual(sampleMessage(1));
      expect(mail?.attempts).toBe(0);
      expect(mail?.createdAt.getTime()).toBe(T0.getTime());
    });

    it('keeps one message when the same Message-ID is queued twice', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      await queue.enqueue({ ...sampleMessage(1), subject: 'again' }, at(1000));
      const due = await queue.due(at(2000), 10, at(5 * MINUTE));
      expect(due.map((m) => m.message.subject)).toEqual([sampleMessage(1).subject]);
    });

    it('does not queue a sent message again when its Message-ID comes back', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      const [mail] = await queue.due(T0, 10, at(5 * MINUTE));
      await queue.markSent(mail!.id, T0);
      await queue.enqueue(sampleMessage(1), at(MINUTE));
      expect(await queue.due(at(MINUTE), 10, at(6 * MINUTE))).toEqual([]);
    });

    it('hands out at most the limit, the longest-waiting first', async () => {
      const queue = await makeQueue();
      for (const n of [1, 2, 3]) await queue.enqueue(sampleMessage(n), at(n * 1000));
      const due = await queue.due(at(10_000), 2, at(5 * MINUTE));
      expect(due.map((m) => m.message.to)).toEqual(['guest1@example.com', 'guest2@example.com']);
    });

    it('does not hand out a claimed message again until its lock has passed', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      expect(await queue.due(T0, 10, at(5 * MINUTE))).toHaveLength(1);
      expect(await queue.due(at(4 * MINUTE), 10, at(9 * MINUTE))).toEqual([]);
      // The holder died without reporting: the message is not lost.
      expect(await queue.due(at(5 * MINUTE), 10, at(10 * MINUTE))).toHaveLength(1);
    });

    it('never gives the same message to two instances claiming at the same moment', async () => {
      const queue = await makeQueue();
      for (const n of [1, 2, 3, 4, 5]) await queue.enqueue(sampleMessage(n), T0);
      const claims = await Promise.all(Array.from({ length: 8 }, () => queue.due(T0, 2, at(5 * MINUTE))));
      const ids = claims.flat().map((m) => m.id);
      expect(ids).toHaveLength(5);
      expect(new Set(ids).size).toBe(5);
    });

    it('never hands out a sent message again', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      const [mail] = await queue.due(T0, 10, at(MINUTE));
      await queue.markSent(mail!.id, T0);
      expect(await queue.due(at(2 * MINUTE), 10, at(3 * MINUTE))).toEqual([]);
    });

    it('hands a failed message out again at its next attempt time, not before, counting the attempt', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      const [mail] = await queue.due(T0, 10, at(5 * MINUTE));
      await queue.markFailed(mail!.id, 'ESOCKET connect ECONNREFUSED', at(MINUTE));
      expect(await queue.due(at(MINUTE - 1), 10, at(6 * MINUTE))).toEqual([]);
      const [again] = await queue.due(at(MINUTE), 10, at(6 * MINUTE));
      expect(again?.id).toBe(mail!.id);
      expect(again?.attempts).toBe(1);
      expect(again?.message).toEqual(sampleMessage(1));
      expect(again?.createdAt.getTime()).toBe(T0.getTime());
    });

    it('never hands out a message it was told to give up on', async () => {
      const queue = await makeQueue();
      await queue.enqueue(sampleMessage(1), T0);
      const [mail] = await queue.due(T0, 10, at(MINUTE));
      await queue.markFailed(mail!.id, '550 mailbox unavailable', null);
      expect(await queue.due(at(48 * 60 * MINUTE), 10, at(49 * 60 * MINUTE))).toEqual([]);
    });
  });
}
