// Issue 15: the reviewed table of every string in en, ko and id (docs/strings-review.md) is the
// locale files word for word, so a string changed without its review fails here. After changing
// strings, `UPDATE_STRINGS_REVIEW=1 npx vitest run test/strings-review.test.ts` rewrites the table
// (keeping each key's note) for the change to be reviewed in its diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { beforeAll, describe, expect, test } from 'vitest';
import { LOCALES, type Locale } from '../shared/locale.ts';
import { en as ownerEn } from '../widget/owner/locales/en.ts';
import { id as ownerId } from '../widget/owner/locales/id.ts';
import { ko as ownerKo } from '../widget/owner/locales/ko.ts';
import { core } from '../widget/locales/core.ts';
import { en } from '../widget/locales/en.ts';
import { id } from '../widget/locales/id.ts';
import { ko } from '../widget/locales/ko.ts';

const FILE = 'docs/strings-review.md';

type Texts = Partial<Record<Locale, string>>;
type Section = { title: string; rows: Map<string, Texts> };

/** Only the strings: Korean's catalog also carries its grammar functions (widget/locales/korean.ts). */
const strings = (catalog: object): Record<string, string> => Object.fromEntries(Object.entries(catalog).filter(([, value]) => typeof value === 'string'));

function section(title: string, prefix: string, catalogs: Record<Locale, Record<string, string>>): Section {
  const rows = new Map<string, Texts>();
  for (const key of Object.keys(catalogs.en)) rows.set(`${prefix}${key}`, Object.fromEntries(LOCALES.map((l) => [l, catalogs[l][key]])));
  return { title, rows };
}

const sections: Section[] = [
  section('Shown before the language arrives (widget/locales/core.ts, in widget.js)', 'core.', { en: core.en, ko: core.ko, id: core.id }),
  section('The booking widget (widget/locales)', '', { en, ko: strings(ko), id }),
  section('The owner console (widget/owner/locales)', 'owner.', { en: ownerEn, ko: ownerKo, id: ownerId }),
];

// A cell holds the text as is, with | escaped (Korean particles are written `{amount|을/를}`); an
// absent plural form (Korean and Indonesian have no "one") is an empty cell.
const cell = (text: string | undefined) => (text ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cells = (line: string) =>
  line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|').replace(/\\\\/g, '\\'));

function readTable(): Map<string, { texts: Texts; note: string }> {
  const rows = new Map<string, { texts: Texts; note: string }>();
  if (!existsSync(FILE)) return rows;
  for (const line of readFileSync(FILE, 'utf8').split('\n')) {
    if (!line.startsWith('| `')) continue;
    const [key = '', en, ko, id, note = ''] = cells(line);
    rows.set(key.replace(/`/g, ''), { texts: { en: en || undefined, ko: ko || undefined, id: id || undefined }, note });
  }
  return rows;
}

function render(notes: Map<string, string>): string {
  const head = `# Strings, reviewed

Every string the guest's widget and the owner console show, in English, Korean and Indonesian, as a
native editor of each language reviewed them (issue 15). \`test/strings-review.test.ts\` fails when
this table and the locale files differ; after changing a string, run
\`UPDATE_STRINGS_REVIEW=1 npx vitest run test/strings-review.test.ts\`, then review the changed rows.
The e-mails (\`server/mail/strings.ts\`) and the deposit and cancellation messages
(\`shared/messages.ts\`) are functions of their values and are reviewed in their tests
(\`server/mail/locale-mails.test.ts\`).

Conventions the review follows:

- Korean: a booking deposit is 예약금 (보증금 is a refundable security deposit). A particle after a
  value is chosen from the value by es-hangul, written \`{amount|을/를}\`, never "을(를)"; an e-mail
  address is followed by a noun (\`{email} 주소로\`), as no library reads a Latin address aloud.
  Won are written "80,000원" (shared/local-money.ts), nights "2박", people "2인"/"성인 2명", children
  아동. Names go family name first (성 before 이름; "김민지 님"). Closed dates are 마감, not 휴무.
- Indonesian: one word for a booking, pemesanan (pesanan is an order); nights are malam; the deposit
  keeps SPEC 2.4's "deposit"; polite imperatives with Silakan/Mohon; "Anda" capitalised.
`;
  const body = sections.map(({ title, rows }) => {
    const lines = [...rows].map(([key, texts]) => `| \`${key}\` | ${cell(texts.en)} | ${cell(texts.ko)} | ${cell(texts.id)} | ${cell(notes.get(key))} |`);
    return `## ${title}\n\n| key | en | ko | id | note |\n| --- | --- | --- | --- | --- |\n${lines.join('\n')}\n`;
  });
  return [head, ...body].join('\n');
}

describe('the reviewed strings', () => {
  let table: ReturnType<typeof readTable>;
  beforeAll(async () => {
    if (process.env['UPDATE_STRINGS_REVIEW']) {
      const notes = new Map([...readTable()].map(([key, row]) => [key, row.note]));
      // Written as Prettier lays tables out, so `npm run lint` passes on the regenerated file.
      writeFileSync(FILE, await format(render(notes), { ...(await resolveConfig(FILE)), filepath: FILE }));
    }
    table = readTable();
  });

  test('every string of every locale file is in docs/strings-review.md with the same words', () => {
    for (const { rows } of sections) {
      for (const [key, texts] of rows) {
        expect(table.get(key)?.texts, `${key}: run UPDATE_STRINGS_REVIEW=1 and review the row`).toEqual({ en: texts.en, ko: texts.ko, id: texts.id });
      }
    }
  });

  test('the table lists no string the locale files no longer have', () => {
    const keys = new Set(sections.flatMap(({ rows }) => [...rows.keys()]));
    expect([...table.keys()].filter((key) => !keys.has(key))).toEqual([]);
  });

  test('no Korean string writes a particle in brackets or calls the deposit 보증금', () => {
    for (const [key, row] of table) {
      expect(row.texts.ko ?? '', key).not.toMatch(/\((?:을|를|으|이|가|와|과|은|는)\)|보증금/);
    }
  });
});
