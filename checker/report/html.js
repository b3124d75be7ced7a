"use strict";
// Filters: a finding is shown when it matches every filter that is set.
(function () {
  const selects = Array.from(document.querySelectorAll("#filters select"));
  const findings = Array.from(document.querySelectorAll("article.finding"));
  const shown = document.getElementById("shown");

  function values(finding, key) {
    return key === "source" ? JSON.parse(finding.dataset.sources) : [finding.dataset[key]];
  }

  function apply() {
    let count = 0;
    for (const finding of findings) {
      const match = selects.every((s) => !s.value || values(finding, s.dataset.filter).includes(s.value));
      finding.hidden = !match;
      if (match) count += 1;
    }
    shown.textContent = count + " of " + findings.length + " shown";
  }

  for (const select of selects) select.addEventListener("change", apply);
  apply();
})();
