// Registers the service worker (src/render/offline/); shows its notice.
(function () {
  var saved = document.querySelector('meta[name="loa-saved"]');
  var main = document.getElementById("main");
  if (saved && main) {
    var p = document.createElement("p");
    p.className = "notice offline-note";
    p.setAttribute("role", "status");
    p.textContent = saved.content;
    var crumbs = main.querySelector(".breadcrumbs");
    main.insertBefore(p, crumbs && crumbs.parentNode === main ? crumbs.nextSibling : main.firstChild);
  }
  var sw = navigator.serviceWorker;
  if (sw) sw.register(document.currentScript.getAttribute("data-worker")).then(function () {
    return sw.ready;
  }).then(function (r) {
    r.active.postMessage(document.documentElement.lang);
  }).catch(function () {});
})();
