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
  var charts = [];
  var els = document.querySelectorAll(".chart[data-option]");
  for (var i = 0; i < els.length; i++) {
    var data = document.getElementById(els[i].getAttribute("data-option"));
    if (!data) {
      continue;
    }
    var chart = echarts.init(els[i], null, { renderer: "svg" });
    chart.setOption(JSON.parse(data.textContent));
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
