// 诉求统计: draws the bar chart per child region from the JSON the page embeds (#matter-stats-charts); a click on a
// region's bars opens that region (drill-down). No inline script.
(() => {
  const source = document.getElementById('matter-stats-charts');
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const el = document.querySelector('[data-chart="regions"]');
  const d = data.regions;
  if (!el || !d) return;
  const narrow = window.innerWidth < 576;
  const chart = echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: ['#3d5a80', '#98c1d9', '#b3261e', '#e07a5f', '#81b29a', '#f2cc8f'],
    grid: { left: 8, right: 8, top: narrow ? 56 : 32, bottom: 8, containLabel: true },
    legend: { top: 0, type: narrow ? 'scroll' : 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: d.labels, axisLabel: { interval: 0, rotate: d.labels.length > 6 ? 40 : 0, fontSize: 10 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: d.series.map(s => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 18 })),
  });
  chart.on('click', p => { if (d.links[p.dataIndex]) window.location.href = d.links[p.dataIndex]; });
  el.dataset.rendered = 'true';
  window.addEventListener('resize', () => chart.resize());
})();
