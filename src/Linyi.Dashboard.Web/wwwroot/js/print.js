// Print only: the PDF renderer's warm page. Chromium keeps a canvas as vector drawing commands when it is drawn in the
// same task as printing, so each chart is drawn once, on beforeprint: it reaches the PDF as sharp, small vectors, and
// no time goes on a screen drawing that would be thrown away.
(function (charts) {
    'use strict';
    let pending = [];
    // The canvases of earlier prints, kept with their 2D contexts: a new body's canvases are swapped for them, so that a
    // render does not pay for creating a context and its backing store per chart.
    let pool = [];
    let printed = [0, 0];
    let done = function () { };
    // Resolves to [charts drawn, charts in the body] once beforeprint has drawn them: the renderer asks for it alongside
    // the print, and refuses a PDF in which a chart is missing.
    charts.drawn = Promise.resolve(printed);

    function configFor(canvas) {
        const config = charts.configFor(canvas);
        if (!config) { return null; }
        // The caption above each chart names the unit, so the axis title is dropped; fewer ticks read as well at 45 mm.
        // Both keep each chart's drawing, and so the file, small.
        config.options.scales.y.title.display = false;
        config.options.scales.y.ticks.maxTicksLimit = 5;
        // A printed chart is sized once from its box (below): no resize observer, no hover events.
        config.options.responsive = false;
        config.options.events = [];
        return config;
    }

    // The renderer calls this after swapping in a new body: the old charts go, the new ones are configured, not drawn.
    charts.preparePrint = function () {
        charts.instances.forEach(function (chart) { chart.destroy(); });
        charts.instances = [];
        Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
        pending = [];
        const used = [];
        document.querySelectorAll('canvas[data-chart]').forEach(function (fresh, i) {
            let canvas = fresh;
            if (i < pool.length) {
                canvas = pool[i];
                // Its size stays: changing it would drop the backing store that makes a pooled canvas worth keeping.
                Array.from(canvas.attributes).forEach(function (attribute) {
                    if (attribute.name !== 'width' && attribute.name !== 'height') { canvas.removeAttribute(attribute.name); }
                });
                Array.from(fresh.attributes).forEach(function (attribute) { canvas.setAttribute(attribute.name, attribute.value); });
                fresh.replaceWith(canvas);
            }
            used.push(canvas);
            pending.push({ canvas: canvas, config: configFor(canvas) });
        });
        pool = used.concat(pool.slice(used.length));
        printed = [0, pending.length];
        charts.drawn = new Promise(function (resolve) { done = resolve; });
    };

    window.addEventListener('beforeprint', function () {
        // Every box is measured before any canvas is sized, so the page is laid out once and not once per chart.
        const boxes = pending.map(function (p) { return p.canvas.parentElement.getBoundingClientRect(); });
        try {
            pending.forEach(function (p, i) {
                if (!p.config) { return; }
                const width = Math.floor(boxes[i].width);
                const height = Math.floor(boxes[i].height);
                // Setting a canvas's size clears it, even to the size it has.
                if (p.canvas.width !== width) { p.canvas.width = width; }
                if (p.canvas.height !== height) { p.canvas.height = height; }
                p.canvas.style.width = width + 'px';
                p.canvas.style.height = height + 'px';
                charts.instances.push(new Chart(p.canvas, p.config));
                p.canvas.dataset.rendered = 'true';
                printed[0] += 1;
            });
        } finally {
            pending = [];
            done(printed);
        }
    });
})(window.LinyiCharts);
