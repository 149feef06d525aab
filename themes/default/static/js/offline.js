// Registers the service worker, asks it to save this language's pages, and
// shows its notice on a page served from the saved copy (src/render/offline/).
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
