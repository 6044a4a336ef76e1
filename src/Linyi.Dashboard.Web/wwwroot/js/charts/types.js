// Per-type overrides on top of base.js: bars for levels and counts, a line for rates and shares.
(function (charts) {
    'use strict';
    charts.types = {
        bar: function (config) {
            config.type = 'bar';
            const dataset = config.data.datasets[0];
            dataset.maxBarThickness = 48;
            dataset.borderWidth = 1;
            return config;
        },
        line: function (config) {
            config.type = 'line';
            const dataset = config.data.datasets[0];
            const fills = dataset.backgroundColor;
            dataset.pointRadius = 4;
            dataset.pointHoverRadius = 6;
            dataset.backgroundColor = charts.palette.actual;
            // Preliminary results are hollow points.
            dataset.pointBackgroundColor = fills.map(function (fill) { return fill === charts.palette.preliminaryFill ? '#fff' : charts.palette.actual; });
            return config;
        }
    };
})(window.LinyiCharts);
