// Money → Reports: the payment per day as a bar chart. The days and amounts (yuan, two decimals) come
// from the element's data attributes, the series name in the page's language.
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("sales-chart");
  if (!element || typeof echarts === "undefined" || !element.dataset.days) {
    return;
  }
  var days = element.dataset.days.split(",");
  var payment = element.dataset.payment.split(",").map(Number);
  var chart = echarts.init(element, null, { renderer: "canvas" });
  window.addEventListener("resize", function () { chart.resize(); });
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { data: [element.dataset.series] },
    grid: { left: 64, right: 16, top: 36, bottom: 28 },
    xAxis: { type: "category", data: days },
    yAxis: { type: "value" },
    series: [{ name: element.dataset.series, type: "bar", data: payment }]
  });
  element.setAttribute("data-loaded", String(days.length));
});
