// The country checkboxes' filter: typing part of a country's name or code shows only the
// countries that match (accents and case ignored) and hides regions left empty. Checked boxes
// stay checked whether shown or not. Without this script every country is shown.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUp(root) {
    if (root.dataset.saReady) { return; }
    root.dataset.saReady = "1";
    var row = root.querySelector("[data-sa-country-filter-row]");
    var input = root.querySelector("[data-sa-country-filter]");
    if (!row || !input) { return; }
    row.hidden = false;
    var items = Array.prototype.map.call(root.querySelectorAll("li[data-sa-country]"), function (item) {
      return { item: item, text: fold(item.dataset.saCountry) };
    });
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      items.forEach(function (entry) { entry.item.hidden = wanted !== "" && entry.text.indexOf(wanted) === -1; });
      root.querySelectorAll("[data-sa-region]").forEach(function (region) {
        region.hidden = !region.querySelector("li[data-sa-country]:not([hidden])");
      });
    });
    // Enter in the filter would submit the page form: it only filters.
    input.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); } });
  }

  function setUpAll() { document.querySelectorAll("[data-sa-country-checkboxes]").forEach(setUp); }

  // Only once the page is parsed: a widget met halfway through parsing would be set up with the
  // countries parsed so far. Then Wagtail may add panels (and their widgets): look again when it does.
  function start() {
    setUpAll();
    new MutationObserver(setUpAll).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
}());
