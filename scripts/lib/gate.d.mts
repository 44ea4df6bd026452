import type { IncomingMessage, ServerResponse } from 'node:http';

export function passes(req: Pick<IncomingMessage, 'url' | 'headers'>): boolean;
export function busyText(root: string): string;
export function doorText(root: string, key: string): string;
export function unservableUrl(url: string | undefined): boolean;
export function createGate(options: { limit: number; maxQueued: number; busy: string }): {
  admit: (req: IncomingMessage, res: ServerResponse, handle: () => void) => void;
  stats: () => { active: number; queued: number };
};
