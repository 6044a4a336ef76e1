// PDF export buttons: show that the PDF is being made, download it when ready, and say in words what went wrong.
(function () {
    'use strict';
    function fileName(response) {
        const header = response.headers.get('Content-Disposition') || '';
        const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
        const plain = /filename="?([^";]+)"?/i.exec(header);
        return star ? decodeURIComponent(star[1]) : plain ? plain[1] : 'linyi-summary.pdf';
    }
    async function explain(response) {
        const text = await response.text();
        const doc = new DOMParser().parseFromString(text, 'text/html');
        const message = doc.querySelector('.error-message') || doc.querySelector('h1');
        return (message ? message.textContent.trim() : response.statusText) + ' (HTTP ' + response.status + ')';
    }
    async function exportPdf(event) {
        const button = event.currentTarget;
        event.preventDefault();
        if (button.getAttribute('aria-busy') === 'true') { return; }
        const status = button.parentElement.querySelector('[data-pdf-status]');
        const label = button.textContent;
        button.setAttribute('aria-busy', 'true');
        button.classList.add('disabled');
        button.textContent = button.dataset.workingText;
        status.textContent = '';
        try {
            const response = await fetch(button.href, { credentials: 'same-origin' });
            if (!response.ok) {
                status.textContent = await explain(response);
                status.classList.add('pdf-error');
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
            status.classList.remove('pdf-error');
            status.textContent = button.dataset.doneText || '';
        } catch (error) {
            status.textContent = String(error);
            status.classList.add('pdf-error');
        } finally {
            button.textContent = label;
            button.removeAttribute('aria-busy');
            button.classList.remove('disabled');
        }
    }
    document.querySelectorAll('a[data-pdf]').forEach(function (button) {
        button.addEventListener('click', exportPdf);
    });
})();
