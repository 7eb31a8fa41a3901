'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '@/lib/money-format';

export interface SalesChartDay {
  day: string;
  orders: number;
  revenueCents: number;
}

const dayLabel = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/**
 * Sales per day as bars (Recharts). The chart is decoration for sighted staff: the same figures are
 * in the table beside it, which is what screen readers get (the chart is aria-hidden).
 */
export function SalesChart({ days, currency }: { days: SalesChartDay[]; currency: string }) {
  const data = days.map((d) => ({ ...d, label: dayLabel.format(new Date(`${d.day}T00:00:00Z`)) }));
  return (
    <div className="sales-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={240}>
        {/* No keyboard layer: the chart is hidden from assistive technology, so nothing in it may take the focus. */}
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#e4dccd" />
          <XAxis dataKey="label" tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={16} fontSize={12} />
          <YAxis
            // In cents: whole dollars for the ticks, and a $100 scale for a month with no sales yet.
            domain={[0, (max: number) => Math.max(max, 10_000)]}
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            width={64}
            fontSize={12}
            tickFormatter={(v: number) => formatMoney({ amount: Math.round(v), currency }).replace(/\.00$/, '')}
          />
          <Tooltip
            formatter={(v) => [formatMoney({ amount: Math.round(Number(v)), currency }), 'Sales']}
            labelFormatter={(l) => String(l)}
            cursor={{ fill: 'rgba(155, 61, 35, 0.08)' }}
          />
          <Bar dataKey="revenueCents" fill="#9b3d23" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
