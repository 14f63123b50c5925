// Material draws code-annotation markers as links with no text; give each one a
// name that screen readers can announce (axe-core rule link-name).
(function () {
  function nameAnnotations() {
    document.querySelectorAll("a.md-annotation__index:not([aria-label])").forEach(function (link) {
      var marker = link.querySelector("[data-md-annotation-id]");
      var id = marker ? marker.getAttribute("data-md-annotation-id") : "";
      link.setAttribute("aria-label", "Annotation " + id);
    });
  }
  new MutationObserver(nameAnnotations).observe(document.body, { childList: true, subtree: true });
  nameAnnotations();
})();
