// After a filter form or a sort link reloads the page, the control that asked for it has the focus again.
(() => {
    const key = 'linyi-keep-focus';
    const remember = el => { if (el && el.id) { sessionStorage.setItem(key, JSON.stringify({ path: location.pathname, id: el.id })); } };
    document.addEventListener('submit', e => {
        const form = e.target;
        if (form instanceof HTMLFormElement && form.hasAttribute('data-keep-focus')) {
            const active = document.activeElement;
            remember(active && form.contains(active) && active.id ? active : form.querySelector('button[type=submit][id]'));
        }
    });
    document.addEventListener('click', e => {
        const link = e.target instanceof Element ? e.target.closest('a[data-keep-focus]') : null;
        if (link) { remember(link); }
    });
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(key) || 'null'); } catch { saved = null; }
    sessionStorage.removeItem(key);
    if (saved && saved.path === location.pathname) {
        const el = document.getElementById(saved.id);
        if (el) { el.focus(); }
    }
})();
