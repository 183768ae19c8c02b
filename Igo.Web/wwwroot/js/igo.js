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

// A lost connection is noticed within 15 s (the default is 30 s) so the reconnecting banner appears promptly;
// the server pings every 5 s to match (UiServices.AddIgoUi sets its keep-alive).
Blazor.start({
    circuit: {
        configureSignalR: (builder) => builder.withServerTimeout(15000).withKeepAliveInterval(5000),
    },
});
