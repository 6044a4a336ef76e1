// One accessible palette for every chart: colour-blind-safe hues (Okabe–Ito), each ≥ 3:1 against white.
window.LinyiCharts = window.LinyiCharts || {};
window.LinyiCharts.palette = {
    actual: '#0b5cad',
    actualFill: 'rgba(11, 92, 173, 0.75)',
    preliminaryFill: 'rgba(11, 92, 173, 0.3)',
    bound: '#1b1f24',
    target: '#b35900',
    stretch: '#6a3d9a',
    grid: '#d0d7de',
    text: '#1b1f24'
};
