// Ticking displays: count-ups and countdowns that the server renders once, from a reading and the moment it was
// true, and that the browser moves on every second by itself, with no round trip and no render on the server.
// Any element can tick (TickingText.razor renders one):
//   data-tick="up" | "down"     counts up from the reading, or down to zero
//   data-tick-ms="125000"       the reading, in milliseconds
//   data-tick-at="1764331200000" when the reading was true, in Unix milliseconds on the server's clock
//   data-tick-running           present while the clock runs; without it the reading stands still
//   data-tick-format="clock"    how to write it: "clock" is h:mm:ss, or m:ss under an hour; clock.js adds the time
//                               systems' formats, which read more data-tick-* attributes
//   data-tick-label="Time played: {}"  if present, the element's aria-label, with {} for the text
//   data-tick-low-ms="30000"    if present, data-low="true" on the element's [data-tick-scope] (or itself) while the
//                               value is below it, and data-out="true" once a countdown is at zero
// The text is the element's own first text node, changed in place (the node Blazor renders and updates). The value
// is worked out from the server's reading each time, never by adding seconds up, so it cannot drift from it.
// The server's clock is this page's clock less an offset that the server measures once per circuit
// (ServerClockSync.razor): igoTicking.now() and igoTicking.setOffset().
(() => {
    let offsetMs = 0;
    let bestRoundTripMs = Infinity;
    const now = () => performance.timeOrigin + performance.now();
    const pad = (n) => String(n).padStart(2, "0");
    // A format writes a value (ms, counting down or not, the element's dataset) as text.
    const formats = {
        // A count-up shows whole seconds passed; a countdown shows 0:00 only once the time is out.
        clock: (ms, down) => {
            const total = Math.max(0, down ? Math.ceil(ms / 1000) : Math.floor(ms / 1000));
            const hours = Math.floor(total / 3600);
            const minutes = Math.floor(total / 60) % 60;
            const seconds = total % 60;
            return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
        },
    };

    const valueAt = (element, serverNow) => {
        const reading = Number(element.dataset.tickMs);
        if (!element.hasAttribute("data-tick-running")) {
            return reading;
        }

        const passed = Math.max(0, serverNow - Number(element.dataset.tickAt));
        return element.dataset.tick === "down" ? Math.max(0, reading - passed) : reading + passed;
    };

    // Milliseconds until the written value changes (a little after, so that the new second has begun).
    const untilChange = (element, value) => {
        const intoSecond = value % 1000;
        return (element.dataset.tick === "down" ? (intoSecond || 1000) : 1000 - intoSecond) + 5;
    };

    const show = (element, value) => {
        const text = (formats[element.dataset.tickFormat] ?? formats.clock)(value, element.dataset.tick === "down", element.dataset);
        const node = element.firstChild;
        if (node && node.nodeType === Node.TEXT_NODE) {
            if (node.nodeValue !== text) {
                node.nodeValue = text;
            }
        } else {
            element.prepend(document.createTextNode(text));
        }

        const label = element.dataset.tickLabel;
        if (label) {
            const spoken = label.replace("{}", text);
            if (element.getAttribute("aria-label") !== spoken) {
                element.setAttribute("aria-label", spoken);
            }
        }
    };

    // The server renders data-low and data-out too; they are written as "true" or "false", never removed, so that a
    // render that leaves them as they were does not undo what was set here meanwhile.
    const mark = (element, value) => {
        if (!element.dataset.tickLowMs) {
            return;
        }

        const scope = element.closest("[data-tick-scope]") ?? element;
        const low = String(value < Number(element.dataset.tickLowMs));
        const out = String(element.dataset.tick === "down" && value <= 0);
        if (scope.dataset.low !== low) {
            scope.dataset.low = low;
        }

        if (scope.dataset.out !== out) {
            scope.dataset.out = out;
        }
    };

    // Watchers (clock.js: announcements, beeps) hear each running value that changed the text, with the one before.
    const watchers = [];
    const lastValues = new WeakMap();
    const update = (element, serverNow, watch) => {
        const value = valueAt(element, serverNow);
        show(element, value);
        mark(element, value);
        const before = lastValues.get(element);
        lastValues.set(element, value);
        if (watch && before !== undefined && element.hasAttribute("data-tick-running")) {
            for (const watcher of watchers) {
                watcher(element, before, value);
            }
        }

        return value;
    };

    const tick = () => {
        const serverNow = now() - offsetMs;
        let next = 1000;
        for (const element of document.querySelectorAll("[data-tick][data-tick-running]")) {
            const value = update(element, serverNow, true);
            next = Math.min(next, untilChange(element, value));
        }

        setTimeout(tick, next);
    };

    // A new reading from the server (a move re-anchors a clock) is shown at once, and is where watching starts again.
    new MutationObserver((records) => {
        const serverNow = now() - offsetMs;
        for (const element of new Set(records.map((record) => record.target))) {
            if (element.hasAttribute("data-tick")) {
                lastValues.delete(element);
                update(element, serverNow, false);
            }
        }
    }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ["data-tick-ms", "data-tick-at", "data-tick-running"] });

    window.igoTicking = {
        now,
        formats,
        watch: (watcher) => watchers.push(watcher),
        // offset = this page's clock less the server's; the measure with the shortest round trip is the best one.
        setOffset: ({ offsetMs: offset, roundTripMs }) => {
            if (roundTripMs <= bestRoundTripMs) {
                bestRoundTripMs = roundTripMs;
                offsetMs = offset;
            }
        },
    };
    setTimeout(tick, 1000);
})();
