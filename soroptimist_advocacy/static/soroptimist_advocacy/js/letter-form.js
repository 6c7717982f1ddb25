/* Progressive enhancement of the letter form: choosing a country updates the
   list of decision makers in place. Without JavaScript the "Show decision
   makers" step (a GET carrying only the country) does the same. */
(function () {
  "use strict";
  var form = document.querySelector("[data-sa-letter-form]");
  if (!form || !window.fetch || !window.DOMParser) { return; }
  document.documentElement.classList.add("sa-js");
  var select = form.querySelector("select[name=country]");
  var recipients = form.querySelector("[data-sa-decision-makers]");
  var pageUrl = form.getAttribute("data-sa-page-url");
  if (!select || !recipients || !pageUrl) { return; }

  function replaceFrom(doc, selector) {
    var fresh = doc.querySelector(selector);
    var current = document.querySelector(selector);
    if (fresh && current) { current.innerHTML = fresh.innerHTML; }
  }

  /* Answers may arrive out of order (arrow keys walk the list): only the latest counts. */
  var latest = 0;
  select.addEventListener("change", function () {
    var request = ++latest;
    var url = pageUrl + "?country=" + encodeURIComponent(select.value);
    recipients.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.text(); })
      .then(function (html) {
        if (request !== latest) { return; }
        var doc = new DOMParser().parseFromString(html, "text/html");
        replaceFrom(doc, "[data-sa-decision-makers]");
        replaceFrom(doc, "[data-sa-next-steps]");
      })
      .catch(function () {
        /* Fall back to the no-JavaScript step. */
        if (request === latest) { document.documentElement.classList.remove("sa-js"); }
      })
      .then(function () { if (request === latest) { recipients.removeAttribute("aria-busy"); } });
  });
})();
