/* parbench report: draws the charts and the results table from the JSON in #report-data.
   Every string from the inputs reaches the page through textContent or ECharts' own escaping, never innerHTML. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var rows = data.rows;
  var multi = data.inputs.length > 1;
  var charts = [];
  window.parbenchCharts = charts; // read by the browser test

  var MODEL_COLORS = {
    'sequential': '#667085', 'thread-per-task': '#e8590c', 'fixed-pool': '#1c7ed6', 'fork-join': '#7048e8',
    'common-pool': '#ae3ec9', 'parallel-stream': '#0ca678', 'virtual-threads': '#f03e3e',
    'virtual-threads-bounded': '#f59f00', 'process-workers': '#2b8a3e', 'process-spawn': '#74b816'
  };
  var EXTRA_COLORS = ['#1098ad', '#d6336c', '#5c7cfa', '#94d82d', '#fab005', '#15aabf', '#be4bdb', '#fd7e14'];
  var extraIndex = 0;
  function colorOf(model) {
    if (!MODEL_COLORS[model]) {
      var base = model && model.indexOf('py-') === 0 ? MODEL_COLORS[model.substring(3)] : null;
      MODEL_COLORS[model] = base ? shade(base) : EXTRA_COLORS[extraIndex++ % EXTRA_COLORS.length];
    }
    return MODEL_COLORS[model];
  }
  function shade(hex) { // Python rows: the JVM model's colour, lighter
    var n = parseInt(hex.substring(1), 16), r = (n >> 16) & 255, g = (n >> 8) & 255, b = n & 255;
    var mix = function (c) { return Math.round(c + (255 - c) * 0.45); };
    return 'rgb(' + mix(r) + ',' + mix(g) + ',' + mix(b) + ')';
  }

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
  function pct(v) { v = num(v); return isFinite(v) ? (100 * v).toFixed(v < 0.1 ? 1 : 0) + ' %' : '—'; }
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
  function wide(values) {
    var v = values.map(num).filter(function (x) { return isFinite(x) && x > 0; });
    if (v.length < 2) { return false; }
    return Math.max.apply(null, v) / Math.min.apply(null, v) > 20;
  }

  function tooltipFor(row) {
    var lines = [
      '<b>' + escapeHtml(row.model || row.wl) + '</b> · ' + escapeHtml(row.wl),
      escapeHtml(paramText(row.params)),
      (row.cores !== undefined ? 'cores: ' + row.cores + ' · ' : '') + 'mode: ' + escapeHtml(row.mode),
      'score: <b>' + fmt(row.score) + ' ± ' + fmt(row.err) + ' ' + escapeHtml(row.unit) + '</b>',
      '99.9 % CI: [' + fmt(row.lo) + ', ' + fmt(row.hi) + ']',
      'samples: ' + row.n + ' (' + row.it + ' iterations)'
    ];
    if (row.speedup !== undefined) { lines.push('speedup: ' + fmt(row.speedup) + '×'); }
    if (row.ideal !== undefined) { lines.push('ideal: ' + fmt(row.ideal) + ' ms · efficiency: ' + pct(row.eff)); }
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

  function baseOption(title, subtitle) {
    return {
      animation: false,
      title: { text: title, subtext: subtitle, left: 8, top: 4, textStyle: { fontSize: 14, fontWeight: 600 },
               subtextStyle: { fontSize: 11, color: '#667085' } },
      tooltip: { trigger: 'item', confine: true, formatter: function (p) {
        return p.data && p.data.row !== undefined ? tooltipFor(rows[p.data.row])
          : escapeHtml(p.seriesName) + ': ' + fmt(Array.isArray(p.value) ? p.value[1] : p.value);
      } },
      legend: { type: 'plain', bottom: 2, left: 8, right: 8, itemGap: 8, textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
      grid: { left: 58, right: 18, top: 62, bottom: 88, containLabel: false },
      toolbox: { right: 10, top: 4, feature: { saveAsImage: { title: 'PNG' } } }
    };
  }

  function mount(container, kind, caption, option) {
    var cell = el('div', 'chart-cell');
    var div = el('div', 'chart');
    cell.appendChild(div);
    if (caption) { cell.appendChild(el('p', 'caption', caption)); }
    container.appendChild(cell);
    var chart = echarts.init(div, null, { renderer: 'canvas' });
    chart.setOption(option);
    charts.push({ kind: kind, chart: chart, element: div });
    return chart;
  }

  /* Rows of one model at one core count for the "all cores" view: parallelism -1/0 (resolved to the
     core count), else the parallelism equal to the core count, else the largest. */
  function pickAllCores(list) {
    var byAll = list.filter(function (r) { var p = r.params.parallelism; return p !== undefined && Number(p) <= 0; });
    if (byAll.length) { return byAll[0]; }
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
    return seen;
  }

  function isPython(model) { return !!model && model.indexOf('py-') === 0; }
  function modelLine(model) { // the seed article's Python overlays the JVM models as dashed lines
    return { type: isPython(model) ? 'dashed' : 'solid', width: 2 };
  }

  function lineSeries(model, points, valueKey) {
    return {
      type: 'line', name: model, color: colorOf(model), symbolSize: 7, showSymbol: true, connectNulls: true,
      lineStyle: modelLine(model), symbol: isPython(model) ? 'emptyCircle' : 'circle',
      emphasis: { focus: 'series' },
      data: points.map(function (pt) { return { value: [pt.x, num(pt.row[valueKey])], row: pt.row.idx }; })
    };
  }

  function speedupVsCores(cell, wl, list, combo) {
    var cores = uniqueSorted(list.filter(function (r) { return r.cores !== undefined; }).map(function (r) { return r.cores; }));
    if (cores.length < 2) { return false; }
    var series = [], all = [];
    modelsOf(list).forEach(function (model) {
      var pts = [];
      cores.forEach(function (c) {
        var at = list.filter(function (r) { return r.model === model && r.cores === c && r.speedup !== undefined; });
        if (at.length) { var row = pickAllCores(at); pts.push({ x: c, row: row }); all.push(num(row.speedup)); }
      });
      if (pts.length) { series.push(lineSeries(model, pts, 'speedup')); }
    });
    if (!series.length) { return false; }
    var ideal = cores.map(function (c) { return [c, idealSpeedup(list[0].kind, combo, c)]; })
      .filter(function (p) { return p[1] !== null; });
    if (ideal.length) {
      series.push({ type: 'line', name: 'ideal (p = cores)', color: '#98a2b3', symbol: 'none',
        lineStyle: { type: 'dashed', width: 2 }, data: ideal, tooltip: { show: false } });
      ideal.forEach(function (p) { all.push(p[1]); });
    }
    var opt = baseOption('Speedup vs core count', 'over sequential · parallelism = all cores');
    opt.xAxis = { type: 'log', logBase: 2, name: 'cores', nameLocation: 'middle', nameGap: 26, min: cores[0], max: cores[cores.length - 1],
                  axisLabel: { formatter: function (v) { return String(v); } } };
    opt.yAxis = { type: wide(all) ? 'log' : 'value', name: 'speedup ×', nameTextStyle: { align: 'left' } };
    opt.series = series;
    mount(cell, 'speedup-vs-cores', null, opt);
    return true;
  }

  function speedupVsParallelism(cell, wl, list, combo) {
    var maxCores = Math.max.apply(null, list.map(function (r) { return r.cores === undefined ? -Infinity : r.cores; }));
    var at = isFinite(maxCores) ? list.filter(function (r) { return r.cores === maxCores; }) : list;
    at = at.filter(function (r) { return r.speedup !== undefined && r.par !== undefined; });
    var pars = uniqueSorted(at.map(function (r) { return r.par; }));
    if (!at.length || pars.length < 2) { return false; }
    var series = [], all = [];
    modelsOf(at).forEach(function (model) {
      var pts = [];
      pars.forEach(function (p) {
        var rs = at.filter(function (r) { return r.model === model && r.par === p; });
        if (rs.length) { pts.push({ x: p, row: rs[0] }); all.push(num(rs[0].speedup)); }
      });
      series.push(lineSeries(model, pts, 'speedup'));
    });
    var ideal = pars.map(function (p) {
      return [p, idealSpeedup(at[0].kind, combo, at[0].kind === 'CPU' && isFinite(maxCores) ? Math.min(p, maxCores) : p)];
    }).filter(function (p) { return p[1] !== null; });
    if (ideal.length) {
      series.push({ type: 'line', name: 'ideal', color: '#98a2b3', symbol: 'none', lineStyle: { type: 'dashed', width: 2 },
        data: ideal, tooltip: { show: false } });
      ideal.forEach(function (p) { all.push(p[1]); });
    }
    var opt = baseOption('Speedup vs parallelism', (isFinite(maxCores) ? 'at ' + maxCores + ' cores' : 'core count unknown')
      + ' · parallelism = n_jobs (pool size)');
    opt.xAxis = { type: 'log', logBase: 2, name: 'parallelism', nameLocation: 'middle', nameGap: 26, min: pars[0], max: pars[pars.length - 1],
                  axisLabel: { formatter: function (v) { return String(v); } } };
    opt.yAxis = { type: wide(all) ? 'log' : 'value', name: 'speedup ×', nameTextStyle: { align: 'left' } };
    opt.series = series;
    mount(cell, 'speedup-vs-parallelism', null, opt);
    return true;
  }

  function efficiency(cell, wl, list) {
    var maxCores = Math.max.apply(null, list.map(function (r) { return r.cores === undefined ? -Infinity : r.cores; }));
    var at = isFinite(maxCores) ? list.filter(function (r) { return r.cores === maxCores; }) : list;
    at = at.filter(function (r) { return r.eff !== undefined; });
    if (!at.length) { return false; }
    var models = modelsOf(at);
    var series = models.map(function (model, i) {
      var row = pickAllCores(at.filter(function (r) { return r.model === model; }));
      var values = models.map(function () { return null; });
      values[i] = { value: 100 * num(row.eff), row: row.idx };
      return { type: 'bar', name: model, color: colorOf(model), data: values, barGap: '-100%', barWidth: '60%',
               label: { show: true, position: 'top', fontSize: 10, formatter: function (p) { return p.value.toFixed(0) + '%'; } } };
    });
    var opt = baseOption('Efficiency vs physical ideal', (isFinite(maxCores) ? 'at ' + maxCores + ' cores' : '')
      + ' · ideal ÷ measured, 100 % = the physical bound');
    opt.xAxis = { type: 'category', data: models, axisLabel: { show: models.length <= 4, fontSize: 10 }, axisTick: { show: false } };
    opt.yAxis = { type: 'value', name: 'efficiency %', nameTextStyle: { align: 'left' } };
    opt.series = series;
    mount(cell, 'efficiency', null, opt);
    return true;
  }

  function absoluteTimes(cell, wl, list) {
    var cores = uniqueSorted(list.filter(function (r) { return r.cores !== undefined; }).map(function (r) { return r.cores; }));
    var byCores = cores.length >= 2;
    var xs = byCores ? cores : uniqueSorted(list.filter(function (r) { return r.par !== undefined; }).map(function (r) { return r.par; }));
    if (!xs.length) { xs = [0]; }
    var categories = xs.map(String);
    var series = [], all = [];
    modelsOf(list).forEach(function (model) {
      var pts = [], bars = [];
      xs.forEach(function (x, xi) {
        var rs = list.filter(function (r) {
          return r.model === model && (byCores ? r.cores === x : (r.par === undefined || r.par === x));
        });
        if (!rs.length) { return; }
        var row = byCores ? pickAllCores(rs) : rs[0];
        var s = num(row.score);
        if (!isFinite(s)) { return; }
        pts.push({ value: [xi, s], row: row.idx });
        all.push(s);
        var lo = num(row.lo), hi = num(row.hi);
        if (isFinite(lo) && isFinite(hi)) { bars.push([xi, lo > 0 ? lo : s / 1000, hi]); }
      });
      if (!pts.length) { return; }
      series.push({ type: 'line', name: model, color: colorOf(model), symbolSize: 7, data: pts, emphasis: { focus: 'series' },
        lineStyle: modelLine(model), symbol: isPython(model) ? 'emptyCircle' : 'circle' });
      series.push(errorBarSeries(model, colorOf(model), bars));
    });
    if (!series.length) { return false; }
    var unit = list[0].unit;
    var opt = baseOption('Absolute ' + (unit === 'ops/s' ? 'throughput' : 'time'), unit + ' with 99.9 % confidence interval · '
      + (byCores ? 'parallelism = all cores' : 'by parallelism'));
    opt.xAxis = { type: 'category', data: categories, name: byCores ? 'cores' : 'parallelism', nameLocation: 'middle', nameGap: 26 };
    opt.yAxis = { type: wide(all) ? 'log' : 'value', name: unit, nameTextStyle: { align: 'left' } };
    opt.series = series;
    mount(cell, 'absolute', null, opt);
    return true;
  }

  rows.forEach(function (r, i) { r.idx = i; });

  /* ---- per-workload charts: benchmarks with a `model` param ---- */
  var workloadRoot = document.getElementById('workload-charts');
  var suiteRows = rows.filter(function (r) { return r.model !== undefined; });
  var byWorkload = groupBy(suiteRows, function (r) { return r.wl + ' · ' + r.mode; });
  if (!byWorkload.size) {
    workloadRoot.appendChild(el('p', 'muted', 'No benchmark here has a `model` param, so there are no per-model charts; see All benchmarks below.'));
  }
  byWorkload.forEach(function (list, name) {
    var section = el('div', 'workload');
    var head = el('div', 'workload-head');
    head.appendChild(el('h3', null, name));
    section.appendChild(head);
    // The seed article's Python (py- rows) often runs other params (smaller CPU tasks): its rows are drawn over
    // every JVM param set as dashed lines, from the Python params closest to it, instead of on a selector of their own.
    var jvmList = list.filter(function (r) { return !isPython(r.model); });
    var pyList = list.filter(function (r) { return isPython(r.model); });
    var keyOf = function (r) { return paramText(r.params, ['model', 'parallelism']); };
    var combos = groupBy(jvmList.length ? jvmList : list, keyOf);
    var pyCombos = jvmList.length ? groupBy(pyList, keyOf) : new Map();
    function pythonFor(combo) {
      var best = [], bestScore = -1;
      pyCombos.forEach(function (pyRows, pyKey) {
        var p = pyRows[0].params;
        var same = Object.keys(combo).filter(function (k) {
          return k !== 'model' && k !== 'parallelism' && p[k] === combo[k];
        }).length;
        var score = same * 1e6 + pyRows.length;
        if (score > bestScore) { best = pyRows; bestScore = score; }
      });
      return best;
    }
    var keys = Array.from(combos.keys());
    // default view: the params with the most results, and among those the biggest batch (clearest speedups)
    function batchSize(key) {
      return Math.max.apply(null, combos.get(key).map(function (r) { var s = num(r.score); return isFinite(s) ? s : 0; }));
    }
    var chosen = keys.slice().sort(function (a, b) {
      return (combos.get(b).length - combos.get(a).length) || (batchSize(b) - batchSize(a));
    })[0];
    var grid = el('div', 'chart-grid');
    section.appendChild(grid);
    function draw(key) {
      charts.filter(function (c) { return c.element.closest('.workload') === section; }).forEach(function (c) {
        c.chart.dispose(); charts.splice(charts.indexOf(c), 1);
      });
      grid.textContent = '';
      var ownRows = combos.get(key);
      var combo = ownRows[0].params;
      var overlay = pythonFor(combo);
      var comboRows = ownRows.concat(overlay);
      var inputs = uniqueSorted(comboRows.map(function (r) { return r.i; }));
      grid.style.gridTemplateColumns = 'repeat(' + (inputs.length > 1 ? inputs.length : 2) + ', minmax(0, 1fr))';
      [speedupVsCores, speedupVsParallelism, efficiency, absoluteTimes].forEach(function (kind) {
        inputs.forEach(function (input) {
          // absolute times of other params are not comparable: the overlay joins the speedup and efficiency charts only
          var ofInput = (kind === absoluteTimes ? ownRows : comboRows).filter(function (r) { return r.i === input; });
          var holder = el('div');
          holder.style.display = 'contents';
          grid.appendChild(holder);
          var drawn = kind(holder, name, ofInput, combo);
          if (drawn && multi) {
            holder.lastChild.appendChild(el('p', 'caption', data.inputs[input].label));
          }
        });
      });
      if (overlay.length) {
        var pyParams = paramText(overlay[0].params, ['model', 'parallelism']);
        grid.appendChild(el('p', 'caption python-note', 'Dashed: the seed article\'s Python (py- rows), speedup over py-sequential'
          + (pyParams === key ? '' : ', at ' + (pyParams || 'no params')) + '.'));
      }
      if (!grid.childElementCount || !grid.querySelector('.chart-cell')) {
        grid.appendChild(el('p', 'muted', 'Not enough data for the per-model charts (one core count, no sequential baseline).'));
      }
    }
    if (keys.length > 1) {
      var label = el('label', null, 'params: ');
      var select = el('select');
      keys.forEach(function (k) { var o = el('option', null, k || '(none)'); o.value = k; if (k === chosen) { o.selected = true; } select.appendChild(o); });
      select.addEventListener('change', function () { draw(select.value); });
      label.appendChild(select);
      head.appendChild(label);
    } else {
      head.appendChild(el('span', 'muted', chosen));
    }
    workloadRoot.appendChild(section);
    draw(chosen);
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
      var color = EXTRA_COLORS[input % EXTRA_COLORS.length];
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
    var opt = baseOption(list[0].wl, name);
    opt.title.subtextStyle.width = 480;
    opt.title.subtextStyle.overflow = 'truncate';
    opt.xAxis = { type: 'category', data: groups, axisLabel: { rotate: groups.length > 3 ? 25 : 0, fontSize: 10, width: 160, overflow: 'truncate' } };
    opt.yAxis = { type: 'value', name: list[0].unit, scale: true, nameTextStyle: { align: 'left' } };
    opt.grid.bottom = groups.length > 3 ? 110 : 70;
    if (groups.length > 24) { opt.dataZoom = [{ type: 'inside' }, { type: 'slider', height: 14, bottom: 22 }]; }
    opt.series = series;
    mount(genericGrid, 'generic', null, opt);
  });
  if (byBench.size > MAX_GENERIC) {
    genericRoot.appendChild(el('p', 'muted', (byBench.size - MAX_GENERIC) + ' more benchmarks are in the table below.'));
  }

  /* ---- the results table: sortable, filterable ---- */
  var columns = [
    { name: 'benchmark', text: function (r) { return r.bench; } },
    { name: 'params', cls: 'params', text: function (r) { return paramText(r.params); } },
    { name: 'cores', cls: 'num', value: function (r) { return r.cores === undefined ? NaN : r.cores; }, text: function (r) { return r.cores === undefined ? '—' : String(r.cores); } },
    { name: 'mode', text: function (r) { return r.mode; } },
    { name: 'score', cls: 'num', value: function (r) { return num(r.score); }, text: function (r) { return fmt(r.score); } },
    { name: 'error', cls: 'num err', value: function (r) { return num(r.err); }, text: function (r) { return '± ' + fmt(r.err); } },
    { name: 'CI 99.9 %', cls: 'num', value: function (r) { return num(r.lo); }, text: function (r) { return '[' + fmt(r.lo) + ', ' + fmt(r.hi) + ']'; } },
    { name: 'samples', cls: 'num', value: function (r) { return r.n; }, text: function (r) { return String(r.n); } },
    { name: 'unit', text: function (r) { return r.unit; } },
    { name: 'speedup', cls: 'num', value: function (r) { return r.speedup === undefined ? NaN : num(r.speedup); }, text: function (r) { return r.speedup === undefined ? '—' : fmt(r.speedup) + '×'; } },
    { name: 'efficiency', cls: 'num', value: function (r) { return r.eff === undefined ? NaN : num(r.eff); }, text: function (r) { return r.eff === undefined ? '—' : pct(r.eff); } },
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

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.chart.resize(); }); });
})();
