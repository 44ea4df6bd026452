'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { Badge } from '@/components/ui/card';
import { Input } from '@/components/ui/field';

export type TreeNode = {
  id: string;
  name: string;
  shortName: string | null;
  type: string;
  status: string;
  memberCount: number;
  children: TreeNode[];
};

function matches(n: TreeNode, q: string): boolean {
  return n.name.includes(q) || (n.shortName ?? '').includes(q) || n.children.some((c) => matches(c, q));
}

export function OrgTree({ roots, total }: { roots: TreeNode[]; total: number }) {
  const t = useTranslations('orgs');
  const [q, setQ] = useState('');
  // Expanded: the first two levels by default; everything that matches while searching.
  const [open, setOpen] = useState<Set<string>>(() => new Set(roots.flatMap((r) => [r.id])));
  const query = q.trim();
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const all = useMemo(() => {
    const ids: string[] = [];
    const walk = (ns: TreeNode[]) =>
      ns.forEach((n) => {
        ids.push(n.id);
        walk(n.children);
      });
    walk(roots);
    return ids;
  }, [roots]);

  const render = (nodes: TreeNode[], level: number) => (
    <ul className={level ? 'ml-3 border-l border-stone-200 pl-2 sm:ml-4' : ''}>
      {nodes
        .filter((n) => !query || matches(n, query))
        .map((n) => {
          const expanded = query ? true : open.has(n.id);
          return (
            <li key={n.id} data-testid="org-node">
              <div className="flex min-h-11 items-center gap-1">
                {n.children.length > 0 ? (
                  <button
                    type="button"
                    onClick={() => toggle(n.id)}
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
                  className={`min-w-0 flex-1 truncate py-1 hover:underline ${n.status === 'ARCHIVED' ? 'text-stone-400 line-through' : ''}`}
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
              {expanded && n.children.length > 0 && render(n.children, level + 1)}
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
          onChange={(e) => setQ(e.target.value)}
          className="max-w-xs"
          aria-label={t('search')}
          data-testid="org-search"
        />
        <button
          type="button"
          className="min-h-11 rounded px-3 text-sm hover:bg-stone-100"
          onClick={() => setOpen(new Set(all))}
        >
          {t('expandAll')}
        </button>
        <button
          type="button"
          className="min-h-11 rounded px-3 text-sm hover:bg-stone-100"
          onClick={() => setOpen(new Set())}
        >
          {t('collapseAll')}
        </button>
        <span className="text-sm text-stone-500">{t('total', { count: total })}</span>
      </div>
      {roots.length === 0 ? <p className="text-sm text-stone-600">{t('empty')}</p> : render(roots, 0)}
    </div>
  );
}
