export function Card({
  title,
  actions,
  children,
  className = '',
}: {
  title?: React.ReactNode;
  actions?: React.ReactNode;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section className={`rounded-lg border border-stone-200 bg-white p-4 shadow-sm ${className}`}>
      {(title || actions) && (
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-base font-semibold text-stone-800">{title}</h2>}
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** A card holding a list: its title, the words for an empty list, else one `<li>` an item from `item`. */
export function ListCard<T>({
  title,
  items,
  empty,
  testId,
  className = 'divide-y divide-stone-100 text-sm',
  item,
}: {
  title: React.ReactNode;
  items: readonly T[];
  empty: string;
  testId?: string;
  className?: string;
  item: (x: T) => React.ReactNode;
}) {
  return (
    <Card title={title}>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <ul className={className} data-testid={testId}>
          {items.map(item)}
        </ul>
      )}
    </Card>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold text-stone-900">{title}</h1>
        {/* A div, not a p: a description may itself hold a paragraph (a <p> in a <p> breaks hydration). */}
        {description && <div className="mt-1 text-sm text-stone-600">{description}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

export function Badge({
  children,
  tone = 'stone',
}: {
  children: React.ReactNode;
  tone?: 'stone' | 'green' | 'amber' | 'red' | 'blue';
}) {
  const tones = {
    stone: 'bg-stone-100 text-stone-700',
    green: 'bg-green-100 text-green-800',
    amber: 'bg-amber-100 text-amber-800',
    red: 'bg-red-100 text-red-800',
    blue: 'bg-blue-100 text-blue-800',
  };
  return <span className={`wb-badge ${tones[tone]}`}>{children}</span>;
}
