// parbench history page: draws the data of #history-data with ECharts. No network access.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('history-data').textContent);
  var charts = {};

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
    }
    return charts[id];
  }

  function option(text, value) {
    var o = document.createElement('option');
    o.textContent = text;
    o.value = value;
    return o;
  }

  // --- trends per testbed -------------------------------------------------------------------
  var seriesSelect = document.getElementById('series-select');
  var seriesFilter = document.getElementById('series-filter');

  function fillSeries() {
    var words = seriesFilter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var previous = seriesSelect.value;
    seriesSelect.textContent = '';
    data.series.forEach(function (s, i) {
      var label = s.testbed + ' · ' + s.name;
      var hay = label.toLowerCase();
      if (words.every(function (w) { return hay.indexOf(w) >= 0; })) {
        seriesSelect.appendChild(option(label + (s.changes.length ? '  [' + s.changes.length + ' change' + (s.changes.length === 1 ? '' : 's') + ']' : ''), String(i)));
      }
    });
    if (previous && seriesSelect.querySelector('option[value="' + previous + '"]')) {
      seriesSelect.value = previous;
    } else {
      // first time (or the old choice filtered away): the first series with a change point, if any
      var withChange = Array.prototype.find.call(seriesSelect.options, function (o) {
        return data.series[Number(o.value)].changes.length > 0;
      });
      if (withChange) { seriesSelect.value = withChange.value; }
    }
    drawSeries();
  }

  function drawSeries() {
    var c = chart('series-chart');
    var s = data.series[Number(seriesSelect.value)];
    if (!s) {
      c.clear();
      document.getElementById('series-caption').textContent = 'no series matches';
      return;
    }
    document.getElementById('series-caption').textContent = s.testbed + ' · ' + s.name + ' (' + s.unit + ')';
    var x = s.points.map(function (p) { return p[0]; });
    var low = s.points.map(function (p) { return p[2]; });
    var width = s.points.map(function (p) { return p[2] == null || p[3] == null ? null : p[3] - p[2]; });
    var median = s.points.map(function (p) { return p[1]; });
    var marks = s.changes.map(function (ch) {
      var p = s.points[ch[0]];
      return { xAxis: p[0], label: { formatter: (p[4] || 'run ' + ch[0]) + ' ' + ((ch[1] - 1) * 100).toFixed(1) + '%' } };
    });
    c.setOption({
      animation: false,
      tooltip: { trigger: 'axis', formatter: function (items) {
        var i = items[0].dataIndex, p = s.points[i];
        return p[0] + '<br>commit ' + (p[4] || 'unknown') + '<br>median ' + p[1] + ' ' + s.unit
          + '<br>interval [' + p[2] + ', ' + p[3] + ']';
      } },
      grid: { left: 70, right: 30, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: x, axisLabel: { formatter: function (v) { return v.substring(0, 10); } } },
      yAxis: { type: 'value', name: s.unit, scale: true },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
      series: [
        { name: 'low', type: 'line', data: low, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 } },
        { name: 'interval', type: 'line', data: width, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(47,111,237,0.18)' } },
        { name: 'median', type: 'line', data: median, symbolSize: 5, color: '#2f6fed',
          markLine: { symbol: 'none', lineStyle: { color: '#b42318', type: 'dashed' }, data: marks } }
      ]
    }, true);
  }

  seriesFilter.addEventListener('input', fillSeries);
  seriesSelect.addEventListener('change', drawSeries);

  // --- across testbeds ----------------------------------------------------------------------
  var acrossSelect = document.getElementById('across-select');
  // sequential's own speedup is 1 by definition: list it last
  data.across.map(function (g, i) { return [g, i]; })
    .sort(function (a, b) { return (/model=(py-)?sequential\b/.test(a[0].name) ? 1 : 0) - (/model=(py-)?sequential\b/.test(b[0].name) ? 1 : 0) || a[1] - b[1]; })
    .forEach(function (gi) { acrossSelect.appendChild(option(gi[0].name, String(gi[1]))); });

  function drawAcross() {
    var g = data.across[Number(acrossSelect.value)];
    [['speedup-chart', 1, '×'], ['efficiency-chart', 2, 'ideal/measured']].forEach(function (spec) {
      var c = chart(spec[0]);
      if (!g) { c.clear(); return; }
      c.setOption({
        animation: false,
        tooltip: { trigger: 'item', formatter: function (it) { return it.seriesName + '<br>' + it.value[0] + '<br>commit ' + it.value[2] + '<br>' + it.value[1]; } },
        legend: { top: 0 },
        grid: { left: 60, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'time' },
        yAxis: { type: 'value', name: spec[2], scale: true },
        series: g.testbeds.map(function (t) {
          return { name: t.testbed, type: 'line', symbolSize: 5,
            data: t.points.filter(function (p) { return p[spec[1]] != null; })
              .map(function (p) { return [p[0], p[spec[1]], p[3]]; }) };
        })
      }, true);
    });
  }
  acrossSelect.addEventListener('change', drawAcross);

  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  fillSeries();
  drawAcross();
})();
