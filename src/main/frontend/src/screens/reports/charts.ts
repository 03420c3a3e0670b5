// Loaded only when a report is shown (a separate chunk): the first load of the UI carries no chart code.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours that keep 3:1 against white and apart from each other (one per topic, repeating). */
export const PALETTE = ['#0b5394', '#b45f06', '#38761d', '#741b47', '#134f5c', '#7f6000', '#990000', '#351c75'];

export interface Series {
  label: string;
  values: number[];
}

export interface BarChartSpec {
  labels: string[];
  series: Series[];
  /** Stack the series (airtime by topic) or not. */
  stacked: boolean;
  horizontal: boolean;
  axisTitle: string;
  /** Upper end of the value axis (100 for percentages). */
  max?: number;
  format: (v: number) => string;
}

function config(spec: BarChartSpec) {
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  return {
    type: 'bar' as const,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: PALETTE[i % PALETTE.length],
        maxBarThickness: 48 })),
    },
    options: {
      indexAxis: categoryAxis as 'x' | 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false as const,
      plugins: {
        legend: { display: spec.series.length > 1, position: 'bottom' as const },
        tooltip: { callbacks: { label: (c: { dataset: { label?: string }; raw: unknown }) =>
          `${c.dataset.label ?? ''}: ${spec.format(Number(c.raw))}` } },
      },
      scales: {
        [valueAxis]: { beginAtZero: true, stacked: spec.stacked, max: spec.max,
          title: { display: true, text: spec.axisTitle }, ticks: { callback: (v: string | number) => spec.format(Number(v)) } },
        [categoryAxis]: { stacked: spec.stacked, ticks: { autoSkip: !spec.horizontal } },
      },
    },
  };
}

/** Draws (or redraws) a bar chart on the canvas; returns what to call to remove it. */
export function drawBars(canvas: HTMLCanvasElement, spec: BarChartSpec): () => void {
  Chart.getChart(canvas)?.destroy();
  const chart = new Chart(canvas, config(spec));
  return () => chart.destroy();
}
