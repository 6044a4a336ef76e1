// Draws the target and the stretch (力争) target as dashed annotation lines, labelled in words.
(function (charts) {
    'use strict';
    charts.targetLines = function (config, data) {
        const p = charts.palette;
        const annotations = {};
        let max = Math.max.apply(null, data.actual.filter(function (v) { return v !== null; }).concat([0]));
        (data.targets || []).forEach(function (line, i) {
            max = Math.max(max, line.value);
            annotations['goal' + i] = {
                type: 'line',
                yMin: line.value,
                yMax: line.value,
                borderColor: line.kind === 'stretch' ? p.stretch : p.target,
                borderWidth: 2,
                borderDash: line.kind === 'stretch' ? [2, 4] : [6, 4],
                label: {
                    display: true,
                    content: line.label + ' ' + charts.format(line.value, data.precision, data.unit),
                    position: line.kind === 'stretch' ? 'end' : 'start',
                    backgroundColor: line.kind === 'stretch' ? p.stretch : p.target,
                    color: '#fff',
                    font: { size: 11 }
                }
            };
        });
        config.options.plugins.annotation = { annotations: annotations };
        if (config.type === 'bar' && data.unit !== '位') {
            config.options.scales.y.suggestedMax = max * 1.1;
        }
        return config;
    };
})(window.LinyiCharts);
