// khabar workbench: record panel of the document page, charts (uPlot), the ingest form's token header.
// No inline script anywhere (the CSP forbids it): pages pass data in <script type="application/json">.
(function () {
  "use strict";

  var QUAD_COLORS = {
    "verbal cooperation": "#2e7d32", "material cooperation": "#1565c0",
    "verbal conflict": "#ef6c00", "material conflict": "#c62828"
  };

  function readJson(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  // --- the ingest form: its token travels in a header of its own requests, never as a form field ---
  document.addEventListener("htmx:configRequest", function (evt) {
    var field = document.getElementById("token");
    if (field && field.value.trim()) evt.detail.headers["Authorization"] = "Bearer " + field.value.trim();
  });
  document.addEventListener("htmx:responseError", function (evt) {
    var xhr = evt.detail.xhr, message;
    try { message = JSON.parse(xhr.responseText).error; } catch (e) { message = null; }
    var p = el("p", message || ("khabar: request failed (HTTP " + xhr.status + ")"), "error");
    p.setAttribute("role", "alert");
    evt.detail.target.replaceChildren(p);
  });

  // --- document page: click a mark (or an item of the side list) to see its record ---
  var FIELDS = {
    entity: ["name", "kind", "role", "country", "actor_code", "aliases"],
    event: ["type", "mode", "source", "target", "date", "location", "trigger", "cameo"],
    statement: ["cue", "speaker", "content", "date", "verb"],
    figure: ["text", "value", "value_max", "unit", "approx", "measure", "per", "date", "source", "place", "promised"],
    date: ["text", "date"]
  };
  var ACTOR_FIELDS = { source: 1, target: 1, speaker: 1, location: 1 };

  function actorCell(id, fallback, names) {
    if (!id) return document.createTextNode(fallback || "—");
    var a = el("a", names[id] || fallback || id);
    a.href = "/actors/" + encodeURIComponent(id);
    a.className = "actor";
    return a;
  }

  function showRecord(id, records, names) {
    var rec = records[id], panel = document.getElementById("record");
    if (!rec || !panel) return;
    var kind = rec.record || "entity";
    var box = el("div");
    box.appendChild(el("h2", kind === "date" ? "time expression" : kind, "kind k-" + kind));
    var dl = el("dl");
    (FIELDS[kind] || []).forEach(function (field) {
      var value = rec[field];
      if (field === "date") value = rec.date_label || null;
      if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) {
        if (!(field in ACTOR_FIELDS) || !rec[field + "_text"]) return;
      }
      dl.appendChild(el("dt", field.replace("_", " ")));
      var dd = el("dd");
      if (field in ACTOR_FIELDS) dd.appendChild(actorCell(rec[field], rec[field + "_text"], names));
      else dd.textContent = Array.isArray(value) ? value.join(", ") : String(value);
      dd.dataset.field = field;
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    if (kind === "entity") {
      var link = el("a", "Dossier of " + rec.name + " →");
      link.href = "/actors/" + encodeURIComponent(rec.id);
      box.appendChild(link);
    }
    panel.replaceChildren(box);
    panel.dataset.shown = id;
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    document.querySelectorAll('mark[data-id="' + CSS.escape(id) + '"]').forEach(function (m) { m.classList.add("current"); });
  }

  function documentPage() {
    var text = document.getElementById("text"), records = readJson("records"), names = readJson("names") || {};
    if (!text || !records) return;
    function pick(evt) {
      var mark = evt.target.closest("mark[data-id]");
      if (!mark) return;
      evt.preventDefault();
      evt.stopPropagation();
      showRecord(mark.dataset.id, records, names);
    }
    text.addEventListener("click", pick);
    text.addEventListener("keydown", function (evt) { if (evt.key === "Enter") pick(evt); });
    document.querySelectorAll("[data-goto]").forEach(function (button) {
      button.addEventListener("click", function () {
        var id = button.dataset.goto, mark = document.querySelector('mark[data-id="' + CSS.escape(id) + '"]');
        showRecord(id, records, names);
        if (mark) mark.scrollIntoView({ block: "center" });
      });
    });
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted && records[wanted]) {
      showRecord(wanted, records, names);
      var first = document.querySelector('mark[data-id="' + CSS.escape(wanted) + '"]');
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  // --- charts ---
  function monthSeconds(month) { return Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1, 1) / 1000; }

  function timelineChart(node, data) {
    var series = [{}], columns = [data.months.map(monthSeconds)];
    Object.keys(data.series).forEach(function (quad) {
      series.push({ label: quad, stroke: QUAD_COLORS[quad], width: 2, points: { show: true, size: 5 } });
      columns.push(data.series[quad]);
    });
    return new uPlot({ width: node.clientWidth || 800, height: 260, series: series, scales: { x: { time: true } },
      axes: [{}, { label: "events" }] }, columns, node);
  }

  function seriesChart(node, data) {  // data: {unit, x: [ISO dates], y: [values]}, in date order
    var xs = [], ys = [];
    data.x.forEach(function (x, i) {
      if (x && data.y[i] !== null) { xs.push(Date.parse(x) / 1000); ys.push(data.y[i]); }
    });
    return new uPlot({ width: node.clientWidth || 800, height: 220, scales: { x: { time: true } },
      series: [{}, { label: data.unit, stroke: "#1565c0", width: 2, points: { show: true, size: 8 } }],
      axes: [{}, { label: data.unit }] }, [xs, ys], node);
  }

  function drawCharts() {
    if (typeof uPlot === "undefined") return;
    document.querySelectorAll("[data-chart]").forEach(function (node) {
      var data = readJson(node.dataset.source);
      if (!data) return;
      var chart = node.dataset.chart === "timeline" ? timelineChart(node, data) : seriesChart(node, data);
      node.dataset.drawn = "yes";
      window.addEventListener("resize", function () { chart.setSize({ width: node.clientWidth, height: chart.height }); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    documentPage();
    drawCharts();
  });
})();
