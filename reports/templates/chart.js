(function () {
  "use strict";
  // Draws every chart of the report from the option the report wrote as
  // JSON: an element with class "chart" names, in data-option, the
  // non-executed JSON script element that holds its option.
  // This file is hashed into the page's Content-Security-Policy: any change
  // here changes the hash, which html.go computes, so nothing to update by hand.
  if (typeof echarts === "undefined") {
    return;
  }
  // Numbers are written as the report's language writes them: 1.000 and
  // 2,5 in a Dutch report, 1,000 and 2.5 in an English one. ECharts would
  // write 1,000 everywhere; the options are JSON, so the formatters are
  // added here.
  var lang = document.documentElement.lang || "nl";
  var numberFormat = new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL");
  var number = function (v) {
    return typeof v === "number" ? numberFormat.format(v) : v;
  };
  var localise = function (option) {
    var axes = [].concat(option.xAxis || [], option.yAxis || []);
    for (var a = 0; a < axes.length; a++) {
      // A category axis draws no ticks: they stood as stray "-" between the
      // rows of the risk matrix and the bars of the trend.
      if (axes[a].type === "category" && !axes[a].axisTick) {
        axes[a].axisTick = { show: false };
      }
      if (axes[a].type === "value") {
        axes[a].axisLabel = axes[a].axisLabel || {};
        if (!axes[a].axisLabel.formatter) {
          axes[a].axisLabel.formatter = number;
        }
      }
    }
    var series = [].concat(option.series || []);
    for (var s = 0; s < series.length; s++) {
      var label = series[s].label;
      if (label && label.show && !label.formatter) {
        label.formatter = function (p) {
          return number(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value);
        };
      }
    }
    if (option.tooltip && !option.tooltip.valueFormatter) {
      option.tooltip.valueFormatter = number;
    }
    return option;
  };
  var charts = [];
  var els = document.querySelectorAll(".chart[data-option]");
  for (var i = 0; i < els.length; i++) {
    var data = document.getElementById(els[i].getAttribute("data-option"));
    if (!data) {
      continue;
    }
    var chart = echarts.init(els[i], null, { renderer: "svg" });
    chart.setOption(localise(JSON.parse(data.textContent)));
    charts.push(chart);
  }
  var resize = function (size) {
    for (var j = 0; j < charts.length; j++) {
      charts[j].resize(size);
    }
  };
  window.addEventListener("resize", function () { resize(); });
  // A chart is drawn at the width of its box on screen; on an A4 page the
  // box is narrower, so draw it again at the box's printed width.
  window.addEventListener("beforeprint", function () {
    for (var j = 0; j < charts.length; j++) {
      charts[j].resize({ width: Math.min(charts[j].getDom().clientWidth, 680) });
    }
  });
  window.addEventListener("afterprint", function () { resize(); });
})();
