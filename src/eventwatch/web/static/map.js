"use strict";
// The map page: loads events from /api/events (type, status, country and text filters run on the server),
// applies the date range (timeline brush or From/To fields) here, and draws the map, timeline and list.
// Article-derived text reaches the DOM only through textContent; popups get DOM nodes, never HTML strings.
(function () {
  const { Timeline, parseDay } = window.eventwatch;
  const app = document.getElementById("app");
  const form = document.getElementById("filters");
  const list = document.getElementById("event-list");
  const countLabel = document.getElementById("event-count");
  const loadError = document.getElementById("load-error");
  const clearButton = document.getElementById("timeline-clear");
  const STATUS_LABELS = {
    "contested": "Contested",
    "corroborated": "Corroborated",
    "single-source": "Single source",
    "denied-only": "Denied only",
  };
  const SERVER_FILTERS = ["plover", "status", "country", "q"];
  const RANGE_FIELDS = ["since", "until"];
  const maxEvents = Number(app.dataset.maxEvents) || 5000;
  const maxElementMarkers = Number.parseInt(app.dataset.maxElementMarkers, 10);
  const LIST_CHUNK = 200;
  const FAN_MAX = 40;
  const pageSize = Number(app.dataset.pageSize) || 1000;

  let events = []; // every event the server returned for the current filters
  let range = null; // {since, until} ISO dates, or null for all dates
  let request = null; // AbortController of the load in flight
  const markers = new Map(); // event id -> Leaflet marker

  // ---- small DOM helpers (text only) ----
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function statusKey(status) {
    return Object.prototype.hasOwnProperty.call(STATUS_LABELS, status) ? status : "unknown";
  }

  function symbol(status) {
    const node = el("span", "symbol symbol-" + statusKey(status));
    node.setAttribute("aria-hidden", "true");
    return node;
  }

  function eventTitle(ev) {
    if (ev.summary) return ev.summary;
    return ev.place_name ? `${ev.plover} at ${ev.place_name}` : String(ev.plover);
  }

  function eventHref(ev) {
    return "/events/" + encodeURIComponent(ev.id);
  }

  function describe(ev) {
    const parts = [STATUS_LABELS[statusKey(ev.status)] || "Unknown status", ev.plover];
    if (ev.date) parts.push(ev.date);
    if (ev.place_name) parts.push(ev.country ? `${ev.place_name}, ${ev.country}` : ev.place_name);
    return parts.join(" · ");
  }

  // ---- map ----
  const calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const map = L.map("map", {
    worldCopyJump: true,
    minZoom: 1,
    attributionControl: false,
    zoomAnimation: !calm,
    fadeAnimation: !calm,
    markerZoomAnimation: !calm,
  }).setView([25, 20], 2);
  // The outline gets its own pane between tiles (200) and overlays (400): the canvas markers, which live in
  // the overlay pane, must be drawn above the opaque country fill whatever order the layers arrive in.
  map.createPane("outline").style.zIndex = "250";
  const credit = el("p", "attribution");
  document.getElementById("map").after(credit);
  const tiled = Boolean(app.dataset.tileUrl);
  if (tiled) {
    L.tileLayer(app.dataset.tileUrl, { maxZoom: 18 }).addTo(map);
    credit.textContent = "Map: Leaflet" + (app.dataset.tileAttribution ? " · " + app.dataset.tileAttribution : "");
  } else {
    credit.textContent = "Map: Leaflet · country outlines: Natural Earth 1:110m (public domain)";
  }
  fetch("/static/outline/countries-110m.geojson")
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error("outline " + r.status))))
    .then((outline) => {
      const style = { className: tiled ? "country country-lines" : "country", weight: 0.6 };
      L.geoJSON(outline, { interactive: false, style, pane: "outline" }).addTo(map);
    })
    .catch(() => { credit.textContent += " (country outlines failed to load)"; });
  const markerLayer = L.layerGroup().addTo(map);

  function popupContent(ev) {
    const box = el("div", "popup");
    const link = el("a", "popup-title", eventTitle(ev));
    link.href = eventHref(ev);
    box.appendChild(link);
    const meta = el("p", "popup-meta");
    meta.appendChild(symbol(ev.status));
    meta.appendChild(document.createTextNode(" " + describe(ev)));
    box.appendChild(meta);
    return box;
  }

  // Events at the same spot (several reports about one town) are fanned out around it by a few pixels,
  // so each keeps its own focusable marker; the coordinates themselves are untouched.
  function fanOut(visible) {
    const seen = new Map();
    const offsets = new Map();
    for (const ev of visible) {
      const key = `${ev.latitude.toFixed(3)},${ev.longitude.toFixed(3)}`;
      const k = seen.get(key) || 0;
      seen.set(key, k + 1);
      const ring = k % FAN_MAX; // past FAN_MAX the spiral starts over instead of growing across the map
      const radius = ring === 0 ? 0 : 11 * Math.sqrt(ring);
      offsets.set(ev.id, [radius * Math.cos(ring * 2.4), radius * Math.sin(ring * 2.4)]);
    }
    return offsets;
  }

  // Past maxElementMarkers events, markers are drawn on one canvas (thousands of DOM markers take seconds):
  // same shapes and colours, clickable, but not in the tab order; the list's "Show on map" stays the
  // keyboard path. Below it, each marker is a focusable element.
  const canvas = L.canvas({ padding: 0.5 });
  const css = getComputedStyle(document.documentElement);
  const SHAPES = { "contested": "diamond", "corroborated": "circle", "single-source": "square", "denied-only": "triangle" };
  const ShapeMarker = L.CircleMarker.extend({
    _updatePath() {
      const renderer = this._renderer;
      if (!renderer._drawing || this._empty()) return;
      const ctx = renderer._ctx;
      const { x, y } = this._point;
      const r = this._radius;
      ctx.beginPath();
      if (this.options.shape === "diamond") {
        ctx.moveTo(x, y - 1.4 * r); ctx.lineTo(x + 1.4 * r, y); ctx.lineTo(x, y + 1.4 * r); ctx.lineTo(x - 1.4 * r, y);
        ctx.closePath();
      } else if (this.options.shape === "square") {
        ctx.rect(x - r, y - r, 2 * r, 2 * r);
      } else if (this.options.shape === "triangle") {
        ctx.moveTo(x, y - 1.4 * r); ctx.lineTo(x + 1.3 * r, y + r); ctx.lineTo(x - 1.3 * r, y + r);
        ctx.closePath();
      } else {
        ctx.arc(x, y, r, 0, Math.PI * 2);
      }
      renderer._fillStroke(ctx, this);
    },
  });

  function canvasMarker(ev) {
    const key = statusKey(ev.status);
    return new ShapeMarker([ev.latitude, ev.longitude], {
      renderer: canvas,
      radius: 6,
      shape: SHAPES[key] || "circle",
      color: "#1b1f24",
      weight: 1,
      fillColor: css.getPropertyValue("--" + key).trim() || "#57606a",
      fillOpacity: 1,
    });
  }

  function elementMarker(ev, dx, dy) {
    const label = `${eventTitle(ev)} (${describe(ev)})`;
    const icon = L.divIcon({
      className: "marker marker-" + statusKey(ev.status),
      html: symbol(ev.status),
      iconSize: [18, 18],
      iconAnchor: [9 - dx, 9 - dy],
      popupAnchor: [dx, dy - 8],
    });
    return L.marker([ev.latitude, ev.longitude], { icon, keyboard: true, title: label, riseOnHover: true });
  }

  function drawMarkers(visible) {
    markerLayer.clearLayers();
    markers.clear();
    const placed = visible.filter((ev) => typeof ev.latitude === "number" && typeof ev.longitude === "number");
    const asElements = placed.length <= maxElementMarkers;
    app.dataset.markers = asElements ? "elements" : "canvas";
    const offsets = asElements ? fanOut(placed) : null;
    for (const ev of placed) {
      const marker = asElements ? elementMarker(ev, ...offsets.get(ev.id)) : canvasMarker(ev);
      marker.bindPopup(() => popupContent(ev)); // built when opened: thousands of markers stay cheap
      marker.addTo(markerLayer);
      if (asElements) {
        const node = marker.getElement();
        node.setAttribute("aria-label", `${eventTitle(ev)} (${describe(ev)})`);
        node.dataset.eventId = ev.id;
        node.dataset.status = statusKey(ev.status);
      }
      markers.set(ev.id, marker);
    }
    return placed;
  }

  function setActive(id, isActive) {
    const marker = markers.get(id);
    if (!marker) return;
    if (marker instanceof ShapeMarker) {
      marker.setStyle({ weight: isActive ? 4 : 1, color: isActive ? "#9a6700" : "#1b1f24" });
      if (isActive) marker.bringToFront();
      return;
    }
    const node = marker.getElement();
    if (node) node.classList.toggle("is-active", isActive);
    marker.setZIndexOffset(isActive ? 1000 : 0);
  }

  // ---- list ----
  // The list is drawn LIST_CHUNK entries at a time ("Show more"), so thousands of events stay quick to draw.
  function drawList(visible) {
    list.replaceChildren();
    appendToList(visible, 0);
  }

  function appendToList(visible, from) {
    for (const ev of visible.slice(from, from + LIST_CHUNK)) {
      const item = el("li", "event-item");
      item.dataset.eventId = ev.id;
      item.dataset.status = statusKey(ev.status);
      const link = el("a", "event-link");
      link.href = eventHref(ev);
      link.appendChild(symbol(ev.status));
      link.appendChild(el("span", "event-title", eventTitle(ev)));
      link.appendChild(el("span", "event-meta", describe(ev)));
      for (const type of ["focus", "mouseenter"]) link.addEventListener(type, () => setActive(ev.id, true));
      for (const type of ["blur", "mouseleave"]) link.addEventListener(type, () => setActive(ev.id, false));
      item.appendChild(link);
      if (typeof ev.latitude === "number" && typeof ev.longitude === "number") {
        const show = el("button", "show-on-map", "Show on map");
        show.type = "button";
        show.setAttribute("aria-label", "Show on map: " + eventTitle(ev));
        show.addEventListener("click", () => {
          const marker = markers.get(ev.id);
          if (!marker) return;
          map.setView(marker.getLatLng(), Math.max(map.getZoom(), 6));
          marker.openPopup();
          // Keyboard users land on the marker (elements) or on the popup's link (canvas markers).
          const node = marker.getElement ? marker.getElement() : null;
          const link = marker.getPopup().getElement();
          if (node) node.focus();
          else if (link) link.querySelector("a").focus();
        });
        item.appendChild(show);
      }
      list.appendChild(item);
    }
    const rest = visible.length - from - LIST_CHUNK;
    if (rest > 0) {
      const item = el("li", "event-more");
      const more = el("button", "show-more", `Show ${Math.min(rest, LIST_CHUNK)} more (${rest} left)`);
      more.type = "button";
      more.addEventListener("click", () => {
        item.remove();
        appendToList(visible, from + LIST_CHUNK);
        const next = list.querySelectorAll(".event-link")[from + LIST_CHUNK];
        if (next) next.focus();
      });
      item.appendChild(more);
      list.appendChild(item);
    }
  }

  // ---- filtering and drawing ----
  function inRange(ev) {
    if (!range) return true;
    const day = parseDay(ev.date);
    if (day === null) return false;
    const since = range.since ? parseDay(range.since) : null;
    const until = range.until ? parseDay(range.until) : null;
    return (since === null || day >= since) && (until === null || day <= until);
  }

  let fitted = false;
  function draw() {
    const visible = events.filter(inRange);
    const placed = drawMarkers(visible);
    drawList(visible);
    timeline.setData(events.map((ev) => parseDay(ev.date)).filter((d) => d !== null), range);
    clearButton.hidden = !range;
    const unplaced = visible.length - placed.length;
    countLabel.textContent = `(${visible.length} of ${events.length}` + (unplaced ? `; ${unplaced} without a place)` : ")");
    if (!fitted && placed.length) {
      map.fitBounds(L.latLngBounds(placed.map((ev) => [ev.latitude, ev.longitude])).pad(0.3), { maxZoom: 6, animate: false });
      fitted = true;
    }
    app.dataset.state = "ready";
  }

  function setRange(next) {
    range = next && (next.since || next.until) ? next : null;
    form.elements.since.value = range ? range.since || "" : "";
    form.elements.until.value = range ? range.until || "" : "";
    updateUrl();
    fitted = false; // show where the events of the new range are
    draw();
  }

  const timeline = new Timeline(document.getElementById("timeline"), setRange);

  function serverParams() {
    const params = new URLSearchParams();
    for (const name of SERVER_FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) params.set(name, name === "country" ? value.toUpperCase() : value);
    }
    return params;
  }

  function updateUrl() {
    const params = serverParams();
    for (const name of RANGE_FIELDS) if (form.elements[name].value) params.set(name, form.elements[name].value);
    const query = params.toString();
    history.replaceState(null, "", query ? "/?" + query : "/");
  }

  async function load() {
    if (request) request.abort();
    request = new AbortController();
    const signal = request.signal;
    app.dataset.state = "loading";
    countLabel.textContent = "(loading…)";
    const loaded = [];
    let truncated = false;
    const params = serverParams();
    params.set("limit", String(Math.min(pageSize, maxEvents)));
    try {
      for (;;) {
        const response = await fetch("/api/events?" + params.toString(), { signal, headers: { Accept: "application/json" } });
        const body = await response.json();
        if (!response.ok) {
          const message = body && body.error ? body.error.message : response.statusText;
          throw new Error(message);
        }
        loaded.push(...body.items);
        truncated = Boolean(body.next_cursor) && loaded.length >= maxEvents;
        if (!body.next_cursor || loaded.length >= maxEvents) break;
        params.set("cursor", body.next_cursor);
      }
    } catch (error) {
      if (signal.aborted) return;
      events = [];
      draw();
      loadError.textContent = "Could not load events: " + error.message;
      loadError.hidden = false;
      app.dataset.state = "error";
      return;
    }
    // Past web_max_events the page shows the first events only and says so; the filters narrow the set.
    loadError.textContent = truncated
      ? `Showing the first ${maxEvents} events only: narrow the filters to see the rest.`
      : "";
    loadError.hidden = !truncated;
    events = loaded.slice(0, maxEvents);
    fitted = false;
    draw();
  }

  // ---- form wiring ----
  const initial = new URLSearchParams(location.search);
  for (const name of [...SERVER_FILTERS, ...RANGE_FIELDS]) {
    if (initial.has(name)) form.elements[name].value = initial.get(name);
  }
  if (initial.get("since") || initial.get("until")) range = { since: initial.get("since") || "", until: initial.get("until") || "" };

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setRange({ since: form.elements.since.value, until: form.elements.until.value });
    load();
  });
  for (const name of ["plover", "status"]) form.elements[name].addEventListener("change", () => { updateUrl(); load(); });
  let typing = null;
  for (const name of ["country", "q"]) {
    form.elements[name].addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => { updateUrl(); load(); }, 350);
    });
  }
  for (const name of RANGE_FIELDS) {
    form.elements[name].addEventListener("change", () => setRange({ since: form.elements.since.value, until: form.elements.until.value }));
  }
  form.addEventListener("reset", () => {
    // The reset event fires before the fields are cleared.
    setTimeout(() => { setRange(null); load(); }, 0);
  });
  clearButton.addEventListener("click", () => setRange(null));

  load();
})();
