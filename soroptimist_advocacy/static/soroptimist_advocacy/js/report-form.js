// The report form with JavaScript: the decision-maker list follows the country chosen in the
// form itself, so the separate country step (a GET for browsers without JavaScript) is hidden.
(function () {
  "use strict";
  var form = document.querySelector("[data-sa-report-form]");
  if (!form) { return; }
  var country = form.querySelector("select[name=country]");
  var decisionMaker = form.querySelector("select[name=decision_maker]");
  if (!country || !decisionMaker) { return; }
  document.documentElement.classList.add("sa-js");

  function filter() {
    // Optgroups are labelled with the country's name, as the country select shows it.
    var chosen = country.selectedIndex >= 0 ? country.options[country.selectedIndex].text : "";
    var groups = decisionMaker.querySelectorAll("optgroup");
    for (var i = 0; i < groups.length; i++) {
      var shown = !country.value || groups[i].label === chosen;
      groups[i].hidden = !shown;
      groups[i].disabled = !shown;
      if (!shown && groups[i].contains(decisionMaker.options[decisionMaker.selectedIndex])) {
        decisionMaker.value = "";
      }
    }
  }
  country.addEventListener("change", filter);
  filter();
})();
