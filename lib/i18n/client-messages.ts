// Which messages reach the browser. Server components translate on the server; only client components need
// messages in the page, and the whole catalogue (110 KB) in every page's HTML was most of each page's
// weight and render time (issue 17). The root layout sends the base; each section's layout adds its own
// namespaces. client-messages.test.ts reads every client component and fails if one uses a namespace its
// section does not send.

/**
 * Every page (the root layout): the shell, the shared components, the generic errors and the validation messages
 * the shared field rules give. An action's refusal arrives already in words (lib/action.ts), so no namespace's
 * `errors` rides along for it; a section adds the keys its forms' schemas may give in the browser.
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

/** Every namespace's `errors`: for the pages that show keys the server sent as data (an import's refused rows). */
export const ALL_ERRORS = '*.errors';

/**
 * Per section (a route folder under app/(portal) or app/(auth), whose layout.tsx renders `<ClientMessages
 * section>`): the namespaces, subtrees or single messages its client components use, laid over the root's in the
 * browser (components/section-messages.tsx), so the base travels once a page. A nested section adds to its
 * parent's. A page with no client words needs no section: the roster, the handbook's reading pages, audits' lists.
 */
export const SECTION_NAMESPACES: Record<string, string[]> = {
  'change-password': ['changePassword', 'users.errors'],
  login: ['factors', 'login'],
  account: ['factors', 'sessions'],
  admin: ['factors', 'roles', 'securitySettings', 'sessions.title', 'users'],
  announcements: ['announcements'],
  'audits/[id]': ['audits', 'exams', 'feedback', 'handbook', 'scoringKinds'],
  'audits/plans': ['audits', 'meetings', 'people.errors'],
  'audits/samples': ['audits', 'meetings.errors', 'people.errors'],
  exams: ['bank', 'exams', 'roles'],
  feedback: ['feedback'],
  'handbook/articles': ['revisions'],
  'handbook/revisions': ['revisions'],
  'handbook/draft': [
    'handbook',
    'ledger.errors',
    'meetings.errors',
    'orgs',
    'people.errors',
    'photos.site.errors',
    'roles',
    'scoringKinds',
  ],
  'handbook/standard': [
    'handbook',
    'ledger.errors',
    'meetings.errors',
    'orgs.errors',
    'people.errors',
    'photos.site.errors',
    'scoringKinds.errors',
  ],
  'insights/annual': ['annual'],
  'insights/problems': ['learning'],
  learning: ['announcements.errors.fileTooLarge', 'learning', 'training'],
  meetings: ['meetings', 'people'],
  notifications: ['notifications'],
  orgs: ['orgs', 'photos', 'robots'],
  'people/[id]': ['dues.errors', 'people', 'transfers'],
  'people/new': ['dues.errors', 'people', 'transfers.errors'],
  'people/dues': ['dues'],
  'people/transfers': ['transfers'],
  rectifications: ['feedback'],
  reminders: ['reminders', 'supervision.errors'],
  'reminders/supervision': ['photos', 'quality', 'supervision'],
  'self-checks': ['selfCheck'],
  'self-checks/[id]': ['handbook.errors', 'scoringKinds'],
  // An import shows the keys its rows were refused with, which may be any namespace's errors.
  'exams/bank/import': [ALL_ERRORS],
  'handbook/draft/import': [ALL_ERRORS, 'handbookImport'],
  'orgs/import': [ALL_ERRORS, 'orgImport'],
  'people/import': [ALL_ERRORS, 'peopleImport'],
};

type Tree = { [k: string]: string | Tree };

/**
 * A message: a string, or in a build the array next-intl compiled it into (a message with values; see
 * next.config.ts). Anything else is a subtree.
 */
const isMessage = (v: unknown): boolean => typeof v !== 'object' || v === null || Array.isArray(v);

/** Errors sit under `errors` in many namespaces (orgs.errors, ledger.errors…). */
function errorsOnly(t: Tree): Tree | undefined {
  let out: Tree | undefined;
  for (const [k, v] of Object.entries(t)) {
    if (isMessage(v)) continue;
    const kept = k === 'errors' ? v : errorsOnly(v as Tree);
    if (kept) (out ??= {})[k] = kept;
  }
  return out;
}

/** `into` with `from` laid over it, subtree by subtree (a new object; neither argument changes). */
export function mergeMessages(into: Tree, from: Tree): Tree {
  const out: Tree = { ...into };
  for (const [k, v] of Object.entries(from)) {
    const had = out[k];
    out[k] = !isMessage(v) && !isMessage(had) ? mergeMessages(had as Tree, v as Tree) : v;
  }
  return out;
}

/**
 * The given namespaces whole, dotted subtrees or single messages ('auth.password', 'orgs.errors.badType') alone,
 * and with ALL_ERRORS every namespace's `errors`.
 */
export function pickMessages(all: Tree, names: readonly string[]): Tree {
  let out: Tree = {};
  if (names.includes(ALL_ERRORS)) out = errorsOnly(all) ?? {};
  for (const n of names) {
    if (n === ALL_ERRORS) continue;
    const parts = n.split('.');
    let from: Tree | string | undefined = all;
    for (const p of parts) from = isMessage(from) ? undefined : (from as Tree)[p];
    if (from === undefined) continue;
    const picked = parts.reduceRight<Tree | string>((v, p) => ({ [p]: v }), from) as Tree;
    out = mergeMessages(out, picked);
  }
  return out;
}
