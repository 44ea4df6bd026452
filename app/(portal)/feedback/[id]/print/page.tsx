import { getTranslations } from 'next-intl/server';
import { FeedbackSheetDocument } from '@/components/feedback/feedback-sheet';
import { requireUser } from '@/lib/auth/current-user';
import { sheetDetailFor } from '@/lib/feedback/queries';
import { load } from '@/lib/page-guard';
import { PrintButton } from '@/components/print-button';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('feedback', 'sheetTitle');

/** A4 layout of the sheet (the portal header is hidden on paper); also what the PDF is rendered from. */
export default async function FeedbackPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const d = await load(() => sheetDetailFor(user, id));
  const t = await getTranslations('feedback');
  return (
    <div className="space-y-3">
      <div className="no-print flex justify-end">
        <PrintButton label={t('print')} />
      </div>
      <FeedbackSheetDocument d={d} />
    </div>
  );
}
