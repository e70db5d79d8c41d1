// 监督总览: one bar chart per part (村务公开, 信访举报, 发现问题) over the towns or villages, from the JSON the page embeds
// (#supervision-overview-charts); a click on a region's bars opens that region (drill-down). No inline script.
(() => {
  const source = document.getElementById('supervision-overview-charts');
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const narrow = window.innerWidth < 576;
  const charts = [];
  for (const part of ['disclosure', 'complaints', 'findings']) {
    const el = document.querySelector(`[data-chart="${part}"]`);
    const series = data[part];
    if (!el || !series) continue;
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      color: ['#81b29a', '#f2cc8f', '#b3261e', '#3d5a80', '#98c1d9', '#e07a5f'],
      grid: { left: 8, right: 8, top: narrow ? 56 : 32, bottom: 8, containLabel: true },
      legend: { top: 0, type: narrow ? 'scroll' : 'plain' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 40 : 0, fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: series.map(s => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 18, stack: part === 'findings' && s.name === '逾期' ? undefined : part })),
    });
    chart.on('click', p => { if (data.links[p.dataIndex]) window.location.href = data.links[p.dataIndex]; });
    el.dataset.rendered = 'true';
    charts.push(chart);
  }
  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
})();
