// Adds what a chart shows besides the results: bound markers (≥, ≤, ≈ drawn as what they are), each year's target and
// stretch target as a mark on that year only, and the path a multi-year goal needs (derived). A legend appears when
// there is more than the results to explain.
(function (charts) {
    'use strict';
    function series(length) { return new Array(length).fill(null); }

    charts.targetLines = function (config, data) {
        const p = charts.palette;
        const w = charts.words();
        const count = (data.labels || []).length;
        const extra = [];

        const shapes = { '>=': { style: 'triangle', rotation: 0, label: w.lowerBound }, '<=': { style: 'triangle', rotation: 180, label: w.upperBound }, '~': { style: 'rectRot', rotation: 0, label: w.about } };
        Object.keys(shapes).forEach(function (comparator) {
            const values = series(count);
            let any = false;
            (data.actual || []).forEach(function (point, i) {
                if (point && point.comparator === comparator) { values[i] = point.value; any = true; }
            });
            if (any) {
                extra.push({ type: 'line', label: shapes[comparator].label, data: values, showLine: false, pointStyle: shapes[comparator].style,
                    rotation: shapes[comparator].rotation, pointRadius: 7, pointBackgroundColor: p.bound, borderColor: p.bound, order: 0 });
            }
        });

        ['target', 'stretch'].forEach(function (kind) {
            const marks = (data.marks || []).filter(function (m) { return m.kind === kind; });
            if (marks.length === 0) { return; }
            const values = series(count);
            marks.forEach(function (m) { values[m.index] = m.value; });
            extra.push({ type: 'line', label: w[kind] || kind, markKind: kind, data: values, showLine: false,
                pointStyle: 'line', pointRadius: 16, pointHoverRadius: 18, borderWidth: 3,
                borderColor: kind === 'stretch' ? p.stretch : p.target, backgroundColor: kind === 'stretch' ? p.stretch : p.target, order: 1 });
        });

        if (data.pace) {
            extra.push({ type: 'line', label: data.pace.label, data: data.pace.values, borderColor: p.target, borderDash: [6, 4],
                borderWidth: 2, pointRadius: 0, spanGaps: false, fill: false, order: 1 });
        }

        config.data.datasets = config.data.datasets.concat(extra);
        config.options.plugins.legend.display = extra.length > 0;
        return config;
    };
})(window.LinyiCharts);
