// The staff workspace's header search. Without this script it is a plain form that opens the patient list; with it
// the field becomes a combobox (ARIA 1.2) that suggests patients as you type, chosen with the arrow keys and Enter,
// and "/" anywhere outside a form field jumps to it.
(function () {
    'use strict';
    var MIN_LENGTH = 2;
    var DELAY_MS = 150;
    var MAX_SHOWN = 8;

    function format(template, count) {
        return (template || '').replace('{0}', String(count));
    }

    function isTyping(target) {
        if (!target || !target.tagName) {
            return false;
        }
        var tag = target.tagName;
        return target.isContentEditable || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
    }

    function init() {
        var form = document.querySelector('.staff-search');
        if (!form) {
            return;
        }
        var input = form.querySelector('input[name="q"]');
        var list = form.querySelector('[role="listbox"]');
        var status = document.getElementById('staff-search-status');
        var source = form.getAttribute('data-suggest');
        var options = [];
        var active = -1;
        var timer = null;
        var pending = null;

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', list.id);

        function close() {
            list.hidden = true;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
            active = -1;
        }

        function open() {
            if (options.length > 0) {
                list.hidden = false;
                input.setAttribute('aria-expanded', 'true');
            }
        }

        function choose(index) {
            options.forEach(function (option, i) {
                option.setAttribute('aria-selected', String(i === index));
            });
            active = index;
            if (index < 0) {
                input.removeAttribute('aria-activedescendant');
                return;
            }
            input.setAttribute('aria-activedescendant', options[index].id);
            options[index].scrollIntoView({block: 'nearest'});
        }

        function go(url) {
            // Only a path on this site: a suggestion never sends anyone elsewhere.
            if (typeof url === 'string' && url.charAt(0) === '/' && url.charAt(1) !== '/') {
                window.location.assign(url);
            }
        }

        function option(patient, index) {
            var item = document.createElement('li');
            item.id = list.id + '-' + index;
            item.setAttribute('role', 'option');
            item.setAttribute('aria-selected', 'false');
            var name = document.createElement('span');
            name.className = 'name';
            name.textContent = patient.name || '';
            var details = document.createElement('span');
            details.className = 'details';
            details.textContent = [patient.dateOfBirth, patient.phone, patient.email].filter(Boolean).join(' · ');
            item.appendChild(name);
            item.appendChild(details);
            item.addEventListener('mousedown', function (event) {
                event.preventDefault();
            });
            item.addEventListener('click', function () {
                go(patient.url);
            });
            return item;
        }

        function show(patients) {
            list.textContent = '';
            options = patients.slice(0, MAX_SHOWN).map(option);
            options.forEach(function (item) {
                list.appendChild(item);
            });
            active = -1;
            status.textContent = options.length > 0
                ? format(form.getAttribute('data-count'), options.length)
                : form.getAttribute('data-none');
            if (options.length > 0) {
                open();
            } else {
                close();
            }
        }

        function suggest(query) {
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            fetch(source + '?q=' + encodeURIComponent(query), {
                headers: {Accept: 'application/json'},
                credentials: 'same-origin',
                signal: pending.signal
            }).then(function (response) {
                return response.ok ? response.json() : [];
            }).then(function (patients) {
                if (input.value.trim() === query) {
                    show(Array.isArray(patients) ? patients : []);
                }
            }).catch(function () {
                // A failed or superseded look-up leaves the plain form, which still works.
            });
        }

        input.addEventListener('input', function () {
            var query = input.value.trim();
            window.clearTimeout(timer);
            if (query.length < MIN_LENGTH) {
                options = [];
                list.textContent = '';
                status.textContent = '';
                close();
                return;
            }
            timer = window.setTimeout(function () {
                suggest(query);
            }, DELAY_MS);
        });

        input.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown' && options.length > 0) {
                event.preventDefault();
                open();
                choose((active + 1) % options.length);
            } else if (event.key === 'ArrowUp' && options.length > 0) {
                event.preventDefault();
                open();
                choose(active <= 0 ? options.length - 1 : active - 1);
            } else if (event.key === 'Enter' && active >= 0 && !list.hidden) {
                event.preventDefault();
                options[active].click();
            } else if (event.key === 'Escape') {
                if (!list.hidden) {
                    event.preventDefault();
                    event.stopPropagation();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = '';
                }
            }
        });

        input.addEventListener('blur', close);
        input.addEventListener('focus', open);

        document.addEventListener('keydown', function (event) {
            if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented
                    || isTyping(event.target)) {
                return;
            }
            event.preventDefault();
            input.focus();
            input.select();
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', init);
    } else {
        init();
    }
}());
