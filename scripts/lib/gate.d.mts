import type { IncomingMessage, ServerResponse } from 'node:http';

export function passes(req: Pick<IncomingMessage, 'url' | 'headers'>): boolean;
export function busyText(root: string): string;
export function createGate(options: { limit: number; maxQueued: number; busy: string }): {
  admit: (req: IncomingMessage, res: ServerResponse, handle: () => void) => void;
  stats: () => { active: number; queued: number };
};
