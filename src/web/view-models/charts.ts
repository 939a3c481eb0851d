/** One bar of a server-drawn SVG bar chart: geometry computed here, printed by the template. */
export interface BarVm {
  readonly label: string;
  readonly value: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly labelX: number;
  readonly valueY: number;
}

/** A horizontal-axis bar chart: its size, its bars and a sentence for screen readers. */
export interface BarChartVm {
  readonly width: number;
  readonly height: number;
  readonly baseline: number;
  readonly bars: readonly BarVm[];
  readonly description: string;
}

/** Chart size in SVG units; the SVG scales to its container (viewBox). */
const WIDTH = 640;
const HEIGHT = 220;
/** Room under the bars for labels and above for values. */
const LABEL_SPACE = 40;
const VALUE_SPACE = 18;

/** Returns a bar chart of `items` scaled to the largest value (an empty chart when every value is 0). */
export function buildBarChart(items: readonly { label: string; value: number; display?: string }[], description: string): BarChartVm {
  const max = Math.max(0, ...items.map((i) => i.value));
  const slot = items.length === 0 ? WIDTH : WIDTH / items.length;
  const barWidth = Math.max(4, slot * 0.7);
  const plot = HEIGHT - LABEL_SPACE - VALUE_SPACE;
  const baseline = HEIGHT - LABEL_SPACE;
  return {
    width: WIDTH,
    height: HEIGHT,
    baseline,
    description,
    bars: items.map((item, i) => {
      const height = max === 0 ? 0 : Math.round((item.value / max) * plot * 10) / 10;
      const x = Math.round((i * slot + (slot - barWidth) / 2) * 10) / 10;
      return {
        label: item.label,
        value: item.display ?? String(item.value),
        x,
        y: Math.round((baseline - height) * 10) / 10,
        width: Math.round(barWidth * 10) / 10,
        height,
        labelX: Math.round((x + barWidth / 2) * 10) / 10,
        valueY: Math.round((baseline - height - 4) * 10) / 10,
      };
    }),
  };
}
