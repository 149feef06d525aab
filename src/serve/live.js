// loa serve only: reloads the page after each rebuild and shows the
// errors of the last build over the page until they are fixed.
(function () {
  "use strict";
  var vi = (document.documentElement.lang || "").indexOf("vi") === 0;
  var source = new EventSource("/__loa/events");
  source.addEventListener("reload", function () {
    window.location.reload();
  });

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (style) e.setAttribute("style", style);
    return e;
  }

  fetch("/__loa/problems", { cache: "no-store" })
    .then(function (r) { return r.json(); })
    .then(function (problems) {
      var errors = problems.filter(function (p) { return p.severity === "error"; });
      if (!errors.length) return;
      var box = el("div", "", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
        "background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 system-ui,sans-serif;padding:1.5rem");
      box.id = "loa-problems";
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-modal", "true");
      box.setAttribute("aria-labelledby", "loa-problems-title");
      var title = el("h2", (vi ? "Trang chưa dựng lại được: " : "The site could not be rebuilt: ") +
        errors.length + (vi ? " lỗi" : errors.length === 1 ? " error" : " errors"), "margin:0 0 1rem;font-size:1.4rem");
      title.id = "loa-problems-title";
      box.appendChild(title);
      box.appendChild(el("p", vi ? "Bạn đang xem bản dựng tốt gần nhất. Sửa tệp và lưu lại; trang sẽ tự tải lại."
        : "You are seeing the last good build. Fix the file and save it; this page reloads by itself.", "margin:0 0 1rem"));
      var list = el("ol", "", "margin:0;padding-left:1.5rem");
      errors.forEach(function (p) {
        var item = el("li", "", "margin-bottom:1rem");
        var at = p.cell ? p.path + "[" + p.sheet + "]!" + p.cell + (p.header ? " (" + p.header + ")" : "")
          : p.path + ":" + p.line + ":" + p.column;
        item.appendChild(el("code", at + " [" + p.code + "]",
          "display:block;color:#ffd54f"));
        item.appendChild(el("div", p.message));
        if (p.hint) item.appendChild(el("div", (vi ? "Cách sửa: " : "Fix: ") + p.hint, "color:#b9f6ca;white-space:pre-wrap"));
        list.appendChild(item);
      });
      box.appendChild(list);
      var close = el("button", vi ? "Đóng" : "Close", "margin-top:1rem;font:inherit;padding:.4rem 1rem");
      close.addEventListener("click", function () { box.remove(); });
      box.appendChild(close);
      document.body.appendChild(box);
      close.focus();
    })
    .catch(function () {});
})();
