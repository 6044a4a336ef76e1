// Builds a Chart.js configuration from the chart spec that the server wrote into the page. The server decides what is
// shown (series, marks, axis); this file only turns it into Chart.js terms. Per-type overrides live in types.js.
(function (charts) {
    'use strict';
    // Read when a chart is built, not when the script loads: the PDF renderer's page changes its language between renders.
    function chinese() { return (document.documentElement.lang || 'zh-CN').startsWith('zh'); }

    charts.format = function (value, precision, unit) {
        if (value === null || value === undefined) { return ''; }
        const text = Number(value).toLocaleString('en-US', { minimumFractionDigits: precision, maximumFractionDigits: precision });
        return unit === '%' || chinese() ? text + unit : text + ' ' + unit;
    };

    // Tick labels: no unit (it is on the axis title), no more decimals than the step needs, so labels never repeat.
    // One formatter for every tick: toLocaleString builds a new one per call, which is most of a chart's label time.
    const tickFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
    charts.tick = function (value) {
        return tickFormat.format(Number(value));
    };

    const symbols = { '>=': '≥ ', '<=': '≤ ', '~': '≈ ', '=': '' };
    // A result as the page's tables write it (the server sends that text), else from the value in the chart's unit.
    charts.worded = function (point, data) {
        return point.text || (symbols[point.comparator] || '') + charts.format(point.value, data.precision, data.unitLabel || data.unit);
    };

    charts.base = function (data) {
        const p = charts.palette;
        const actual = data.actual || [];
        const axis = data.axis || {};
        const words = charts.words();
        const y = {
            beginAtZero: !!axis.beginAtZero,
            reverse: !!axis.reverse,
            grid: { color: p.grid },
            title: { display: true, text: axis.title, color: p.text },
            ticks: { color: p.text, precision: data.precision, callback: charts.tick }
        };
        if (axis.min !== undefined) { y.min = axis.min; }
        if (axis.max !== undefined) { y.max = axis.max; }
        if (axis.reverse) { y.ticks.stepSize = 1; }
        return {
            data: {
                labels: data.labels,
                datasets: [{
                    label: data.name,
                    data: actual.map(function (point) { return point ? point.value : null; }),
                    borderColor: p.actual,
                    backgroundColor: actual.map(function (point) { return point && point.preliminary ? p.preliminaryFill : p.actualFill; }),
                    spanGaps: false,
                    clip: false,
                    order: 2
                }]
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                layout: { padding: { top: 8, bottom: 4 } },
                animation: false,
                locale: 'en-US',
                plugins: {
                    legend: { display: false, labels: { usePointStyle: true, color: p.text } },
                    tooltip: {
                        callbacks: {
                            label: function (ctx) {
                                if (ctx.datasetIndex === 0) {
                                    const point = actual[ctx.dataIndex];
                                    return point ? charts.worded(point, data) + (point.preliminary ? words.preliminary : '') : '';
                                }
                                const mark = (data.marks || []).find(function (m) { return m.index === ctx.dataIndex && m.kind === ctx.dataset.markKind; });
                                return ctx.dataset.label + ' ' + (mark && mark.text ? mark.text : charts.format(ctx.parsed.y, data.precision, data.unitLabel || data.unit));
                            }
                        }
                    }
                },
                scales: {
                    x: { grid: { display: false }, ticks: { color: p.text } },
                    y: y
                }
            }
        };
    };

    // The words come with the page (#chart-words, from the shared resource file), in its language. Read afresh each
    // time: a PDF page is reused for prints in either language, each bringing its own island.
    charts.words = function () {
        const island = document.getElementById('chart-words');
        return island ? JSON.parse(island.textContent) : {};
    };
})(window.LinyiCharts);
