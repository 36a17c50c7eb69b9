/*
 * An action sent by AJAX that gets no answer from Qorgau — the connection broke, the node serving it went away in the
 * middle, or a proxy answered instead (its error page is not a Faces answer) — fails in the browser without a word,
 * and PrimeFaces leaves the button that sent it disabled. The page then says so: it is not known whether the action
 * was done, what she typed is still there, look before trying again (a note may have been saved); and the button is
 * given back, so that she can send it again without reloading what she typed away. Every answer Qorgau itself gives,
 * its notices and its "temporarily unavailable" included, is a Faces answer (XML) and shown by the page as before; a
 * request the browser dropped because the page was left says nothing.
 */
(function () {
    if (!window.jQuery || !window.PrimeFaces) {
        return;
    }
    jQuery(document).on('pfAjaxError', function (event, xhr, settings) {
        if (!xhr || xhr.statusText === 'abort') {
            return;
        }
        var type = (xhr.getResponseHeader && xhr.getResponseHeader('Content-Type')) || '';
        if (xhr.status !== 0 && type.indexOf('xml') >= 0) {
            return;
        }
        var source = PrimeFaces.ajax.Utils.getSourceId(settings);
        var button = source && PrimeFaces.getWidgetById(source);
        if (button && button.jq && button.jq.hasClass('ui-state-loading')) {
            PrimeFaces.buttonEndAjaxDisabled(button, button.jq);
        }
        var dialog = PF('connectionLost');
        if (dialog) {
            dialog.show();
        }
    });
})();
