import type { IncomingMessage } from 'node:http';

export function plainAddress(a: string | undefined): string;
export function trustedPeers(list: string | undefined): (address: string) => boolean;
export function believeForwarding(req: IncomingMessage, trusted: (address: string) => boolean): void;
export function foreignAction(req: Pick<IncomingMessage, 'method' | 'headers' | 'url'>): boolean;
