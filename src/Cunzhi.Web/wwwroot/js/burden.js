// 负担监测: draws the charts whose data the page embeds as JSON (#burden-charts); no inline script.
(() => {
  const source = document.getElementById('burden-charts');
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const palette = ['#b3261e', '#3d5a80', '#e07a5f', '#81b29a'];
  const options = {
    departments: d => ({
      color: palette,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.labels, inverse: true, axisLabel: { width: window.innerWidth < 576 ? 90 : 180, overflow: 'truncate' } },
      series: d.series.map(s => ({ type: 'bar', stack: 'load', name: s.name, data: s.values, barMaxWidth: 24 })),
    }),
    months: d => ({
      color: palette,
      grid: { left: 8, right: 8, top: 28, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: d.labels, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '当月合计', data: d.totals, barMaxWidth: 32 },
        { type: 'line', name: '基线', data: d.baseline, connectNulls: true, symbol: 'none', lineStyle: { type: 'dashed' } },
      ],
    }),
  };
  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(el => {
    const d = data[el.dataset.chart];
    const make = options[el.dataset.chart];
    if (!d || !make) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(make(d));
    charts.push(chart);
    el.dataset.rendered = 'true';
  });
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
