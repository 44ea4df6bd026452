import { AnchorButton, LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { compact } from '@/lib/static-markup';

/** A link in a page's header: `primary` for the page's main step (making something new), `file` for a download. */
export type HeaderLink = { href: string; label: string; primary?: boolean; file?: boolean };

/**
 * A portal page: its header (title, introduction, the links the reader may follow — a `false` one is left out,
 * so `can && {…}` reads naturally) over its cards.
 */
export function PortalPage({
  title,
  description,
  links = [],
  children,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  links?: (HeaderLink | false | null | undefined)[];
  children: React.ReactNode;
}) {
  const shown = links.filter((l): l is HeaderLink => !!l);
  // The page's read-only parts are written as HTML; its forms stay React's (lib/static-markup).
  return compact(
    <div className="space-y-4">
      <PageHeader
        title={title}
        description={description}
        actions={
          shown.length > 0 &&
          shown.map((l) =>
            l.file ? (
              <AnchorButton key={l.href} href={l.href}>
                {l.label}
              </AnchorButton>
            ) : (
              <LinkButton key={l.href} href={l.href} variant={l.primary ? 'primary' : 'secondary'}>
                {l.label}
              </LinkButton>
            ),
          )
        }
      />
      {children}
    </div>,
  );
}
