import Link from 'next/link';

export function StatusPage({
  code,
  title,
  body,
  home,
  testId,
}: {
  code: string;
  title: string;
  body: string;
  home: string;
  testId: string;
}) {
  return (
    <div className="mx-auto max-w-md px-4 py-16 text-center" data-testid={testId}>
      <div className="text-5xl font-bold text-brand-700">{code}</div>
      <h1 className="mt-3 text-lg font-semibold">{title}</h1>
      <p className="mt-2 text-sm text-stone-600">{body}</p>
      <Link
        href="/"
        className="mt-6 inline-block min-h-11 content-center rounded-md bg-brand-700 px-4 text-sm text-white"
      >
        {home}
      </Link>
    </div>
  );
}
