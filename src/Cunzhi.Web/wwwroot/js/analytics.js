// 班子结构分析: draws the charts whose data the page embeds as JSON (#structure-charts).
// Each container names its chart in data-chart; the page holds no script of its own, so a strict
// Content-Security-Policy needs nothing inline.
(() => {
  const source = document.getElementById('structure-charts');
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const palette = ['#b3261e', '#e07a5f', '#f2cc8f', '#81b29a', '#3d5a80', '#6d597a', '#98c1d9'];
  const narrow = () => window.innerWidth < 576;

  const bar = d => ({
    color: palette,
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, fontSize: narrow() ? 10 : 12, hideOverlap: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: d.values, barMaxWidth: 48, label: { show: true, position: 'top' } }],
  });

  const pie = d => ({
    color: palette,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
    legend: narrow() ? { bottom: 0, type: 'scroll' } : { orient: 'vertical', right: 8, top: 'middle' },
    series: [{
      type: 'pie',
      radius: ['35%', '65%'],
      center: narrow() ? ['50%', '45%'] : ['40%', '50%'],
      // Levels nobody holds would only clutter the pie and its legend.
      data: d.labels.map((name, i) => ({ name, value: d.values[i] })).filter(x => x.value > 0),
      label: { show: !narrow(), formatter: '{b}\n{d}%' },
    }],
  });

  const charts = [];
  document.querySelectorAll('[data-chart]').forEach(el => {
    const d = data[el.dataset.chart];
    if (!d) return;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(d.type === 'pie' ? pie(d) : bar(d));
    charts.push({ chart, d });
    el.dataset.rendered = 'true';
  });

  // Phones rotate and columns reflow: follow the container's size, and re-lay out labels for the width.
  let pending = 0;
  const resize = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => charts.forEach(({ chart, d }) => {
      chart.setOption(d.type === 'pie' ? pie(d) : bar(d), { notMerge: true });
      chart.resize();
    }));
  };
  window.addEventListener('resize', resize);
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(resize);
    charts.forEach(({ chart }) => observer.observe(chart.getDom()));
  }
})();
