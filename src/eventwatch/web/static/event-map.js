"use strict";
// The event page's small locator map: the shipped country outlines (or the configured tiles) and one marker.
// Coordinates and status come from data attributes the server wrote; no article text is used here.
(function () {
  const box = document.getElementById("event-map");
  if (!box) return;
  const lat = Number(box.dataset.latitude);
  const lon = Number(box.dataset.longitude);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
  const map = L.map(box, { attributionControl: false, scrollWheelZoom: false, zoomAnimation: false });
  map.setView([lat, lon], 5);
  map.createPane("outline").style.zIndex = "250"; // above tiles, below markers (as on the map page)
  const tiled = Boolean(box.dataset.tileUrl);
  if (tiled) L.tileLayer(box.dataset.tileUrl, { maxZoom: 18 }).addTo(map);
  fetch("/static/outline/countries-110m.geojson")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("outline " + r.status))))
    .then((outline) => {
      const style = { className: tiled ? "country country-lines" : "country", weight: 0.6 };
      L.geoJSON(outline, { interactive: false, style, pane: "outline" }).addTo(map);
    })
    .catch(() => box.classList.add("outline-missing"));
  const symbol = document.createElement("span");
  symbol.className = "symbol symbol-" + (box.dataset.status || "unknown");
  symbol.setAttribute("aria-hidden", "true");
  const icon = L.divIcon({ className: "marker", html: symbol, iconSize: [18, 18], iconAnchor: [9, 9] });
  L.marker([lat, lon], { icon, keyboard: false, interactive: false }).addTo(map);
})();
