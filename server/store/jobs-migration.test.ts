// Issue 11: upgrading moves the mail queue onto the job queue: what waited is still sent, what was sent is not sent again.
import { describe, expect, test } from 'vitest';
import { backends } from '../../test/support/api.ts';
import { upgradeFrom } from '../../test/support/old-database.ts';

interface Yesterday {
  mail_queue: Record<string, string | number | null>;
}

const mailRow = (n: number, status: string, extra: Record<string, string | number | null> = {}) => ({
  id: `mq_${n}`,
  message_id: `<bk_${n}.confirmation@directbook.example>`,
  message: JSON.stringify({
    from: 'a@directbook.example',
    to: `guest${n}@example.com`,
    subject: `HV-${n}`,
    text: 't',
    html: '<p>t</p>',
    messageId: `<bk_${n}.confirmation@directbook.example>`,
  }),
  status,
  attempts: 0,
  created_at: `2026-03-01T09:00:0${n}.000Z`,
  next_attempt_at: `2026-03-01T09:00:0${n}.000Z`,
  locked_until: null,
  last_error: null,
  sent_at: null,
  ...extra,
});

describe.each(backends)('upgrading the mail queue to the job queue on %s', (_name, databaseUrl) => {
  test('mail still waiting is sent after the upgrade, with its attempts; mail already sent is not sent again', async () => {
    await upgradeFrom<Yesterday>(
      databaseUrl,
      '009_property_keys',
      async (old) => {
        await old
          .insertInto('mail_queue')
          .values([
            mailRow(1, 'sent', { sent_at: '2026-03-01T09:00:05.000Z' }),
            mailRow(2, 'queued', { attempts: 2, next_attempt_at: '2026-03-01T09:04:00.000Z', last_error: 'ECONNREFUSED' }),
            mailRow(3, 'failed', { attempts: 1, last_error: '550 rejected' }),
          ])
          .execute();
      },
      async (store) => {
        expect(await store.jobs.find('mail:<bk_1.confirmation@directbook.example>')).toMatchObject({ kind: 'mail', status: 'done', finishedAt: new Date('2026-03-01T09:00:05.000Z') });
        expect(await store.jobs.find('mail:<bk_3.confirmation@directbook.example>')).toMatchObject({ status: 'failed', lastError: '550 rejected' });
        const waiting = { kind: 'mail', key: 'mail:<bk_2.confirmation@directbook.example>', payload: { to: 'guest2@example.com' } };
        expect(await store.jobs.find(waiting.key)).toMatchObject({ status: 'queued', attempts: 2, runAt: new Date('2026-03-01T09:04:00.000Z'), lastError: 'ECONNREFUSED' });
        // The confirmation queued again after the upgrade is still the one message.
        expect(await store.jobs.enqueue(waiting, new Date('2026-03-01T10:00:00.000Z'))).toBe(false);
        const claimed = await store.jobs.claim(new Date('2026-03-01T10:00:00.000Z'), { kinds: ['mail'], limit: 10, lockedUntil: new Date('2026-03-01T10:05:00.000Z') });
        expect(claimed.map((j) => [j.key, j.attempts, (j.payload as { to: string }).to])).toEqual([['mail:<bk_2.confirmation@directbook.example>', 2, 'guest2@example.com']]);
      },
    );
  });
});
