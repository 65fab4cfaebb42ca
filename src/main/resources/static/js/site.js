// Progressive enhancement for the site frame: without this script the menu is simply always open.
(function () {
    'use strict';
    document.documentElement.classList.add('js');
    document.addEventListener('DOMContentLoaded', function () {
        var toggle = document.querySelector('.menu-toggle');
        var menu = document.getElementById('site-menu');
        if (!toggle || !menu) {
            return;
        }
        function setOpen(open) {
            menu.classList.toggle('open', open);
            toggle.setAttribute('aria-expanded', String(open));
        }
        toggle.addEventListener('click', function () {
            setOpen(toggle.getAttribute('aria-expanded') !== 'true');
        });
        document.addEventListener('keydown', function (event) {
            if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
                setOpen(false);
                toggle.focus();
            }
        });
    });
}());

// The visitor's time zone, for the forms that keep it (texts are never sent in the quiet hours of that zone).
(function () {
    'use strict';
    document.addEventListener('DOMContentLoaded', function () {
        var zone = '';
        try {
            zone = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
        } catch (unsupported) {
            return;
        }
        document.querySelectorAll('input[data-time-zone]').forEach(function (input) {
            if (!input.value) {
                input.value = zone;
            }
        });
    });
}());
