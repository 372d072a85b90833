/* global document, uPlot */
// The designer's report's only script (inlined into index.html by report-html.ts, after uPlot): draws
// each chart spec of the #report-charts JSON into its <div id>. No data is fetched: the page is one file.
(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("report-charts").textContent);
  // Compact tick labels: difficulty is ~1e13, equity ~1e7; uPlot's default prints every digit.
  var compact = function (v) {
    // uPlot hands null for ticks it leaves unlabelled (log scales).
    if (v === null || v === undefined) return "";
    var a = Math.abs(v);
    var units = [
      [1e12, "T"],
      [1e9, "B"],
      [1e6, "M"],
      [1e3, "k"],
    ];
    for (var i = 0; i < units.length; i++)
      if (a >= units[i][0]) return +(v / units[i][0]).toPrecision(4) + units[i][1];
    return +v.toPrecision(3) + "";
  };
  var toTime = function (date) {
    return Date.parse(date + "T00:00:00Z") / 1000;
  };
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    if (!el) return;
    var data = [spec.dates.map(toTime)];
    var series = [{}];
    spec.series.forEach(function (s) {
      data.push(s.values);
      series.push({
        label: s.label,
        stroke: s.color,
        width: s.width || 2,
        dash: s.dash ? [6, 4] : undefined,
        spanGaps: false,
        points: { show: false },
      });
    });
    var bands = spec.bands.map(function (b) {
      return { series: b.series, fill: b.fill };
    });
    var opts = {
      width: Math.min(960, el.clientWidth || 960),
      height: 320,
      series: series,
      bands: bands,
      scales: { x: { time: true }, y: spec.log ? { distr: 3 } : {} },
      axes: [
        {},
        {
          size: 60,
          values: function (u, ticks) {
            return ticks.map(compact);
          },
        },
      ],
    };
    new uPlot(opts, data, el);
  });
})();
