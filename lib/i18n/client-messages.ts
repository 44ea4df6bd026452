// Which messages reach the browser. Server components translate on the server; only client components need
// messages in the page, and the whole catalogue (110 KB) in every page's HTML was most of each page's
// weight and render time (issue 17). The root layout sends the base; each section's layout adds its own
// namespaces. client-messages.test.ts reads every client component and fails if one uses a namespace its
// section does not send.

/**
 * Every page: the shell, the shared components, and the messages any action may return (every namespace's
 * `errors`, `validation`, the password rules' messages, a passkey's default name). The second-factor screens and the
 * scoring inputs take theirs in their sections (4 and 2 KB that every other page did without).
 */
export const BASE_NAMESPACES = [
  'app',
  'shell',
  'errors',
  'validation',
  'errorPages',
  'auth.password',
  'factors.passkeyDefault',
];

/** Per section (the folder under app/(portal) or app/(auth)): the namespaces its client components use. */
export const SECTION_NAMESPACES: Record<string, string[]> = {
  'change-password': ['changePassword'],
  login: ['factors', 'login'],
  account: ['factors', 'sessions'],
  admin: ['factors', 'roles', 'securitySettings', 'users'],
  announcements: ['announcements'],
  audits: ['audits', 'exams', 'feedback', 'handbook', 'meetings', 'scoringKinds'],
  exams: ['bank', 'exams', 'roles'],
  feedback: ['feedback'],
  handbook: ['handbook', 'handbookImport', 'orgs', 'revisions', 'roles', 'scoringKinds'],
  insights: ['annual', 'learning'],
  learning: ['learning', 'training'],
  meetings: ['meetings', 'people'],
  notifications: ['notifications'],
  orgs: ['orgImport', 'orgs', 'photos', 'robots'],
  people: ['dues', 'people', 'peopleImport', 'transfers'],
  rectifications: ['feedback'],
  reminders: ['handbook', 'photos', 'quality', 'reminders', 'supervision'],
  'self-checks': ['scoringKinds', 'selfCheck'],
};

type Tree = { [k: string]: string | Tree };

/** Errors sit under `errors` in many namespaces (orgs.errors, ledger.errors…): an action may return any of them. */
function errorsOnly(t: Tree): Tree | undefined {
  let out: Tree | undefined;
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') continue;
    const kept = k === 'errors' ? v : errorsOnly(v);
    if (kept) (out ??= {})[k] = kept;
  }
  return out;
}

/** The given namespaces (or dotted subtrees, 'auth.password') whole, and every namespace's `errors`. */
export function pickMessages(all: Tree, namespaces: readonly string[]): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(all)) {
    if (namespaces.includes(k)) out[k] = v;
    else if (typeof v !== 'string') {
      const e = errorsOnly(v);
      if (e) out[k] = e;
    }
  }
  for (const n of namespaces.filter((x) => x.includes('.'))) {
    const parts = n.split('.');
    let from: Tree | string | undefined = all;
    let to = out;
    for (const [i, p] of parts.entries()) {
      from = typeof from === 'object' ? from[p] : undefined;
      if (from === undefined) break;
      if (i === parts.length - 1) to[p] = from;
      else to = (to[p] ??= {}) as Tree;
    }
  }
  return out;
}
