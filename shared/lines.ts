// SPEC 2.13, 2.14: the lines of what the guest pays, and one booking-wide discount spread over its rooms
// so that each rate's deposit is computed on its own room prices after the discount (SPEC 2.4).

/** A booking's rooms as lines need them. */
export interface LineRoom {
  roomTypeName: string;
  rateName: string;
  roomTotal: number;
  extras: readonly { name: string; total: number }[];
  /** This room's share of the booking's discount, 0 or more. */
  discount: number;
}

export interface StayLine {
  kind: 'room' | 'extra' | 'discount';
  name: string;
  amount: number;
}

/**
 * Splits `total` over `weights` in proportion, each share rounded down and what is left given to the
 * largest weights first, so the shares are integers that sum to `total` and none exceeds its weight
 * while `total` ≤ their sum. BigInt: a KRW room total times a discount can pass 2^53.
 */
export function spread(total: number, weights: readonly number[]): number[] {
  const whole = weights.reduce((a, b) => a + b, 0);
  if (whole === 0 || total === 0) return weights.map(() => 0);
  const shares = weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(whole)));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => i).sort((a, b) => weights[b]! - weights[a]! || a - b);
  for (const i of order) {
    if (left === 0) break;
    if (shares[i]! < weights[i]!) {
      shares[i]! += 1;
      left -= 1;
    }
  }
  return shares;
}

/** A room's first night after its share of the discount: that night's part of the share, rounded up, so it never exceeds the room's price after discount. */
export function firstNightAfter(firstNight: number, roomTotal: number, discount: number): number {
  if (roomTotal === 0) return firstNight;
  // No discount leaves no part to take: priced for every rate of every answer, so no BigInt for it.
  if (discount === 0 && roomTotal > 0) return firstNight;
  const part = (BigInt(discount) * BigInt(firstNight) + BigInt(roomTotal) - 1n) / BigInt(roomTotal);
  return firstNight - Number(part);
}

/** The stay's lines: each room and its extras, then the discount once, negative. */
export function stayLines(rooms: readonly LineRoom[], discountName: string | undefined): StayLine[] {
  const lines: StayLine[] = [];
  for (const room of rooms) {
    lines.push({ kind: 'room', name: `${room.roomTypeName} · ${room.rateName}`, amount: room.roomTotal });
    for (const extra of room.extras) lines.push({ kind: 'extra', name: extra.name, amount: extra.total });
  }
  const discount = rooms.reduce((a, r) => a + r.discount, 0);
  if (discount > 0) lines.push({ kind: 'discount', name: discountName ?? 'Discount', amount: -discount });
  return lines;
}
