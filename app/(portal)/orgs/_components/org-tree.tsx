'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { Badge } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import type { OrgTreeNode as TreeNode } from '@/lib/orgs/queries/tree';

function matches(n: TreeNode, q: string): boolean {
  return (
    n.name.includes(q) || (n.shortName ?? '').includes(q) || (n.children ?? []).some((c) => matches(c, q))
  );
}

type Found = { q: string; roots: TreeNode[]; truncated: boolean };

/**
 * The organization tree. `complete`: every unit of the user's scope is here and search filters in the
 * browser. Otherwise (a large company) only the top levels came with the page: a branch's units are fetched
 * when it is opened, and search asks the server.
 */
export function OrgTree({ roots, total, complete }: { roots: TreeNode[]; total: number; complete: boolean }) {
  const t = useTranslations('orgs');
  const [q, setQ] = useState('');
  // Expanded: the first two levels by default; everything that matches while searching.
  const [open, setOpen] = useState<Set<string>>(() => new Set(roots.flatMap((r) => [r.id])));
  const [loaded, setLoaded] = useState<Map<string, TreeNode[]>>(() => new Map());
  const [loading, setLoading] = useState<Set<string>>(() => new Set());
  const [failed, setFailed] = useState(false);
  const [answer, setAnswer] = useState<Found | null>(null);
  const query = q.trim();
  const childrenOf = (n: TreeNode) => n.children ?? loaded.get(n.id);
  // The server's answer to the text now in the box (an older answer is not shown).
  const found = answer && answer.q === query ? answer : null;

  const load = async (id: string) => {
    setLoading((s) => new Set(s).add(id));
    try {
      const res = await fetch(`/api/orgs/tree?parent=${encodeURIComponent(id)}`);
      if (!res.ok) throw new Error(String(res.status));
      const { children } = (await res.json()) as { children: TreeNode[] };
      setLoaded((m) => new Map(m).set(id, children));
      setFailed(false);
    } catch {
      setFailed(true);
      setOpen((s) => {
        const n = new Set(s);
        n.delete(id);
        return n;
      });
    } finally {
      setLoading((s) => {
        const n = new Set(s);
        n.delete(id);
        return n;
      });
    }
  };
  const toggle = (n: TreeNode) => {
    const opening = !open.has(n.id);
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(n.id)) next.delete(n.id);
      else next.add(n.id);
      return next;
    });
    if (opening && !childrenOf(n) && !loading.has(n.id)) void load(n.id);
  };

  // A large tree is searched on the server, a moment after typing stops.
  useEffect(() => {
    if (complete || !query) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/orgs/tree?q=${encodeURIComponent(query)}`, { signal: ctl.signal })
        .then((r) =>
          r.ok ? (r.json() as Promise<Omit<Found, 'q'>>) : Promise.reject(new Error(String(r.status))),
        )
        .then((f) => {
          setAnswer({ ...f, q: query });
          setFailed(false);
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') setFailed(true);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [complete, query]);

  const all = useMemo(() => {
    const ids: string[] = [];
    const walk = (ns: TreeNode[]) =>
      ns.forEach((n) => {
        ids.push(n.id);
        walk(n.children ?? []);
      });
    walk(roots);
    return ids;
  }, [roots]);

  const render = (nodes: TreeNode[], level: number) => (
    <ul className={level ? 'ml-3 border-l border-stone-200 pl-2 sm:ml-4' : ''}>
      {nodes
        .filter((n) => !query || !complete || matches(n, query))
        .map((n) => {
          const expanded = query ? true : open.has(n.id);
          const kids = childrenOf(n);
          return (
            <li key={n.id} data-testid="org-node">
              <div className="flex min-h-11 items-center gap-1">
                {(query ? (kids?.length ?? 0) : n.childCount) > 0 ? (
                  <button
                    type="button"
                    onClick={() => toggle(n)}
                    disabled={!!query}
                    aria-expanded={expanded}
                    aria-label={expanded ? t('collapse') : t('expand')}
                    className="flex h-9 w-9 shrink-0 items-center justify-center rounded hover:bg-stone-100"
                  >
                    {expanded ? '▾' : '▸'}
                  </button>
                ) : (
                  <span className="w-9 shrink-0" />
                )}
                <Link
                  href={`/orgs/${n.id}`}
                  className={`min-w-0 flex-1 truncate py-1 hover:underline ${n.status === 'ARCHIVED' ? 'text-stone-500 line-through' : ''}`}
                >
                  {query && n.name.includes(query) ? <mark className="bg-amber-100">{n.name}</mark> : n.name}
                </Link>
                <span className="hidden sm:inline">
                  <Badge>{t(`types.${n.type}`)}</Badge>
                </span>
                {n.status !== 'ACTIVE' && (
                  <Badge tone={n.status === 'ARCHIVED' ? 'stone' : 'amber'}>
                    {t(`statuses.${n.status}`)}
                  </Badge>
                )}
                <span className="w-14 shrink-0 text-right text-xs text-stone-500">
                  {t('memberCount', { count: n.memberCount })}
                </span>
              </div>
              {expanded && loading.has(n.id) && (
                <p className="ml-12 py-1 text-sm text-stone-500" role="status">
                  {t('loading')}
                </p>
              )}
              {expanded && kids && kids.length > 0 && render(kids, level + 1)}
            </li>
          );
        })}
    </ul>
  );

  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <Input
          type="search"
          placeholder={t('searchPlaceholder')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setFailed(false);
          }}
          maxLength={50}
          className="max-w-xs"
          aria-label={t('search')}
          data-testid="org-search"
        />
        {complete && (
          <button
            type="button"
            className="min-h-11 rounded px-3 text-sm hover:bg-stone-100"
            onClick={() => setOpen(new Set(all))}
          >
            {t('expandAll')}
          </button>
        )}
        <button
          type="button"
          className="min-h-11 rounded px-3 text-sm hover:bg-stone-100"
          onClick={() => setOpen(new Set())}
        >
          {t('collapseAll')}
        </button>
        <span className="text-sm text-stone-500">{t('total', { count: total })}</span>
      </div>
      {failed && (
        <p className="mb-2 text-sm text-red-700" role="alert">
          {t('loadFailed')}
        </p>
      )}
      {found?.truncated && <p className="mb-2 text-sm text-amber-800">{t('searchTruncated')}</p>}
      {roots.length === 0 ? (
        <p className="text-sm text-stone-600">{t('empty')}</p>
      ) : !complete && query ? (
        found ? (
          found.roots.length ? (
            render(found.roots, 0)
          ) : (
            <p className="text-sm text-stone-600">{t('noMatch')}</p>
          )
        ) : (
          <p className="text-sm text-stone-500" role="status">
            {t('searching')}
          </p>
        )
      ) : (
        render(roots, 0)
      )}
    </div>
  );
}
