// Chat lines that arrive out of sight (ChatNotice.razor): whether the chat is in view, the tab's title while the tab
// is hidden ("(1) New message · Igo", restored when the player comes back), and a short sound when the player turned
// it on (local storage igo.chat-sound, off by default).
(() => {
    let unseen = 0;
    let ownTitle = null;
    let titleWatch = null;
    const titled = () => `(${unseen}) New message${unseen === 1 ? "" : "s"} · Igo`;

    // The page sets its own title as the game changes; while the tab is hidden the count stays in front of it.
    const ours = /^\(\d+\) New messages? · Igo$/;
    const applyTitle = () => {
        if (unseen > 0 && document.title !== titled()) {
            if (!ours.test(document.title)) {
                ownTitle = document.title;
            }

            document.title = titled();
        }
    };
    document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible" && unseen > 0) {
            unseen = 0;
            titleWatch?.disconnect();
            titleWatch = null;
            document.title = ownTitle ?? document.title;
        }
    });

    const chime = () => window.igoSound.play([660, 990], 0.12, 0.12);

    const chatOf = () => document.querySelector("section.chat");

    window.igoChat = {
        // Tells the component whether the chat is in view now and whenever that changes; answers the observer's stop.
        watch: (component) => {
            const chat = chatOf();
            if (!chat || !("IntersectionObserver" in window)) {
                return null;
            }

            const observer = new IntersectionObserver((entries) => {
                const entry = entries[entries.length - 1];
                component.invokeMethodAsync("ChatInView", entry.isIntersecting && entry.intersectionRatio > 0.25);
            }, { threshold: [0, 0.25, 0.5] });
            observer.observe(chat);
            return { stop: () => observer.disconnect() };
        },
        // A line from the opponent arrived: counted in the title if the tab is hidden, and chimed if wanted.
        arrived: () => {
            if (document.visibilityState === "hidden") {
                unseen++;
                applyTitle();
                if (!titleWatch) {
                    const title = document.querySelector("title");
                    titleWatch = title ? new MutationObserver(applyTitle) : null;
                    titleWatch?.observe(title, { childList: true, characterData: true, subtree: true });
                }
            }

            if (window.igoSound.on("igo.chat-sound")) {
                chime();
            }
        },
        // The notice was clicked: the chat comes into view with its input focused, ready for an answer.
        show: () => {
            const chat = chatOf();
            chat?.scrollIntoView({ behavior: "smooth", block: "center" });
            chat?.querySelector("#chat-input")?.focus({ preventScroll: true });
        },
    };
})();
