// Small browser helpers for the Blazor UI. Everything here is best effort: a blocked API answers false/null.
window.igo = {
    copy: async (text) => {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            try {
                const area = document.createElement("textarea");
                area.value = text;
                area.setAttribute("readonly", "");
                area.style.position = "fixed";
                area.style.opacity = "0";
                document.body.appendChild(area);
                area.select();
                const copied = document.execCommand("copy");
                area.remove();
                return copied;
            } catch {
                return false;
            }
        }
    },
    scrollToEnd: (element) => {
        if (element) {
            element.scrollTop = element.scrollHeight;
        }
    },
    timeZoneOffsetMinutes: () => -new Date().getTimezoneOffset(),
    prefersTouch: () => window.matchMedia("(pointer: coarse)").matches,
    download: (fileName, contentType, text) => {
        const url = URL.createObjectURL(new Blob([text], { type: contentType }));
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    // After an arrow key the server moves the board's tab stop; the keyboard's focus follows it here.
    focusPoint: (grid, label) => {
        grid?.querySelector(`[data-point="${label}"]`)?.focus({ preventScroll: true });
    },
    // The zoomed board's window scrolls so that the board's focus (its tab stop: the last move, or where the player
    // was) is in the middle.
    centreOnFocus: (frame) => {
        const point = frame?.querySelector("[role=gridcell][tabindex='0']") ?? frame?.querySelector("[role=gridcell]");
        if (!frame || !point) {
            return;
        }

        const box = frame.getBoundingClientRect();
        const at = point.getBoundingClientRect();
        frame.scrollLeft += at.left + at.width / 2 - (box.left + box.width / 2);
        frame.scrollTop += at.top + at.height / 2 - (box.top + box.height / 2);
    },
    storage: {
        get: (name) => {
            try {
                return window.localStorage.getItem(name);
            } catch {
                return null;
            }
        },
        set: (name, value) => {
            try {
                window.localStorage.setItem(name, value);
            } catch {
                // Storage disabled or full: the preference is simply not remembered.
            }
        },
    },
};

// Arrow keys, Home, End and Space move around the board instead of scrolling the page.
const boardKeys = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", " "]);
document.addEventListener("keydown", (event) => {
    if (boardKeys.has(event.key) && event.target instanceof Element && event.target.closest(".igo-board-grid")) {
        event.preventDefault();
    }
});

// A page the server refuses a circuit (too many pages open from one address, Security:MaxCircuitsPerAddress) gets no
// live connection: blazor.web.js leaves the refusal unhandled, so it is caught here and its sentence shown, with no
// reconnecting banner (the connection itself stays up, so none starts).
window.addEventListener("unhandledrejection", (event) => {
    const text = String(event.reason?.message ?? "");
    const marker = "HubException: ";
    const at = text.indexOf(marker);
    if (!text.includes("'StartCircuit'") || at < 0 || document.getElementById("igo-refused")) {
        return;
    }

    event.preventDefault();
    const banner = document.createElement("div");
    banner.id = "igo-refused";
    banner.setAttribute("role", "alert");
    banner.textContent = text.slice(at + marker.length);
    const reload = document.createElement("button");
    reload.type = "button";
    reload.textContent = "Reload";
    reload.addEventListener("click", () => location.reload());
    banner.append(reload);
    document.body.append(banner);
});

// A review's keys step through the moves (ReviewBoard): they must not scroll the page too. The board and the slider
// keep their own use of them.
const reviewKeys = new Set(["ArrowLeft", "ArrowRight", "PageUp", "PageDown", "Home", "End"]);
document.addEventListener("keydown", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (reviewKeys.has(event.key) && target?.closest("[data-review-keys]") && !target.closest(".igo-board-grid, input, textarea, select")) {
        event.preventDefault();
    }
});

// The board listens once for all its points (GoBoard's @onpointclick and @onpointkeydown): the point is named by the
// data-point of the element the event came from.
const pointOf = (event) => event.target instanceof Element ? event.target.closest("[data-point]")?.getAttribute("data-point") ?? null : null;
Blazor.registerCustomEventType("pointclick", {
    browserEventName: "click",
    createEventArgs: (event) => ({ point: pointOf(event) }),
});
Blazor.registerCustomEventType("pointkeydown", {
    browserEventName: "keydown",
    createEventArgs: (event) => ({ point: pointOf(event), key: event.key }),
});

// Each point is one markup block, which Blazor replaces whole when what it draws changes. If the point that had the
// keyboard's focus is replaced, the focus goes to its replacement at once (before the next key is handled), as if
// the point had only changed: keys typed during the update still reach the board.
const watchedBoards = new WeakSet();
let focusedPoint = null;
document.addEventListener("focusin", (event) => {
    const point = event.target instanceof Element ? event.target.closest(".igo-board-grid [data-point]") : null;
    focusedPoint = point;
    const grid = point?.closest(".igo-board-grid");
    if (grid && !watchedBoards.has(grid)) {
        watchedBoards.add(grid);
        new MutationObserver((records) => {
            const lost = focusedPoint;
            const replaced = lost && !lost.isConnected && records.some((record) => [...record.removedNodes].includes(lost));
            const focusElsewhere = document.activeElement && document.activeElement !== document.body;
            if (replaced && !focusElsewhere) {
                grid.querySelector(`[data-point="${lost.getAttribute("data-point")}"]`)?.focus({ preventScroll: true });
            }
        }).observe(grid, { childList: true, subtree: true });
    }
});
document.addEventListener("focusout", (event) => {
    // The player left the point (for another element, or for nothing with a click beside it) if it is still there
    // once this event is over; a replaced point is gone by then, and keeps its claim on the focus.
    const left = event.target;
    setTimeout(() => {
        if (focusedPoint === left && left.isConnected && document.activeElement !== left) {
            focusedPoint = null;
        }
    });
});

// A lost connection is noticed within 15 s (the default is 30 s) so the reconnecting banner appears promptly;
// the server pings every 5 s to match (UiServices.AddIgoUi sets its keep-alive).
Blazor.start({
    circuit: {
        configureSignalR: (builder) => builder.withServerTimeout(15000).withKeepAliveInterval(5000),
    },
});
