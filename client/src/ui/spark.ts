/** A tiny line chart's data: the last N values by day, and their SVG path. Pure, for the HUD. */

/** Keeps one value per day (the latest sent), the most recent `size` days, in day order. */
export class SeriesBuffer {
  private readonly byDay = new Map<number, number>();

  constructor(private readonly size: number) {}

  put(day: number, value: number): void {
    if (!Number.isFinite(value)) return;
    this.byDay.set(day, value);
    if (this.byDay.size > this.size) {
      const oldest = Math.min(...this.byDay.keys());
      this.byDay.delete(oldest);
    }
  }

  values(): number[] {
    return [...this.byDay.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
}

/**
 * An SVG path through the values scaled into width × height (higher values higher up), or null with
 * fewer than two points. A flat series draws a line across the middle.
 */
export function sparkPath(values: readonly number[], width: number, height: number): string | null {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const x = (i: number) => (i / (values.length - 1)) * width;
  const y = (v: number) => (span === 0 ? height / 2 : height - 1 - ((v - min) / span) * (height - 2));
  return values.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
}
