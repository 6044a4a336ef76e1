// Finds each <canvas data-chart="id"> and draws it from the JSON data island with that id. No inline script is needed.
(function (charts) {
    'use strict';
    charts.instances = [];
    function draw(canvas) {
        const island = document.getElementById(canvas.dataset.chart);
        if (!island) { return; }
        const data = JSON.parse(island.textContent);
        const build = charts.types[data.type] || charts.types.bar;
        const config = charts.targetLines(build(charts.base(data)), data);
        charts.instances.push(new Chart(canvas, config));
        canvas.dataset.rendered = 'true';
    }
    function init() {
        document.querySelectorAll('canvas[data-chart]').forEach(draw);
        // The PDF renderer waits for this before printing.
        document.documentElement.dataset.chartsReady = 'true';
    }
    // The PDF renderer reuses a warm page: it swaps the body and redraws, instead of reloading the libraries.
    charts.redraw = function () {
        charts.instances.forEach(function (chart) { chart.destroy(); });
        charts.instances = [];
        init();
    };
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})(window.LinyiCharts);
