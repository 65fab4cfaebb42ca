// The schedule grid's moves: drag a block (pointer events) or focus it and use the arrow keys, then Enter. Either way
// the browser opens the move's confirm page, which shows what changes; nothing moves without it. Without this script
// every block is a link to its panel, whose move form does the same. The now-line advances with the page's age.
(function () {
    'use strict';
    var ROW_MINUTES = 15;

    function pad(n) {
        return (n < 10 ? '0' : '') + n;
    }

    function timeOf(grid, row) {
        var parts = grid.dataset.opens.split(':');
        var minutes = parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10) + (row - 1) * ROW_MINUTES;
        return pad(Math.floor(minutes / 60)) + ':' + pad(minutes % 60);
    }

    function columns(grid) {
        return Array.prototype.filter.call(grid.querySelectorAll('.col-body[data-therapist]'), function (body) {
            return body.offsetParent !== null;
        });
    }

    function rowHeight(body, grid) {
        return body.getBoundingClientRect().height / parseInt(grid.dataset.rows, 10);
    }

    function confirmUrl(block, grid, body, row) {
        return block.getAttribute('href') + '/move?therapist=' + encodeURIComponent(body.dataset.therapist)
            + '&date=' + encodeURIComponent(grid.dataset.date) + '&time=' + encodeURIComponent(timeOf(grid, row))
            + '&token=' + encodeURIComponent(block.dataset.token);
    }

    function announce(text) {
        var status = document.getElementById('move-status');
        if (status) {
            status.textContent = text;
        }
    }

    function headOf(body) {
        return body.parentNode.querySelector('.col-head').textContent;
    }

    function enableDrag(grid, block) {
        var start = null;
        var target = null;
        var dragged = false;
        // A link is natively draggable, and a native drag cancels the pointer events this move is built on.
        block.setAttribute('draggable', 'false');
        block.addEventListener('dragstart', function (event) {
            event.preventDefault();
        });
        block.addEventListener('pointerdown', function (event) {
            if (event.button !== 0) {
                return;
            }
            start = {x: event.clientX, y: event.clientY, body: block.parentNode};
            dragged = false;
            block.setPointerCapture(event.pointerId);
        });
        block.addEventListener('pointermove', function (event) {
            if (!start) {
                return;
            }
            var dx = event.clientX - start.x;
            var dy = event.clientY - start.y;
            if (!dragged && Math.abs(dx) + Math.abs(dy) < 6) {
                return;
            }
            dragged = true;
            block.classList.add('dragging');
            block.style.transform = 'translate(' + dx + 'px,' + dy + 'px)';
            target = null;
            columns(grid).forEach(function (body) {
                var box = body.getBoundingClientRect();
                var inside = event.clientX >= box.left && event.clientX < box.right;
                body.classList.toggle('drop-target', inside);
                if (inside) {
                    var top = block.getBoundingClientRect().top - box.top;
                    var row = Math.max(1, Math.round(top / rowHeight(body, grid)) + 1);
                    target = {body: body, row: Math.min(row, parseInt(grid.dataset.rows, 10))};
                }
            });
            if (target) {
                announce(timeOf(grid, target.row) + ' · ' + headOf(target.body));
            }
        });
        block.addEventListener('pointerup', function () {
            if (!start) {
                return;
            }
            start = null;
            columns(grid).forEach(function (body) {
                body.classList.remove('drop-target');
            });
            if (dragged && target
                    && (target.body !== block.parentNode || target.row !== parseInt(block.dataset.row, 10))) {
                window.location.assign(confirmUrl(block, grid, target.body, target.row));
                return;
            }
            block.classList.remove('dragging');
            block.style.transform = '';
        });
        block.addEventListener('click', function (event) {
            if (dragged) {
                event.preventDefault();
            }
        });
    }

    function enableKeys(grid, block) {
        var pending = null;
        block.addEventListener('keydown', function (event) {
            var bodies = columns(grid);
            var rows = parseInt(grid.dataset.rows, 10);
            var current = pending || {index: bodies.indexOf(block.parentNode), row: parseInt(block.dataset.row, 10)};
            var next = {index: current.index, row: current.row};
            if (event.key === 'ArrowUp') {
                next.row = Math.max(1, current.row - 1);
            } else if (event.key === 'ArrowDown') {
                next.row = Math.min(rows, current.row + 1);
            } else if (event.key === 'ArrowLeft') {
                next.index = Math.max(0, current.index - 1);
            } else if (event.key === 'ArrowRight') {
                next.index = Math.min(bodies.length - 1, current.index + 1);
            } else if (event.key === 'Escape' && pending) {
                pending = null;
                block.classList.remove('moving');
                block.style.transform = '';
                announce('');
                return;
            } else if (event.key === 'Enter' && pending) {
                event.preventDefault();
                window.location.assign(confirmUrl(block, grid, bodies[pending.index], pending.row));
                return;
            } else {
                return;
            }
            event.preventDefault();
            pending = next;
            var from = block.parentNode.getBoundingClientRect();
            var to = bodies[next.index].getBoundingClientRect();
            var height = rowHeight(block.parentNode, grid);
            block.classList.add('moving');
            block.style.transform = 'translate(' + (to.left - from.left) + 'px,'
                + ((next.row - parseInt(block.dataset.row, 10)) * height) + 'px)';
            announce(timeOf(grid, next.row) + ' · ' + headOf(bodies[next.index]) + ' · '
                + grid.dataset.confirmHint);
        });
    }

    function advanceNowLine(grid) {
        var lines = grid.querySelectorAll('.now-line');
        if (!lines.length) {
            return;
        }
        var loaded = Date.now();
        window.setInterval(function () {
            var minutes = (Date.now() - loaded) / 60000;
            Array.prototype.forEach.call(lines, function (line) {
                var height = rowHeight(line.parentNode, grid);
                line.style.transform = 'translateY(' + (minutes / ROW_MINUTES * height) + 'px)';
            });
        }, 60000);
    }

    document.addEventListener('DOMContentLoaded', function () {
        var grid = document.querySelector('.day-grid');
        if (!grid) {
            return;
        }
        advanceNowLine(grid);
        if (!grid.classList.contains('movable')) {
            return;
        }
        Array.prototype.forEach.call(grid.querySelectorAll('.block[data-movable="true"]'), function (block) {
            enableDrag(grid, block);
            enableKeys(grid, block);
        });
    });
}());
