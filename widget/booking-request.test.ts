import { expect } from '@open-wc/testing';
import { choiceKey, offeredSelection } from './booking-request.ts';
import { roomRequests } from './room-requests.ts';
import { availability, property } from '../test/support/widget.ts';

describe('booking request', () => {
  it('keeps only rooms the current answer still offers, up to what is left', () => {
    const answer = availability('2026-03-11', '2026-03-12');
    answer.roomTypes[0]!.rates[1]!.available = false;
    const chosen = offeredSelection(answer, { 'garden flex': 2, 'garden saver': 1, 'suite suite-full': 3, 'garden gone': 1 });
    expect([...chosen]).to.deep.equal([
      ['garden flex', 2],
      ['suite suite-full', 1],
    ]);
  });

  it('tells a plan offered under two room types apart, and names the room type of each room', () => {
    const answer = availability('2026-03-11', '2026-03-12');
    const plan = answer.roomTypes[0]!.rates[0]!;
    answer.roomTypes[1]!.rates.push({ ...plan, unitsLeft: 1 });
    const chosen = offeredSelection(answer, { [choiceKey(answer.roomTypes[0]!, plan)]: 1, [choiceKey(answer.roomTypes[1]!, plan)]: 1 });
    const rooms = roomRequests(chosen, { adults: 2, children: 0 }, {}, []);
    expect(rooms.map((r) => [r.roomTypeId, r.rateId])).to.deep.equal([
      ['garden', plan.id],
      ['suite', plan.id],
    ]);
  });

  it('deals the children’s ages out with the children, so each room’s ages are as many as its children', () => {
    const rooms = roomRequests(new Map([['garden flex', 2]]), { adults: 3, children: 3, childAges: [4, 9, 0] }, {}, []);
    expect(rooms.map((r) => [r.adults, r.children, r.childAges])).to.deep.equal([
      [2, 2, [4, 0]],
      [1, 1, [9]],
    ]);
    const noAges = roomRequests(new Map([['garden flex', 1]]), { adults: 2, children: 1 }, {}, []);
    expect(noAges[0]).to.not.have.property('childAges');
  });

  it('spreads the party over the rooms, at least one adult in each', () => {
    const rooms = roomRequests(
      new Map([
        ['garden flex', 2],
        ['suite suite-full', 1],
      ]),
      { adults: 4, children: 1 },
      {},
      [],
    );
    expect(rooms.map((r) => [r.rateId, r.adults, r.children])).to.deep.equal([
      ['flex', 2, 1],
      ['flex', 1, 0],
      ['suite-full', 1, 0],
    ]);
  });

  it('puts per-guest extras on every room and the others once, on the first room', () => {
    const rooms = roomRequests(new Map([['garden flex', 2]]), { adults: 2, children: 0 }, { breakfast: 1, parking: 2 }, property.extras);
    expect(rooms[0]!.extras).to.deep.equal([
      { extraId: 'breakfast', quantity: 1 },
      { extraId: 'parking', quantity: 2 },
    ]);
    expect(rooms[1]!.extras).to.deep.equal([{ extraId: 'breakfast', quantity: 1 }]);
  });
});
