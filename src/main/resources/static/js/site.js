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
