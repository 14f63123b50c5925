// The search index holds the text of every page: by far the largest file on the site,
// and most readers never search. Material requests it as soon as a page loads; this
// holds that one request back until the reader shows an interest in searching (focus
// on the search field, a click or touch on the search button, or one of Material's
// search shortcut keys), then sends it. Everything else about search is Material's own.
// Loaded before Material's bundle (overrides/main.html), so the bundle's request passes
// through here.
(function () {
  var INDEX = "search/search_index.json";
  var waiting = [];
  var wanted = false;

  function want() {
    if (wanted) return;
    wanted = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__lazyIndex = String(url).indexOf(INDEX) !== -1;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__lazyIndex || wanted) return send.apply(xhr, args);
    waiting.push(function () { send.apply(xhr, args); });
  };

  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.matches && event.target.matches(".md-search__input")) want();
  });
  ["pointerdown", "touchstart", "mouseover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      // The search button and field only, not Material's overlay (also a label for the
      // search toggle): while a page loads, before its styles apply, the overlay sits in
      // the top-left corner, where a resting pointer would load the index.
      if (target && target.closest && target.closest(".md-header__button[for=__search], .md-search__form")) want();
    }, { passive: true });
  });
  document.addEventListener("keydown", function (event) {
    if (["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) want();
  });
})();
