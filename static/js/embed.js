// The embeddable timeline: TimelineJS draws the export of the page's filters. Everything is
// loaded from this site (script_path), nothing from a CDN: no web font, no analytics.
(function () {
  "use strict";
  var element = document.getElementById("timeline-embed");
  fetch(element.dataset.source, { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(function (data) {
      if (!data.events.length) {
        element.textContent = element.dataset.empty;
        return;
      }
      window.timeline = new TL.Timeline("timeline-embed", data, {
        script_path: new URL(element.dataset.scriptPath, window.location.href).toString(),
        language: element.dataset.language,
        font: null,
        ga_measurement_id: null,
        hash_bookmark: false,
        timenav_position: "bottom",
      });
    })
    .catch(function (error) {
      element.textContent = String(error);
    });
})();
