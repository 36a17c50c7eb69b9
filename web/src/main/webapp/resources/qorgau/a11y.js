/*
 * PrimeFaces' select menu builds its list of options in the browser, without a name, inside a scrolling box: a screen
 * reader announces an unnamed list, and axe finds an unnamed listbox and a scroll box no keyboard can reach. Each
 * time a menu opens, its list is named as the menu itself is (by its label) and its box is a Tab stop while open; the
 * arrow keys still move through the options from the menu, as before.
 */
(function () {
    var widgets = window.PrimeFaces && PrimeFaces.widget;
    if (!widgets || !widgets.SelectOneMenu) {
        return;
    }

    function label(menu) {
        var ids = [menu.id + '_input', menu.id + '_focus', menu.id];
        for (var i = 0; i < ids.length; i++) {
            var found = document.querySelector('label[for="' + CSS.escape(ids[i]) + '"]');
            if (found) {
                return found;
            }
        }
        return null;
    }

    function name(menu, list) {
        if (list.attr('aria-labelledby') || list.attr('aria-label')) {
            return;
        }
        var target = menu.keyboardTarget;
        if (target.attr('aria-labelledby')) {
            list.attr('aria-labelledby', target.attr('aria-labelledby'));
        } else if (target.attr('aria-label')) {
            list.attr('aria-label', target.attr('aria-label'));
        } else {
            var own = label(menu);
            if (own && own.id) {
                list.attr('aria-labelledby', own.id);
            } else if (own) {
                list.attr('aria-label', own.textContent.trim());
            }
        }
    }

    var show = widgets.SelectOneMenu.prototype._show;
    widgets.SelectOneMenu.prototype._show = function () {
        name(this, this.itemsWrapper.children('.ui-selectonemenu-items'));
        this.itemsWrapper.attr('tabindex', '0');
        return show.apply(this, arguments);
    };
})();
