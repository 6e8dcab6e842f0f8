/**
 * An Apache ECharts chart (tree-shaken: line, bar, pie, custom for interval whiskers; canvas renderer). Tooltips render on the
 * canvas (richText), so no HTML is built from data and nothing needs inline styles under the CSP.
 * Every data point is clickable: `onPick` gets the series and the category clicked.
 *
 * @example
 * <Chart option={{ xAxis: {...}, series: [...] }} onPick={(p) => navigate("messages", { emotion: p.name })} label="Emotion mix" />
 */
import { BarChart, CustomChart, LineChart, PieChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, CustomChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Pick {
  seriesName: string;
  seriesId?: string;
  name: string;
  dataIndex: number;
  data: unknown;
  /** "yAxis" when a category label was clicked (axes with `triggerEvent`); `value` is its text. */
  componentType?: string;
  value?: unknown;
}

export function Chart({
  option,
  onPick,
  label,
  height = 280,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  onPick?: (p: Pick) => void;
  label: string;
  height?: number;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: "canvas" });
    chart.current = c;
    c.on("click", (p) => pick.current?.(p as unknown as Pick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { renderMode: "richText", trigger: "item" },
        textStyle: { fontFamily: "system-ui, 'Noto Sans', 'Noto Sans Thai', 'Noto Sans Telugu', sans-serif" },
        ...option,
      },
      { notMerge: true },
    );
  }, [option]);
  return <div ref={el} className={`chart h${height}`} role="img" aria-label={label} data-testid={testId} />;
}
