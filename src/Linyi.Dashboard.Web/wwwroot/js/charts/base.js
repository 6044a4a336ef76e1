// The configuration every chart starts from; per-type overrides live in types.js.
(function (charts) {
    'use strict';
    const lang = document.documentElement.lang || 'zh-CN';

    charts.format = function (value, precision, unit) {
        if (value === null || value === undefined) { return ''; }
        const text = Number(value).toLocaleString('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision });
        return unit === '%' || lang.startsWith('zh') ? text + unit : text + ' ' + unit;
    };

    charts.base = function (data) {
        const p = charts.palette;
        return {
            data: {
                labels: data.labels,
                datasets: [{
                    label: data.name,
                    data: data.actual,
                    borderColor: p.actual,
                    backgroundColor: p.actualFill,
                    spanGaps: true
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                locale: 'en-US',
                plugins: {
                    legend: { display: false },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) { return charts.format(ctx.parsed.y, data.precision, data.unit); }
                        }
                    }
                },
                scales: {
                    x: { grid: { display: false }, ticks: { color: p.text } },
                    y: {
                        beginAtZero: true,
                        grid: { color: p.grid },
                        ticks: { color: p.text, callback: function (v) { return charts.format(v, 0, data.unit); } },
                        reverse: data.unit === '位'
                    }
                }
            }
        };
    };
})(window.LinyiCharts);
