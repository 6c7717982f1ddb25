/* Progressive enhancement of the letter form: choosing a country updates the
   list of decision makers in place. Without JavaScript the "Show decision
   makers" step (a GET carrying only the country) does the same, and the letter
   form carries the country as a hidden field: the page has one country menu
   either way. */
(function () {
  "use strict";
  var form = document.querySelector("[data-sa-letter-form]");
  if (!form) { return; }

  /* After a refused POST the page comes back with an error summary: start there. Once the page
     has loaded, as going to the form's #sa-letter fragment moves the focus itself. */
  var summary = form.querySelector(".sa-error-summary");
  if (summary) {
    window.addEventListener("load", function () { setTimeout(function () { summary.focus(); }, 0); });
  }

  if (!window.fetch || !window.DOMParser) { return; }
  var step = document.querySelector("[data-sa-country-step]");
  var field = step && step.querySelector("[data-sa-country-field]");
  var slot = form.querySelector("[data-sa-country-slot]");
  var recipients = form.querySelector("[data-sa-decision-makers]");
  var status = form.querySelector("[data-sa-status]");
  var pageUrl = form.getAttribute("data-sa-page-url");
  if (!field || !slot || !recipients || !status || !pageUrl) { return; }
  var select = field.querySelector("select[name=country]");
  if (!select) { return; }

  /* The step's menu becomes the letter form's own; the hidden country and the step go. */
  slot.parentNode.replaceChild(field, slot);
  step.parentNode.removeChild(step);
  document.documentElement.classList.add("sa-js");

  /* Arrow keys walk a closed menu one option at a time, each a change: ask once the
     choice has settled rather than once per option. */
  var SETTLE_MS = 400;
  var timer = null;
  var latest = 0;
  var loading = false;

  function say(text) { status.textContent = text; }

  function countryName() {
    return select.selectedIndex > 0 ? select.options[select.selectedIndex].text : "";
  }

  function replaceFrom(doc, selector) {
    var fresh = doc.querySelector(selector);
    var current = document.querySelector(selector);
    if (fresh && current) { current.innerHTML = fresh.innerHTML; }
  }

  function finish(request) {
    if (request !== latest) { return; }
    loading = false;
    recipients.removeAttribute("aria-busy");
    form.removeAttribute("aria-busy");
  }

  function load() {
    timer = null;
    var request = ++latest;
    var url = pageUrl + "?country=" + encodeURIComponent(select.value);
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
      .then(function (html) {
        /* Answers may arrive out of order: only the latest counts. */
        if (request !== latest) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        replaceFrom(doc, "[data-sa-decision-makers]");
        replaceFrom(doc, "[data-sa-next-steps]");
        say(status.getAttribute("data-sa-loaded").replace("%(country)s", countryName()));
        finish(request);
      })
      .catch(function () {
        if (request !== latest) { return; }
        say(status.getAttribute("data-sa-failed"));
        finish(request);
      });
  }

  select.addEventListener("change", function () {
    loading = true;
    recipients.setAttribute("aria-busy", "true");
    form.setAttribute("aria-busy", "true");
    say(status.getAttribute("data-sa-loading"));
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(load, SETTLE_MS);
  });

  /* A letter asked for while the list is loading would go to the previous country's
     decision makers (or nobody): hold it and say why. */
  form.addEventListener("submit", function (event) {
    if (!loading) { return; }
    event.preventDefault();
    say(status.getAttribute("data-sa-wait"));
  });
})();
