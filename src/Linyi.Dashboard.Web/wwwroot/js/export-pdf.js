// PDF export buttons: say what is happening, download the PDF when ready, and say in the page's language what went wrong,
// with a retry that waits as long as the server's Retry-After asks.
(function () {
    'use strict';
    function fileName(response) {
        const header = response.headers.get('Content-Disposition') || '';
        const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        const plain = /filename="?([^";]+)"?/i.exec(header);
        return star ? decodeURIComponent(star[1]) : plain ? plain[1] : 'linyi-summary.pdf';
    }
    function retryAfterSeconds(response) {
        const value = response.headers.get('Retry-After');
        if (!value) { return 0; }
        const seconds = Number(value);
        if (Number.isFinite(seconds)) { return Math.max(0, Math.ceil(seconds)); }
        const date = Date.parse(value);
        return Number.isNaN(date) ? 0 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
    }
    // Only the app's own error page speaks the page's language; anything else (a proxy's 502 page) is replaced by our words.
    async function explain(button, response) {
        if (response.status === 429 || response.status === 503) {
            return button.dataset.busyText;
        }
        const type = response.headers.get('Content-Type') || '';
        if (response.status < 500 && type.indexOf('text/html') === 0) {
            const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
            const message = doc.querySelector('.error-message');
            if (message && message.textContent.trim()) {
                return message.textContent.trim() + ' (HTTP ' + response.status + ')';
            }
        }
        return button.dataset.failedText + ' (HTTP ' + response.status + ')';
    }
    function offerRetry(button, status, retry, message, seconds) {
        status.classList.add('pdf-error');
        retry.hidden = false;
        if (seconds <= 0) {
            status.textContent = message;
            retry.disabled = false;
            return;
        }
        retry.disabled = true;
        let left = seconds;
        const tick = function () {
            status.textContent = message + ' ' + button.dataset.waitText.replace('{0}', String(left));
            if (left <= 0) {
                status.textContent = message;
                retry.disabled = false;
                return;
            }
            left -= 1;
            setTimeout(tick, 1000);
        };
        tick();
    }
    async function exportPdf(button) {
        if (button.getAttribute('aria-busy') === 'true') { return; }
        const box = button.parentElement;
        box.lastPdfButton = button;
        const status = box.querySelector('[data-pdf-status]');
        const retry = box.querySelector('[data-pdf-retry]');
        const label = button.innerHTML;
        button.setAttribute('aria-busy', 'true');
        button.classList.add('disabled');
        button.textContent = button.dataset.workingText;
        retry.hidden = true;
        status.classList.remove('pdf-error');
        status.textContent = button.dataset.progressText || '';
        try {
            const response = await fetch(button.href, { credentials: 'same-origin' });
            if (!response.ok) {
                offerRetry(button, status, retry, await explain(button, response), retryAfterSeconds(response));
                return;
            }
            const url = URL.createObjectURL(await response.blob());
            const link = document.createElement('a');
            link.href = url;
            link.download = fileName(response);
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
            status.textContent = button.dataset.doneText || '';
        } catch (error) {
            offerRetry(button, status, retry, button.dataset.offlineText, 0);
        } finally {
            button.innerHTML = label;
            button.removeAttribute('aria-busy');
            button.classList.remove('disabled');
        }
    }
    document.querySelectorAll('a[data-pdf]').forEach(function (button) {
        button.addEventListener('click', function (event) {
            event.preventDefault();
            exportPdf(button);
        });
    });
    // One retry per box of buttons: it repeats the export that failed.
    document.querySelectorAll('[data-pdf-retry]').forEach(function (retry) {
        const box = retry.parentElement;
        retry.addEventListener('click', function () {
            const button = box.lastPdfButton || box.querySelector('a[data-pdf]');
            if (button) { exportPdf(button); }
        });
    });
})();
