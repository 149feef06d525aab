// "Nearest to me": with the reader's permission, sorts enrollment points and
// upcoming mobile-team visits by distance from the browser's position. All in
// the browser, from this site's points.json; without JavaScript the page is
// the complete list.
(function () {
  "use strict";
  var box = document.querySelector(".nearest");
  if (!box || !("geolocation" in navigator) || !window.fetch || !window.JSON) return;
  box.hidden = false;
  var button = box.querySelector("button");
  var out = box.querySelector(".nearest-results");

  function distance(lat1, lon1, lat2, lon2) {
    var r = 6371, rad = Math.PI / 180;
    var dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad;
    var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * r * Math.asin(Math.sqrt(a));
  }

  function list(title, items) {
    var h = document.createElement("h2");
    h.textContent = title;
    var ol = document.createElement("ol");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = box.getAttribute("data-prefix") + item.path;
      a.textContent = item.label;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" — " + item.km.toFixed(1).replace(".", ",") + " " + box.getAttribute("data-km")));
      if (item.extra) li.appendChild(document.createTextNode(" · " + item.extra));
      ol.appendChild(li);
    });
    out.appendChild(h);
    out.appendChild(ol);
  }

  button.addEventListener("click", function () {
    out.textContent = "…";
    navigator.geolocation.getCurrentPosition(function (pos) {
      var lat = pos.coords.latitude, lon = pos.coords.longitude, now = Date.now();
      fetch(box.getAttribute("data-points")).then(function (r) { return r.json(); }).then(function (data) {
        out.textContent = "";
        var points = data.points.filter(function (p) { return p.lat != null && p.lon != null; })
          .map(function (p) { return { path: p.path, label: p.name, km: distance(lat, lon, p.lat, p.lon), extra: p.address }; })
          .sort(function (a, b) { return a.km - b.km; }).slice(0, 10);
        var visits = data.visits.filter(function (v) { return v.lat != null && v.lon != null && Date.parse(v.ends) > now; })
          .map(function (v) { return { path: v.path, label: v.title, km: distance(lat, lon, v.lat, v.lon), extra: v.date + " " + v.time }; })
          .sort(function (a, b) { return a.km - b.km; }).slice(0, 10);
        if (points.length) list(box.getAttribute("data-offices"), points);
        if (visits.length) list(box.getAttribute("data-visits"), visits);
      }).catch(function () { out.textContent = box.getAttribute("data-error"); });
    }, function () { out.textContent = box.getAttribute("data-denied"); },
    { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
  });
})();
