// Korean's own rules for the widget, in the ko chunk so that widget.js and the other languages never
// load es-hangul: particles chosen from the word before them (shared/korean.ts), won as "80,000원".
import { fillKorean } from '../../shared/korean.ts';
import { formatLocalMoney } from '../../shared/local-money.ts';
import type { Grammar } from '../i18n.ts';

export const korean: Grammar = { fill: fillKorean, money: formatLocalMoney };
