// Sends the CSRF token of the page (meta tags _csrf and _csrf_header) with every htmx request.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Exception queue: "select all" ticks every row's box; a form with data-confirm asks first, with the
// number of selected rows in place of {0} (e.g. "重试 37 条异常?").
document.addEventListener("change", function (event) {
  if (event.target.id === "select-all") {
    document.querySelectorAll("input.pick").forEach(function (box) { box.checked = event.target.checked; });
  }
});
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (!question) {
    return;
  }
  var count = document.querySelectorAll('input[name="ids"][form="' + form.id + '"]:checked').length;
  if (!window.confirm(question.replace("{0}", count))) {
    event.preventDefault();
  }
});
