// Per-type overrides on top of base.js, chosen by the indicator's configured chart type.
(function (charts) {
    'use strict';
    charts.types = {
        bar: function (config) {
            config.type = 'bar';
            config.data.datasets[0].maxBarThickness = 48;
            return config;
        },
        line: function (config) {
            config.type = 'line';
            const dataset = config.data.datasets[0];
            dataset.pointRadius = 4;
            dataset.pointHoverRadius = 6;
            dataset.backgroundColor = charts.palette.actual;
            config.options.scales.y.beginAtZero = false;
            return config;
        }
    };
})(window.LinyiCharts);
