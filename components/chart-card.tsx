import { Chart } from '@/components/chart';
import { Card } from '@/components/ui/card';

/** A card holding one chart (with its CSV download) under the card's title. */
export function ChartCard({
  title,
  actions,
  ...chart
}: { title: React.ReactNode; actions?: React.ReactNode } & React.ComponentProps<typeof Chart>) {
  return (
    <Card title={title} actions={actions}>
      <Chart {...chart} />
    </Card>
  );
}
