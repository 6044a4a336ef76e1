// Print only. Chromium keeps a canvas as vector drawing commands when it is drawn in the same task as printing, so the
// charts are redrawn on beforeprint: they reach the PDF as sharp, small vectors instead of screen-resolution bitmaps.
(function (charts) {
    'use strict';
    window.addEventListener('beforeprint', function () {
        charts.instances.forEach(function (chart) {
            // The caption above each chart names the unit, so the axis title is dropped; fewer ticks read as well at 45 mm.
            // Both keep each chart's drawing, and so the file, small.
            chart.options.scales.y.title.display = false;
            chart.options.scales.y.ticks.maxTicksLimit = 5;
            chart.update('none');
        });
    });
})(window.LinyiCharts);
