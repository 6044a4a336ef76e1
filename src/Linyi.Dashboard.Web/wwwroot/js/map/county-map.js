// Draws each <canvas data-map="id"> from its JSON data island and the app's own boundary file (no tiles, nothing
// fetched from elsewhere). The sorted table beside the map is the text alternative: focusing a county's link there
// shows the same tooltip on the map, so keyboard users read what mouse users hover.
(function () {
    'use strict';
    const boundaryFiles = {};

    // The file follows RFC 7946 (exterior rings counter-clockwise); d3-geo reads rings on the sphere and wants the
    // opposite, or each county would be drawn as the whole globe minus the county.
    function forD3(geo) {
        geo.features.forEach(function (f) {
            const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
            polygons.forEach(function (rings) { rings.forEach(function (ring) { ring.reverse(); }); });
        });
        return geo;
    }

    function load(url) {
        if (!boundaryFiles[url]) {
            boundaryFiles[url] = fetch(url, { credentials: 'same-origin' })
                .then(function (r) { if (!r.ok) { throw new Error(url + ': ' + r.status); } return r.json(); })
                .then(forD3);
        }
        return boundaryFiles[url];
    }

    function hatch(ctx) {
        const tile = document.createElement('canvas');
        tile.width = 8; tile.height = 8;
        const t = tile.getContext('2d');
        t.fillStyle = '#f1f3f5'; t.fillRect(0, 0, 8, 8);
        t.strokeStyle = '#868e96'; t.lineWidth = 1.2;
        t.beginPath(); t.moveTo(0, 8); t.lineTo(8, 0); t.moveTo(-2, 2); t.lineTo(2, -2); t.moveTo(6, 10); t.lineTo(10, 6); t.stroke();
        return ctx.createPattern(tile, 'repeat');
    }

    function shade(t) {
        return 'hsl(212, 62%, ' + (82 - 52 * t).toFixed(1) + '%)';
    }

    // Labels never overlap: a label that would cover one already drawn moves up or down a line, then loses its value
    // line, and is left out only when no place is free (the table beside the map names every county). English names drop
    // "District" and "County" on the map; the table keeps them.
    const labels = {
        id: 'countyLabels',
        afterDatasetsDraw: function (chart, args, options) {
            const areas = options.areas;
            if (!areas) { return; }
            const ctx = chart.ctx;
            const small = chart.width < 520;
            const lineHeight = small ? 11 : 14;
            const placed = [];
            const overlaps = function (box) {
                return placed.some(function (b) { return box.x < b.x + b.w && b.x < box.x + box.w && box.y < b.y + b.h && b.y < box.y + box.h; });
            };
            ctx.save();
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            ctx.font = (small ? '10px' : '12px') + ' system-ui, sans-serif';
            chart.getDatasetMeta(0).data.forEach(function (element, i) {
                const area = areas[i];
                const p = element.getCenterPoint();
                const name = area.name.replace(/ (District|County)$/, '');
                const full = small ? (area.value == null ? [name, options.noData] : [name]) : [name, area.text || options.noData];
                const choices = [full, [name]];
                for (let c = 0; c < choices.length; c++) {
                    const lines = choices[c];
                    const w = Math.max.apply(null, lines.map(function (l) { return ctx.measureText(l).width; })) + 4;
                    const h = lines.length * lineHeight;
                    const shifts = [0, lineHeight, -lineHeight, 2 * lineHeight, -2 * lineHeight];
                    for (let s = 0; s < shifts.length; s++) {
                        const box = { x: p.x - w / 2, y: p.y + shifts[s] - h / 2, w: w, h: h };
                        if (!overlaps(box)) {
                            placed.push(box);
                            lines.forEach(function (line, k) {
                                const y = box.y + lineHeight / 2 + k * lineHeight;
                                ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(255,255,255,0.85)'; ctx.strokeText(line, p.x, y);
                                ctx.fillStyle = '#212529'; ctx.fillText(line, p.x, y);
                            });
                            area.labelBox = box;
                            return;
                        }
                    }
                }
                area.labelBox = null;
            });
            ctx.restore();
        },
    };

    function draw(canvas) {
        const island = document.getElementById(canvas.dataset.map);
        if (!island) { return; }
        const data = JSON.parse(island.textContent);
        return load(data.boundaryUrl).then(function (geo) {
            const byCode = new Map(data.areas.map(function (a) { return [a.code, a]; }));
            const features = geo.features.filter(function (f) { return byCode.has(f.properties.code); });
            const areas = features.map(function (f) { return byCode.get(f.properties.code); });
            const values = areas.map(function (a) { return a.value; }).filter(function (v) { return v != null; });
            const min = Math.min.apply(null, values);
            const max = Math.max.apply(null, values);
            const pattern = hatch(canvas.getContext('2d'));
            const choropleth = data.mode === 'choropleth';
            const chart = new Chart(canvas, {
                type: 'choropleth',
                plugins: [labels],
                data: {
                    labels: areas.map(function (a) { return a.name; }),
                    datasets: [{
                        label: data.title,
                        outline: features,
                        data: features.map(function (f, i) { return { feature: f, value: areas[i].value }; }),
                        borderColor: '#495057',
                        borderWidth: function (c) { return areas[c.dataIndex] && areas[c.dataIndex].highlighted ? 3 : 1; },
                        backgroundColor: function (c) {
                            const a = areas[c.dataIndex];
                            if (!a) { return null; }
                            if (a.value == null) { return pattern; }
                            if (!choropleth) { return a.highlighted ? '#1c7ed6' : '#a5d8ff'; }
                            return shade(max > min ? (a.value - min) / (max - min) : 0.5);
                        },
                    }],
                },
                options: {
                    maintainAspectRatio: false,
                    animation: false,
                    showOutline: false,
                    onClick: function (event, elements) {
                        if (elements.length) { window.location.href = '/regions/' + areas[elements[0].index].slug; }
                    },
                    onHover: function (event, elements) {
                        event.native.target.style.cursor = elements.length ? 'pointer' : 'default';
                    },
                    plugins: {
                        legend: { display: false },
                        countyLabels: { areas: areas, noData: data.noData },
                        tooltip: {
                            callbacks: {
                                title: function (items) { return items.length ? areas[items[0].dataIndex].name : ''; },
                                label: function (item) { return areas[item.dataIndex].text || data.noData; },
                                afterLabel: function (item) { return areas[item.dataIndex].detail || ''; },
                            },
                        },
                    },
                    scales: {
                        projection: { axis: 'x', projection: 'mercator' },
                        color: { axis: 'x', display: false },
                    },
                },
            });
            chart.$areas = areas;
            link(canvas, chart, areas);
            canvas.dataset.codes = areas.map(function (a) { return a.code; }).join(' ');
            canvas.dataset.rendered = 'true';
        }).catch(function (error) {
            canvas.dataset.rendered = 'failed';
            throw error;
        });
    }

    function link(canvas, chart, areas) {
        const table = document.getElementById(canvas.getAttribute('aria-describedby'));
        if (!table) { return; }
        table.querySelectorAll('a[data-map-area]').forEach(function (anchor) {
            const index = areas.findIndex(function (a) { return a.code === anchor.dataset.mapArea; });
            if (index < 0) { return; }
            anchor.addEventListener('focus', function () {
                const point = chart.getDatasetMeta(0).data[index].getCenterPoint();
                chart.setActiveElements([{ datasetIndex: 0, index: index }]);
                chart.tooltip.setActiveElements([{ datasetIndex: 0, index: index }], point);
                chart.update();
                canvas.dataset.focused = anchor.dataset.mapArea;
            });
            anchor.addEventListener('blur', function () {
                chart.setActiveElements([]);
                chart.tooltip.setActiveElements([], { x: 0, y: 0 });
                chart.update();
                delete canvas.dataset.focused;
            });
        });
    }

    function init() {
        document.querySelectorAll('canvas[data-map]').forEach(draw);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
})();
