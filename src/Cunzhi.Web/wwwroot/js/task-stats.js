// 准入统计: a stacked bar per department from the JSON the page embeds (#task-stats-data);
// no inline script, so a strict Content-Security-Policy needs nothing extra.
(() => {
  const source = document.getElementById('task-stats-data');
  const el = document.getElementById('task-stats-chart');
  if (!source || !el || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const colors = ['#2e7d32', '#b3261e', '#6c757d', '#e0a800'];
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: colors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.departments, axisLabel: { interval: 0, fontSize: window.innerWidth < 576 ? 10 : 12 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map(s => ({ name: s.name, type: 'bar', stack: 'total', data: s.values, barMaxWidth: 48 })),
  });
  el.dataset.rendered = 'true';
  window.addEventListener('resize', () => chart.resize());
})();
