// Moves events that have ended since the site was built from the upcoming
// lists into the past ones, by the reader's own clock.
(function () {
  "use strict";
  var now = Date.now();
  var past = document.querySelector("ol.events.past");
  var items = document.querySelectorAll("ol.upcoming > li[data-ends]");
  for (var i = items.length - 1; i >= 0; i--) {
    var li = items[i];
    var end = Date.parse(li.getAttribute("data-ends"));
    if (!end || end >= now) continue;
    if (past) past.insertBefore(li, past.firstChild); else li.hidden = true;
  }
  var lists = document.querySelectorAll("ol.upcoming");
  for (var j = 0; j < lists.length; j++) {
    if (!lists[j].querySelector("li:not([hidden])")) {
      lists[j].hidden = true;
      var heading = lists[j].previousElementSibling;
      if (heading && heading.tagName === "H3") heading.hidden = true;
    }
  }
})();
