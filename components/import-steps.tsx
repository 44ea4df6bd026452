/** An import page's numbered steps (take the template, fill it in, upload), above its upload form. */
export function ImportSteps({ children }: { children: React.ReactNode }) {
  return (
    <ol className="list-decimal space-y-1 rounded-lg border border-stone-200 bg-white p-4 pl-8 text-sm shadow-sm">
      {children}
    </ol>
  );
}

/** A workbook to download in an import's steps: the template, or what is there now. */
export function DownloadLink({
  href,
  testId,
  children,
}: {
  href: string;
  testId?: string;
  children: React.ReactNode;
}) {
  return (
    <a href={href} className="text-brand-700 underline" data-testid={testId}>
      {children}
    </a>
  );
}

/** The link that wraps a step's words in a download of `href` (for `t.rich`). */
export const downloadTag = (href: string, testId?: string) =>
  function Tag(chunks: React.ReactNode) {
    return (
      <DownloadLink href={href} testId={testId}>
        {chunks}
      </DownloadLink>
    );
  };

/** An Excel import page: its header, the numbered steps, then the upload form. */
export function ImportLayout({
  header,
  steps,
  children,
}: {
  header: React.ReactNode;
  steps: React.ReactNode[];
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-4">
      {header}
      <ImportSteps>
        {steps.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ImportSteps>
      {children}
    </div>
  );
}
