import pino from 'pino';

export type Logger = pino.Logger;

// Card data must never reach a log (SPEC 2.8), whatever object a caller passes in.
const redact = {
  paths: ['number', '*.number', 'card.number', 'body.number', 'cvc', '*.cvc', 'authorization', '*.authorization', 'req.headers.authorization'],
  censor: '[redacted]',
};

export function createLogger(level = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact }, destination);
}
