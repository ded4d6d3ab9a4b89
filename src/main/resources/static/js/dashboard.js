// The dashboard's chart: trades received and exported per hour of today, from /dashboard/hourly
// (the user's shops only). Series names come from the element's data attributes (the page's language).
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("hourly-chart");
  if (!element || typeof echarts === "undefined") {
    return;
  }
  var chart = echarts.init(element, null, { renderer: "canvas" });
  window.addEventListener("resize", function () { chart.resize(); });
  fetch(element.dataset.url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      chart.setOption({
        animation: false,
        tooltip: { trigger: "axis" },
        legend: { data: [element.dataset.received, element.dataset.exported] },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: "category", data: data.hours, name: data.zone, nameLocation: "end" },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          { name: element.dataset.received, type: "bar", data: data.received },
          { name: element.dataset.exported, type: "bar", data: data.exported }
        ]
      });
      element.setAttribute("data-loaded", String(data.received.reduce(function (a, b) { return a + b; }, 0)));
    })
    .catch(function (error) {
      element.textContent = String(error);
    });
});
