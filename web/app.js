// cancu — optional enhancements. Every page works without this script.
(function () {
  "use strict";
  // Filters submit on change (without JS a "Lọc" button is shown instead).
  document.querySelectorAll("select.auto").forEach(function (el) {
    el.addEventListener("change", function () { if (el.form) el.form.submit(); });
  });
  // Print view: a button that opens the print dialog.
  document.querySelectorAll("button.print-now").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // Print form: warn when nothing is ticked rather than sending an empty request.
  document.querySelectorAll("form.print-form").forEach(function (f) {
    f.addEventListener("submit", function (e) {
      if (!f.querySelector("input[name=a]:checked")) {
        e.preventDefault();
        alert("Hãy đánh dấu ít nhất một điều để in (ô vuông cạnh tên điều).");
      }
    });
  });
  // Suggestions as you type in the search box: document titles from /api/search.
  var box = document.querySelector("form.search input[type=search]");
  if (box && window.fetch) {
    var list = document.createElement("datalist");
    list.id = "goi-y";
    document.body.appendChild(list);
    box.setAttribute("list", "goi-y");
    var timer = null, last = "";
    box.addEventListener("input", function () {
      clearTimeout(timer);
      var q = box.value.trim();
      if (q.length < 3 || q === last) return;
      timer = setTimeout(function () {
        last = q;
        fetch("/api/search?per_page=8&q=" + encodeURIComponent(q))
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) return;
            list.textContent = "";
            var seen = {};
            data.hits.forEach(function (h) {
              var v = h.document;
              if (seen[v]) return;
              seen[v] = true;
              var o = document.createElement("option");
              o.value = v;
              o.label = h.title;
              list.appendChild(o);
            });
          })
          .catch(function () {});
      }, 200);
    });
  }
})();
