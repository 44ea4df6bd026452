import type { IncomingMessage, ServerResponse } from 'node:http';

export function passes(req: Pick<IncomingMessage, 'url' | 'headers'>): boolean;
export function createGate(options: { limit: number; maxQueued: number }): {
  admit: (req: IncomingMessage, res: ServerResponse, handle: () => void) => void;
  stats: () => { active: number; queued: number };
};
