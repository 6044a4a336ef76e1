// Finds each <canvas data-chart="id"> and draws it from the JSON data island with that id. No inline script is needed.
(function (charts) {
    'use strict';
    charts.instances = [];
    // The chart's configuration from its JSON data island, or null when the island is missing (print.js adjusts it for paper).
    charts.configFor = function (canvas) {
        const island = document.getElementById(canvas.dataset.chart);
        if (!island) { return null; }
        const data = JSON.parse(island.textContent);
        const build = charts.types[data.type] || charts.types.bar;
        return charts.targetLines(build(charts.base(data)), data);
    };
    function draw(canvas) {
        const config = charts.configFor(canvas);
        if (!config) { return; }
        charts.instances.push(new Chart(canvas, config));
        canvas.dataset.rendered = 'true';
    }
    function init() {
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
        // Browser tests wait for this before reading the charts.
        document.documentElement.dataset.chartsReady = 'true';
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})(window.LinyiCharts);
