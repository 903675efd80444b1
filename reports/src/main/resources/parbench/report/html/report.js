/* parbench report: draws the charts and the results table from the JSON in #report-data.
   Every string from the inputs reaches the page through textContent or ECharts' own escaping, never innerHTML.
   Model names, families and panels come from the page data's vocabulary (data.models), never from this file. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var models = data.models || {};
  var multi = data.inputs.length > 1;
  var charts = [];
  window.parbenchCharts = charts; // read by the browser test

  /* One palette per panel, by the model's rank in it: a panel holds at most 6 models, so no two share a colour. */
  var PALETTE = ['#1c7ed6', '#e8590c', '#2b8a3e', '#7048e8', '#c2255c', '#0ca678', '#f59f00', '#495057'];
  var GENERIC_COLORS = ['#1098ad', '#d6336c', '#5c7cfa', '#94d82d', '#fab005', '#15aabf', '#be4bdb', '#fd7e14'];
  function info(model) {
    return models[model] || { family: 'OTHER', panel: 'other models', followsP: true, python: false, label: model, baseline: false };
  }
  var colorOfModel = {};
  (function assignColours() {
    var byPanel = {};
    Object.keys(models).sort().forEach(function (name) {
      var m = models[name];
      if (m.baseline) { colorOfModel[name] = '#667085'; return; }
      byPanel[m.panel] = byPanel[m.panel] || [];
      byPanel[m.panel].push(name);
    });
    Object.keys(byPanel).forEach(function (panel) {
      byPanel[panel].forEach(function (name, i) { colorOfModel[name] = PALETTE[i % PALETTE.length]; });
    });
  })();
  function colorOf(model) { return colorOfModel[model] || '#495057'; }

  function num(v) {
    if (typeof v === 'number') { return v; }
    if (v === '+INF') { return Infinity; }
    if (v === '-INF') { return -Infinity; }
    return NaN;
  }
  function fmt(v) {
    v = num(v);
    if (isNaN(v)) { return 'NaN'; }
    if (!isFinite(v)) { return v > 0 ? '+∞' : '−∞'; }
    var a = Math.abs(v);
    if (a === 0) { return '0'; }
    if (a >= 1e6 || a < 1e-3) { return v.toExponential(3); }
    if (a >= 1000) { return v.toFixed(0); }
    if (a >= 100) { return v.toFixed(1); }
    if (a >= 10) { return v.toFixed(2); }
    return v.toPrecision(3);
  }
  function axisNumber(v) { // axis labels: short, never exponent-clipped
    var a = Math.abs(v);
    if (a >= 1e6) { return (v / 1e6).toPrecision(3).replace(/\.?0+$/, '') + 'M'; }
    if (a >= 1e4) { return (v / 1e3).toPrecision(3).replace(/\.?0+$/, '') + 'k'; }
    if (a === 0 || a >= 1) { return String(Math.round(v * 100) / 100); }
    return String(Number(v.toPrecision(2)));
  }
  function pct(v) { v = num(v); return isFinite(v) ? (100 * v).toFixed(v < 0.1 ? 1 : 0) + ' %' : '—'; }
  function interval(lo, hi, scale) {
    if (lo === undefined) { return ''; }
    var s = scale || 1, h = num(hi);
    return ' [' + fmt(num(lo) * s) + ', ' + (isFinite(h) ? fmt(h * s) : '∞') + ']';
  }
  function paramText(params, skip) {
    return Object.keys(params).filter(function (k) { return !skip || skip.indexOf(k) < 0; })
      .map(function (k) { return k + '=' + params[k]; }).join(', ');
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function escapeHtml(s) { // for ECharts tooltips, which take HTML
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function groupBy(list, key) {
    var map = new Map();
    list.forEach(function (x) { var k = key(x); if (!map.has(k)) { map.set(k, []); } map.get(k).push(x); });
    return map;
  }
  function uniqueSorted(values) {
    return Array.from(new Set(values)).sort(function (a, b) { return a - b; });
  }
  function labelOf(model) { return info(model).label || model; }

  function tooltipFor(row) {
    var lines = [
      '<b>' + escapeHtml(row.model ? labelOf(row.model) : row.wl) + '</b> · ' + escapeHtml(row.wl),
      escapeHtml(paramText(row.params)),
      (row.cores !== undefined ? 'cores: ' + row.cores + ' · ' : '') + (row.inflight !== undefined ? 'in flight: ' + row.inflight + ' · ' : '')
        + 'mode: ' + escapeHtml(row.mode),
      'score: <b>' + fmt(row.score) + ' ± ' + fmt(row.err) + ' ' + escapeHtml(row.unit) + '</b>',
      '99.9 % CI: [' + fmt(row.lo) + ', ' + fmt(row.hi) + ']',
      'samples: ' + row.n + ' (' + row.it + ' iterations)'
    ];
    if (row.speedup !== undefined) { lines.push('speedup: ' + fmt(row.speedup) + '×' + interval(row.slo, row.shi)); }
    if (row.note !== undefined) { lines.push(escapeHtml(row.note)); }
    if (row.ideal !== undefined) {
      lines.push('ideal: ' + fmt(row.ideal) + ' ms · efficiency: ' + pct(row.eff) + interval(row.elo, row.ehi, 100)
        + (row.beyond ? ' ⚠ above the ideal: a measurement problem' : ''));
    }
    if (multi) { lines.push('input: ' + escapeHtml(data.inputs[row.i].label)); }
    return lines.join('<br>');
  }

  function errorBarSeries(name, color, points) {
    return {
      type: 'custom', name: name, itemStyle: { color: color }, z: 3, silent: true,
      data: points, encode: { x: 0, y: [1, 2] }, tooltip: { show: false },
      renderItem: function (params, api) {
        var x = api.value(0);
        var lo = api.coord([x, api.value(1)]);
        var hi = api.coord([x, api.value(2)]);
        var w = 5, style = { stroke: color, lineWidth: 1.4 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: lo[0] - w, y1: lo[1], x2: lo[0] + w, y2: lo[1] }, style: style },
          { type: 'line', shape: { x1: hi[0] - w, y1: hi[1], x2: hi[0] + w, y2: hi[1] }, style: style }
        ] };
      }
    };
  }

  /* Title and subtitle on top, the y quantity in the subtitle (no rotated axis name to collide with),
     the legend one scrollable line at the bottom, labels inside the grid (containLabel): nothing overlaps. */
  function baseOption(title, subtitle) {
    return {
      animation: false,
      // line heights set, not left to ECharts' default of the font size: a font with tall ascent and descent
      // (DejaVu Sans, Debian's default sans-serif) draws boxes taller than that, and title and subtitle touched
      title: { text: title, subtext: subtitle, left: 8, top: 4, itemGap: 6,
               textStyle: { fontSize: 14, lineHeight: 20, fontWeight: 600, width: 380, overflow: 'truncate' },
               subtextStyle: { fontSize: 11, lineHeight: 16, color: '#667085', width: 380, overflow: 'truncate' } },
      tooltip: { trigger: 'item', confine: true, formatter: function (p) {
        return p.data && p.data.row !== undefined ? tooltipFor(rows[p.data.row])
          : escapeHtml(p.seriesName) + ': ' + fmt(Array.isArray(p.value) ? p.value[1] : p.value);
      } },
      legend: { type: 'plain', bottom: 4, left: 8, right: 8, itemGap: 10, textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 12, right: 22, top: 64, bottom: 34, containLabel: true }
    };
  }

  function mount(container, kind, option, meta) {
    var cell = el('div', 'chart-cell');
    var div = el('div', 'chart');
    cell.appendChild(div);
    container.appendChild(cell);
    var chart = echarts.init(div, null, { renderer: 'svg' });
    chart.setOption(option);
    var entry = { kind: kind, chart: chart, element: div, cell: cell };
    Object.keys(meta || {}).forEach(function (k) { entry[k] = meta[k]; });
    charts.push(entry);
    fit(entry);
    return chart;
  }

  /* Titles are truncated to the chart's width, which changes as a grid fills and as the window resizes. */
  function fit(entry) {
    var full = entry.element.clientWidth || 400;
    var width = Math.max(120, full - 24);
    var update = { title: { textStyle: { width: width }, subtextStyle: { width: width } } };
    var legend = entry.chart.getOption().legend[0];
    if (legend && legend.show !== false && legend.data && legend.data.length) {
      // the legend wraps onto as many rows as it needs; the plot leaves room for exactly those rows
      var rows = legendRows(legend.data.map(function (d) { return typeof d === 'string' ? d : d.name; }), full - 16);
      update.grid = { bottom: 10 + rows * 21 };
    }
    entry.chart.setOption(update);
    entry.chart.resize();
  }
  var measure = document.createElement('canvas').getContext('2d');
  function legendRows(names, width) {
    measure.font = '11px sans-serif';
    var rows = 1, x = 0;
    names.forEach(function (name) {
      var w = 14 + 5 + measure.measureText(name).width + 10;
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }
  window.parbenchResize = function () { charts.forEach(fit); }; // also used by the browser test

  /* Rows of one model at one core count for the "all cores" view: parallelism equal to the core count, else a
     model that ignores p (any row), else the largest parallelism. */
  function pickAllCores(list) {
    var eq = list.filter(function (r) { return r.par !== undefined && r.par === r.cores; });
    if (eq.length) { return eq[0]; }
    return list.slice().sort(function (a, b) { return (b.par || 0) - (a.par || 0); })[0];
  }

  function idealSpeedup(kind, params, p) {
    var n = Number(params.tasks);
    if (kind === 'CPU') { return p; }
    if ((kind === 'SLEEP' || kind === 'IO') && n > 0) { return n / Math.ceil(n / Math.min(p, n)); }
    return null;
  }

  function modelsOf(list) {
    var seen = [];
    list.forEach(function (r) { if (seen.indexOf(r.model) < 0) { seen.push(r.model); } });
    return seen.sort();
  }

  function lineStyleOf(model) { // Python: dashed, hollow points, in its own panels
    return { type: info(model).python ? 'dashed' : 'solid', width: 2 };
  }

  function lineSeries(model, points, valueKey) {
    return {
      type: 'line', name: labelOf(model), color: colorOf(model), symbolSize: 7, showSymbol: true, connectNulls: true,
      lineStyle: lineStyleOf(model), symbol: info(model).python ? 'emptyCircle' : 'circle',
      emphasis: { focus: 'series' },
      data: points.map(function (pt) { return { value: [pt.x, num(pt.row[valueKey])], row: pt.row.idx }; })
    };
  }

  /* The speedup interval as a band: one polygon through the upper bounds and back through the lower ones (a custom
     series, drawn once), named as the model so its legend entry hides it too. Lower bounds are never below 0 (the
     page data clips them); a point without a finite upper bound leaves the band out. */
  function bandSeries(model, points) {
    var usable = points.filter(function (pt) { return pt.row.slo !== undefined && isFinite(num(pt.row.shi)); });
    if (!usable.length) { return []; }
    var color = colorOf(model);
    var upper = usable.map(function (pt) { return [pt.x, num(pt.row.shi)]; });
    var lower = usable.map(function (pt) { return [pt.x, num(pt.row.slo)]; });
    return [{
      type: 'custom', name: labelOf(model), silent: true, tooltip: { show: false }, z: 1, clip: true,
      data: usable.map(function (pt) { return [pt.x, num(pt.row.slo), num(pt.row.shi)]; }), encode: { x: 0, y: [1, 2] },
      renderItem: function (params, api) {
        if (params.dataIndex !== 0) { return null; }
        if (usable.length === 1) {
          var a = api.coord(lower[0]), b = api.coord(upper[0]);
          return { type: 'rect', shape: { x: a[0] - 4, y: b[1], width: 8, height: Math.max(1, a[1] - b[1]) },
                   style: { fill: color, opacity: 0.25 } };
        }
        var pts = upper.map(function (p) { return api.coord(p); })
          .concat(lower.slice().reverse().map(function (p) { return api.coord(p); }));
        return { type: 'polygon', shape: { points: pts }, style: { fill: color, opacity: 0.15 } };
      }
    }];
  }

  /* Where the sweep's CPUs change kind (the manifest's topology: SMT siblings, a second socket), as dashed vertical
     lines on a core-count chart, in a series of their own that no legend lists. Each label runs up along its line,
     inside the plot: the first to the left of its line, a second to the right, so two close lines never share text
     and no label reaches the title or the legend. On a category axis (the time view, where ECharts places marks on
     columns only) a mark between two measured core counts goes on the first column it applies to. */
  function topologySeries(input, xs, category) {
    var marks = ((data.inputs[input] || {}).marks || []).filter(function (m) {
      return m.from >= xs[0] && m.from <= xs[xs.length - 1];
    });
    if (!marks.length) { return null; }
    function position(c) {
      if (!category) { return c; }
      for (var k = 0; k < xs.length; k++) { if (xs[k] >= c) { return k; } }
      return xs.length - 1;
    }
    var merged = []; // two marks at one place share one line: "SMT siblings and 2nd socket from here"
    marks.forEach(function (m) {
      var at = position(m.from);
      var same = merged.filter(function (x) { return x.at === at; })[0];
      if (same) { same.label = same.label.replace(' from here', '') + ' and ' + m.label; } else { merged.push({ at: at, label: m.label }); }
    });
    return {
      type: 'line', name: 'topology', data: [], silent: true, tooltip: { show: false }, z: 2,
      markLine: { silent: true, symbol: ['none', 'none'], animation: false,
        lineStyle: { color: '#7a5af8', type: 'dashed', width: 1.2 },
        data: merged.map(function (m, k) {
          return { xAxis: m.at, name: m.label,
            label: { show: true, formatter: m.label, position: k % 2 === 0 ? 'insideEndTop' : 'insideEndBottom',
                     fontSize: 10, color: '#5b3fd6', distance: 3, backgroundColor: 'rgba(255, 255, 255, 0.8)' } };
        }) }
    };
  }

  function speedupChart(holder, panel, list, combo, axis, note) {
    var xs, pointsOf;
    if (axis === 'cores') {
      xs = uniqueSorted(list.map(function (r) { return r.cores; }));
      pointsOf = function (model) {
        var pts = [];
        xs.forEach(function (c) {
          var at = list.filter(function (r) { return r.model === model && r.cores === c && r.speedup !== undefined; });
          if (at.length) { pts.push({ x: c, row: pickAllCores(at) }); }
        });
        return pts;
      };
    } else {
      xs = uniqueSorted(list.filter(function (r) { return r.par !== undefined; }).map(function (r) { return r.par; }));
      pointsOf = function (model) {
        var pts = [];
        xs.forEach(function (p) {
          var rs = list.filter(function (r) { return r.model === model && r.par === p && r.speedup !== undefined; });
          if (rs.length) { pts.push({ x: p, row: rs[0] }); }
        });
        return pts;
      };
    }
    if (xs.length < 2) { return false; }
    var series = [], legend = [], ymax = 1;
    modelsOf(list).forEach(function (model) {
      if (info(model).baseline) { return; }
      var pts = pointsOf(model);
      if (!pts.length) { return; }
      series.push(lineSeries(model, pts, 'speedup'));
      legend.push(labelOf(model));
      bandSeries(model, pts).forEach(function (s) { series.push(s); });
      pts.forEach(function (pt) { var h = num(pt.row.shi); ymax = Math.max(ymax, isFinite(h) ? h : num(pt.row.speedup)); });
    });
    if (!series.length) { return false; }
    var kind = list[0].kind;
    var ideal = xs.map(function (x) { return [x, idealSpeedup(kind, combo, x)]; }).filter(function (p) { return p[1] !== null; });
    if (ideal.length) {
      series.push({ type: 'line', name: 'ideal', color: '#98a2b3', symbol: 'none', lineStyle: { type: 'dotted', width: 2 },
        data: ideal, tooltip: { show: false }, silent: true });
      legend.push('ideal');
    }
    var title = panel + ' · speedup vs ' + (axis === 'cores' ? 'core count' : 'parallelism');
    var opt = baseOption(title, 'y: speedup over sequential · band: 99 % interval · ' + note);
    opt.legend.data = legend;
    opt.xAxis = { type: 'log', logBase: 2, min: xs[0], max: xs[xs.length - 1],
                  axisLabel: { formatter: function (v) { return String(v); }, fontSize: 10 } };
    opt.yAxis = { type: 'value', min: 0, axisLabel: { formatter: axisNumber, fontSize: 10 } };
    var marks = axis === 'cores' ? topologySeries(list[0].i, xs, false) : null;
    if (marks) { series.push(marks); }
    opt.series = series;
    mount(holder, axis === 'cores' ? 'speedup-vs-cores' : 'speedup-vs-parallelism', opt,
      { panel: panel, models: legend.filter(function (n) { return n !== 'ideal'; }) });
    return true;
  }

  function absoluteChart(holder, panel, list, byCores) {
    var xs = byCores ? uniqueSorted(list.map(function (r) { return r.cores; }))
      : uniqueSorted(list.filter(function (r) { return r.par !== undefined; }).map(function (r) { return r.par; }));
    if (!xs.length) { xs = [0]; }
    var series = [], legend = [];
    modelsOf(list).forEach(function (model) {
      var pts = [], bars = [];
      xs.forEach(function (x, xi) {
        var rs = list.filter(function (r) { return r.model === model && (byCores ? r.cores === x : (r.par === undefined || r.par === x)); });
        if (!rs.length) { return; }
        var row = byCores ? pickAllCores(rs) : rs[0];
        var s = num(row.score);
        if (!isFinite(s) || s <= 0) { return; }
        pts.push({ value: [xi, s], row: row.idx });
        var lo = num(row.lo), hi = num(row.hi);
        if (isFinite(lo) && isFinite(hi) && lo > 0) { bars.push([xi, lo, hi]); } // no bound at or below 0 on a log axis
      });
      if (!pts.length) { return; }
      series.push({ type: 'line', name: labelOf(model), color: colorOf(model), symbolSize: 7, data: pts, emphasis: { focus: 'series' },
        lineStyle: lineStyleOf(model), symbol: info(model).python ? 'emptyCircle' : 'circle' });
      series.push(errorBarSeries(labelOf(model), colorOf(model), bars));
      legend.push(labelOf(model));
    });
    if (!series.length) { return false; }
    var unit = list[0].unit;
    var opt = baseOption(panel + ' · time by ' + (byCores ? 'core count' : 'parallelism'), 'y: ' + unit + ' (log) · 99.9 % interval'
      + (byCores ? ' · parallelism = all cores' : ''));
    opt.legend.data = legend;
    opt.xAxis = { type: 'category', data: xs.map(String), axisLabel: { fontSize: 10 } };
    opt.yAxis = { type: 'log', axisLabel: { formatter: axisNumber, fontSize: 10 } };
    var marks = byCores ? topologySeries(list[0].i, xs, true) : null;
    if (marks) { series.push(marks); }
    opt.series = series;
    mount(holder, 'absolute', opt, { panel: panel, models: legend });
    return true;
  }

  /* Horizontal bars, one series (one colour per model through its data items): model names read across the y
     axis, never rotated into each other; interval whiskers on top; above the ideal beyond its interval in orange. */
  function efficiencyChart(holder, list) {
    var maxCores = Math.max.apply(null, list.map(function (r) { return r.cores === undefined ? -Infinity : r.cores; }));
    var at = isFinite(maxCores) ? list.filter(function (r) { return r.cores === maxCores; }) : list;
    at = at.filter(function (r) { return r.eff !== undefined; });
    if (!at.length) { return false; }
    var names = modelsOf(at).reverse(); // the first model on top
    var picked = names.map(function (model) { return pickAllCores(at.filter(function (r) { return r.model === model; })); });
    var bars = picked.map(function (row) {
      return { value: 100 * num(row.eff), row: row.idx, itemStyle: { color: row.beyond ? '#b54708' : colorOf(row.model),
        opacity: info(row.model).python ? 0.6 : 1 } };
    });
    var whiskers = [];
    picked.forEach(function (row, i) {
      if (row.elo !== undefined && isFinite(num(row.ehi))) { whiskers.push([i, 100 * num(row.elo), 100 * num(row.ehi)]); }
    });
    var opt = baseOption('Efficiency vs the physical ideal', 'x: ideal on this machine ÷ measured, %'
      + (isFinite(maxCores) ? ' · at ' + maxCores + (maxCores === 1 ? ' core' : ' cores') : '') + ' · orange: above the ideal');
    opt.legend.show = false;
    opt.grid.bottom = 12;
    opt.yAxis = { type: 'category', data: names.map(labelOf), axisTick: { show: false },
                  axisLabel: { interval: 0, fontSize: 10, width: 170, overflow: 'truncate' } };
    opt.xAxis = { type: 'value', min: 0, axisLabel: { formatter: axisNumber, fontSize: 10 } };
    opt.series = [{ type: 'bar', name: 'efficiency', data: bars, barWidth: '55%' }, {
      type: 'custom', name: 'interval', silent: true, tooltip: { show: false }, z: 3, data: whiskers, encode: { y: 0, x: [1, 2] },
      renderItem: function (params, api) {
        var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
        var style = { stroke: '#344054', lineWidth: 1.4 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
          { type: 'line', shape: { x1: lo[0], y1: lo[1] - 4, x2: lo[0], y2: lo[1] + 4 }, style: style },
          { type: 'line', shape: { x1: hi[0], y1: hi[1] - 4, x2: hi[0], y2: hi[1] + 4 }, style: style }
        ] };
      } }];
    mount(holder, 'efficiency', opt, { panel: 'all', models: names.map(labelOf) });
    return true;
  }

  rows.forEach(function (r, i) { r.idx = i; });

  /* ---- per-workload charts: benchmarks with a `model` param, one small chart per panel (family and language) ---- */
  var workloadRoot = document.getElementById('workload-charts');
  var suiteRows = rows.filter(function (r) { return r.model !== undefined; });
  var byWorkload = groupBy(suiteRows, function (r) { return r.wl + ' · ' + r.mode; });
  if (!byWorkload.size) {
    workloadRoot.appendChild(el('p', 'muted', 'No benchmark here has a `model` param, so there are no per-model charts; see All benchmarks below.'));
  }
  var VIEWS = [
    { id: 'speedup-vs-cores', text: 'speedup vs core count' },
    { id: 'speedup-vs-parallelism', text: 'speedup vs parallelism' },
    { id: 'absolute', text: 'time' }
  ];
  byWorkload.forEach(function (list, name) {
    var section = el('div', 'workload');
    var head = el('div', 'workload-head');
    head.appendChild(el('h3', null, name));
    section.appendChild(head);
    // The seed article's Python often runs other params (smaller CPU tasks): its rows join every JVM param set,
    // from the Python params closest to it, in panels of their own.
    var jvmList = list.filter(function (r) { return !info(r.model).python; });
    var pyList = list.filter(function (r) { return info(r.model).python; });
    var keyOf = function (r) { return paramText(r.params, ['model', 'parallelism']); };
    var combos = groupBy(jvmList.length ? jvmList : list, keyOf);
    var pyCombos = jvmList.length ? groupBy(pyList, keyOf) : new Map();
    function pythonFor(combo) {
      var best = [], bestScore = -1;
      pyCombos.forEach(function (pyRows) {
        var p = pyRows[0].params;
        var same = Object.keys(combo).filter(function (k) { return k !== 'model' && k !== 'parallelism' && p[k] === combo[k]; }).length;
        var score = same * 1e6 + pyRows.length;
        if (score > bestScore) { best = pyRows; bestScore = score; }
      });
      return best;
    }
    var keys = Array.from(combos.keys());
    function batchSize(key) {
      return Math.max.apply(null, combos.get(key).map(function (r) { var s = num(r.score); return isFinite(s) ? s : 0; }));
    }
    var chosen = keys.slice().sort(function (a, b) {
      return (combos.get(b).length - combos.get(a).length) || (batchSize(b) - batchSize(a));
    })[0];
    var grid = el('div', 'chart-grid');
    section.appendChild(grid);
    var state = { key: chosen, view: null };
    function draw() {
      charts.filter(function (c) { return c.element.closest('.workload') === section; }).forEach(function (c) {
        c.chart.dispose(); charts.splice(charts.indexOf(c), 1);
      });
      grid.textContent = '';
      var ownRows = combos.get(state.key);
      var combo = ownRows[0].params;
      var overlay = pythonFor(combo);
      var comboRows = ownRows.concat(overlay);
      var inputs = uniqueSorted(comboRows.map(function (r) { return r.i; }));
      var cores = uniqueSorted(comboRows.filter(function (r) { return r.cores !== undefined; }).map(function (r) { return r.cores; }));
      var pars = uniqueSorted(comboRows.filter(function (r) { return r.par !== undefined; }).map(function (r) { return r.par; }));
      var view = state.view || (cores.length >= 2 ? 'speedup-vs-cores' : pars.length >= 2 ? 'speedup-vs-parallelism' : 'absolute');
      viewSelect.value = view;
      inputs.forEach(function (input) {
        var ofInput = comboRows.filter(function (r) { return r.i === input; });
        var panels = groupBy(ofInput.filter(function (r) { return !info(r.model).baseline; }), function (r) { return info(r.model).panel; });
        var baseline = ofInput.filter(function (r) { return info(r.model).baseline; });
        var maxCores = Math.max.apply(null, ofInput.map(function (r) { return r.cores === undefined ? -Infinity : r.cores; }));
        Array.from(panels.keys()).sort().forEach(function (panel) {
          var panelRows = panels.get(panel);
          var note = '';
          if (view === 'absolute') {
            // absolute times of other params are not comparable: the Python overlay is left out here
            var own = panelRows.concat(baseline).filter(function (r) { return ownRows.indexOf(r) >= 0; });
            if (own.length && own.some(function (r) { return !info(r.model).baseline; })) { absoluteChart(grid, panel, own, cores.length >= 2); }
          } else if (view === 'speedup-vs-cores') {
            speedupChart(grid, panel, panelRows, combo, 'cores', 'p = all cores');
          } else {
            var at = isFinite(maxCores) ? panelRows.filter(function (r) { return r.cores === maxCores; }) : panelRows;
            speedupChart(grid, panel, at, combo, 'parallelism', isFinite(maxCores) ? 'at ' + maxCores + ' cores' : 'cores unknown');
          }
        });
        efficiencyChart(grid, ofInput);
        if (multi) {
          charts.filter(function (c) { return c.element.closest('.workload') === section && !c.captioned; }).forEach(function (c) {
            c.cell.appendChild(el('p', 'caption', data.inputs[input].label));
            c.captioned = true;
          });
        }
      });
      charts.filter(function (c) { return c.element.closest('.workload') === section; }).forEach(fit);
      if (overlay.length) {
        var pyParams = paramText(overlay[0].params, ['model', 'parallelism']);
        grid.appendChild(el('p', 'caption python-note', 'Python panels: the seed article\'s Python (py- rows, dashed), speedup over py-sequential'
          + (pyParams === state.key ? '' : ', at ' + (pyParams || 'no params')) + '.'));
      }
      if (!grid.querySelector('.chart-cell')) {
        grid.appendChild(el('p', 'muted', 'Not enough data for this view (one core count or one parallelism, no sequential baseline).'));
      }
    }
    var viewLabel = el('label', null, 'view: ');
    var viewSelect = el('select');
    viewSelect.className = 'view-select';
    VIEWS.forEach(function (v) { var o = el('option', null, v.text); o.value = v.id; viewSelect.appendChild(o); });
    viewSelect.addEventListener('change', function () { state.view = viewSelect.value; draw(); });
    viewLabel.appendChild(viewSelect);
    head.appendChild(viewLabel);
    if (keys.length > 1) {
      var label = el('label', null, 'params: ');
      var select = el('select');
      keys.forEach(function (k) { var o = el('option', null, k || '(none)'); o.value = k; if (k === chosen) { o.selected = true; } select.appendChild(o); });
      select.addEventListener('change', function () { state.key = select.value; draw(); });
      label.appendChild(select);
      head.appendChild(label);
    } else {
      head.appendChild(el('span', 'muted', chosen));
    }
    workloadRoot.appendChild(section);
    draw();
  });

  /* ---- generic charts: every other benchmark, score with CI grouped by params ---- */
  var genericRoot = document.getElementById('generic-charts');
  var MAX_GENERIC = 60;
  var generic = rows.filter(function (r) { return r.model === undefined; });
  var byBench = groupBy(generic, function (r) { return r.bench + ' · ' + r.mode + ' · ' + r.unit; });
  if (!byBench.size) {
    genericRoot.appendChild(el('p', 'muted', 'Every benchmark here has per-model charts above.'));
  }
  var genericGrid = el('div', 'chart-grid');
  genericGrid.style.gridTemplateColumns = 'repeat(auto-fit, minmax(520px, 1fr))';
  genericRoot.appendChild(genericGrid);
  var shown = 0;
  byBench.forEach(function (list, name) {
    if (shown++ >= MAX_GENERIC) { return; }
    var groups = Array.from(new Set(list.map(function (r) { return paramText(r.params) || '(no params)'; })));
    var inputs = uniqueSorted(list.map(function (r) { return r.i; }));
    var series = [];
    inputs.forEach(function (input) {
      var label = multi ? data.inputs[input].label : (list[0].cores !== undefined ? 'score' : 'score');
      var seriesName = multi ? label : 'score';
      var color = GENERIC_COLORS[input % GENERIC_COLORS.length];
      var pts = [], bars = [];
      list.filter(function (r) { return r.i === input; }).forEach(function (r) {
        var gi = groups.indexOf(paramText(r.params) || '(no params)');
        var s = num(r.score);
        if (!isFinite(s)) { return; }
        pts.push({ value: [gi, s], row: r.idx });
        var lo = num(r.lo), hi = num(r.hi);
        if (isFinite(lo) && isFinite(hi)) { bars.push([gi, lo, hi]); }
      });
      series.push({ type: 'scatter', name: seriesName, color: color, symbolSize: 9, data: pts });
      series.push(errorBarSeries(seriesName, color, bars));
    });
    var opt = baseOption(list[0].wl, 'y: ' + list[0].unit + ', 99.9 % interval · ' + name);
    opt.xAxis = { type: 'category', data: groups, axisLabel: { hideOverlap: true, fontSize: 10, width: 160, overflow: 'truncate' } };
    opt.yAxis = { type: 'value', scale: true, axisLabel: { formatter: axisNumber, fontSize: 10 } };
    if (!multi) { opt.legend.show = false; opt.grid.bottom = 12; }
    if (groups.length > 24) { opt.dataZoom = [{ type: 'inside' }, { type: 'slider', height: 14, bottom: 6, showDetail: false }]; opt.grid.bottom = 28; opt.legend.show = false; }
    opt.series = series;
    mount(genericGrid, 'generic', opt);
  });
  if (byBench.size > MAX_GENERIC) {
    genericRoot.appendChild(el('p', 'muted', (byBench.size - MAX_GENERIC) + ' more benchmarks are in the table below.'));
  }

  /* ---- the results table: sortable, filterable ---- */
  var columns = [
    { name: 'benchmark', text: function (r) { return r.bench; } },
    { name: 'params', cls: 'params', text: function (r) { return paramText(r.params) + (r.model !== undefined && !info(r.model).followsP && !info(r.model).baseline ? ' (ignores p)' : ''); } },
    { name: 'cores', cls: 'num', value: function (r) { return r.cores === undefined ? NaN : r.cores; }, text: function (r) { return r.cores === undefined ? '—' : String(r.cores); } },
    { name: 'mode', text: function (r) { return r.mode; } },
    { name: 'score', cls: 'num', value: function (r) { return num(r.score); }, text: function (r) { return fmt(r.score); } },
    { name: 'error', cls: 'num err', value: function (r) { return num(r.err); }, text: function (r) { return '± ' + fmt(r.err); } },
    { name: 'CI 99.9 %', cls: 'num', value: function (r) { return num(r.lo); }, text: function (r) { return '[' + fmt(r.lo) + ', ' + fmt(r.hi) + ']'; } },
    { name: 'samples', cls: 'num', value: function (r) { return r.n; }, text: function (r) { return String(r.n); } },
    { name: 'unit', text: function (r) { return r.unit; } },
    { name: 'speedup [99 %]', cls: 'num', value: function (r) { return r.speedup === undefined ? NaN : num(r.speedup); }, text: function (r) { return r.speedup === undefined ? '—' : fmt(r.speedup) + '×' + interval(r.slo, r.shi); } },
    { name: 'efficiency [99 %]', cls: 'num', value: function (r) { return r.eff === undefined ? NaN : num(r.eff); }, text: function (r) { return r.eff === undefined ? '—' : pct(r.eff) + interval(r.elo, r.ehi, 100) + (r.beyond ? ' ⚠' : ''); } },
    { name: 'secondary metrics', cls: 'sec', text: function (r) { return r.sec.map(function (s) { return s[0] + ' ' + fmt(s[1]) + ' ± ' + fmt(s[2]) + ' ' + s[3]; }).join('; '); } }
  ];
  if (multi) { columns.unshift({ name: 'input', text: function (r) { return data.inputs[r.i].label; } }); }
  var table = document.getElementById('results-table');
  var headRow = table.tHead.rows[0];
  var body = table.tBodies[0];
  var sort = { column: -1, dir: 1 };
  var searchText = rows.map(function (r) { return columns.map(function (c) { return c.text(r); }).join(' ').toLowerCase(); });
  columns.forEach(function (c, ci) {
    var th = el('th', null, c.name);
    th.addEventListener('click', function () {
      sort.dir = sort.column === ci ? -sort.dir : 1;
      sort.column = ci;
      Array.prototype.forEach.call(headRow.cells, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
      fill();
    });
    headRow.appendChild(th);
  });
  var PAGE = 250; // rows drawn before "Show all": keeps a 5,000-result page quick to open
  var showAll = false;
  var more = el('button', 'more');
  more.type = 'button';
  table.parentNode.parentNode.appendChild(more);
  var filter = document.getElementById('results-filter');
  filter.addEventListener('input', fill);
  function fill() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    var visible = rows.filter(function (r, i) { return words.every(function (w) { return searchText[i].indexOf(w) >= 0; }); });
    if (sort.column >= 0) {
      var c = columns[sort.column];
      visible.sort(function (a, b) {
        if (c.value) {
          var x = c.value(a), y = c.value(b);
          if (isNaN(x)) { return isNaN(y) ? 0 : 1; }
          if (isNaN(y)) { return -1; }
          return (x - y) * sort.dir;
        }
        return c.text(a).localeCompare(c.text(b)) * sort.dir;
      });
    }
    var fragment = document.createDocumentFragment();
    var limit = showAll ? visible.length : Math.min(visible.length, PAGE);
    visible.slice(0, limit).forEach(function (r) {
      var tr = el('tr');
      var relErr = Math.abs(num(r.err) / num(r.score));
      if (isNaN(num(r.err)) || relErr > 0.1) { tr.className = 'flagged'; }
      columns.forEach(function (c) { tr.appendChild(el('td', c.cls, c.text(r))); });
      fragment.appendChild(tr);
    });
    body.textContent = '';
    body.appendChild(fragment);
    document.getElementById('results-count').textContent = visible.length + ' of ' + rows.length + ' results'
      + (limit < visible.length ? ', first ' + limit + ' shown' : '');
    more.style.display = limit < visible.length ? '' : 'none';
    more.textContent = 'Show all ' + visible.length + ' rows';
  }
  more.addEventListener('click', function () { showAll = true; fill(); });
  fill();

  charts.forEach(fit);
  window.addEventListener('resize', window.parbenchResize);
})();
