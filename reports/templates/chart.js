(function () {
  "use strict";
  // Draws the findings chart from the option the report wrote as JSON.
  // This file is hashed into the page's Content-Security-Policy: any change
  // here changes the hash, which html.go computes, so nothing to update by hand.
  var data = document.getElementById("chart-option");
  var el = document.getElementById("avgaudit-findings-chart");
  if (!data || !el || typeof echarts === "undefined") {
    return;
  }
  var chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption(JSON.parse(data.textContent));
  var resize = function () { chart.resize(); };
  window.addEventListener("resize", resize);
  // The chart is drawn at the window's width; an A4 page is narrower.
  window.addEventListener("beforeprint", function () { chart.resize({ width: 680 }); });
  window.addEventListener("afterprint", resize);
})();
