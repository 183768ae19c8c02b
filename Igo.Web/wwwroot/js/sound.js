// The page's short sounds (the clock's beep in its last seconds, clock.js; the chat's chime, chat.js), each behind a
// preference the player turns on (local storage, off by default; SoundSwitch.razor writes it).
window.igoSound = (() => {
    let audio = null;
    const preferences = ["igo.clock-sound", "igo.chat-sound"];
    const on = (preference) => {
        try {
            return window.localStorage.getItem(preference) === "true";
        } catch {
            return false;
        }
    };

    // Browsers start audio only after a gesture: the page's first click or key lets the sounds play later.
    const unlock = () => {
        if (preferences.some(on)) {
            audio ??= new AudioContext();
            audio.resume?.();
        }
    };
    document.addEventListener("pointerdown", unlock, { capture: true });
    document.addEventListener("keydown", unlock, { capture: true });

    return {
        on,
        // Tones of `frequencies` (Hz) one after the other, each `length` seconds long.
        play: (frequencies, length, volume) => {
            try {
                audio ??= new AudioContext();
                frequencies.forEach((frequency, i) => {
                    const oscillator = audio.createOscillator();
                    const gain = audio.createGain();
                    const at = audio.currentTime + (i * length);
                    oscillator.frequency.value = frequency;
                    gain.gain.setValueAtTime(volume, at);
                    gain.gain.exponentialRampToValueAtTime(0.001, at + length);
                    oscillator.connect(gain).connect(audio.destination);
                    oscillator.start(at);
                    oscillator.stop(at + length + 0.01);
                });
            } catch {
                // No audio here: what the sound is about is still seen and announced.
            }
        },
    };
})();
