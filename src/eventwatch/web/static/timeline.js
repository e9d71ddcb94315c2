"use strict";
// Timeline with brushing, drawn as plain SVG: one bar per bin of days, drag across bars to pick a date range.
// Exposes window.eventwatch.Timeline. Labels are set with textContent only.
(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const MAX_BARS = 90; // beyond this, days are grouped so bars stay at least a few pixels wide on a phone
  const HEIGHT = 96;
  const AXIS = 18; // pixels under the bars for the date labels
  const MIN_TICK_PX = 64; // room for one "YYYY-MM" label

  function svgElement(name, attrs) {
    const el = document.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attrs || {})) el.setAttribute(key, String(value));
    return el;
  }

  /** "YYYY-MM-DD" or "YYYY-MM" (first of the month) as UTC milliseconds, else null. */
  function parseDay(value) {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value || "");
    if (!m) return null;
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1);
    return Number.isNaN(ms) ? null : ms;
  }

  function formatDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }

  class Timeline {
    /** container: element to draw into; onBrush({since, until} | null) gets ISO dates when the user drags. */
    constructor(container, onBrush) {
      this.container = container;
      this.onBrush = onBrush;
      this.days = [];
      this.range = null;
      this.drag = null;
      this.svg = svgElement("svg", { class: "timeline-svg", height: HEIGHT, role: "img" });
      this.svg.appendChild(svgElement("title"));
      container.appendChild(this.svg);
      this.svg.addEventListener("pointerdown", (e) => this.startDrag(e));
      this.svg.addEventListener("pointermove", (e) => this.moveDrag(e));
      this.svg.addEventListener("pointerup", (e) => this.endDrag(e));
      this.svg.addEventListener("pointercancel", () => { this.drag = null; this.draw(); });
      window.addEventListener("resize", () => this.draw());
    }

    /** days: UTC ms of every dated event; range: {since, until} ISO dates or null. */
    setData(days, range) {
      this.days = days;
      this.range = range;
      this.draw();
    }

    bins() {
      if (this.days.length === 0) return null;
      let first = Math.min(...this.days);
      let last = Math.max(...this.days);
      const span = Math.round((last - first) / DAY_MS) + 1;
      const binDays = Math.max(1, Math.ceil(span / MAX_BARS));
      const n = Math.ceil(span / binDays);
      const counts = new Array(n).fill(0);
      for (const d of this.days) counts[Math.floor(Math.round((d - first) / DAY_MS) / binDays)] += 1;
      last = first + (n * binDays - 1) * DAY_MS;
      return { first, last, binDays, counts };
    }

    xToDay(x, b, width) {
      const frac = Math.min(Math.max(x / width, 0), 0.999999);
      const bin = Math.floor(frac * b.counts.length);
      return b.first + bin * b.binDays * DAY_MS;
    }

    dayToX(ms, b, width) {
      return ((ms - b.first) / DAY_MS / (b.counts.length * b.binDays)) * width;
    }

    localX(event) {
      const box = this.svg.getBoundingClientRect();
      return event.clientX - box.left;
    }

    startDrag(event) {
      const b = this.bins();
      if (!b) return;
      this.svg.setPointerCapture(event.pointerId);
      this.drag = { x0: this.localX(event), x1: this.localX(event) };
      this.draw();
    }

    moveDrag(event) {
      if (!this.drag) return;
      this.drag.x1 = this.localX(event);
      this.draw();
    }

    endDrag(event) {
      if (!this.drag) return;
      const b = this.bins();
      const width = this.width();
      const x0 = Math.min(this.drag.x0, this.localX(event));
      const x1 = Math.max(this.drag.x0, this.localX(event));
      this.drag = null;
      if (!b) return;
      const since = this.xToDay(x0, b, width);
      // The range ends on the last day of the bin under the pointer, so a click selects one whole bar.
      const until = this.xToDay(x1, b, width) + (b.binDays - 1) * DAY_MS;
      this.range = { since: formatDay(since), until: formatDay(until) };
      this.onBrush(this.range);
      this.draw();
    }

    width() {
      return Math.max(this.container.clientWidth, 120);
    }

    /** Month (or year) ticks spaced at least MIN_TICK_PX apart; the first and last day when none fit. */
    drawTicks(b, width, plot) {
      const end = b.first + b.counts.length * b.binDays * DAY_MS;
      const start = new Date(b.first);
      const monthPx = (30.4 * DAY_MS / (end - b.first)) * width;
      const steps = [1, 2, 3, 6, 12, 24, 60];
      const step = steps.find((months) => months * monthPx >= MIN_TICK_PX) || 120;
      const ticks = [];
      let year = start.getUTCFullYear();
      let month = start.getUTCMonth() + 1;
      for (;;) {
        if (month > 11) { year += Math.floor(month / 12); month %= 12; }
        const ms = Date.UTC(year, month, 1);
        if (ms >= end) break;
        if ((year * 12 + month) % step === 0) ticks.push(ms);
        month += 1;
      }
      const labels = ticks.length ? ticks.map((ms) => [ms, this.dayToX(ms, b, width)]) : [];
      for (const [ms, x] of labels) {
        this.svg.appendChild(svgElement("line", { x1: x, x2: x, y1: plot, y2: plot + 4, class: "axis" }));
        const label = svgElement("text", { x: Math.min(Math.max(x, 2), width - 2), y: HEIGHT - 4, class: "axis-label" });
        label.setAttribute("text-anchor", x < 24 ? "start" : x > width - 24 ? "end" : "middle");
        label.textContent = step >= 12 ? formatDay(ms).slice(0, 4) : formatDay(ms).slice(0, 7);
        this.svg.appendChild(label);
      }
      if (labels.length === 0) {
        const left = svgElement("text", { x: 2, y: HEIGHT - 4, class: "axis-label" });
        left.textContent = formatDay(b.first);
        const right = svgElement("text", { x: width - 2, y: HEIGHT - 4, class: "axis-label axis-label-end" });
        right.textContent = formatDay(b.last);
        this.svg.appendChild(left);
        this.svg.appendChild(right);
      }
    }

    draw() {
      const svg = this.svg;
      const width = this.width();
      svg.setAttribute("width", String(width));
      svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
      while (svg.childNodes.length > 1) svg.removeChild(svg.lastChild);
      const title = svg.firstChild;
      const b = this.bins();
      if (!b) {
        title.textContent = "No dated events.";
        const empty = svgElement("text", { x: 8, y: HEIGHT / 2, class: "timeline-empty" });
        empty.textContent = "No dated events";
        svg.appendChild(empty);
        return;
      }
      const plot = HEIGHT - AXIS;
      const max = Math.max(...b.counts);
      const barWidth = width / b.counts.length;
      const sinceMs = this.range ? parseDay(this.range.since) : null;
      const untilMs = this.range ? parseDay(this.range.until) : null;
      if (this.range && sinceMs !== null && untilMs !== null) {
        const x0 = this.dayToX(sinceMs, b, width);
        const x1 = this.dayToX(untilMs + b.binDays * DAY_MS, b, width);
        svg.appendChild(svgElement("rect", {
          x: Math.max(0, x0), y: 0, width: Math.max(1, Math.min(width, x1) - Math.max(0, x0)), height: plot, class: "brush",
        }));
      }
      if (this.drag) {
        const x0 = Math.min(this.drag.x0, this.drag.x1);
        const x1 = Math.max(this.drag.x0, this.drag.x1);
        svg.appendChild(svgElement("rect", { x: x0, y: 0, width: Math.max(1, x1 - x0), height: plot, class: "brush brush-live" }));
      }
      b.counts.forEach((count, i) => {
        if (count === 0) return;
        const start = b.first + i * b.binDays * DAY_MS;
        const end = start + (b.binDays - 1) * DAY_MS;
        const inRange = (sinceMs === null || end >= sinceMs) && (untilMs === null || start <= untilMs);
        const h = Math.max(2, (count / max) * (plot - 4));
        const bar = svgElement("rect", {
          x: i * barWidth + 0.5, y: plot - h, width: Math.max(barWidth - 1, 1), height: h,
          class: inRange ? "bar" : "bar bar-out",
        });
        const tip = svgElement("title");
        tip.textContent = `${formatDay(start)}${b.binDays > 1 ? " – " + formatDay(end) : ""}: ${count} event${count === 1 ? "" : "s"}`;
        bar.appendChild(tip);
        svg.appendChild(bar);
      });
      svg.appendChild(svgElement("line", { x1: 0, x2: width, y1: plot + 0.5, y2: plot + 0.5, class: "axis" }));
      this.drawTicks(b, width, plot);
      const total = this.days.length;
      title.textContent = `${total} dated event${total === 1 ? "" : "s"} from ${formatDay(b.first)} to ${formatDay(b.last)}` +
        (this.range ? `; selected ${this.range.since} to ${this.range.until}` : "");
    }
  }

  window.eventwatch = Object.assign(window.eventwatch || {}, { Timeline, parseDay, formatDay });
})();
