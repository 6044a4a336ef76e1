// Print only. Chromium keeps a canvas as vector drawing commands when it is drawn in the same task as printing, so the
// charts are redrawn on beforeprint: they reach the PDF as sharp, small vectors instead of screen-resolution bitmaps.
(function (charts) {
    'use strict';
    window.addEventListener('beforeprint', function () {
        charts.instances.forEach(function (chart) { chart.draw(); });
    });
})(window.LinyiCharts);
