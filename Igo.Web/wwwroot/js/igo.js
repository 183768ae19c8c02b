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

// A lost connection is noticed within 15 s (the default is 30 s) so the reconnecting banner appears promptly;
// the server pings every 5 s to match (UiServices.AddIgoUi sets its keep-alive).
Blazor.start({
    circuit: {
        configureSignalR: (builder) => builder.withServerTimeout(15000).withKeepAliveInterval(5000),
    },
});
