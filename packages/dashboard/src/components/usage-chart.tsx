import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

export interface ChartPoint {
  /** Window start, epoch ms. */
  t: number;
  /** null: no data in this window (a gap, not a zero). */
  value: number | null;
}

interface Props {
  points: ChartPoint[];
  label: string;
  timeZone: string;
  /** End of the last window, epoch ms: its step is drawn to there. */
  endT?: number;
  /** The time range shown, epoch ms, whatever the data covers. */
  xRange?: [number, number];
  /** Accessible description; the numbers are also in a table beside the chart. */
  title: string;
}

/** A uPlot bar-like line of usage per window, drawn in the chosen time zone. */
export function UsageChart({ points, label, timeZone, title, endT, xRange }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const last = points[points.length - 1];
    const all = last && endT && endT > last.t ? [...points, { t: endT, value: last.value }] : points;
    const data: uPlot.AlignedData = [all.map((p) => p.t / 1000), all.map((p) => p.value)];
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height: 260,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
      scales: {
        x: xRange ? { time: true, range: () => [xRange[0] / 1000, xRange[1] / 1000] } : { time: true },
        y: { range: (_u, min, max) => [Math.min(0, min ?? 0), max > 0 ? max * 1.1 : 1] },
      },
      series: [
        {},
        { label, stroke: '#2457c5', width: 2, fill: 'rgba(36,87,197,0.12)', points: { show: points.length < 60, size: 6 }, paths: uPlot.paths.stepped?.({ align: 1 }) },
      ],
      axes: [{}, { size: 70 }],
    };
    const plot = new uPlot(opts, data, el);
    // Follow the container's width (laptop ↔ phone, rotated screens).
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: 260 }));
    ro.observe(el);
    return () => { ro.disconnect(); plot.destroy(); };
  }, [points, label, timeZone, endT, xRange?.[0], xRange?.[1]]);
  return <div ref={box} className="chart" role="img" aria-label={title} data-testid="usage-chart" />;
}
