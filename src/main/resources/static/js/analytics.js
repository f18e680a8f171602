// Draws the analytics charts. Each chart is a <div data-chart="{json}"> written by the server
// (AnalyticsCharts): kind (bar, hbar, line), categories, series [{name, data, axis, type?}], stacked,
// axes. A series' own type (e.g. a line over stacked columns) overrides the chart's kind.
// The same figures are in the table beside each chart; without JavaScript the tables remain.
(function () {
  'use strict';
  const palette = ['#1f5f99', '#d9822b', '#3c8d5a', '#8e5ea2', '#c23b3b', '#5b6b7a'];

  function options(spec) {
    const horizontal = spec.kind === 'hbar';
    const categoryAxis = {type: 'category', data: spec.categories, axisLabel: {hideOverlap: true}};
    const valueAxes = spec.axes.map(function (name, i) {
      return {type: 'value', name: name, position: i === 0 ? (horizontal ? 'bottom' : 'left') : 'right',
        splitLine: {show: i === 0}, minInterval: spec.kind === 'line' ? undefined : 1};
    });
    const series = spec.series.map(function (s) {
      const item = {name: s.name, type: s.type || (spec.kind === 'line' ? 'line' : 'bar'), data: s.data,
        connectNulls: false, barMaxWidth: 48, emphasis: {focus: 'series'}};
      if (spec.stacked && item.type === 'bar') { item.stack = 'total'; }
      if (horizontal) { item.xAxisIndex = 0; } else { item.yAxisIndex = s.axis; }
      return item;
    });
    return {
      color: palette,
      animation: false,
      aria: {enabled: true},
      tooltip: {trigger: 'axis'},
      legend: {show: spec.series.length > 1, top: 0},
      grid: {left: 8, right: 16, top: spec.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true},
      xAxis: horizontal ? valueAxes[0] : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxes,
      series: series
    };
  }

  function draw() {
    if (typeof echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      const spec = JSON.parse(element.getAttribute('data-chart'));
      const chart = echarts.init(element, null, {renderer: 'canvas'});
      chart.setOption(options(spec));
      element.setAttribute('data-drawn', 'true');
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
